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
  claims: ClaimRecord[];
}

export async function tenantSummary(
  repos: { claims: ClaimRepository; exceptions: ExceptionRepository; acknowledgments: AcknowledgmentRepository; batches: BatchRepository },
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
  const cents = (pick: (r: ClaimRecord) => string | undefined) =>
    fromCents(submittedOrLater.reduce((sum, r) => sum + toCents(pick(r) ?? '0'), 0));
  return {
    tenantId,
    byStatus,
    totals: {
      billed: fromCents(submittedOrLater.reduce((sum, r) => sum + claimTotalCents(r.claim), 0)),
      paid: cents((r) => r.payment?.paid),
      adjusted: cents((r) => r.payment?.adjusted),
      patientResponsibility: cents((r) => r.payment?.patientResponsibility),
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
  if (summary.rejectedClaims.length + summary.exceptions.length === 0) {
    lines.push('  rejected inputs: none');
  } else {
    lines.push('  rejected inputs:');
    for (const c of summary.rejectedClaims) lines.push(`    claim ${c.claimId} (${c.file}): ${c.reasons.join('; ')}`);
    for (const e of summary.exceptions) lines.push(`    ${e.file}${e.position ? ` at ${e.position}` : ''}: ${e.message} [${e.kind}]`);
  }
  return lines;
}
