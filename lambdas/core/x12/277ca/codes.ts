/**
 * Stable codes of the 277CA reader and writer. Callers may switch on them, so
 * never rename one.
 */
export const X277_ERROR = {
  /** ST01 is not 277. */
  NOT_277: 'X277-NOT-277',
  /** An HL whose level cannot sit where it is (a 19 with no 21 above it, a claim TRN outside a patient HL, ...). */
  HIERARCHY: 'X277-HIERARCHY',
  /** An element needed to identify or classify (HL03, 2200D TRN02, STC01-1/-2, SVC01) is missing. */
  MISSING_ELEMENT: 'X277-MISSING-ELEMENT',
  /** The writer was given a model the guide cannot express. */
  WRITE_INVALID: 'X277-WRITE-INVALID',
} as const;

export const X277_WARNING = {
  /** The transaction set is not a 277CA (ST03/GS08 005010X214, BHT01 0085): read as far as it agrees. */
  NOT_277CA: 'X277-NOT-277CA',
  /** BHT missing or out of place. */
  MISSING_SEGMENT: 'X277-MISSING-SEGMENT',
  /** A segment that is not part of the 277CA or is out of place; skipped. */
  UNEXPECTED_SEGMENT: 'X277-UNEXPECTED-SEGMENT',
  /** A date that is not CCYYMMDD (or CCYYMMDD-CCYYMMDD); left undefined. */
  BAD_DATE: 'X277-BAD-DATE',
  /** An amount that is not an X12 decimal with at most two decimals; left undefined. */
  BAD_AMOUNT: 'X277-BAD-AMOUNT',
  /** A quantity that is not a whole number; left undefined. */
  BAD_NUMBER: 'X277-BAD-NUMBER',
  /** HL02 does not name the HL the level hangs under; the latest HL of the parent level is used. */
  HL_PARENT: 'X277-HL-PARENT',
  /** An HL level code this reader does not know; its segments are skipped. */
  UNKNOWN_LEVEL: 'X277-UNKNOWN-LEVEL',
} as const;
