/** The biller's report for a terminal: compact fixed-width tables, same figures as the page. */
import { AGE_COLUMN_LABELS, type Report } from './model.js';

type Row = Array<string | number>;

/** `align` has one letter per column: l (text) or r (numbers); columns past its end are right-aligned. */
export function table(header: Row, rows: Row[], align = 'l', indent = '  '): string[] {
  const all = [header, ...rows].map((r) => r.map(String));
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  return all.map(
    (r) =>
      indent +
      r
        .map((v, i) => (align[i] === 'l' ? v.padEnd(widths[i] ?? 0) : v.padStart(widths[i] ?? 0)))
        .join('  ')
        .trimEnd(),
  );
}

export function totalsLine(r: Report): string {
  const t = r.totals;
  return `${r.tenantId}: ${t.claims} claims (${t.submittedClaims} submitted)  billed ${t.billed}  paid ${t.paid}  patient responsibility ${t.patientResponsibility}  adjustments ${t.adjustments}`;
}

export function renderReportText(r: Report): string {
  const out: string[] = [`claimflow report: tenant ${r.tenantId}, as of ${r.asOf}`, `  ${totalsLine(r)}`];
  if (r.totals.allowedUnknownClaims > 0 || r.totals.allowed !== '0.00') {
    out.push(`  allowed ${r.totals.allowed} (unknown for ${r.totals.allowedUnknownClaims} posted claims)  denied ${r.totals.denied}`);
  }

  out.push('', 'claims by status and age (days since submission)');
  const sa = r.statusAge;
  out.push(
    ...table(
      ['status', ...sa.columns.map((c) => AGE_COLUMN_LABELS[c].replace(' days', '')), 'total'],
      [...sa.rows.filter((row) => row.total > 0).map((row) => [row.status, ...sa.columns.map((c) => row.counts[c]), row.total]), ['all', ...sa.columns.map((c) => sa.totals[c]), sa.total]],
    ),
  );

  out.push('', 'by payer (net of reversals)');
  out.push(
    ...table(
      ['payer', 'claims', 'billed', 'allowed', 'allowed?', 'paid', 'patient', 'adjustments', 'unreconciled'],
      r.payers.map((p) => [
        `${p.payerName} (${p.payerId})`,
        p.claims,
        p.billed,
        p.allowed,
        p.allowedUnknownClaims,
        p.paid,
        p.patientResponsibility,
        p.adjustments,
        p.reconciliation.mismatches.length === 0 ? 'none' : `${p.reconciliation.mismatches.length} (${p.reconciliation.difference})`,
      ]),
    ),
  );
  for (const p of r.payers) {
    for (const m of p.reconciliation.mismatches) {
      out.push(`    ${p.payerId} claim ${m.payerClaimControlNumber ?? '(no CLP07)'} CLP02 ${m.claimStatusCode}: billed ${m.billed} vs paid ${m.paid} + adjustments ${m.adjustments} (difference ${m.difference})`);
    }
  }

  out.push('', 'denials by group and CARC');
  if (r.denials.length === 0) out.push('  none');
  else out.push(...table(['code', 'count', 'claims', 'amount', 'description'], r.denials.map((d) => [`${d.group}-${d.reason}`, d.count, d.claims, d.amount, d.description ?? '']), 'lrrrl'));

  const p = r.remittanceProblems;
  const kinds = Object.entries(p.exceptionCounts).filter(([, n]) => n > 0);
  out.push('', `remittances: ${p.remittanceCount} received, ${p.remittances.length} not balanced or held; exceptions: ${kinds.map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}`);
  for (const e of p.exceptions.slice(0, 20)) out.push(`  ${e.kind} ${e.file}${e.position ? ` at ${e.position}` : ''}: ${e.message}`);
  if (p.exceptions.length > 20) out.push(`  … ${p.exceptions.length - 20} more`);
  for (const m of p.remittances) out.push(`  remittance ${m.traceNumber ?? m.remittanceId} (${m.payerName ?? m.payerId ?? 'payer?'}) ${m.paymentAmount}: ${m.balance}${m.state ? `, ${m.state}` : ''}`);

  out.push('', `latest batches (${r.batches.length} of ${r.batchCount}); 277CA outcome by claim status now`);
  if (r.batches.length === 0) out.push('  none');
  else
    out.push(
      ...table(
        ['batch', 'receiver', 'ISA13', 'claims', 'written', '999', 'accepted+', 'rejected', 'awaiting', 'elsewhere'],
        r.batches.map((b) => [b.batchId, b.receiverId, b.controlNumber, b.claims, b.writtenAt ?? 'open', b.ack999, b.outcome.acceptedOrLater, b.outcome.rejected, b.outcome.awaiting, b.outcome.elsewhere]),
        'llrrllrrrr',
      ),
    );
  return `${out.join('\n')}\n`;
}
