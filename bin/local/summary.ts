/**
 * The per-tenant figures the demo prints: claims by status, money billed,
 * paid, adjusted and left to the patient (integer cents, exact), and every
 * input that was rejected with its reason. Read back from the store, not
 * remembered from the run, so it shows what a biller would find.
 */
import { claimTotalCents } from '../../lambdas/core/claim/validate.js';
import { CLAIM_STATUSES, type ClaimStatus } from '../../lambdas/core/claim/state-machine.js';
import { fromCents, toCents } from '../../lambdas/core/money.js';
import type {
  AcknowledgmentRecord,
  AcknowledgmentRepository,
  AckStatus,
  BatchRepository,
  ClaimRecord,
  ClaimRepository,
  ExceptionRecord,
  ExceptionRepository,
  RemittanceRecord,
  RemittanceRepository,
} from '../../lambdas/core/ports.js';

export interface TenantSummary {
  tenantId: string;
  byStatus: Record<ClaimStatus, number>;
  totals: { billed: string; paid: string; adjusted: string; patientResponsibility: string };
  rejectedClaims: Array<{ claimId: string; file: string; reasons: string[] }>;
  exceptions: Array<Pick<ExceptionRecord, 'kind' | 'file' | 'position' | 'message'>>;
  /** Every 999 and 277CA received, oldest first. */
  acknowledgments: Array<Pick<AcknowledgmentRecord, 'kind' | 'file' | 'status' | 'batchId' | 'claimCount' | 'accepted' | 'rejected' | 'noted' | 'exceptions'>>;
  /** Each batch's 999 status ('unknown' until its 999 arrived). */
  batches: Array<{ batchId: string; claims: number; acknowledgment: AckStatus }>;
  /** Every payment (835 transaction set) received, by trace number. */
  remittances: RemittanceRecord[];
  claims: ClaimRecord[];
}

export async function tenantSummary(
  repos: {
    claims: ClaimRepository;
    exceptions: ExceptionRepository;
    acknowledgments: AcknowledgmentRepository;
    batches: BatchRepository;
    remittances: RemittanceRepository;
  },
  tenantId: string,
): Promise<TenantSummary> {
  const byStatus = Object.fromEntries(CLAIM_STATUSES.map((s) => [s, 0])) as Record<ClaimStatus, number>;
  const claims: ClaimRecord[] = [];
  for (const status of CLAIM_STATUSES) {
    const records = await repos.claims.listByStatus(tenantId, status);
    byStatus[status] = records.length;
    claims.push(...records);
  }
  const submittedOrLater = claims.filter((c) => c.status !== 'ready' && c.status !== 'rejected');
  // Net over every posting: a reversal's negative amounts cancel the payment it reverses.
  const postings = submittedOrLater.flatMap((r) => r.postings ?? []);
  const adjustments = postings.flatMap((p) => [...p.adjustments, ...p.lines.flatMap((l) => l.adjustments)]);
  const cents = (values: Iterable<string>) => fromCents([...values].reduce((sum, v) => sum + toCents(v), 0));
  return {
    tenantId,
    byStatus,
    totals: {
      billed: fromCents(submittedOrLater.reduce((sum, r) => sum + claimTotalCents(r.claim), 0)),
      paid: cents(postings.map((p) => p.paid)),
      adjusted: cents(adjustments.filter((a) => a.group !== 'PR').map((a) => a.amount)),
      patientResponsibility: cents(adjustments.filter((a) => a.group === 'PR').map((a) => a.amount)),
    },
    rejectedClaims: claims
      .filter((c) => c.status === 'rejected')
      .map((c) => ({
        claimId: c.claimId,
        file: c.source.file,
        reasons: c.findings.filter((f) => f.severity === 'error').map((f) => `${f.ruleId}: ${f.message}`),
      })),
    exceptions: (await repos.exceptions.list(tenantId)).map(({ kind, file, position, message }) => ({ kind, file, position, message })),
    acknowledgments: (await repos.acknowledgments.list(tenantId)).map(({ kind, file, status, batchId, claimCount, accepted, rejected, noted, exceptions }) => ({
      kind,
      file,
      status,
      batchId,
      claimCount,
      accepted,
      rejected,
      noted,
      exceptions,
    })),
    batches: (await repos.batches.list(tenantId))
      .sort((a, b) => a.batchId.localeCompare(b.batchId))
      .map((b) => ({ batchId: b.batchId, claims: b.claimIds.length, acknowledgment: b.acknowledgment?.status ?? 'unknown' })),
    remittances: (await repos.remittances.list(tenantId)).sort((a, b) => a.receivedAt.localeCompare(b.receivedAt) || a.remittanceId.localeCompare(b.remittanceId)),
    claims,
  };
}

export function formatSummary(summary: TenantSummary): string[] {
  const lines = [`tenant ${summary.tenantId}`];
  const statuses = Object.entries(summary.byStatus).filter(([, n]) => n > 0);
  lines.push(`  claims by status: ${statuses.map(([s, n]) => `${s} ${n}`).join(', ') || 'none'}`);
  const t = summary.totals;
  lines.push(`  submitted claims: billed ${t.billed}  paid ${t.paid}  adjusted ${t.adjusted}  patient responsibility ${t.patientResponsibility}`);
  for (const b of summary.batches) lines.push(`  batch ${b.batchId}: ${b.claims} claims, 999 ${b.acknowledgment.replace(/_/g, ' ')}`);
  for (const a of summary.acknowledgments) {
    const name = a.file.split('/').at(-1);
    lines.push(
      a.kind === '999'
        ? `  999 ${name}: ${(a.status ?? 'unknown').replace(/_/g, ' ')} (${a.claimCount} claims${a.rejected > 0 ? `, ${a.rejected} rejected` : ''}${a.noted > 0 ? `, ${a.noted} with findings` : ''})`
        : `  277CA ${name}: ${a.accepted} accepted, ${a.rejected} rejected${a.noted > 0 ? `, ${a.noted} pending` : ''} of ${a.claimCount}`,
    );
  }
  for (const r of summary.remittances) {
    const extra = [
      r.duplicateFiles?.length
        ? `the same payment came again in ${r.duplicateFiles.length} other file(s): nothing posted twice`
        : r.alreadyPosted
          ? `${r.alreadyPosted} found already posted (a resumed delivery)`
          : '',
      r.providerAdjustments?.length ? `${r.providerAdjustments.length} PLB item(s)` : '',
    ].filter(Boolean);
    lines.push(
      `  835 trace ${r.traceNumber ?? '?'} (${r.payerName ?? r.payerId ?? 'payer'}): ${r.paymentAmount}, ${r.state ?? 'posted'}` +
        (r.state === 'held' ? ' (payment does not balance: nothing posted)' : `, ${r.postedClaims} of ${r.claimCount} claims posted`) +
        (extra.length ? `; ${extra.join(', ')}` : ''),
    );
  }
  const remittanceProblems = summary.exceptions.filter((e) => e.file.includes('/inbound/835/'));
  const inputProblems = summary.exceptions.filter((e) => !e.file.includes('/inbound/835/'));
  if (summary.rejectedClaims.length + inputProblems.length === 0) {
    lines.push('  rejected inputs: none');
  } else {
    lines.push('  rejected inputs:');
    for (const c of summary.rejectedClaims) lines.push(`    claim ${c.claimId} (${c.file}): ${c.reasons.join('; ')}`);
    for (const e of inputProblems) lines.push(`    ${e.file}${e.position ? ` at ${e.position}` : ''}: ${e.message} [${e.kind}]`);
  }
  if (remittanceProblems.length > 0) {
    lines.push('  remittance exceptions:');
    for (const e of remittanceProblems) lines.push(`    ${e.file.split('/').at(-1)}${e.position ? ` at ${e.position}` : ''}: ${e.message} [${e.kind}]`);
  }
  return lines;
}
