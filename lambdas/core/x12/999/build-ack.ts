/**
 * Building acknowledgment models for a received functional group: the payer
 * sandbox (and tests) start from "everything accepted" and mark transaction
 * sets rejected or add errors; the group's AK9 status and counts then follow
 * from the transaction sets, never set by hand.
 */
import type { FunctionalGroup } from '../types.js';
import type { FunctionalGroupAck, GroupAckStatus, TransactionSetAck } from './model.js';

/** An ack for `group` accepting every transaction set in it. */
export function acceptGroup(group: FunctionalGroup): FunctionalGroupAck {
  const transactions: TransactionSetAck[] = group.transactions.map((tx) => ({
    transactionType: tx.type,
    controlNumber: tx.controlNumber,
    version: tx.version || undefined,
    status: 'accepted',
    errorCodes: [],
    segmentErrors: [],
  }));
  return withGroupStatus({
    functionalId: group.functionalId,
    groupControlNumber: group.controlNumber,
    version: group.version || undefined,
    counts: {},
    groupErrors: [],
    transactions,
  });
}

/**
 * AK901 from the transaction sets: A when all are accepted, E when all are
 * accepted but some with errors, R when none is accepted, P otherwise. A
 * group error (AK905-909) rejects the group. AK902/AK903 are the number of
 * transaction sets acknowledged, AK904 those accepted (A or E).
 */
export function withGroupStatus(ack: FunctionalGroupAck): FunctionalGroupAck {
  const statuses = ack.transactions.map((t) => t.status);
  const accepted = statuses.filter((s) => s === 'accepted' || s === 'accepted_with_errors').length;
  let status: GroupAckStatus;
  if (ack.groupErrors.length > 0 || accepted === 0) status = 'rejected';
  else if (accepted < statuses.length) status = 'partially_accepted';
  else status = statuses.every((s) => s === 'accepted') ? 'accepted' : 'accepted_with_errors';
  const { statusCode: _ignored, ...rest } = ack;
  return { ...rest, status, counts: { included: statuses.length, received: statuses.length, accepted } };
}
