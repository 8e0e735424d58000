/**
 * The batch side of 999 acknowledgments: which groups and transaction sets a
 * batch holds (records written before `groups` existed included), and the
 * batch's overall acknowledgment status from the answers to its groups.
 */
import type { AckStatus, BatchAcknowledgment, BatchGroupAck, BatchGroupRecord, BatchRecord } from '../ports.js';

/** ST02 of the one transaction set of a batch recorded without groups. */
export const LEGACY_TRANSACTION_CONTROL_NUMBER = '0001';
/** GS08 of a batch recorded without groups: only 837P was written then. */
const LEGACY_VERSION = '005010X222A1';

/**
 * The batch's groups. A record without `groups` is one group whose GS06 is
 * the interchange control number, with one transaction set '0001' holding
 * every claim (what the first batch writer wrote).
 */
export function batchGroups(batch: Pick<BatchRecord, 'groups' | 'controlNumber' | 'claimIds'>): BatchGroupRecord[] {
  if (batch.groups && batch.groups.length > 0) return batch.groups;
  return [
    {
      controlNumber: batch.controlNumber,
      version: LEGACY_VERSION,
      transactions: [{ controlNumber: LEGACY_TRANSACTION_CONTROL_NUMBER, claimIds: [...batch.claimIds] }],
    },
  ];
}

/** True when the batch's interchange holds a group with this GS06. */
export function hasGroup(batch: Pick<BatchRecord, 'groups' | 'controlNumber' | 'claimIds'>, groupControlNumber: number): boolean {
  return batchGroups(batch).some((g) => g.controlNumber === groupControlNumber);
}

/**
 * The batch's acknowledgment after `group` is recorded: the group's earlier
 * answer (if any) is replaced, the others kept, the status recomputed.
 */
export function mergeGroupAck(batch: Pick<BatchRecord, 'groups' | 'controlNumber' | 'claimIds' | 'acknowledgment'>, group: BatchGroupAck): BatchAcknowledgment {
  const others = (batch.acknowledgment?.groups ?? []).filter((g) => g.controlNumber !== group.controlNumber);
  const groups = [...others, group].sort((a, b) => a.controlNumber - b.controlNumber);
  const expected = batchGroups(batch).map((g) => g.controlNumber);
  return { status: overallStatus(expected, groups), at: group.at, groups };
}

/**
 * 'unknown' while one of the batch's groups has no answer (or an answer
 * without a status); otherwise all-the-same statuses give that status, all
 * accepted (some with errors) give 'accepted_with_errors', anything else
 * 'partially_accepted'.
 */
export function overallStatus(expectedGroups: readonly number[], answers: readonly Pick<BatchGroupAck, 'controlNumber' | 'status'>[]): AckStatus {
  const statuses = expectedGroups.map((cn) => answers.find((a) => a.controlNumber === cn)?.status ?? 'unknown');
  if (statuses.length === 0 || statuses.includes('unknown')) return 'unknown';
  const [first] = statuses;
  if (first !== undefined && statuses.every((s) => s === first)) return first;
  if (statuses.every((s) => s === 'accepted' || s === 'accepted_with_errors')) return 'accepted_with_errors';
  return 'partially_accepted';
}
