/**
 * The payer's second look at claims it already paid: an adjustment 835 per
 * 837, written after the first one, for every primary claim whose id ends
 * in the digit 3 that the first 835 paid (CLP02 1, something paid):
 *
 * - CLP02 22 reverses the original claim payment: the same CLP07, every
 *   amount negated (CLP03/04/05, SVC02/03, each CAS amount);
 * - then CLP02 1 pays it again, corrected: the payer waives the patient's
 *   cost share, so each covered line pays its allowed amount (the CO
 *   adjustments stay, the PR ones go);
 * - PLB L6 (interest) of 1.50 per corrected claim, written negative (it
 *   increases the payment), with the claim's CLP01 as its reference.
 * BPR02 = Σ(corrected − original) + interest: positive, because a waiver
 * only adds. Pure and deterministic like adjudicate.ts.
 */
import type { Claim } from '../../../lambdas/core/claim/model.js';
import { fromCents, toCents } from '../../../lambdas/core/money.js';
import type { Adjustment, ClaimPaymentInfo, ProviderAdjustment, Remittance, ServicePayment } from '../../../lambdas/core/x12/835/model.js';
import { adjudicate, adjudicateClaim, type AdjudicateOptions } from './adjudicate.js';

const ADJUSTED_CLAIM_ID_SUFFIX = '3';
const INTEREST_CENTS = 150;

/** Claims of an 835 the payer takes a second look at. */
export function claimsToAdjust(claims: readonly Claim[], opts: AdjudicateOptions): Claim[] {
  return claims.filter((claim) => {
    if (claim.payer.responsibility !== 'P' || !claim.claimId.endsWith(ADJUSTED_CLAIM_ID_SUFFIX)) return false;
    const original = adjudicateClaim(claim, opts);
    return original.statusCode === '1' && toCents(original.paid ?? '0') > 0;
  });
}

/** The adjustment remittance for `claims` (all from one payer and payee), or undefined when none qualifies. */
export function adjustmentRemittance(claims: readonly Claim[], opts: AdjudicateOptions): Remittance | undefined {
  const chosen = claimsToAdjust(claims, opts);
  if (chosen.length === 0) return undefined;
  const frame = adjudicate(chosen, opts); // payer, payee, envelope fields as the sandbox writes them
  const payments: ClaimPaymentInfo[] = chosen.flatMap((claim) => {
    const original = adjudicateClaim(claim, opts);
    return [reversal(original), correction(original)];
  });
  const providerId = frame.payee.npi ?? frame.payee.identifier?.value ?? 'UNKNOWN';
  const providerAdjustments: ProviderAdjustment[] = [
    {
      providerId,
      fiscalPeriodDate: `${opts.checkDate.getUTCFullYear()}-12-31`,
      items: chosen.map((claim) => ({ reason: 'L6', reference: claim.claimId, amount: fromCents(-INTEREST_CENTS) })),
    },
  ];
  const claimsPaid = payments.reduce((total, clp) => total + toCents(clp.paid ?? '0'), 0);
  const total = claimsPaid + INTEREST_CENTS * chosen.length;
  return {
    ...frame,
    payment: { ...frame.payment, handlingCode: 'I', method: 'CHK', totalPaid: fromCents(total), creditDebit: 'C' },
    claims: payments,
    providerAdjustments,
  };
}

function reversal(original: ClaimPaymentInfo): ClaimPaymentInfo {
  return {
    ...original,
    statusCode: '22',
    charge: negate(original.charge),
    paid: negate(original.paid),
    patientResponsibility: negate(original.patientResponsibility),
    crossoverCarrier: undefined,
    adjustments: original.adjustments.map(negateAdjustment),
    serviceLines: original.serviceLines.map((line) => ({
      ...line,
      charge: negate(line.charge),
      paid: negate(line.paid),
      allowed: undefined,
      adjustments: line.adjustments.map(negateAdjustment),
    })),
  };
}

function correction(original: ClaimPaymentInfo): ClaimPaymentInfo {
  const lines: ServicePayment[] = original.serviceLines.map((line) => {
    const waived = line.adjustments.filter((a) => a.group === 'PR').reduce((total, a) => total + toCents(a.amount ?? '0'), 0);
    return {
      ...line,
      paid: fromCents(toCents(line.paid ?? '0') + waived),
      adjustments: line.adjustments.filter((a) => a.group !== 'PR'),
    };
  });
  return {
    ...original,
    statusCode: '1',
    crossoverCarrier: undefined,
    paid: fromCents(lines.reduce((total, line) => total + toCents(line.paid ?? '0'), 0)),
    patientResponsibility: '0.00',
    serviceLines: lines,
  };
}

function negate(amount: string | undefined): string | undefined {
  return amount === undefined ? undefined : fromCents(-toCents(amount));
}

function negateAdjustment(adjustment: Adjustment): Adjustment {
  return { ...adjustment, amount: negate(adjustment.amount) };
}
