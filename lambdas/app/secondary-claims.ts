/**
 * Coordination of benefits after a payer's 835 is posted: when the claim
 * names the next coverage and the payer left something over, build the claim
 * for the next payer (core/remittance/secondary-claim.ts: 2320/2330 with the
 * adjudications so far, 2430 per line) and store it as a new claim in the
 * normal flow (ready, routed to that payer's receiver, guide checks and
 * scrubber as at intake).
 *
 * When (docs/remittance-posting.md):
 * - a primary claim (payer responsibility P) with an other coverage S: the
 *   primary processed it as primary (CLP02 1) and left patient
 *   responsibility, or denied it (CLP02 4: the secondary may still pay) →
 *   the secondary claim `<id>-S`;
 * - a secondary claim with an other coverage T, processed as secondary
 *   (CLP02 2) with patient responsibility left, or denied → the tertiary
 *   claim `<id>-T`;
 * - not when the payer forwarded the claim itself (CLP02 19/20, NM1*TT
 *   crossover): another claim would be a duplicate at the next payer.
 * Building twice finds the claim stored and does nothing, so a redelivered
 * 835 cannot make two.
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
export const TERTIARY_SUFFIX = '-T';

type RecordException = (record: Omit<ExceptionRecord, 'at' | 'file' | 'tenantId'>) => Promise<void>;

/** Who is billed after whom, the CLP02 of "processed as" that payer, and the suffix of the claim id built for the next one. */
const NEXT: Partial<Record<string, { next: 'S' | 'T'; processedAs: string; suffix: string }>> = {
  P: { next: 'S', processedAs: '1', suffix: SECONDARY_SUFFIX },
  S: { next: 'T', processedAs: '2', suffix: TERTIARY_SUFFIX },
};

/**
 * Whether this posting calls for a claim to the next payer: the claim's payer
 * (primary, or secondary) processed it as such and left patient
 * responsibility, or denied it, and the claim names the next coverage.
 */
export function needsSecondary(record: Pick<ClaimRecord, 'claim'>, posting: Pick<ClaimPosting, 'claimStatusCode' | 'patientResponsibility' | 'forwardedTo'>): boolean {
  const step = NEXT[record.claim.payer.responsibility];
  if (!step || !record.claim.otherCoverages?.some((coverage) => coverage.responsibility === step.next)) return false;
  if (posting.forwardedTo) return false;
  if (posting.claimStatusCode === '4') return true;
  return posting.claimStatusCode === step.processedAs && toCents(posting.patientResponsibility) > 0;
}

/** `<root>-S` after the primary, `<root>-T` after the secondary (root: the primary claim's id). */
export function nextClaimId(record: Pick<ClaimRecord, 'claimId' | 'claim' | 'primaryClaimId'>): string | undefined {
  const step = NEXT[record.claim.payer.responsibility];
  if (!step) return undefined;
  const root = record.primaryClaimId !== undefined && record.claimId.endsWith(SECONDARY_SUFFIX) ? record.claimId.slice(0, -SECONDARY_SUFFIX.length) : record.claimId;
  return `${root}${step.suffix}`;
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
  const secondaryClaimId = nextClaimId(primary);
  if (secondaryClaimId === undefined) return false;
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
