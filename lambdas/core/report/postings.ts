/**
 * A claim's 835 postings as the report reads them: amounts in integer cents,
 * reversals recognised, predetermination notes (CLP02 25) left out, and each
 * claim's current adjudication. Claims posted
 * before `postings` existed carry only `payment` (the latest claim payment):
 * it is read as one posting whose line amounts and allowed are unknown.
 */
import { sumCents, toCents } from '../money.js';
import type { ClaimRecord } from '../ports.js';

/** CLP02 of a reversal of an earlier claim payment. */
export const REVERSAL_STATUS_CODE = '22';
/** CLP02 25: predetermination pricing only. Posting keeps it as a note; it is no adjudication, and the report leaves it out. */
export const PREDETERMINATION_STATUS_CODE = '25';

export interface ReportAdjustment {
  group: string;
  reason: string;
  amount: number;
}

export interface ReportLine {
  charge: number;
  paid: number;
  adjustments: ReportAdjustment[];
}

export interface ReportPosting {
  reversal: boolean;
  claimStatusCode: string;
  payerClaimControlNumber?: string;
  charge: number;
  paid: number;
  patientResponsibility: number;
  /** Absent when the payer did not state it (not on every line). */
  allowed?: number;
  /** Claim-level CAS. */
  claimAdjustments: ReportAdjustment[];
  /** Absent for a legacy `payment` record: its line amounts were not kept. */
  lines?: ReportLine[];
  /** Σ of every CAS amount, claim and line level, every group. */
  adjustmentTotal: number;
}

const adjustment = (a: { group: string; reason: string; amount: string }): ReportAdjustment => ({
  group: a.group,
  reason: a.reason,
  amount: toCents(a.amount),
});

export function postingsOf(record: ClaimRecord): ReportPosting[] {
  if (record.postings && record.postings.length > 0) {
    return record.postings.filter((p) => p.claimStatusCode !== PREDETERMINATION_STATUS_CODE).map((p) => {
      const claimAdjustments = p.adjustments.map(adjustment);
      const lines = p.lines.map((l) => ({ charge: toCents(l.charge), paid: toCents(l.paid), adjustments: l.adjustments.map(adjustment) }));
      return {
        reversal: p.claimStatusCode === REVERSAL_STATUS_CODE,
        claimStatusCode: p.claimStatusCode,
        ...(p.payerClaimControlNumber !== undefined ? { payerClaimControlNumber: p.payerClaimControlNumber } : {}),
        charge: toCents(p.charge),
        paid: toCents(p.paid),
        patientResponsibility: toCents(p.patientResponsibility),
        ...(p.allowed !== undefined ? { allowed: toCents(p.allowed) } : {}),
        claimAdjustments,
        lines,
        adjustmentTotal: sumCents([...claimAdjustments, ...lines.flatMap((l) => l.adjustments)].map((a) => a.amount)),
      };
    });
  }
  const payment = record.payment;
  if (!payment) return [];
  // The legacy summary keeps every CAS (claim and line) in one list; all of them count as claim level here.
  const claimAdjustments = payment.adjustments.map(adjustment);
  return [
    {
      reversal: payment.claimStatusCode === REVERSAL_STATUS_CODE,
      claimStatusCode: payment.claimStatusCode,
      ...(payment.payerClaimControlNumber !== undefined ? { payerClaimControlNumber: payment.payerClaimControlNumber } : {}),
      charge: toCents(payment.charge),
      paid: toCents(payment.paid),
      patientResponsibility: toCents(payment.patientResponsibility),
      claimAdjustments,
      adjustmentTotal: sumCents(claimAdjustments.map((a) => a.amount)),
    },
  ];
}

/**
 * The payer's current answer on the claim: its latest posting, unless that is
 * a reversal (then the claim has none until the payer's correction arrives).
 */
export function currentAdjudication(postings: readonly ReportPosting[]): ReportPosting | undefined {
  const latest = postings.at(-1);
  return latest && !latest.reversal ? latest : undefined;
}
