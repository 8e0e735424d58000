/**
 * What one 835 claim payment (a CLP loop) does to one of our claims: the
 * posting record it leaves, the status it moves the claim to, and the lines
 * it could not tie to a line of the claim. Pure: the remittance service reads
 * the claim, asks this, and writes the result in one transaction.
 *
 * Status (docs/remittance-posting.md):
 * - CLP02 22 (reversal of a previous payment): reversed; the posting names
 *   the posting it reverses, which stays as it was;
 * - a claim that is reversed (or already corrected) and gets any other CLP:
 *   corrected;
 * - CLP02 19, 20, 21 (processed and forwarded), 23 (not our claim,
 *   forwarded) or a crossover carrier (NM1*TT): forwarded;
 * - CLP02 25 (predetermination pricing only): no move, the posting is a note;
 * - CLP02 4, or nothing paid with a denial reason (a reduction other than
 *   the ones below): denied; nothing paid because it all went to the
 *   patient (deductible) or the fee schedule is paid, not denied;
 * - paid, every reduction contractual (CO-45, CO-253), the patient's (PR) or
 *   the prior payer's share on a secondary claim (OA-23): paid; any other
 *   reduction: partially_paid;
 * - a split claim (several CLP loops 1-4 for one claim in one remittance):
 *   paid when every part is, denied when every part is, else partially_paid.
 */
import type { Claim } from '../claim/model.js';
import type { ClaimStatus } from '../claim/state-machine.js';
import { fromCents, sumCents, toCents } from '../money.js';
import type { ClaimPayment } from '../ports.js';
import type { Adjustment, ClaimPaymentInfo } from '../x12/835/model.js';
import { matchServiceLines } from './match-lines.js';
import type { ClaimPosting, LinePosting, PostedAdjustment } from './posting-record.js';
import { crossoverCarrier, claimRemarks } from './remittance-fields.js';

/** Reductions that do not make a payment partial: the fee schedule, sequestration, a prior payer's share. */
const CONTRACTUAL = new Set(['CO-45', 'CO-253', 'OA-23']);
const FORWARDED_CODES = new Set(['19', '20', '21', '23']);

/** The payment (check/EFT) a claim payment came in, and where. */
export interface PaymentContext {
  remittanceId: string;
  file: string;
  payerName: string;
  payerId?: string;
  traceNumber: string;
  paymentMethod: string;
  paymentDate?: string;
  postedAt: string;
}

export interface PostingPlan {
  status: ClaimStatus;
  posting: ClaimPosting;
  /** The short summary kept on the claim (latest claim payment). */
  payment: ClaimPayment;
  /** SVCs (0-based index in the CLP loop) that matched no line of the claim. */
  unmatchedLines: Array<{ svc: number; position?: number; reason: string }>;
}

export interface PostableClaim {
  status: ClaimStatus;
  claim: Pick<Claim, 'serviceLines' | 'institutional'>;
  postings?: readonly ClaimPosting[];
}

/**
 * @param occurrence the n-th CLP loop for this claim in the remittance (1-based):
 *   part of the posting id, so a reversal and its correction in one 835 are two postings.
 */
export function planPosting(record: PostableClaim, clp: ClaimPaymentInfo, occurrence: number, ctx: PaymentContext): PostingPlan {
  const matches = matchServiceLines(record.claim, clp.serviceLines);
  const lines: LinePosting[] = clp.serviceLines.map((svc, index) => {
    const match = matches[index];
    return {
      ...(match?.line !== undefined ? { line: match.line, matchedBy: match.matchedBy } : {}),
      procedureCode: svc.procedure.code,
      modifiers: [...svc.procedure.modifiers],
      ...(svc.originalProcedure ? { submittedProcedureCode: svc.originalProcedure.code } : {}),
      ...(svc.serviceDate ? { serviceDate: svc.serviceDate } : {}),
      charge: money(svc.charge),
      paid: money(svc.paid),
      ...(svc.allowed !== undefined ? { allowed: money(svc.allowed) } : {}),
      ...(svc.units !== undefined ? { units: svc.units } : {}),
      adjustments: svc.adjustments.map(posted),
      remarks: svc.remarks.map((remark) => remark.value),
    };
  });
  const unmatchedLines = matches.flatMap((match, svc) =>
    match.line === undefined ? [{ svc, position: clp.serviceLines[svc]?.position, reason: match.reason ?? 'no match' }] : [],
  );

  const allAdjustments = [...clp.adjustments, ...clp.serviceLines.flatMap((svc) => svc.adjustments)];
  const patientResponsibility =
    clp.patientResponsibility !== undefined
      ? toCents(clp.patientResponsibility)
      : sumCents(allAdjustments.filter((a) => a.group === 'PR').map(cents));
  const allowedKnown = lines.length > 0 && lines.every((line) => line.allowed !== undefined);
  const crossover = crossoverCarrier(clp);

  const posting: ClaimPosting = {
    postingId: `${ctx.remittanceId}:${occurrence}`,
    remittanceId: ctx.remittanceId,
    file: ctx.file,
    payerName: ctx.payerName,
    ...(ctx.payerId !== undefined ? { payerId: ctx.payerId } : {}),
    traceNumber: ctx.traceNumber,
    paymentMethod: ctx.paymentMethod,
    ...(ctx.paymentDate !== undefined ? { paymentDate: ctx.paymentDate } : {}),
    claimStatusCode: clp.statusCode,
    ...(clp.payerClaimControlNumber !== undefined ? { payerClaimControlNumber: clp.payerClaimControlNumber } : {}),
    charge: money(clp.charge),
    paid: money(clp.paid),
    patientResponsibility: fromCents(patientResponsibility),
    ...(allowedKnown ? { allowed: fromCents(sumCents(lines.map((line) => toCents(line.allowed ?? '0')))) } : {}),
    adjustments: clp.adjustments.map(posted),
    remarks: claimRemarks(clp),
    lines,
    ...(clp.statusCode === '22' ? reversalTarget(record.postings ?? [], clp) : {}),
    ...(crossover ? { forwardedTo: crossover } : {}),
    postedAt: ctx.postedAt,
  };

  const payment: ClaimPayment = {
    remittanceId: ctx.remittanceId,
    ...(clp.payerClaimControlNumber !== undefined ? { payerClaimControlNumber: clp.payerClaimControlNumber } : {}),
    claimStatusCode: clp.statusCode,
    charge: posting.charge,
    paid: posting.paid,
    patientResponsibility: posting.patientResponsibility,
    adjusted: fromCents(sumCents(allAdjustments.filter((a) => a.group !== 'PR').map(cents))),
    adjustments: [
      ...clp.adjustments.map((a) => ({ group: a.group, reason: a.reason, amount: fromCents(cents(a)) })),
      ...clp.serviceLines.flatMap((svc, index) =>
        svc.adjustments.map((a) => ({ group: a.group, reason: a.reason, amount: fromCents(cents(a)), line: index + 1 })),
      ),
    ],
    postedAt: ctx.postedAt,
  };

  let status = statusFor(record.status, clp, allAdjustments, crossover !== undefined);
  const parts = splitParts(record, posting);
  if (parts.length > 1) status = combined(parts.map(outcomeOf));
  return { status, posting, payment, unmatchedLines };
}

function statusFor(current: ClaimStatus, clp: ClaimPaymentInfo, adjustments: readonly Adjustment[], crossover: boolean): ClaimStatus {
  if (clp.statusCode === '22') return 'reversed';
  if (current === 'reversed' || current === 'corrected') return 'corrected';
  if (FORWARDED_CODES.has(clp.statusCode) || crossover) return 'forwarded';
  if (clp.statusCode === '25') return current;
  return outcome(clp.statusCode, toCents(clp.paid ?? '0'), adjustments);
}

type Outcome = 'paid' | 'partially_paid' | 'denied';

function outcome(statusCode: string, paid: number, adjustments: ReadonlyArray<{ group: string; reason: string; amount?: string }>): Outcome {
  if (statusCode === '4') return 'denied';
  const unexpected = adjustments.some((a) => a.group !== 'PR' && !CONTRACTUAL.has(`${a.group}-${a.reason}`) && cents(a) !== 0);
  // Nothing paid because of a denial reason is a denial; nothing paid because it all went to the
  // deductible (PR-1) or the fee schedule is a processed claim the patient owes.
  if (paid <= 0 && unexpected) return 'denied';
  return unexpected ? 'partially_paid' : 'paid';
}

function outcomeOf(posting: ClaimPosting): Outcome {
  return outcome(posting.claimStatusCode, toCents(posting.paid), [...posting.adjustments, ...posting.lines.flatMap((line) => line.adjustments)]);
}

/**
 * A split claim: the payer adjudicated parts of one claim as separate CLP
 * loops (each with its own CLP07) in the same remittance. The claim's status
 * is then the parts' together. Parts are the postings of this remittance that
 * are plain adjudications (CLP02 1-4), none reversed; a later remittance's
 * claim payment is a new adjudication and decides alone.
 */
function splitParts(record: PostableClaim, posting: ClaimPosting): ClaimPosting[] {
  const adjudication = (p: ClaimPosting) => ['1', '2', '3', '4'].includes(p.claimStatusCode);
  if (!adjudication(posting) || record.status === 'reversed' || record.status === 'corrected') return [];
  const earlier = (record.postings ?? []).filter((p) => p.remittanceId === posting.remittanceId);
  if (earlier.length === 0 || !earlier.every(adjudication)) return [];
  return [...earlier, posting];
}

function combined(parts: readonly Outcome[]): Outcome {
  if (parts.every((part) => part === 'paid')) return 'paid';
  if (parts.every((part) => part === 'denied')) return 'denied';
  return 'partially_paid';
}

/**
 * The posting a reversal takes back: the latest posting not yet reversed,
 * preferring one with the same payer claim control number (CLP07).
 */
function reversalTarget(postings: readonly ClaimPosting[], clp: ClaimPaymentInfo): { reverses?: string } {
  const reversed = new Set(postings.flatMap((p) => (p.reverses ? [p.reverses] : [])));
  const open = postings.filter((p) => p.claimStatusCode !== '22' && !reversed.has(p.postingId));
  const sameControl = open.filter((p) => clp.payerClaimControlNumber !== undefined && p.payerClaimControlNumber === clp.payerClaimControlNumber);
  const target = (sameControl.length > 0 ? sameControl : open).at(-1);
  return target ? { reverses: target.postingId } : {};
}

function posted(a: Adjustment): PostedAdjustment {
  return { group: a.group, reason: a.reason, amount: fromCents(cents(a)), ...(a.quantity !== undefined ? { quantity: a.quantity } : {}) };
}

function cents(a: Pick<Adjustment, 'amount'>): number {
  return toCents(a.amount ?? '0');
}

/** Posting only runs on balanced claims, so an absent amount here is the payer's zero. */
function money(value: string | undefined): string {
  return fromCents(toCents(value ?? '0'));
}
