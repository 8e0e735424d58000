/**
 * The three 835 balancing checks of 005010X221A1, in exact integer cents:
 *
 * - line:    SVC02 = SVC03 + ΣCAS amounts of the line
 * - claim:   CLP03 = CLP04 + ΣCAS amounts of the claim + ΣCAS amounts of its lines
 * - payment: BPR02 = ΣCLP04 − ΣPLB amounts (PLB amounts are positive when they
 *            reduce the payment). BPR03 = D (provider owes) makes BPR02 negative.
 *
 * `expected` is the stated total (SVC02, CLP03, BPR02), `actual` the sum of its
 * parts, `difference` = expected − actual. Nothing is patched over: an amount
 * the file left empty makes the check 'not-evaluable' (and is named in
 * `missing`), it never counts as zero.
 */
import { fromCents, toCents } from '../../money.js';
import type { Adjustment, ClaimPaymentInfo, Payment, ProviderAdjustment, Remittance, ServicePayment } from './model.js';

export type BalanceCheck = 'line' | 'claim' | 'payment';

export interface BalanceResult {
  check: BalanceCheck;
  ok: boolean | 'not-evaluable';
  /** The stated total as a decimal string, when present. */
  expected?: string;
  /** The sum of the parts, when every part is present. */
  actual?: string;
  /** expected − actual, when both are known. */
  difference?: string;
  expectedCents?: number;
  actualCents?: number;
  differenceCents?: number;
  /** Segment position of the SVC, CLP or BPR the check is about. */
  position?: number;
  /** CLP01 of the claim (line and claim checks). */
  claimId?: string;
  /** 1-based service line number within the claim (line checks). */
  lineNumber?: number;
  /** Elements whose amount was missing, e.g. ["SVC03"], when not evaluable. */
  missing?: string[];
}

/** Every check of the remittance: each line, each claim, then the payment. */
export function balance(remittance: Remittance): BalanceResult[] {
  const results: BalanceResult[] = [];
  for (const claim of remittance.claims) results.push(...claimChecks(claim));
  results.push(balancePayment(remittance));
  return results;
}

/** The checks of one claim: each of its lines, then the claim itself. */
export function claimChecks(claim: ClaimPaymentInfo): BalanceResult[] {
  const results = claim.serviceLines.map((line, index) => balanceLine(claim, line, index + 1));
  results.push(balanceClaim(claim));
  return results;
}

/** True when every check is ok (not-evaluable counts as not balanced). */
export function isBalanced(results: readonly BalanceResult[]): boolean {
  return results.every((r) => r.ok === true);
}

export function balanceLine(claim: ClaimPaymentInfo, line: ServicePayment, lineNumber: number): BalanceResult {
  const terms = new Terms();
  const expected = terms.amount(line.charge, 'SVC02');
  terms.add(line.paid, 'SVC03');
  terms.addAdjustments(line.adjustments);
  return result('line', expected, terms, {
    position: line.position,
    claimId: claim.patientControlNumber,
    lineNumber,
  });
}

export function balanceClaim(claim: ClaimPaymentInfo): BalanceResult {
  const terms = new Terms();
  const expected = terms.amount(claim.charge, 'CLP03');
  terms.add(claim.paid, 'CLP04');
  terms.addAdjustments(claim.adjustments);
  for (const line of claim.serviceLines) terms.addAdjustments(line.adjustments);
  return result('claim', expected, terms, { position: claim.position, claimId: claim.patientControlNumber });
}

export function balancePayment(remittance: Remittance): BalanceResult {
  const running = new PaymentBalance();
  for (const claim of remittance.claims) running.addClaim(claim);
  for (const plb of remittance.providerAdjustments) running.addProviderAdjustment(plb);
  return running.result(remittance.payment);
}

/**
 * The payment check from running sums: what streaming keeps instead of the
 * claims. Feed every claim, then every PLB; result() equals balancePayment of
 * the whole remittance.
 */
export class PaymentBalance {
  private readonly parts = new Terms();

  addClaim(claim: Pick<ClaimPaymentInfo, 'paid'>): void {
    this.parts.add(claim.paid, 'CLP04');
  }

  addProviderAdjustment(plb: Pick<ProviderAdjustment, 'items'>): void {
    for (const item of plb.items) this.parts.subtract(item.amount, 'PLB amount');
  }

  result(payment: Pick<Payment, 'totalPaid' | 'creditDebit' | 'position'>): BalanceResult {
    const terms = new Terms();
    const stated = terms.amount(payment.totalPaid, 'BPR02');
    const expected = stated === undefined ? undefined : payment.creditDebit === 'D' ? -stated : stated;
    terms.merge(this.parts);
    return result('payment', expected, terms, { position: payment.position });
  }
}

/** Accumulates cents and remembers which terms were missing. */
class Terms {
  total = 0;
  readonly missing: string[] = [];

  amount(value: string | undefined, name: string): number | undefined {
    if (value === undefined) {
      if (!this.missing.includes(name)) this.missing.push(name);
      return undefined;
    }
    return toCents(value);
  }

  add(value: string | undefined, name: string): void {
    this.total += this.amount(value, name) ?? 0;
  }

  subtract(value: string | undefined, name: string): void {
    this.total -= this.amount(value, name) ?? 0;
  }

  merge(other: Terms): void {
    this.total += other.total;
    for (const name of other.missing) if (!this.missing.includes(name)) this.missing.push(name);
  }

  addAdjustments(adjustments: readonly Adjustment[]): void {
    for (const adjustment of adjustments) this.add(adjustment.amount, `CAS amount (${adjustment.group}-${adjustment.reason})`);
  }
}

function result(
  check: BalanceCheck,
  expectedCents: number | undefined,
  terms: Terms,
  where: Pick<BalanceResult, 'position' | 'claimId' | 'lineNumber'>,
): BalanceResult {
  // Built by assignment, not spreads: this runs for every line and claim of large files.
  const out: BalanceResult = { check, ok: 'not-evaluable', ...where };
  if (expectedCents !== undefined) {
    out.expected = fromCents(expectedCents);
    out.expectedCents = expectedCents;
  }
  if (terms.missing.length > 0) {
    const expectedMissing = expectedCents === undefined;
    // Parts are only meaningful when none of them is missing.
    const partsMissing = terms.missing.length > (expectedMissing ? 1 : 0);
    if (!partsMissing) {
      out.actual = fromCents(terms.total);
      out.actualCents = terms.total;
    }
    out.missing = [...terms.missing];
    return out;
  }
  const differenceCents = (expectedCents ?? 0) - terms.total;
  out.ok = differenceCents === 0;
  out.actual = fromCents(terms.total);
  out.actualCents = terms.total;
  out.difference = fromCents(differenceCents);
  out.differenceCents = differenceCents;
  return out;
}
