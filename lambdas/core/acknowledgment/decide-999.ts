/**
 * What one 999 group acknowledgment (AK1 ... AK9) means for one group of our
 * batch: the status of each of its transaction sets, the errors with the
 * claims they fall in, and per claim whether it is rejected (its set was
 * rejected) or only gets a finding (its set was accepted with errors that lie
 * inside the claim). Pure: the caller supplies the claim locator (which reads
 * the 837 we sent) and applies the decisions.
 */
import type { AckErrorRecord, AckStatus, BatchGroupRecord, BatchTransactionAck, Finding } from '../ports.js';
import type { ElementPosition, FunctionalGroupAck, SegmentError, TransactionSetAck } from '../x12/999/model.js';
import { described, ELEMENT_ERROR_TEXT, GROUP_ERROR_TEXT, SEGMENT_ERROR_TEXT, TRANSACTION_ERROR_TEXT } from './code-texts.js';

/**
 * CLM01s of the claims the segment at `segmentPosition` (IK302, ST = 1) of
 * transaction set `transactionControlNumber` falls in; undefined when the
 * 837 cannot be consulted (then errors concern the whole set).
 */
export type ClaimLocator = (transactionControlNumber: string, segmentPosition: number) => string[] | undefined;

export interface ClaimAckDecision {
  claimId: string;
  /** 'rejected': its transaction set (or group) was rejected; 'note': accepted, with a finding for it. */
  action: 'rejected' | 'note';
  /** ST02 of the claim's transaction set. */
  transactionControlNumber: string;
  findings: Finding[];
}

export interface AckProblem {
  kind: 'ack-unmatched' | 'ack-incomplete';
  /** 1-based segment position in the 999 file, when known. */
  position?: number;
  message: string;
  detail?: Record<string, unknown>;
}

export interface GroupAckDecision {
  status: AckStatus;
  errors: AckErrorRecord[];
  transactions: BatchTransactionAck[];
  claims: ClaimAckDecision[];
  problems: AckProblem[];
}

export function decide999(ack: FunctionalGroupAck, group: BatchGroupRecord, locate: ClaimLocator): GroupAckDecision {
  const problems: AckProblem[] = [];
  const groupErrors: AckErrorRecord[] = ack.groupErrors.map((code) => ({ level: 'group', code, claimIds: [] }));
  const groupStatus: AckStatus = ack.status ?? 'unknown';
  if (ack.status === undefined) {
    problems.push({ kind: 'ack-incomplete', position: ack.filePosition, message: 'the 999 has no AK9: the group status is unknown' });
  }

  const known = new Set(group.transactions.map((t) => t.controlNumber));
  for (const tx of ack.transactions) {
    if (!group.transactions.some((t) => sameControlNumber(t.controlNumber, tx.controlNumber))) {
      problems.push({
        kind: 'ack-unmatched',
        position: tx.filePosition,
        message: 'AK202 names no transaction set of the batch group',
        detail: { transactionControlNumber: tx.controlNumber, known: [...known] },
      });
    }
  }

  const transactions: BatchTransactionAck[] = [];
  const claims: ClaimAckDecision[] = [];
  for (const sent of group.transactions) {
    const tx = ack.transactions.find((t) => sameControlNumber(sent.controlNumber, t.controlNumber));
    const status = transactionStatus(tx, groupStatus);
    if (tx && tx.status === undefined && status === 'unknown') {
      problems.push({ kind: 'ack-incomplete', position: tx.filePosition, message: 'the AK2 loop has no IK5: the transaction set status is unknown; its claims are left as they are', detail: { transactionControlNumber: sent.controlNumber } });
    } else if (!tx && status === 'unknown') {
      problems.push({ kind: 'ack-incomplete', position: ack.filePosition, message: 'the 999 has no AK2 for a transaction set of a partially accepted group; its claims are left as they are', detail: { transactionControlNumber: sent.controlNumber } });
    }
    const errors = tx ? transactionErrors(tx, (position) => locate(sent.controlNumber, position)) : [];
    transactions.push({ controlNumber: sent.controlNumber, status, errors });

    const inSet = new Set(sent.claimIds);
    if (status === 'rejected') {
      // Errors that no single claim of the set holds concern all of them.
      const general = [...groupErrors, ...errors.filter((e) => e.claimIds.length === 0 || e.claimIds.every((id) => !inSet.has(id)))];
      for (const claimId of sent.claimIds) {
        const own = errors.filter((e) => e.claimIds.includes(claimId));
        const findings = [...own, ...general].map((e) => findingOf(e, sent.controlNumber, 'error'));
        if (findings.length === 0) findings.push(rejectedSetFinding(sent.controlNumber));
        claims.push({ claimId, action: 'rejected', transactionControlNumber: sent.controlNumber, findings });
      }
    } else if (status === 'accepted_with_errors') {
      for (const claimId of sent.claimIds) {
        const own = errors.filter((e) => e.claimIds.includes(claimId));
        if (own.length === 0) continue;
        claims.push({ claimId, action: 'note', transactionControlNumber: sent.controlNumber, findings: own.map((e) => findingOf(e, sent.controlNumber, 'warning')) });
      }
    }
  }
  return { status: groupStatus, errors: groupErrors, transactions, claims, problems };
}

/**
 * IK501 when given. Without an AK2 for the set, AK9 speaks for it: a
 * rejected group rejects every set, an accepted group accepts them (a 999
 * may list only the sets with errors); a partially accepted group leaves it unknown.
 */
function transactionStatus(tx: TransactionSetAck | undefined, groupStatus: AckStatus): AckStatus {
  if (tx?.status) return tx.status;
  if (groupStatus === 'rejected') return 'rejected';
  if (!tx && (groupStatus === 'accepted' || groupStatus === 'accepted_with_errors')) return 'accepted';
  return 'unknown';
}

function transactionErrors(tx: TransactionSetAck, locate: (position: number) => string[] | undefined): AckErrorRecord[] {
  const errors: AckErrorRecord[] = tx.errorCodes.map((code) => ({ level: 'transaction', code, claimIds: [] }));
  for (const segment of tx.segmentErrors) {
    const claimIds = locate(segment.position) ?? [];
    errors.push({ level: 'segment', ...segmentFields(segment), code: segment.errorCode, claimIds });
    for (const element of segment.elementErrors) {
      errors.push({
        level: 'element',
        ...segmentFields(segment),
        code: element.errorCode,
        elementPosition: positionText(element.position),
        ...(element.elementRef ? { elementRef: element.elementRef } : {}),
        claimIds,
      });
    }
  }
  return errors;
}

function segmentFields(segment: SegmentError): Pick<AckErrorRecord, 'segmentId' | 'segmentPosition' | 'loopId'> {
  return { segmentId: segment.segmentId, segmentPosition: segment.position, ...(segment.loopId ? { loopId: segment.loopId } : {}) };
}

function positionText(position: ElementPosition): string {
  return [position.element, position.component, position.repetition].filter((n) => n !== undefined).join(':');
}

/** ST02s compare as written; "0001" and "1" are the same number to a receiver that drops zeros. */
export function sameControlNumber(a: string, b: string): boolean {
  if (a === b) return true;
  return /^\d+$/.test(a) && /^\d+$/.test(b) && Number(a) === Number(b);
}

/** A finding for one 999 error: rule id by level and code, message naming segment, loop and element. */
export function findingOf(error: AckErrorRecord, transactionControlNumber: string, severity: Finding['severity']): Finding {
  const where = `999 for transaction set ${transactionControlNumber}`;
  switch (error.level) {
    case 'group':
      return { ruleId: `999-AK905-${error.code}`, severity, message: `${where}: functional group error ${described(error.code, GROUP_ERROR_TEXT)}` };
    case 'transaction':
      return { ruleId: `999-IK502-${error.code}`, severity, message: `${where}: transaction set error ${described(error.code, TRANSACTION_ERROR_TEXT)}` };
    case 'segment':
      return { ruleId: `999-IK304-${error.code}`, severity, message: `${where}: segment ${segmentText(error)}: ${described(error.code, SEGMENT_ERROR_TEXT)}` };
    case 'element':
      return {
        ruleId: `999-IK403-${error.code}`,
        severity,
        message: `${where}: element ${error.segmentId ?? ''}${error.elementPosition ? `${String(error.elementPosition).split(':')[0]?.padStart(2, '0')}${componentText(error.elementPosition)}` : ''}${error.elementRef ? ` (data element ${error.elementRef})` : ''} in segment ${segmentText(error)}: ${described(error.code, ELEMENT_ERROR_TEXT)}`,
      };
  }
}

function segmentText(error: AckErrorRecord): string {
  return `${error.segmentId ?? '?'} at position ${error.segmentPosition ?? '?'}${error.loopId ? ` (loop ${error.loopId})` : ''}`;
}

function componentText(position: string | undefined): string {
  const component = position?.split(':')[1];
  return component ? `-${component}` : '';
}

function rejectedSetFinding(transactionControlNumber: string): Finding {
  return { ruleId: '999-REJECTED', severity: 'error', message: `999 for transaction set ${transactionControlNumber}: the transaction set was rejected` };
}
