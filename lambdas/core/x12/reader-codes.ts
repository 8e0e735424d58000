/**
 * Stable codes of the X12 reader. Fatal codes come back as an X12Error from
 * parseX12; warning codes are attached to the ParsedX12 and never stop reading.
 * Callers (and 999/TA1 builders) may switch on them, so never rename one.
 */
export const X12_FATAL = {
  /** Not a string or byte array. */
  INPUT: 'X12-INPUT',
  /** Nothing but whitespace (or a byte-order mark). */
  EMPTY: 'X12-EMPTY',
  /** Control characters or NUL bytes where an ISA should start. */
  BINARY: 'X12-BINARY',
  /** The first thing in the input (or after an IEA) is not an ISA. */
  NO_ISA: 'X12-NO-ISA',
  /** The ISA ends before its 16th element (ISA16). */
  ISA_SHORT: 'X12-ISA-SHORT',
  /** Element, component or segment delimiters are missing, alphanumeric or clash. */
  DELIMITERS: 'X12-DELIMITERS',
  /** A defect of the reader itself; reported instead of throwing. */
  INTERNAL: 'X12-INTERNAL',
} as const;

export const X12_WARNING = {
  /** SE01 differs from the counted segments ST..SE, or is not a number. */
  SE_COUNT: 'X12-SE-COUNT',
  /** GE01 differs from the transaction sets in the group. */
  GE_COUNT: 'X12-GE-COUNT',
  /** IEA01 differs from the functional groups in the interchange. */
  IEA_COUNT: 'X12-IEA-COUNT',
  /** SE02 != ST02, GE02 != GS06 or IEA02 != ISA13. */
  CONTROL_MISMATCH: 'X12-CONTROL-MISMATCH',
  /** An ST, GS or ISA that is never closed by its SE, GE or IEA. */
  MISSING_TRAILER: 'X12-MISSING-TRAILER',
  /** Segments that are not inside the envelope level they need (e.g. a CLM between GE and GS). */
  SEGMENT_OUTSIDE_ENVELOPE: 'X12-SEGMENT-OUTSIDE-ENVELOPE',
  /** A segment id that is not 2-3 upper-case letters/digits starting with a letter. */
  BAD_SEGMENT_ID: 'X12-BAD-SEGMENT-ID',
  /** CR/LF inside segments of a file whose terminator is not a line break (wrapped lines); they are removed. */
  LINE_BREAK_IN_SEGMENT: 'X12-LINE-BREAK-IN-SEGMENT',
  /** An interchange-level segment such as TA1 that this reader does not keep. */
  INTERCHANGE_SEGMENT_IGNORED: 'X12-INTERCHANGE-SEGMENT-IGNORED',
} as const;
