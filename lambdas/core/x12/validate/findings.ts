/**
 * What the implementation-guide validator reports. Codes are stable (the
 * batch step and people's scripts switch on them): never rename one.
 * Messages name segments, elements and rules, never the values in them
 * (they may be PHI).
 */

export const FINDING = {
  /** The input cannot be read as X12 at all (no ISA, binary, broken delimiters). */
  X12_UNREADABLE: 'X12_UNREADABLE',
  /** No guide for this version / transaction (e.g. 004010 files); the content was not checked. */
  GUIDE_UNKNOWN: 'GUIDE_UNKNOWN',
  /** A required segment (or the trailer SE/GE/IEA) is missing. */
  SEG_MISSING: 'SEG_MISSING',
  /** A segment that the guide does not allow here (wrong place, wrong qualifier, unknown id, outside the envelope). */
  SEG_UNEXPECTED: 'SEG_UNEXPECTED',
  /** A segment repeats more often than its maximum use. */
  SEG_REPEAT: 'SEG_REPEAT',
  /** A segment ends with empty elements (trailing element or component separators). */
  SEG_TRAILING_SEPARATOR: 'SEG_TRAILING_SEPARATOR',
  /** A segment has more elements than the standard defines (or a composite more components). */
  SEG_TOO_MANY_ELEMENTS: 'SEG_TOO_MANY_ELEMENTS',
  /** A segment starts with spaces or tabs (padding inside the data stream). */
  SEG_LEADING_SPACE: 'SEG_LEADING_SPACE',
  /** A required loop is missing. */
  LOOP_MISSING: 'LOOP_MISSING',
  /** A loop repeats more often than its maximum. */
  LOOP_REPEAT: 'LOOP_REPEAT',
  /** A loop counter (LX01) does not number the repeats 1, 2, 3... */
  LOOP_SEQUENCE: 'LOOP_SEQUENCE',
  ELEM_REQUIRED: 'ELEM_REQUIRED',
  ELEM_NOT_USED: 'ELEM_NOT_USED',
  ELEM_LENGTH: 'ELEM_LENGTH',
  /** Wrong data type: not a number, not a valid date/time, invalid characters, a separator inside a simple element. */
  ELEM_TYPE: 'ELEM_TYPE',
  /** An ID element whose value is not in the guide's code list. */
  ELEM_CODE: 'ELEM_CODE',
  /** Repetition separator in an element that does not repeat, or too many repeats. */
  ELEM_REPEAT: 'ELEM_REPEAT',
  /** A syntax note of the standard (paired, required-one-of, exclusion, conditional) is broken. */
  ELEM_SYNTAX: 'ELEM_SYNTAX',
  /** HL02 does not point to the enclosing hierarchical level. */
  HL_PARENT: 'HL_PARENT',
  /** HL01 does not count 1, 2, 3... in the transaction set. */
  HL_COUNT: 'HL_COUNT',
  /** HL04 says the level has children (1) or none (0), and the file disagrees. */
  HL_CHILD: 'HL_CHILD',
  SE_COUNT: 'SE_COUNT',
  GE_COUNT: 'GE_COUNT',
  IEA_COUNT: 'IEA_COUNT',
  /** SE02/ST02, GE02/GS06 or IEA02/ISA13 differ. */
  CONTROL_MISMATCH: 'CONTROL_MISMATCH',
  /** ISA13 repeats in the file, GS06 in the interchange, or ST02 in the group. */
  CONTROL_DUPLICATE: 'CONTROL_DUPLICATE',
  /** ST03 differs from GS08, or GS01 does not fit the transaction set. */
  VERSION_MISMATCH: 'VERSION_MISMATCH',
  /** The reader met something it tolerated (e.g. lines wrapped inside segments). */
  X12_NOTICE: 'X12_NOTICE',
  /** A defect of the validator itself, reported instead of throwing. */
  INTERNAL: 'INTERNAL',
} as const;

export type FindingCode = (typeof FINDING)[keyof typeof FINDING];

export type Severity = 'error' | 'warning';

export interface ValidationFinding {
  code: FindingCode;
  severity: Severity;
  /** Names the segment/element and the rule; never the value. */
  message: string;
  /** 1-based segment position in the file (ISA is 1), as parseX12 counts. */
  position?: number;
  /** Guide loop id ("2300"), "ST" for the header, or ISA/GS for envelopes. */
  loopId?: string;
  segmentId?: string;
  /** Element reference: "CLM05-1", "NM109". */
  element?: string;
  /** CLM01 of the claim the finding is in (only inside the claim loop). */
  claimId?: string;
  /** HL01 of the hierarchical level the finding is in. */
  hl?: string;
  /** ST02, GS06 and ISA13 of the enclosing envelopes. */
  transactionControlNumber?: string;
  groupControlNumber?: string;
  interchangeControlNumber?: string;
}

/** A claim (2300 loop) met while validating, to attribute findings to claims. */
export interface ClaimRef {
  claimId: string;
  /** Position of the CLM segment. */
  position: number;
  /** HL01 of the levels above the claim (billing provider, subscriber, patient). */
  hls: string[];
}

export interface TransactionSummary {
  type: string;
  version: string;
  /** The guide used, e.g. "005010X222A1"; undefined when none matched. */
  guide?: string;
  transactionControlNumber: string;
  groupControlNumber: string;
  interchangeControlNumber: string;
  /** Positions of ST and SE (SE may be missing: then the last segment of the set). */
  start: number;
  end: number;
  claims: ClaimRef[];
}

export interface EnvelopeRange {
  controlNumber: string;
  start: number;
  end: number;
}

export interface ValidationReport {
  findings: ValidationFinding[];
  errorCount: number;
  warningCount: number;
  transactions: TransactionSummary[];
  groups: EnvelopeRange[];
  interchanges: EnvelopeRange[];
}
