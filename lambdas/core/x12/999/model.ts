/**
 * The implementation acknowledgment model: one 999 (005010X231A1) transaction
 * set acknowledges one functional group of the file we sent (AK1 = GS of our
 * batch) and, per transaction set in it (AK2 = ST of one 837), says accepted,
 * accepted with errors or rejected, with segment (IK3/CTX) and element (IK4)
 * errors. The reader (read-999.ts) fills it; the writer (write-999.ts) and the
 * payer sandbox produce it.
 *
 * Conventions:
 * - `filePosition`: 1-based segment position in the 999 file (ISA is 1) when
 *   read, absent for models built in memory;
 * - `SegmentError.position` is IK302: the position of the faulty segment
 *   inside the acknowledged transaction set, counting its ST as 1 (that is
 *   what `locateClaim` maps back to a claim);
 * - `ElementError.position` is IK401, the C030 composite element:component:repetition;
 * - IK404 (the bad data value) is never kept: it may be PHI.
 */

/**
 * AK901 / IK501 mapped: A accepted, E accepted but errors were noted,
 * R rejected, P partially accepted (AK901 only). M (MAC failed), W (assurance
 * failed) and X (content could not be analysed after decryption) are
 * rejections too and map to 'rejected'; the code as sent stays in `statusCode`.
 */
export type GroupAckStatus = 'accepted' | 'accepted_with_errors' | 'rejected' | 'partially_accepted';
export type TransactionAckStatus = 'accepted' | 'accepted_with_errors' | 'rejected';

/** C030 position in segment (IK401, CTX05): "3:1" in the file is element 3, component 1. */
export interface ElementPosition {
  /** C030-1: element position in the segment (1 is the first element after the id). */
  element: number;
  /** C030-2: component position in a composite. */
  component?: number;
  /** C030-3: repetition of a repeating element. */
  repetition?: number;
}

/** CTX: the business unit (CTX01 e.g. "CLM01:<value>") or the segment context of an error. */
export interface ErrorContext {
  /**
   * CTX01-1: "SITUATIONAL TRIGGER" or a business unit name such as "CLM01".
   * The CTX01-2 reference value (e.g. the claim's CLM01) is kept in `reference`.
   */
  name: string;
  /** CTX01-2: the business unit value (e.g. our patient control number). */
  reference?: string;
  /** CTX02: segment id of the context segment. */
  segmentId?: string;
  /** CTX03: its position in the transaction set (ST = 1). */
  segmentPosition?: number;
  /** CTX04: loop identifier. */
  loopId?: string;
  /** CTX05: position in segment (C030). */
  elementPosition?: ElementPosition;
  /** CTX06-1: data element reference number (CTX06-2, the component's, is not kept). */
  elementRef?: string;
  filePosition?: number;
}

/** IK4: one element error in the segment named by the enclosing IK3. */
export interface ElementError {
  /** IK401 (C030): element position, with the component and repetition when given. */
  position: ElementPosition;
  /** IK402: data element reference number (e.g. "1028"), when given. */
  elementRef?: string;
  /** IK403: implementation data element syntax error code (1-13, I6-I13). */
  errorCode: string;
  /** CTX under this IK4 (element context), when given. */
  contexts: ErrorContext[];
  filePosition?: number;
}

/** IK3 (loop 2100): one segment error. */
export interface SegmentError {
  /** IK301: id of the faulty segment. */
  segmentId: string;
  /** IK302: its position in the acknowledged transaction set, counting ST as 1. */
  position: number;
  /** IK303: loop id, when given (e.g. "2300"). */
  loopId?: string;
  /** IK304: implementation segment syntax error code (1-8, I4-I9). */
  errorCode: string;
  /** CTX segments of loop 2100 (business unit and segment context). */
  contexts: ErrorContext[];
  elementErrors: ElementError[];
  filePosition?: number;
}

/** AK2 loop 2000: the response to one transaction set of the acknowledged group. */
export interface TransactionSetAck {
  /** AK201: e.g. "837". */
  transactionType: string;
  /** AK202: the acknowledged ST02. */
  controlNumber: string;
  /** AK203: the acknowledged ST03 (e.g. "005010X222A1"), when given. */
  version?: string;
  /** IK501 mapped. Absent only when a faulty file lacks the IK5. */
  status?: TransactionAckStatus;
  /** IK501 as sent ("A", "E", "R", "M", "W", "X"); the writer uses it when it agrees with `status`. */
  statusCode?: string;
  /** IK502-IK506: implementation transaction set syntax error codes. */
  errorCodes: string[];
  segmentErrors: SegmentError[];
  /** Position of the AK2 segment in the 999 file. */
  filePosition?: number;
}

/** AK1 ... AK9: the response to one functional group. */
export interface FunctionalGroupAck {
  /** AK101: the acknowledged GS01 (e.g. "HC"). */
  functionalId: string;
  /** AK102: the acknowledged GS06 (our batch's group control number). */
  groupControlNumber: string;
  /** AK103: the acknowledged GS08, when given. */
  version?: string;
  /** AK901 mapped. Absent only when a faulty file lacks the AK9. */
  status?: GroupAckStatus;
  /** AK901 as sent; the writer uses it when it agrees with `status`. */
  statusCode?: string;
  /** AK902-AK904: transaction sets included, received, accepted. */
  counts: { included?: number; received?: number; accepted?: number };
  /** AK905-AK909: functional group syntax error codes. */
  groupErrors: string[];
  transactions: TransactionSetAck[];
  /** Position of the AK1 segment in the 999 file. */
  filePosition?: number;
}

/** The 999s of one interchange (one ST per acknowledged group; a file may hold several). */
export interface Ack999 {
  /** ISA13 of the 999 interchange. */
  interchangeControlNumber?: string;
  /** GS06 of the 999's own functional group. */
  groupControlNumber?: string;
  acks: FunctionalGroupAck[];
}

/** AK901 codes → status. */
export const GROUP_ACK_STATUS: Readonly<Record<string, GroupAckStatus>> = {
  A: 'accepted',
  E: 'accepted_with_errors',
  R: 'rejected',
  P: 'partially_accepted',
  M: 'rejected',
  W: 'rejected',
  X: 'rejected',
};

/** IK501 codes → status. */
export const TRANSACTION_ACK_STATUS: Readonly<Record<string, TransactionAckStatus>> = {
  A: 'accepted',
  E: 'accepted_with_errors',
  R: 'rejected',
  M: 'rejected',
  W: 'rejected',
  X: 'rejected',
};

/** Status → the code the writer uses when the model gives no `statusCode`. */
export const GROUP_ACK_CODE: Readonly<Record<GroupAckStatus, string>> = {
  accepted: 'A',
  accepted_with_errors: 'E',
  rejected: 'R',
  partially_accepted: 'P',
};

export const TRANSACTION_ACK_CODE: Readonly<Record<TransactionAckStatus, string>> = {
  accepted: 'A',
  accepted_with_errors: 'E',
  rejected: 'R',
};
