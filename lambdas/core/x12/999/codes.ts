/**
 * Stable codes of the 999 reader and writer. Callers may switch on them, so
 * never rename one.
 */
export const X999_ERROR = {
  /** ST01 is not 999. */
  NOT_999: 'X999-NOT-999',
  /** A segment the guide requires (AK1) is missing. */
  MISSING_SEGMENT: 'X999-MISSING-SEGMENT',
  /** An element needed to match the acknowledgment to our batch (AK102, AK202, IK301, IK302) is missing. */
  MISSING_ELEMENT: 'X999-MISSING-ELEMENT',
  /** AK901 or IK501 is not one of the guide's codes. */
  BAD_CODE: 'X999-BAD-CODE',
  /** IK302 is not a positive whole number. */
  BAD_POSITION: 'X999-BAD-POSITION',
  /** AK2, IK3, IK4 or IK5 outside the loop that holds it (e.g. IK3 before any AK2). */
  OUT_OF_LOOP: 'X999-OUT-OF-LOOP',
  /** The writer was given a model the guide cannot express. */
  WRITE_INVALID: 'X999-WRITE-INVALID',
} as const;

export const X999_WARNING = {
  /** IK5 or AK9 missing: the status stays undefined. */
  MISSING_SEGMENT: 'X999-MISSING-SEGMENT',
  /** A segment that is not part of the 999 or that is out of place; skipped. */
  UNEXPECTED_SEGMENT: 'X999-UNEXPECTED-SEGMENT',
  /** An AK902-AK904 count or a CTX03 position that is not a whole number; left undefined. */
  BAD_NUMBER: 'X999-BAD-NUMBER',
  /** IK401 (or CTX05) is not element[:component[:repetition]]; that IK4 (or position) is dropped. */
  BAD_ELEMENT_POSITION: 'X999-BAD-ELEMENT-POSITION',
  /** IK403 missing; that IK4 is dropped. */
  MISSING_ELEMENT: 'X999-MISSING-ELEMENT',
  /** A second AK1 or AK9 in one transaction set; ignored. */
  REPEATED_SEGMENT: 'X999-REPEATED-SEGMENT',
} as const;
