/**
 * Coordination of benefits after a primary payer's 835 is posted: when the
 * claim names a secondary coverage and the primary left something over,
 * build the secondary claim (core/remittance/secondary-claim.ts: 2320/2330
 * with the primary's adjudication, 2430 per line) and store it as a new claim
 * in the normal flow (ready, routed to the secondary payer's receiver, guide
 * checks and scrubber as at intake).
 *
 * When (docs/remittance-posting.md):
 * - the posted claim is a primary claim (payer responsibility P) with an
 *   other coverage of responsibility S;
 * - the primary processed it as primary (CLP02 1) and left patient
 *   responsibility, or denied it (CLP02 4: the secondary may still pay);
 * - not when the primary forwarded it itself (CLP02 19, NM1*TT crossover):
 *   a second claim would be a duplicate at the secondary payer.
 * The secondary claim id is the primary's + "-S"; building it twice finds it
 * stored and does nothing, so a redelivered 835 cannot make two.
 */
import { Claim, ClaimId } from '../core/claim/model.js';
import { toCents } from '../core/money.js';
import type { ClaimRecord, ExceptionRecord } from '../core/ports.js';
import type { ClaimPosting } from '../core/remittance/posting-record.js';
import { buildSecondaryClaim } from '../core/remittance/secondary-claim.js';
import { checkParsedClaim, todayIn } from '../core/scrub/scrub-claims.js';
import { receiverForPayer } from '../core/tenant/config.js';
import type { ClaimPaymentInfo, ServicePayment } from '../core/x12/835/model.js';
import type { AppDeps } from './deps.js';

export const SECONDARY_SUFFIX = '-S';

type RecordException = (record: Omit<ExceptionRecord, 'at' | 'file' | 'tenantId'>) => Promise<void>;

/** Whether the primary posting calls for a secondary claim at all. */
export function needsSecondary(record: Pick<ClaimRecord, 'claim' | 'primaryClaimId'>, posting: Pick<ClaimPosting, 'claimStatusCode' | 'patientResponsibility' | 'forwardedTo'>): boolean {
  if (record.primaryClaimId !== undefined || record.claim.payer.responsibility !== 'P') return false;
  if (!record.claim.otherCoverages?.some((coverage) => coverage.responsibility === 'S')) return false;
  if (posting.forwardedTo) return false;
  if (posting.claimStatusCode === '4') return true;
  return posting.claimStatusCode === '1' && toCents(posting.patientResponsibility) > 0;
}

/**
 * Builds and stores the secondary claim when one is due. True when one was
 * created now. A reversal of the primary payment a secondary claim was built
 * from does not touch the secondary claim (it may already be paid); it is an
 * exception a person must review.
 */
export async function afterPrimaryPosting(
  deps: AppDeps,
  primary: ClaimRecord,
  clp: ClaimPaymentInfo,
  posting: ClaimPosting,
  exception: RecordException,
): Promise<boolean> {
  if (posting.claimStatusCode === '22' && primary.secondaryClaimId !== undefined) {
    await exception({
      kind: 'secondary-claim',
      position: `segment ${clp.position ?? '?'}`,
      message: 'the primary payer reversed the payment the secondary claim was built from; review the secondary claim (a replacement or void may be due)',
      detail: { claimId: primary.claimId, secondaryClaimId: primary.secondaryClaimId, postingId: posting.postingId, reverses: posting.reverses },
    });
    return false;
  }
  if (!needsSecondary(primary, posting)) return false;
  const secondaryClaimId = `${primary.claimId}${SECONDARY_SUFFIX}`;
  const detail = { claimId: primary.claimId, secondaryClaimId, postingId: posting.postingId };
  if (!ClaimId.safeParse(secondaryClaimId).success) {
    await exception({ kind: 'secondary-claim', message: 'the claim id is too long to derive a secondary claim id (CLM01 holds 38 characters); bill the secondary payer by hand', detail });
    return false;
  }
  if (await deps.claims.get(primary.tenantId, secondaryClaimId)) return false;

  const lines: Array<ServicePayment[] | undefined> = primary.claim.serviceLines.map(() => undefined);
  posting.lines.forEach((line, index) => {
    const svc = clp.serviceLines[index];
    if (line.line === undefined || !svc) return;
    (lines[line.line - 1] ??= []).push(svc);
  });
  const built = buildSecondaryClaim(
    primary.claim,
    {
      payerName: posting.payerName,
      payerId: primary.claim.payer.payerId,
      ...(posting.paymentDate ? { paymentDate: posting.paymentDate } : {}),
      clp,
      lines,
    },
    secondaryClaimId,
  );
  if (!built.ok) {
    await exception({
      kind: 'secondary-claim',
      position: `segment ${clp.position ?? '?'}`,
      message: `the secondary claim could not be built from the primary's payment: ${built.problems.map((p) => `${p.code}${p.line ? ` (line ${p.line})` : ''}`).join(', ')}`,
      detail: { ...detail, problems: built.problems },
    });
    return false;
  }

  const tenant = await deps.tenants.get(primary.tenantId);
  const claim = Claim.parse(built.claim);
  const receiver = tenant ? receiverForPayer(tenant, claim.payer.payerId) : undefined;
  const findings = tenant
    ? checkParsedClaim(
        { claim, index: 0, position: 'secondary claim' },
        { codeSets: await deps.codeSets(), today: todayIn(deps.clock(), tenant.schedule.timezone), ...(tenant.scrubber ? { settings: tenant.scrubber } : {}) },
      ).map(({ pointer: _pointer, claimId: _claimId, ...finding }) => finding)
    : [];
  if (!receiver) {
    findings.push({
      ruleId: 'ROUTE-RECEIVER',
      severity: 'error',
      message: 'no receiver of the tenant takes the secondary payer id and there is no default receiver',
      path: 'payer.payerId',
      fix: 'Route the payer to a receiver in the tenant configuration, or mark one receiver as default.',
    });
  }
  const at = deps.clock().toISOString();
  const outcome = await deps.claims.saveFromIntake(
    {
      tenantId: primary.tenantId,
      claimId: secondaryClaimId,
      status: findings.some((f) => f.severity === 'error') ? 'rejected' : 'ready',
      claim,
      ...(receiver ? { receiverId: receiver.id } : {}),
      findings,
      source: { file: posting.file, format: 'x12-835', ...(clp.position !== undefined ? { position: clp.position } : {}) },
      primaryClaimId: primary.claimId,
    },
    at,
  );
  if (outcome !== 'created') return false;
  // The primary names its secondary, with an audit event of its own (no status move).
  await deps.claims.transition(
    primary,
    primary.status,
    { type: 'secondary-created', at, cause: secondaryClaimId, detail: { postingId: posting.postingId, receiverId: receiver?.id } },
    { secondaryClaimId },
  );
  return true;
}
