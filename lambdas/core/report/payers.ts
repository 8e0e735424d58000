/**
 * Money by payer (claim.payer.payerId), net over every posting: a reversal is
 * a posting with the payer's negative amounts, so summing postings nets it.
 * Definitions: model.ts PayerRow and docs/report.md.
 */
import { fromCents, sumCents } from '../money.js';
import type { ClaimFacts } from './claim-facts.js';
import type { PayerRow, ReconciliationMismatch } from './model.js';

interface PayerTally {
  payerId: string;
  names: Set<string>;
  claims: number;
  submittedClaims: number;
  billed: number;
  postedClaims: number;
  reversedClaims: number;
  allowed: number;
  allowedKnownClaims: number;
  allowedUnknownClaims: number;
  paid: number;
  patientResponsibility: number;
  adjustments: number;
  reconciledClaims: number;
  reconciledBilled: number;
  reconciledPaidPlusAdjustments: number;
  mismatches: Array<{ difference: number; row: ReconciliationMismatch }>;
}

function newTally(payerId: string): PayerTally {
  return {
    payerId,
    names: new Set(),
    claims: 0,
    submittedClaims: 0,
    billed: 0,
    postedClaims: 0,
    reversedClaims: 0,
    allowed: 0,
    allowedKnownClaims: 0,
    allowedUnknownClaims: 0,
    paid: 0,
    patientResponsibility: 0,
    adjustments: 0,
    reconciledClaims: 0,
    reconciledBilled: 0,
    reconciledPaidPlusAdjustments: 0,
    mismatches: [],
  };
}

function addClaim(tally: PayerTally, fact: ClaimFacts): void {
  tally.names.add(fact.record.claim.payer.name);
  tally.claims++;
  if (fact.submittedAt !== undefined) {
    tally.submittedClaims++;
    tally.billed += fact.billed;
  }
  const postings = fact.postings;
  if (postings.length === 0) return;
  tally.postedClaims++;
  const paid = sumCents(postings.map((p) => p.paid));
  const adjustments = sumCents(postings.map((p) => p.adjustmentTotal));
  tally.paid += paid;
  tally.patientResponsibility += sumCents(postings.map((p) => p.patientResponsibility));
  tally.adjustments += adjustments;
  if (postings.every((p) => p.allowed !== undefined)) {
    tally.allowedKnownClaims++;
    tally.allowed += sumCents(postings.map((p) => p.allowed ?? 0));
  } else {
    tally.allowedUnknownClaims++;
  }
  const current = fact.current;
  if (!current) {
    tally.reversedClaims++;
    return;
  }
  tally.reconciledClaims++;
  tally.reconciledBilled += fact.billed;
  tally.reconciledPaidPlusAdjustments += paid + adjustments;
  const difference = fact.billed - (paid + adjustments);
  if (difference !== 0) {
    tally.mismatches.push({
      difference,
      row: {
        ...(current.payerClaimControlNumber !== undefined ? { payerClaimControlNumber: current.payerClaimControlNumber } : {}),
        claimStatusCode: current.claimStatusCode,
        billed: fromCents(fact.billed),
        paid: fromCents(paid),
        adjustments: fromCents(adjustments),
        difference: fromCents(difference),
      },
    });
  }
}

function toRow(t: PayerTally): PayerRow {
  return {
    payerId: t.payerId,
    payerName: [...t.names].sort()[0] ?? t.payerId,
    claims: t.claims,
    submittedClaims: t.submittedClaims,
    billed: fromCents(t.billed),
    postedClaims: t.postedClaims,
    reversedClaims: t.reversedClaims,
    allowed: fromCents(t.allowed),
    allowedKnownClaims: t.allowedKnownClaims,
    allowedUnknownClaims: t.allowedUnknownClaims,
    paid: fromCents(t.paid),
    patientResponsibility: fromCents(t.patientResponsibility),
    adjustments: fromCents(t.adjustments),
    reconciliation: {
      claims: t.reconciledClaims,
      billed: fromCents(t.reconciledBilled),
      paidPlusAdjustments: fromCents(t.reconciledPaidPlusAdjustments),
      difference: fromCents(t.reconciledBilled - t.reconciledPaidPlusAdjustments),
      // Largest differences first, then by the payer's number: a stable order to work down.
      mismatches: t.mismatches
        .sort(
          (a, b) =>
            Math.abs(b.difference) - Math.abs(a.difference) ||
            (a.row.payerClaimControlNumber ?? '').localeCompare(b.row.payerClaimControlNumber ?? ''),
        )
        .map((m) => m.row),
    },
  };
}

export function payerRows(facts: readonly ClaimFacts[]): PayerRow[] {
  const tallies = new Map<string, PayerTally>();
  for (const fact of facts) {
    const payerId = fact.record.claim.payer.payerId;
    let tally = tallies.get(payerId);
    if (!tally) tallies.set(payerId, (tally = newTally(payerId)));
    addClaim(tally, fact);
  }
  return [...tallies.values()].sort((a, b) => a.payerId.localeCompare(b.payerId)).map(toRow);
}
