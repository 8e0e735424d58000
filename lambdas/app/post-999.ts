/**
 * Posting of one 999 object: each 999 transaction set answers one functional
 * group of one of our 837 batches. The batch is found by the receiver that
 * sent the 999 (ISA06) and AK102 (our GS06), its transaction sets by AK202
 * (our ST02). A rejected set rejects all its claims with the IK3/IK4 detail
 * as findings (mapped to the claim the IK3 position falls in, by re-reading
 * the 837 we sent); an accepted-with-errors set leaves its claims submitted
 * but gives the claim an error lies in a finding; the answer is recorded on
 * the batch. Idempotent per (acknowledgment, claim) and (acknowledgment,
 * group): a redelivered file posts nothing twice.
 */
import { batchGroups } from '../core/acknowledgment/batch-ack.js';
import { decide999, sameControlNumber, type ClaimLocator, type GroupAckDecision } from '../core/acknowledgment/decide-999.js';
import type { BatchGroupRecord, BatchRecord } from '../core/ports.js';
import type { TenantConfig } from '../core/tenant/config.js';
import { locateClaims } from '../core/x12/999/locate-claim.js';
import type { FunctionalGroupAck } from '../core/x12/999/model.js';
import { read999 } from '../core/x12/999/read-999.js';
import { X12Error } from '../core/x12/errors.js';
import { parseX12 } from '../core/x12/reader.js';
import type { Interchange, TransactionSet } from '../core/x12/types.js';
import {
  ackIdOf,
  applyToClaim,
  interchangeParties,
  openAcknowledgment,
  positionText,
  senderReceiver,
  x12ErrorPosition,
  type AcknowledgmentResult,
  type RecordException,
} from './acknowledgment-posting.js';
import type { AppDeps } from './deps.js';
import type { InboundObject } from './intake.js';

export async function post999Object(deps: AppDeps, object: InboundObject): Promise<AcknowledgmentResult> {
  const opened = await openAcknowledgment(deps, object, '999');
  if ('done' in opened) return opened.done;
  const { result, exception, tenant, tenantId } = opened;
  for (const interchange of opened.interchanges) {
    const receiver = senderReceiver(tenant, interchange);
    if (!receiver) {
      await exception({ tenantId, kind: 'ack-unmatched', position: positionText(interchange.isa.position), message: 'ISA05/ISA06 names no receiver of the tenant', detail: { senderId: interchangeParties(interchange).senderId } });
      continue;
    }
    for (const group of interchange.groups) {
      for (const tx of group.transactions) {
        if (tx.type !== '999') {
          await exception({ tenantId, kind: 'x12-parse', position: positionText(tx.st.position), message: `transaction set ${tx.type} is not a 999; skipped` });
          continue;
        }
        let ack: FunctionalGroupAck;
        try {
          ack = read999(tx, interchange.delimiters).ack;
        } catch (error) {
          if (!(error instanceof X12Error)) throw error;
          await exception({ tenantId, kind: 'x12-parse', position: x12ErrorPosition(error), message: error.describe() });
          continue;
        }
        result.acknowledgments++;
        const ackId = ackIdOf(tenantId, '999', [interchangeParties(interchange).senderId, interchange.controlNumber, group.controlNumber, tx.controlNumber]);
        await postGroupAck(deps, { tenant, receiverId: receiver.id, file: object.key, ackId, ack, interchange }, result, exception);
      }
    }
  }
  deps.log.info('999 object posted', { key: object.key, ...result });
  return result;
}

interface GroupAckInput {
  tenant: TenantConfig;
  receiverId: string;
  file: string;
  ackId: string;
  ack: FunctionalGroupAck;
  interchange: Interchange;
}

async function postGroupAck(deps: AppDeps, input: GroupAckInput, result: AcknowledgmentResult, exception: RecordException): Promise<void> {
  const { tenant, receiverId, ackId, ack, file } = input;
  const { tenantId } = tenant;
  const at = deps.clock().toISOString();
  const groupControlNumber = Number(ack.groupControlNumber);
  const batch = /^\d{1,9}$/.test(ack.groupControlNumber)
    ? await deps.batches.findByGroupControlNumber(tenantId, receiverId, groupControlNumber)
    : undefined;
  const sentGroup = batch ? batchGroups(batch).find((g) => g.controlNumber === groupControlNumber) : undefined;
  if (!batch || !sentGroup) {
    await exception({ tenantId, kind: 'ack-unmatched', position: positionText(ack.filePosition), message: 'AK102 matches no batch group sent to the receiver', detail: { ackId, receiverId, groupControlNumber: ack.groupControlNumber } });
    return;
  }

  const decision = decide999(ack, sentGroup, await claimLocator(deps, batch, sentGroup, ack));
  for (const problem of decision.problems) {
    await exception({ tenantId, kind: problem.kind, position: positionText(problem.position), message: problem.message, detail: { ackId, batchId: batch.batchId, ...problem.detail } });
  }

  const counts = { accepted: 0, rejected: 0, noted: 0, alreadyPosted: 0, exceptions: 0 };
  for (const claim of decision.claims) {
    const outcome = await postClaim(deps, tenantId, batch, ackId, claim, ack, decision, exception);
    if (outcome === 'applied') counts[claim.action === 'rejected' ? 'rejected' : 'noted']++;
    else if (outcome === 'already') counts.alreadyPosted++;
    else counts.exceptions++;
  }
  const claimCount = sentGroup.transactions.reduce((n, t) => n + t.claimIds.length, 0);
  // Claims of accepted sets: nothing moves, but they count as accepted by the 999.
  counts.accepted = sentGroup.transactions.filter((t) => decision.transactions.find((d) => d.controlNumber === t.controlNumber)?.status === 'accepted').reduce((n, t) => n + t.claimIds.length, 0);
  result.rejected += counts.rejected;
  result.noted += counts.noted;
  result.alreadyPosted += counts.alreadyPosted;
  result.accepted += counts.accepted;

  await deps.batches.recordAcknowledgment(tenantId, batch.batchId, {
    controlNumber: groupControlNumber,
    status: decision.status,
    ackId,
    file,
    at,
    errors: decision.errors,
    transactions: decision.transactions,
  });
  await deps.acknowledgments.put({
    tenantId,
    ackId,
    kind: '999',
    file,
    senderId: interchangeParties(input.interchange).senderId,
    receiverId,
    batchId: batch.batchId,
    groupControlNumber,
    status: decision.status,
    claimCount,
    accepted: counts.accepted,
    rejected: counts.rejected,
    noted: counts.noted,
    alreadyPosted: counts.alreadyPosted,
    exceptions: counts.exceptions + decision.problems.length,
    receivedAt: at,
  });
}

async function postClaim(
  deps: AppDeps,
  tenantId: string,
  batch: BatchRecord,
  ackId: string,
  claim: GroupAckDecision['claims'][number],
  ack: FunctionalGroupAck,
  decision: GroupAckDecision,
  exception: RecordException,
): Promise<'applied' | 'already' | 'failed'> {
  const txAck = ack.transactions.find((t) => sameControlNumber(claim.transactionControlNumber, t.controlNumber));
  const position = positionText(txAck?.filePosition ?? ack.filePosition);
  const detail = {
    batchId: batch.batchId,
    groupControlNumber: Number(ack.groupControlNumber),
    transactionControlNumber: claim.transactionControlNumber,
    status: decision.transactions.find((t) => t.controlNumber === claim.transactionControlNumber)?.status,
  };
  const record = await deps.claims.get(tenantId, claim.claimId);
  if (!record) {
    await exception({ tenantId, kind: 'ack-unmatched', position, message: 'a claim the batch recorded is not stored for the tenant', detail: { ackId, claimId: claim.claimId, ...detail } });
    return 'failed';
  }
  if (record.batchId !== batch.batchId) {
    // Corrected and sent again since: this 999 is about the earlier submission.
    await exception({ tenantId, kind: 'ack-unmatched', position, message: 'the claim has been sent in a later batch since; the 999 answers the earlier one and is not applied', detail: { ackId, claimId: claim.claimId, ...detail } });
    return 'failed';
  }
  const outcome = await applyToClaim(deps, record, ackId, { to: claim.action === 'rejected' ? 'rejected' : 'same', findings: claim.findings, detail }, exception, position, '999');
  return outcome === 'illegal' ? 'failed' : outcome;
}

/**
 * Maps an IK302 position to claims by re-reading the 837 we sent, only when
 * an IK3 needs it. An 837 that cannot be read leaves the errors unlocated
 * (they then concern the whole transaction set).
 */
async function claimLocator(deps: AppDeps, batch: BatchRecord, group: BatchGroupRecord, ack: FunctionalGroupAck): Promise<ClaimLocator> {
  const none: ClaimLocator = () => undefined;
  if (!ack.transactions.some((t) => t.segmentErrors.length > 0)) return none;
  const sets = new Map<string, TransactionSet>();
  try {
    const parsed = parseX12((await deps.objects.get(batch.fileKey)).body);
    if (!parsed.ok) return none;
    for (const g of parsed.value.interchanges.flatMap((i) => i.groups)) {
      if (Number(g.controlNumber) !== group.controlNumber) continue;
      for (const tx of g.transactions) sets.set(tx.controlNumber, tx);
    }
  } catch (error) {
    deps.log.warn('the batch 837 could not be read to locate 999 errors', { batchId: batch.batchId, error: error instanceof Error ? error.name : 'unknown' });
    return none;
  }
  return (transactionControlNumber, position) => {
    const tx = [...sets.entries()].find(([cn]) => sameControlNumber(cn, transactionControlNumber))?.[1];
    return tx ? locateClaims(position, tx) : undefined;
  };
}
