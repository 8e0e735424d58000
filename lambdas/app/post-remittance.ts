/**
 * Posting of one 835 object: parse, balance, match each claim payment (CLP01)
 * to the tenant's claim, move the claim's status and keep the payment on it.
 * Unbalanced figures, unmatched claims and illegal moves become exception
 * records with the figures; they never stop the rest of the file. Posting is
 * idempotent per (remittance, claim), so a redelivered file posts once.
 */
import { createHash } from 'node:crypto';
import { IllegalTransitionError } from '../core/claim/state-machine.js';
import { decidePosting } from '../core/remittance/posting.js';
import { AlreadyPostedError, VersionConflictError, type ExceptionRecord } from '../core/ports.js';
import { balance, type BalanceResult } from '../core/x12/835/balance.js';
import type { ClaimPaymentInfo, Remittance } from '../core/x12/835/model.js';
import { read835 } from '../core/x12/835/read-835.js';
import { X12Error } from '../core/x12/errors.js';
import { parseX12 } from '../core/x12/reader.js';
import type { AppDeps } from './deps.js';
import { inboundTenant } from './inbound-tenant.js';
import type { InboundObject } from './intake.js';

export interface RemittanceResult {
  tenantId?: string;
  remittances: number;
  posted: number;
  alreadyPosted: number;
  exceptions: number;
}

export async function postRemittanceObject(deps: AppDeps, object: InboundObject): Promise<RemittanceResult> {
  const result: RemittanceResult = { remittances: 0, posted: 0, alreadyPosted: 0, exceptions: 0 };
  const now = () => deps.clock().toISOString();
  const exception = async (record: Omit<ExceptionRecord, 'at' | 'file'>) => {
    await deps.exceptions.record({ ...record, file: object.key, at: now() });
    result.exceptions++;
  };

  const tenant = await inboundTenant(deps, object.key, '835');
  if (!tenant) return { ...result, exceptions: 1 };
  const { tenantId } = tenant;
  result.tenantId = tenantId;

  const { body } = await deps.objects.get(object.key);
  const parsed = parseX12(body);
  if (!parsed.ok) {
    await exception({ tenantId, kind: 'x12-parse', position: positionText(parsed.error), message: parsed.error.describe() });
    return result;
  }

  for (const interchange of parsed.value.interchanges) {
    for (const group of interchange.groups) {
      for (const tx of group.transactions) {
        if (tx.type !== '835') {
          await exception({ tenantId, kind: 'x12-parse', position: `segment ${tx.st.position}`, message: `transaction set ${tx.type} is not an 835; skipped` });
          continue;
        }
        let remittance: Remittance;
        try {
          remittance = read835(tx, interchange.delimiters).remittance;
        } catch (error) {
          if (!(error instanceof X12Error)) throw error;
          await exception({ tenantId, kind: 'x12-parse', position: positionText(error), message: error.describe() });
          continue;
        }
        result.remittances++;
        await postRemittance(deps, tenantId, object.key, remittance, result, exception);
      }
    }
  }
  deps.log.info('remittance object posted', { key: object.key, ...result });
  return result;
}

async function postRemittance(
  deps: AppDeps,
  tenantId: string,
  file: string,
  remittance: Remittance,
  result: RemittanceResult,
  exception: (record: Omit<ExceptionRecord, 'at' | 'file'>) => Promise<void>,
): Promise<void> {
  const remittanceId = remittanceIdOf(tenantId, remittance);
  const checks = balance(remittance);
  const paymentCheck = checks.find((c) => c.check === 'payment');
  if (paymentCheck && paymentCheck.ok !== true) {
    // The check total does not reconcile: post nothing from it, a person must look.
    await exception({
      tenantId,
      kind: 'remittance-unbalanced',
      position: `segment ${paymentCheck.position ?? remittance.payment.position ?? '?'}`,
      message: paymentCheck.ok === false ? 'BPR02 does not equal the claim payments less the PLB adjustments' : 'payment balance is not evaluable: an amount is missing',
      detail: { remittanceId, ...figures(paymentCheck) },
    });
    return;
  }

  let posted = 0;
  let failed = 0;
  for (const clp of remittance.claims) {
    const outcome = await postClaim(deps, tenantId, remittanceId, clp, checks, exception);
    if (outcome === 'posted') posted++;
    else if (outcome === 'already') result.alreadyPosted++;
    else failed++;
  }
  result.posted += posted;
  await deps.remittances.put({
    tenantId,
    remittanceId,
    file,
    payerId: remittance.trace.payerId,
    traceNumber: remittance.trace.traceNumber,
    paymentAmount: remittance.payment.totalPaid ?? '0.00',
    claimCount: remittance.claims.length,
    postedClaims: posted,
    exceptions: failed,
    receivedAt: deps.clock().toISOString(),
  });
}

async function postClaim(
  deps: AppDeps,
  tenantId: string,
  remittanceId: string,
  clp: ClaimPaymentInfo,
  checks: BalanceResult[],
  exception: (record: Omit<ExceptionRecord, 'at' | 'file'>) => Promise<void>,
): Promise<'posted' | 'already' | 'failed'> {
  const position = `segment ${clp.position ?? '?'}`;
  const claimId = clp.patientControlNumber;
  const linePositions = new Set(clp.serviceLines.map((line) => line.position));
  const ownChecks = checks.filter(
    (c) =>
      c.ok !== true &&
      ((c.check === 'claim' && c.position === clp.position) || (c.check === 'line' && linePositions.has(c.position))),
  );
  if (ownChecks.length > 0) {
    const [first] = ownChecks;
    await exception({
      tenantId,
      kind: 'remittance-unbalanced',
      position: `segment ${first?.position}`,
      message: `${first?.check === 'line' ? 'SVC02 does not equal SVC03 plus the line adjustments' : 'CLP03 does not equal CLP04 plus the claim and line adjustments'}${first?.ok === 'not-evaluable' ? ' (not evaluable: an amount is missing)' : ''}`,
      detail: { remittanceId, claimId, ...figures(first) },
    });
    return 'failed';
  }

  if (await deps.remittances.isPosted(tenantId, remittanceId, claimId)) return 'already';
  const record = await deps.claims.get(tenantId, claimId);
  if (!record) {
    await exception({ tenantId, kind: 'remittance-unmatched', position, message: 'CLP01 matches no claim of the tenant', detail: { remittanceId, claimId } });
    return 'failed';
  }
  const decision = decidePosting(clp, remittanceId, deps.clock().toISOString());
  const event = {
    type: 'remittance-posted' as const,
    at: deps.clock().toISOString(),
    cause: remittanceId,
    detail: { claimStatusCode: clp.statusCode, paid: decision.payment.paid, payerClaimControlNumber: clp.payerClaimControlNumber },
  };
  for (let attempt = 0; ; attempt++) {
    try {
      const current = attempt === 0 ? record : await deps.claims.get(tenantId, claimId);
      if (!current) return 'failed';
      await deps.claims.transition(current, decision.status, event, { payment: decision.payment });
      return 'posted';
    } catch (error) {
      if (error instanceof AlreadyPostedError) return 'already';
      if (error instanceof IllegalTransitionError) {
        await exception({
          tenantId,
          kind: 'remittance-illegal-transition',
          position,
          message: `the claim is ${error.from ?? 'new'}; a remittance cannot move it to ${error.to}`,
          detail: { remittanceId, claimId, claimStatusCode: clp.statusCode },
        });
        return 'failed';
      }
      if (error instanceof VersionConflictError && attempt < 2) continue;
      throw error;
    }
  }
}

/** Stable id of a payment: the same check/EFT from the same payer is one remittance. */
export function remittanceIdOf(tenantId: string, remittance: Remittance): string {
  const basis = [tenantId, remittance.trace.payerId ?? remittance.payer.name, remittance.trace.traceNumber].join('\u0000');
  return createHash('sha256').update(basis).digest('hex').slice(0, 24);
}

function positionText(error: X12Error): string | undefined {
  return error.position !== undefined ? `segment ${error.position}` : undefined;
}

function figures(check: BalanceResult | undefined): Record<string, unknown> {
  if (!check) return {};
  return { check: check.check, expected: check.expected, actual: check.actual, difference: check.difference, missing: check.missing };
}
