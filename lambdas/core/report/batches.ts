/**
 * The latest batches with their 999 and 277CA outcome. The 999 outcome is
 * the batch's own record of it; the 277CA outcome is read from where the
 * batch's claims stand now (claims whose batchId is this batch): accepted or
 * any later 835 status, rejected (by the 277CA or by the 999: the claim
 * status does not say which), or still submitted. A claim resubmitted in a
 * later batch names that batch, so it counts there, and here as "elsewhere".
 */
import { CLAIM_STATUSES, type ClaimStatus } from '../claim/state-machine.js';
import type { AcknowledgmentRecord, BatchRecord, ClaimRecord } from '../ports.js';
import { LATEST_BATCHES, type AcknowledgmentSummary, type BatchClaimOutcome, type BatchRow } from './model.js';

/** Statuses a claim reaches only after a 277CA accepted it (or an 835 answered it). */
const BEFORE_ACCEPTANCE: readonly ClaimStatus[] = ['ready', 'submitted', 'rejected'];
export const ACCEPTED_OR_LATER: readonly ClaimStatus[] = CLAIM_STATUSES.filter((s) => !BEFORE_ACCEPTANCE.includes(s));

function outcomeOf(batch: BatchRecord, claimsByBatch: Map<string, ClaimRecord[]>): BatchClaimOutcome {
  const claims = claimsByBatch.get(batch.batchId) ?? [];
  const inBatch = new Set(batch.claimIds);
  const here = claims.filter((c) => inBatch.has(c.claimId));
  const count = (test: (s: ClaimStatus) => boolean) => here.filter((c) => test(c.status)).length;
  return {
    acceptedOrLater: count((s) => ACCEPTED_OR_LATER.includes(s)),
    rejected: count((s) => s === 'rejected'),
    awaiting: count((s) => s === 'submitted'),
    // Claims of the batch now elsewhere, plus (rarely) one back in `ready` under this batch id.
    elsewhere: inBatch.size - count((s) => ACCEPTED_OR_LATER.includes(s) || s === 'rejected' || s === 'submitted'),
  };
}

const newestFirst = (a: BatchRecord, b: BatchRecord) =>
  (b.writtenAt ?? b.createdAt).localeCompare(a.writtenAt ?? a.createdAt) || b.batchId.localeCompare(a.batchId);

export function batchRows(batches: readonly BatchRecord[], claims: readonly ClaimRecord[], acknowledgments: readonly AcknowledgmentRecord[]): BatchRow[] {
  const claimsByBatch = new Map<string, ClaimRecord[]>();
  for (const claim of claims) {
    if (claim.batchId === undefined) continue;
    const list = claimsByBatch.get(claim.batchId) ?? [];
    list.push(claim);
    claimsByBatch.set(claim.batchId, list);
  }
  return [...batches]
    .sort(newestFirst)
    .slice(0, LATEST_BATCHES)
    .map((b) => ({
      batchId: b.batchId,
      receiverId: b.receiverId,
      controlNumber: b.controlNumber,
      claims: b.claimIds.length,
      createdAt: b.createdAt,
      ...(b.writtenAt !== undefined ? { writtenAt: b.writtenAt } : {}),
      ack999: b.acknowledgment?.status ?? 'awaiting',
      acks999: acknowledgments.filter((a) => a.kind === '999' && a.batchId === b.batchId).length,
      outcome: outcomeOf(b, claimsByBatch),
    }));
}

export function acknowledgmentSummary(acknowledgments: readonly AcknowledgmentRecord[]): AcknowledgmentSummary {
  const ca = acknowledgments.filter((a) => a.kind === '277ca');
  return {
    files999: acknowledgments.filter((a) => a.kind === '999').length,
    files277ca: ca.length,
    claims277ca: {
      accepted: ca.reduce((n, a) => n + a.accepted, 0),
      rejected: ca.reduce((n, a) => n + a.rejected, 0),
      pending: ca.reduce((n, a) => n + a.noted, 0),
    },
  };
}
