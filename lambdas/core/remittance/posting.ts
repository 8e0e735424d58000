/**
 * What an 835 claim payment (CLP loop) does to our claim: the status it moves
 * to and the payment summary kept on the claim. Pure; the remittance service
 * does the matching and the writes.
 *
 * Status rules (documented in the README):
 * - CLP02 22 (reversal of a previous payment): reversed;
 * - CLP02 4, or nothing paid on a charge: denied;
 * - paid, and every reduction is contractual (CO-45 fee schedule, CO-253
 *   sequestration) or patient responsibility (PR): paid;
 * - paid, with any other reduction (a denied line, OA/PI/CR or another CO reason): partially_paid.
 */
import type { ClaimStatus } from '../claim/state-machine.js';
import { fromCents, sumCents, toCents } from '../money.js';
import type { ClaimPayment } from '../ports.js';
import type { Adjustment, ClaimPaymentInfo } from '../x12/835/model.js';

const CONTRACTUAL = new Set(['CO-45', 'CO-253']);

export interface PostingDecision {
  status: ClaimStatus;
  payment: ClaimPayment;
}

export function decidePosting(clp: ClaimPaymentInfo, remittanceId: string, postedAt: string): PostingDecision {
  const adjustments = [
    ...clp.adjustments.map((adjustment) => ({ adjustment, line: undefined as number | undefined })),
    ...clp.serviceLines.flatMap((svc, index) => svc.adjustments.map((adjustment) => ({ adjustment, line: index + 1 }))),
  ];
  const cents = (a: Adjustment) => toCents(a.amount ?? '0');
  const patientResponsibility =
    clp.patientResponsibility !== undefined
      ? toCents(clp.patientResponsibility)
      : sumCents(adjustments.filter(({ adjustment }) => adjustment.group === 'PR').map(({ adjustment }) => cents(adjustment)));
  const adjusted = sumCents(adjustments.filter(({ adjustment }) => adjustment.group !== 'PR').map(({ adjustment }) => cents(adjustment)));
  const paid = toCents(clp.paid ?? '0');
  const charge = toCents(clp.charge ?? '0');

  const payment: ClaimPayment = {
    remittanceId,
    payerClaimControlNumber: clp.payerClaimControlNumber,
    claimStatusCode: clp.statusCode,
    charge: fromCents(charge),
    paid: fromCents(paid),
    patientResponsibility: fromCents(patientResponsibility),
    adjusted: fromCents(adjusted),
    adjustments: adjustments.map(({ adjustment, line }) => ({
      group: adjustment.group,
      reason: adjustment.reason,
      amount: fromCents(cents(adjustment)),
      ...(line !== undefined ? { line } : {}),
    })),
    postedAt,
  };
  return { status: statusFor(clp, paid, charge, adjustments.map(({ adjustment }) => adjustment)), payment };
}

function statusFor(clp: ClaimPaymentInfo, paid: number, charge: number, adjustments: Adjustment[]): ClaimStatus {
  if (clp.statusCode === '22') return 'reversed';
  if (clp.statusCode === '4') return 'denied';
  if (paid <= 0 && charge > 0) return 'denied';
  const unexpected = adjustments.some(
    (a) => a.group !== 'PR' && !CONTRACTUAL.has(`${a.group}-${a.reason}`) && toCents(a.amount ?? '0') !== 0,
  );
  return unexpected ? 'partially_paid' : 'paid';
}
