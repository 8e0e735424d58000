/** Stable warning codes of the 837 readers. Never rename one: callers switch on them. */
export const X837_WARNING = {
  /** A segment id that has no place in an 837P. */
  UNKNOWN_SEGMENT: 'X837-UNKNOWN-SEGMENT',
  /** A known segment where it cannot be read (e.g. SV1 before any LX, CLM before any HL). */
  UNEXPECTED_SEGMENT: 'X837-UNEXPECTED-SEGMENT',
  /** HL03 other than 20, 22 or 23. */
  UNKNOWN_HL_LEVEL: 'X837-UNKNOWN-HL-LEVEL',
  /** A claim whose billing provider or subscriber HL could not be reached through HL02. */
  HL_PARENT: 'X837-HL-PARENT',
  /** SBR01 other than P: the canonical claim has no payer sequence and is read as if primary. */
  PAYER_RESPONSIBILITY: 'X837-PAYER-RESPONSIBILITY',
  /** SV103 other than UN (e.g. MJ anesthesia minutes): SV104 is still read as units. */
  UNIT_BASIS: 'X837-UNIT-BASIS',
  /** An SV107 diagnosis pointer that is not a number; it is left out. */
  BAD_POINTER: 'X837-BAD-POINTER',
  /** A transaction set that is not an 837 (skipped by read837). */
  NOT_837: 'X837-NOT-837',
  /** An 837 that is institutional or dental by its version (skipped by read837). */
  NOT_PROFESSIONAL: 'X837-NOT-PROFESSIONAL',
} as const;
