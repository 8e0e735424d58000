/** Stable warning codes of the 837 readers. Never rename one: callers switch on them. */
export const X837_WARNING = {
  /** A segment id that has no place in this kind of 837. */
  UNKNOWN_SEGMENT: 'X837-UNKNOWN-SEGMENT',
  /** A known segment where it cannot be read (e.g. SV1 before any LX, CLM before any HL). */
  UNEXPECTED_SEGMENT: 'X837-UNEXPECTED-SEGMENT',
  /** HL03 other than 20, 22 or 23. */
  UNKNOWN_HL_LEVEL: 'X837-UNKNOWN-HL-LEVEL',
  /** A claim whose billing provider or subscriber HL could not be reached through HL02. */
  HL_PARENT: 'X837-HL-PARENT',
  /** SBR01 other than P (kept since the model has payer.responsibility; no longer emitted). */
  PAYER_RESPONSIBILITY: 'X837-PAYER-RESPONSIBILITY',
  /** SV103 other than UN (kept since the model has unitBasis; no longer emitted). */
  UNIT_BASIS: 'X837-UNIT-BASIS',
  /** An SV107 diagnosis pointer that is not a number; it is left out. */
  BAD_POINTER: 'X837-BAD-POINTER',
  /** A transaction set that is not an 837 (skipped by read837). */
  NOT_837: 'X837-NOT-837',
  /** A dental 837 (by its version); skipped by read837. */
  NOT_PROFESSIONAL: 'X837-NOT-PROFESSIONAL',
  /** A loop occurrence the canonical claim does not carry (2330C-I other payer providers, 2440 forms, unknown name loops). */
  UNMAPPED_LOOP: 'X837-UNMAPPED-LOOP',
  /** A segment (or a qualifier of it) in a mapped loop that the canonical claim does not carry. */
  UNMAPPED_SEGMENT: 'X837-UNMAPPED-SEGMENT',
  /** Part of a segment (a composite, an element) the canonical claim does not carry. */
  UNMAPPED_ELEMENT: 'X837-UNMAPPED-ELEMENT',
  /** An 837 whose version is not the one the reader is written for (read as far as the guides agree). */
  VERSION: 'X837-VERSION',
} as const;
