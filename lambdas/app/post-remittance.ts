/**
 * Posting of one 835 object, streamed twice so a large file is never held
 * whole:
 *
 * 1. survey: every transaction set is read and balanced, nothing is written.
 *    A set that cannot be read, or whose payment does not balance
 *    (BPR02 ≠ ΣCLP04 − ΣPLB, or not evaluable), is held: an exception with the
 *    figures, and none of its claims post.
 * 2. post: each claim payment of the other sets is matched (CLP01 within the
 *    tenant), planned (core/remittance/plan-posting.ts) and written with its
 *    audit event and idempotency marker in one transaction. An unbalanced or
 *    unmatched claim, an unmatched line or an illegal move is an exception
 *    and the rest of the file goes on. PLB items are posted on the remittance
 *    record at the end of their set.
 *
 * Idempotent: a remittance is one payment (tenant, payer, TRN02), the marker is
 * per (remittance, claim, n-th CLP for the claim), so the same 835 delivered
 * twice, the same payment in another file, or a redelivery after a crash half
 * way posts each claim payment once.
 */
import { createHash } from 'node:crypto';
import { IllegalTransitionError } from '../core/claim/state-machine.js';
import { planPosting, type PaymentContext } from '../core/remittance/plan-posting.js';
import { postProviderAdjustments, referenceCandidates } from '../core/remittance/provider-adjustments.js';
import { AlreadyPostedError, VersionConflictError, type ExceptionRecord, type RemittanceRecord } from '../core/ports.js';
import type { BalanceResult } from '../core/x12/835/balance.js';
import type { ClaimPaymentInfo, Remittance } from '../core/x12/835/model.js';
import { stream835, type RemittanceHeader } from '../core/x12/835/stream-835.js';
import type { AppDeps } from './deps.js';
import { inboundTenant } from './inbound-tenant.js';
import { x12ErrorPosition } from './positions.js';
import type { InboundObject } from './intake.js';
import { afterPrimaryPosting } from './secondary-claims.js';

export interface RemittanceResult {
  tenantId?: string;
  /** Transaction sets read. */
  remittances: number;
  /** Transaction sets held back (unreadable or unbalanced payment). */
  held: number;
  posted: number;
  alreadyPosted: number;
  /** Secondary claims built from primary postings. */
  secondaryClaims: number;
  exceptions: number;
}

/** Claim payments of one set posted at the same time (each is its own DynamoDB transaction). */
const CLAIM_CONCURRENCY = 8;

type RecordException = (record: Omit<ExceptionRecord, 'at' | 'file' | 'tenantId'>) => Promise<void>;

interface SetSurvey {
  readable: boolean;
  payment?: BalanceResult;
}

export async function postRemittanceObject(deps: AppDeps, object: InboundObject): Promise<RemittanceResult> {
  const result: RemittanceResult = { remittances: 0, held: 0, posted: 0, alreadyPosted: 0, secondaryClaims: 0, exceptions: 0 };
  const tenant = await inboundTenant(deps, object.key, '835');
  if (!tenant) return { ...result, exceptions: 1 };
  const { tenantId } = tenant;
  result.tenantId = tenantId;
  const exception: RecordException = async (record) => {
    await deps.exceptions.record({ ...record, tenantId, file: object.key, at: deps.clock().toISOString() });
    result.exceptions++;
  };

  const surveys = await survey(deps, object.key, exception);
  let index = -1;
  let current: SetPosting | undefined;
  for await (const event of stream835(deps.objects.stream(object.key))) {
    if (event.type === 'remittance-start') {
      index++;
      result.remittances++;
      const set = surveys[index];
      current = undefined;
      if (!set?.readable) {
        result.held++;
        continue;
      }
      if (set.payment?.ok !== true) {
        result.held++;
        await holdUnbalanced(deps, tenantId, object.key, event.header, set.payment, exception);
        continue;
      }
      current = await SetPosting.open(deps, tenantId, object.key, event.header, exception, result);
    } else if (event.type === 'claim') {
      await current?.claim(event.claim, event.checks);
    } else if (event.type === 'remittance-end') {
      await current?.close(event.providerAdjustments);
      current = undefined;
    }
    // 'error' events were recorded by the survey.
  }
  deps.log.info('remittance object posted', { key: object.key, ...result });
  return result;
}

/** First pass: which sets can be read, and does each payment balance. Records the read errors. */
async function survey(deps: AppDeps, key: string, exception: RecordException): Promise<SetSurvey[]> {
  const sets: SetSurvey[] = [];
  let open: SetSurvey | undefined;
  for await (const event of stream835(deps.objects.stream(key))) {
    if (event.type === 'remittance-start') {
      open = { readable: true };
      sets.push(open);
    } else if (event.type === 'remittance-end') {
      if (open) open.payment = event.payment;
      open = undefined;
    } else if (event.type === 'error') {
      // Envelope findings (counts, control numbers) are warnings about sets read in full: recorded, not held.
      const fatal = event.severity !== 'warning';
      if (fatal && open && event.scope === 'transaction') {
        open.readable = false;
        open = undefined;
      }
      await exception({
        kind: 'x12-parse',
        position: x12ErrorPosition(event.error),
        message: fatal ? event.error.describe() : `warning: ${event.error.describe()}`,
      });
    }
  }
  // A set that started and never ended cannot be trusted either.
  if (open) open.readable = false;
  return sets;
}

async function holdUnbalanced(
  deps: AppDeps,
  tenantId: string,
  file: string,
  header: RemittanceHeader,
  check: BalanceResult | undefined,
  exception: RecordException,
): Promise<void> {
  const remittanceId = remittanceIdOf(tenantId, header);
  await exception({
    kind: 'remittance-unbalanced',
    position: `segment ${check?.position ?? header.payment.position ?? '?'}`,
    message:
      check?.ok === false
        ? 'BPR02 does not equal the claim payments (ΣCLP04) less the PLB adjustments; nothing in this transaction set was posted'
        : 'the payment balance is not evaluable (an amount is missing); nothing in this transaction set was posted',
    detail: { remittanceId, traceNumber: header.trace.traceNumber, ...figures(check) },
  });
  const existing = await deps.remittances.get(tenantId, remittanceId);
  // The same payment posted (or being posted) from a good file: keep that record.
  if (existing && existing.state !== 'held') return;
  await deps.remittances.put({
    ...baseRecord(tenantId, remittanceId, file, header, deps.clock().toISOString()),
    balanced: check?.ok ?? 'not-evaluable',
    state: 'held',
  });
}

/** Posting of one balanced transaction set. */
class SetPosting {
  private readonly occurrences = new Map<string, number>();
  /** CLP07 → CLP01 and the CLP01s of this set, for linking PLB references. */
  private readonly byControlNumber = new Map<string, string>();
  private readonly claimIds = new Set<string>();
  private posted = 0;
  private already = 0;
  private failed = 0;
  private claimCount = 0;
  /** Claim payments being posted, and the last one per claim id (the next waits for it). */
  private readonly inFlight = new Set<Promise<void>>();
  private readonly chains = new Map<string, Promise<void>>();
  /** The first storage error of a claim posting: it fails the delivery (SQS retries; markers keep it exact). */
  private failure: { error: unknown } | undefined;

  private constructor(
    private readonly deps: AppDeps,
    private readonly tenantId: string,
    private readonly record: RemittanceRecord,
    private readonly ctx: PaymentContext,
    private readonly exception: RecordException,
    private readonly result: RemittanceResult,
  ) {}

  static async open(
    deps: AppDeps,
    tenantId: string,
    file: string,
    header: RemittanceHeader,
    exception: RecordException,
    result: RemittanceResult,
  ): Promise<SetPosting> {
    const now = deps.clock().toISOString();
    const remittanceId = remittanceIdOf(tenantId, header);
    const existing = await deps.remittances.get(tenantId, remittanceId);
    let record: RemittanceRecord;
    if (existing && existing.state !== 'held') {
      // The same payment again (a redelivery, or another file carrying it): markers decide per claim.
      const duplicateFiles = existing.file === file || existing.duplicateFiles?.includes(file) ? existing.duplicateFiles : [...(existing.duplicateFiles ?? []), file];
      record = { ...existing, ...(duplicateFiles ? { duplicateFiles } : {}) };
    } else {
      record = { ...baseRecord(tenantId, remittanceId, file, header, now), balanced: true, state: 'posting' };
    }
    await deps.remittances.put(record);
    const ctx: PaymentContext = {
      remittanceId,
      file,
      payerName: header.payer.name,
      ...(payerIdOf(header) !== undefined ? { payerId: payerIdOf(header) } : {}),
      traceNumber: header.trace.traceNumber,
      paymentMethod: header.payment.method,
      ...(header.payment.date ? { paymentDate: header.payment.date } : {}),
      postedAt: now,
    };
    return new SetPosting(deps, tenantId, record, ctx, exception, result);
  }

  async claim(clp: ClaimPaymentInfo, checks: readonly BalanceResult[]): Promise<void> {
    this.claimCount++;
    const claimId = clp.patientControlNumber;
    const occurrence = (this.occurrences.get(claimId) ?? 0) + 1;
    this.occurrences.set(claimId, occurrence);
    this.claimIds.add(claimId);
    if (clp.payerClaimControlNumber) this.byControlNumber.set(clp.payerClaimControlNumber, claimId);
    // Different claims post side by side; the CLPs of one claim (a reversal, then its correction) in file order.
    const before = this.chains.get(claimId) ?? Promise.resolve();
    const task: Promise<void> = before
      .then(() => this.postClaim(clp, checks, occurrence))
      .then((outcome) => {
        if (outcome === 'posted') this.posted++;
        else if (outcome === 'already') this.already++;
        else this.failed++;
      })
      .catch((error: unknown) => {
        this.failure ??= { error };
      })
      .finally(() => {
        this.inFlight.delete(task);
        if (this.chains.get(claimId) === task) this.chains.delete(claimId);
      });
    this.chains.set(claimId, task);
    this.inFlight.add(task);
    while (this.inFlight.size >= CLAIM_CONCURRENCY) await Promise.race(this.inFlight);
    this.rethrow();
  }

  async close(plbs: Remittance['providerAdjustments']): Promise<void> {
    await Promise.all(this.inFlight);
    this.rethrow();
    const providerAdjustments = await postProviderAdjustments(plbs, (reference) => this.claimFor(reference));
    const complete = this.record.state === 'posted';
    await this.deps.remittances.put({
      ...this.record,
      claimCount: this.claimCount,
      // A redelivery keeps the first delivery's counts: nothing new was posted.
      postedClaims: complete ? this.record.postedClaims : this.posted + this.already,
      alreadyPosted: this.already,
      exceptions: complete ? this.record.exceptions : this.failed,
      providerAdjustments,
      state: 'posted',
      postedAt: this.record.postedAt ?? this.deps.clock().toISOString(),
    });
    this.result.posted += this.posted;
    this.result.alreadyPosted += this.already;
  }

  private rethrow(): void {
    if (this.failure) throw this.failure.error;
  }

  private async claimFor(reference: string): Promise<string | undefined> {
    for (const candidate of referenceCandidates(reference)) {
      if (this.claimIds.has(candidate)) return candidate;
      const byControl = this.byControlNumber.get(candidate);
      if (byControl) return byControl;
      if (await this.deps.claims.get(this.tenantId, candidate)) return candidate;
    }
    return undefined;
  }

  /**
   * A delivery that crashed between posting a primary claim and storing its
   * secondary claim: the redelivery finds the posting done and builds the
   * secondary now (building is idempotent).
   */
  private async resumeSecondary(clp: ClaimPaymentInfo, occurrence: number): Promise<void> {
    const record = await this.deps.claims.get(this.tenantId, clp.patientControlNumber);
    const posting = record?.postings?.find((p) => p.postingId === `${this.ctx.remittanceId}:${occurrence}`);
    if (!record || !posting || record.secondaryClaimId !== undefined) return;
    if (await afterPrimaryPosting(this.deps, record, clp, posting, this.exception)) this.result.secondaryClaims++;
  }

  private async postClaim(clp: ClaimPaymentInfo, checks: readonly BalanceResult[], occurrence: number): Promise<'posted' | 'already' | 'failed'> {
    const { deps, tenantId, ctx } = this;
    const claimId = clp.patientControlNumber;
    const position = `segment ${clp.position ?? '?'}`;
    const failing = checks.find((c) => c.ok !== true);
    if (failing) {
      await this.exception({
        kind: 'remittance-unbalanced',
        position: `segment ${failing.position ?? clp.position ?? '?'}`,
        message: `${failing.check === 'line' ? 'SVC02 does not equal SVC03 plus the line adjustments' : 'CLP03 does not equal CLP04 plus the claim and line adjustments'}${failing.ok === 'not-evaluable' ? ' (not evaluable: an amount is missing)' : ''}; the claim payment was not posted`,
        detail: { remittanceId: ctx.remittanceId, claimId, ...figures(failing) },
      });
      return 'failed';
    }
    if (await deps.remittances.isPosted(tenantId, ctx.remittanceId, claimId, occurrence)) {
      await this.resumeSecondary(clp, occurrence);
      return 'already';
    }

    for (let attempt = 0; ; attempt++) {
      const current = await deps.claims.get(tenantId, claimId);
      if (!current) {
        await this.exception({
          kind: 'remittance-unmatched',
          position,
          message: 'CLP01 matches no claim of the tenant; the claim payment was not posted',
          detail: { remittanceId: ctx.remittanceId, claimId, claimStatusCode: clp.statusCode, paid: clp.paid },
        });
        return 'failed';
      }
      const plan = planPosting(current, clp, occurrence, { ...ctx, postedAt: deps.clock().toISOString() });
      try {
        const updated = await deps.claims.transition(
          current,
          plan.status,
          {
            type: 'remittance-posted',
            at: plan.posting.postedAt,
            cause: ctx.remittanceId,
            occurrence,
            detail: {
              postingId: plan.posting.postingId,
              file: ctx.file,
              traceNumber: ctx.traceNumber,
              claimStatusCode: clp.statusCode,
              paid: plan.posting.paid,
              payerClaimControlNumber: clp.payerClaimControlNumber,
              ...(plan.posting.reverses ? { reverses: plan.posting.reverses } : {}),
            },
          },
          {
            payment: plan.payment,
            postings: [...(current.postings ?? []), plan.posting],
            ...(clp.payerClaimControlNumber ? { payerClaimId: clp.payerClaimControlNumber } : {}),
          },
        );
        for (const unmatched of plan.unmatchedLines) {
          await this.exception({
            kind: 'remittance-line-unmatched',
            position: `segment ${unmatched.position ?? clp.position ?? '?'}`,
            message: `service line ${unmatched.svc + 1} of the claim payment: ${unmatched.reason}; posted to the claim without a line`,
            detail: { remittanceId: ctx.remittanceId, claimId, postingId: plan.posting.postingId },
          });
        }
        const secondary = await afterPrimaryPosting(deps, updated, clp, plan.posting, this.exception);
        if (secondary) this.result.secondaryClaims++;
        return 'posted';
      } catch (error) {
        if (error instanceof AlreadyPostedError) return 'already';
        if (error instanceof IllegalTransitionError) {
          await this.exception({
            kind: 'remittance-illegal-transition',
            position,
            message: `the claim is ${error.from ?? 'new'}; a claim payment with CLP02 ${clp.statusCode} cannot move it to ${error.to}`,
            detail: { remittanceId: ctx.remittanceId, claimId, claimStatusCode: clp.statusCode },
          });
          return 'failed';
        }
        if (error instanceof VersionConflictError && attempt < 3) continue;
        throw error;
      }
    }
  }
}

function baseRecord(tenantId: string, remittanceId: string, file: string, header: RemittanceHeader, now: string): RemittanceRecord {
  const payerId = payerIdOf(header);
  return {
    tenantId,
    remittanceId,
    file,
    ...(payerId !== undefined ? { payerId } : {}),
    payerName: header.payer.name,
    traceNumber: header.trace.traceNumber,
    paymentAmount: signedAmount(header),
    paymentMethod: header.payment.method,
    ...(header.payment.date ? { paymentDate: header.payment.date } : {}),
    claimCount: 0,
    postedClaims: 0,
    exceptions: 0,
    receivedAt: now,
  };
}

function signedAmount(header: RemittanceHeader): string {
  const amount = header.payment.totalPaid ?? '0.00';
  return header.payment.creditDebit === 'D' && !amount.startsWith('-') ? `-${amount}` : amount;
}

/** TRN03 (the payer's id on the trace), else REF*2U, else N104. */
function payerIdOf(header: RemittanceHeader): string | undefined {
  return header.trace.payerId ?? header.payer.references.find((r) => r.qualifier === '2U')?.value ?? header.payer.identifier?.value;
}

/** Stable id of a payment: the same check/EFT (TRN02) from the same payer is one remittance. */
export function remittanceIdOf(tenantId: string, header: Pick<Remittance, 'trace' | 'payer'>): string {
  const basis = [tenantId, header.trace.payerId ?? header.payer.name, header.trace.traceNumber].join('\u0000');
  return createHash('sha256').update(basis).digest('hex').slice(0, 24);
}

function figures(check: BalanceResult | undefined): Record<string, unknown> {
  if (!check) return {};
  return { check: check.check, expected: check.expected, actual: check.actual, difference: check.difference, missing: check.missing };
}
