/**
 * buildReport: the stored records of one tenant -> every figure of the
 * biller's report (model.ts; definitions in docs/report.md). Pure: the
 * caller reads the records (lambdas/app/report.ts) and chooses `asOf`.
 * Records of another tenant in the input are ignored.
 */
import { fromCents, sumCents, toCents } from '../money.js';
import type { AcknowledgmentRecord, BatchRecord, ClaimRecord, ExceptionRecord, RemittanceRecord } from '../ports.js';
import { acknowledgmentSummary, batchRows } from './batches.js';
import { claimFacts } from './claim-facts.js';
import { denialRows } from './denials.js';
import type { PayerRow, Report, ReportTotals } from './model.js';
import { payerRows } from './payers.js';
import { remittanceProblems } from './remittance-problems.js';
import { statusAgeTable } from './status-age.js';

export interface ReportInput {
  tenantId: string;
  asOf: Date;
  claims: readonly ClaimRecord[];
  batches: readonly BatchRecord[];
  acknowledgments: readonly AcknowledgmentRecord[];
  remittances: readonly RemittanceRecord[];
  exceptions: readonly ExceptionRecord[];
}

function totalsOf(payers: readonly PayerRow[], claims: readonly ClaimRecord[], denied: number): ReportTotals {
  const sum = (pick: (p: PayerRow) => string) => fromCents(sumCents(payers.map((p) => toCents(pick(p)))));
  return {
    claims: payers.reduce((n, p) => n + p.claims, 0),
    submittedClaims: payers.reduce((n, p) => n + p.submittedClaims, 0),
    secondaryClaims: claims.filter((c) => c.primaryClaimId !== undefined).length,
    billed: sum((p) => p.billed),
    allowed: sum((p) => p.allowed),
    allowedUnknownClaims: payers.reduce((n, p) => n + p.allowedUnknownClaims, 0),
    paid: sum((p) => p.paid),
    patientResponsibility: sum((p) => p.patientResponsibility),
    adjustments: sum((p) => p.adjustments),
    denied: fromCents(denied),
  };
}

export function buildReport(input: ReportInput): Report {
  const own = <T extends { tenantId: string }>(records: readonly T[]) => records.filter((r) => r.tenantId === input.tenantId);
  const claims = own(input.claims);
  const batches = own(input.batches);
  const acknowledgments = own(input.acknowledgments);
  const facts = claimFacts(claims, batches, input.asOf);
  const payers = payerRows(facts);
  const denials = denialRows(facts);
  return {
    reportVersion: 1,
    tenantId: input.tenantId,
    asOf: input.asOf.toISOString(),
    totals: totalsOf(payers, claims, sumCents(denials.map((d) => toCents(d.amount)))),
    statusAge: statusAgeTable(facts),
    payers,
    denials,
    remittanceProblems: remittanceProblems(own(input.exceptions), own(input.remittances)),
    batches: batchRows(batches, claims, acknowledgments),
    batchCount: batches.length,
    acknowledgments: acknowledgmentSummary(acknowledgments),
  };
}
