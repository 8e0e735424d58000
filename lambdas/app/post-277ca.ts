/**
 * Posting of one 277CA object: each claim acknowledgment (2200D) is matched
 * to the tenant's claim by its patient control number (TRN02 = our CLM01),
 * its service lines by REF*FJ = our line item control number. STC A1/A2
 * accept the claim (the payer's claim id, REF*1K, is kept on it); A3, A4,
 * A6, A7, A8, on the claim or on a level above it (billing provider,
 * receiver), reject it with the status and entity codes as findings; other
 * statuses are noted. Unmatched claims and lines, rejected levels that list
 * no claim and illegal moves become exception records; one bad claim never
 * stops the others. Idempotent per (acknowledgment, claim).
 */
import { claimsInContext, decide277ca, type ClaimInContext } from '../core/acknowledgment/decide-277ca.js';
import type { Ack277CA } from '../core/x12/277ca/model.js';
import { read277CA } from '../core/x12/277ca/read-277ca.js';
import { X12Error } from '../core/x12/errors.js';
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

export async function post277caObject(deps: AppDeps, object: InboundObject): Promise<AcknowledgmentResult> {
  const opened = await openAcknowledgment(deps, object, '277ca');
  if ('done' in opened) return opened.done;
  const { result, exception, tenant, tenantId } = opened;
  for (const interchange of opened.interchanges) {
    const parties = interchangeParties(interchange);
    for (const group of interchange.groups) {
      for (const tx of group.transactions) {
        if (tx.type !== '277') {
          await exception({ tenantId, kind: 'x12-parse', position: positionText(tx.st.position), message: `transaction set ${tx.type} is not a 277; skipped` });
          continue;
        }
        let ack: Ack277CA;
        try {
          ack = read277CA(tx, interchange.delimiters).ack;
        } catch (error) {
          if (!(error instanceof X12Error)) throw error;
          await exception({ tenantId, kind: 'x12-parse', position: x12ErrorPosition(error), message: error.describe() });
          continue;
        }
        result.acknowledgments++;
        const ackId = ackIdOf(tenantId, '277ca', [parties.senderId, interchange.controlNumber, group.controlNumber, tx.controlNumber, ack.referenceId]);
        const before = { ...result };
        await postAck(deps, tenantId, ackId, ack, result, exception);
        await deps.acknowledgments.put({
          tenantId,
          ackId,
          kind: '277ca',
          file: object.key,
          senderId: parties.senderId,
          receiverId: senderReceiver(tenant, interchange)?.id,
          claimCount: ack.claims.length,
          accepted: result.accepted - before.accepted,
          rejected: result.rejected - before.rejected,
          noted: result.noted - before.noted,
          alreadyPosted: result.alreadyPosted - before.alreadyPosted,
          exceptions: result.exceptions - before.exceptions,
          receivedAt: deps.clock().toISOString(),
        });
      }
    }
  }
  deps.log.info('277CA object posted', { key: object.key, ...result });
  return result;
}

async function postAck(deps: AppDeps, tenantId: string, ackId: string, ack: Ack277CA, result: AcknowledgmentResult, exception: RecordException): Promise<void> {
  const { claims, problems } = claimsInContext(ack);
  for (const problem of problems) {
    await exception({ tenantId, kind: problem.kind, position: positionText(problem.position), message: problem.message, detail: { ackId, ...problem.detail } });
  }
  for (const entry of claims) {
    const outcome = await postClaim(deps, tenantId, ackId, entry, exception);
    if (outcome === 'already') result.alreadyPosted++;
    else if (outcome !== 'failed') result[outcome]++;
  }
}

async function postClaim(
  deps: AppDeps,
  tenantId: string,
  ackId: string,
  entry: ClaimInContext,
  exception: RecordException,
): Promise<'accepted' | 'rejected' | 'noted' | 'already' | 'failed'> {
  const { claim: ack } = entry;
  const position = positionText(ack.filePosition);
  const record = await deps.claims.get(tenantId, ack.patientControlNumber);
  if (!record) {
    await exception({ tenantId, kind: 'ack-unmatched', position, message: '2200D TRN02 (patient control number) matches no claim of the tenant', detail: { ackId, claimId: ack.patientControlNumber } });
    return 'failed';
  }
  const outcome = decide277ca(entry, record.claim);
  for (const line of outcome.unmatchedLines) {
    await exception({
      tenantId,
      kind: 'ack-unmatched',
      position: positionText(line.filePosition),
      message: line.lineItemControlNumber === undefined ? 'the 2220D service line has no REF*FJ to match it to a line of the claim' : '2220D REF*FJ matches no line item control number of the claim',
      detail: { ackId, claimId: record.claimId },
    });
  }
  const to = outcome.action === 'note' ? 'same' : outcome.action;
  const applied = await applyToClaim(
    deps,
    record,
    ackId,
    {
      to,
      findings: outcome.findings,
      ...(outcome.payerClaimId ? { payerClaimId: outcome.payerClaimId } : {}),
      detail: { disposition: ack.disposition, ...(ack.rejectedAt ? { rejectedAt: ack.rejectedAt } : {}), statuses: outcome.statuses, payerClaimId: outcome.payerClaimId },
    },
    exception,
    position,
    '277ca',
  );
  if (applied === 'illegal') return 'failed';
  if (applied === 'already') return 'already';
  return outcome.action === 'note' ? 'noted' : outcome.action;
}
