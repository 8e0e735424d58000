/**
 * The biller's report as one self-contained HTML page: inline style, inline
 * SVG charts, no script, no external style, font or image; a Content
 * Security Policy that forbids loading anything. One section per tenant.
 *
 * Machine-checkable: every figure cell carries `data-figure` (ids below) and
 * shows the figure exactly as the report holds it; chart bars carry the same
 * id with `data-value`. Ids are unique within a tenant's
 * `<section data-tenant="…">`:
 *   totals.<field>                               totals line
 *   statusAge.<status>.<column> | .total          claims by status and age
 *   statusAge.total.<column> | statusAge.total
 *   payer.<payerId>.<field>                        money by payer
 *   payer.<payerId>.reconciliation.<field>
 *   denial.<group>-<carc>.<count|claims|amount>    denials
 *   remittanceExceptions.<kind>, remittances.flagged, remittances.count
 *   batch.<batchId>.<field>                        latest batches
 * Every value is escaped.
 */
import { esc } from './html-escape.js';
import { denialChart, payerChart, statusAgeChart, statusColour } from './html-charts.js';
import { AGE_COLUMN_LABELS, LATEST_BATCHES, type PayerRow, type Report } from './model.js';

const STYLE = `
body{font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;margin:24px;max-width:1200px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:19px;border-bottom:2px solid #0072B2;padding-bottom:4px;margin-top:36px}
h3{font-size:16px;margin:24px 0 8px}p.note{color:#555;margin:4px 0 10px;font-size:13px}
table{border-collapse:collapse;margin:6px 0 12px}th,td{border:1px solid #ccc;padding:3px 8px;vertical-align:top}
th{background:#f1f4f8;text-align:left;font-weight:600}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
tr.total td{font-weight:600;background:#fafafa}td.bad{color:#b00020;font-weight:600}td.ok{color:#00703c}
.swatch{display:inline-block;width:10px;height:10px;margin-right:6px}svg.chart{display:block;margin:8px 0 16px;font-size:11px}
nav a{margin-right:12px}code{font-size:12px}
`;

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

const num = (figure: string, value: string | number, cls = 'num') => `<td class="${cls}" data-figure="${esc(figure)}">${esc(value)}</td>`;
const cell = (value: string | number | undefined) => `<td>${esc(value ?? '')}</td>`;
const head = (...labels: Array<string | [string, 'num']>) =>
  `<tr>${labels.map((l) => (Array.isArray(l) ? `<th class="num">${esc(l[0])}</th>` : `<th>${esc(l)}</th>`)).join('')}</tr>`;
const label = (status: string) => status.replace(/_/g, ' ');

function totals(r: Report): string {
  const t = r.totals;
  return `<table class="totals">${head(['claims', 'num'], ['submitted', 'num'], ['billed', 'num'], ['allowed', 'num'], ['paid', 'num'], ['patient responsibility', 'num'], ['adjustments', 'num'], ['denied', 'num'])}
<tr>${num('totals.claims', t.claims)}${num('totals.submittedClaims', t.submittedClaims)}${num('totals.billed', t.billed)}${num('totals.allowed', t.allowed)}${num('totals.paid', t.paid)}${num('totals.patientResponsibility', t.patientResponsibility)}${num('totals.adjustments', t.adjustments)}${num('totals.denied', t.denied)}</tr></table>
<p class="note">Allowed is unknown for <span data-figure="totals.allowedUnknownClaims">${esc(t.allowedUnknownClaims)}</span> posted claims (not included). Secondary claims: <span data-figure="totals.secondaryClaims">${esc(t.secondaryClaims)}</span> (billed to their own payer, so counted again).</p>`;
}

function statusAge(r: Report): string {
  const t = r.statusAge;
  const rows = t.rows
    .map(
      (row) =>
        `<tr><td><span class="swatch" style="background:${esc(statusColour(row.status))}"></span>${esc(label(row.status))}</td>${t.columns
          .map((c) => num(`statusAge.${row.status}.${c}`, row.counts[c]))
          .join('')}${num(`statusAge.${row.status}.total`, row.total)}</tr>`,
    )
    .join('\n');
  const total = `<tr class="total"><td>all</td>${t.columns.map((c) => num(`statusAge.total.${c}`, t.totals[c])).join('')}${num('statusAge.total', t.total)}</tr>`;
  return `<h3>Claims by status and age</h3>
<p class="note">Age: whole days from submission (when the claim's batch was written) to the report time. A claim never submitted is counted under "not submitted".</p>
<table class="status-age">${head('status', ...t.columns.map((c) => [AGE_COLUMN_LABELS[c], 'num'] as [string, 'num']), ['total', 'num'])}
${rows}
${total}</table>
${statusAgeChart(t)}`;
}

function payerRow(p: PayerRow): string {
  const id = (field: string) => `payer.${p.payerId}.${field}`;
  return `<tr><td>${esc(p.payerName)}</td><td><code>${esc(p.payerId)}</code></td>${num(id('claims'), p.claims)}${num(id('submittedClaims'), p.submittedClaims)}${num(id('billed'), p.billed)}${num(id('postedClaims'), p.postedClaims)}${num(id('allowed'), p.allowed)}${num(id('allowedUnknownClaims'), p.allowedUnknownClaims)}${num(id('paid'), p.paid)}${num(id('patientResponsibility'), p.patientResponsibility)}${num(id('adjustments'), p.adjustments)}</tr>`;
}

function reconciliationRow(p: PayerRow): string {
  const id = (field: string) => `payer.${p.payerId}.reconciliation.${field}`;
  const rec = p.reconciliation;
  const ok = rec.mismatches.length === 0;
  return `<tr><td>${esc(p.payerName)}</td>${num(id('claims'), rec.claims)}${num(id('billed'), rec.billed)}${num(id('paidPlusAdjustments'), rec.paidPlusAdjustments)}${num(id('difference'), rec.difference, ok ? 'num ok' : 'num bad')}${num(id('mismatches'), rec.mismatches.length, ok ? 'num ok' : 'num bad')}${num(`payer.${p.payerId}.reversedClaims`, p.reversedClaims)}</tr>`;
}

function payers(r: Report): string {
  if (r.payers.length === 0) return '<h3>By payer</h3><p class="note">No claims.</p>';
  const mismatches = r.payers.flatMap((p) => p.reconciliation.mismatches.map((m) => ({ p, m })));
  const mismatchTable =
    mismatches.length === 0
      ? '<p class="note">Every adjudicated claim reconciles: billed = paid + adjustments.</p>'
      : `<table class="mismatches">${head('payer', 'payer claim control number', 'CLP02', ['billed', 'num'], ['paid', 'num'], ['adjustments', 'num'], ['difference', 'num'])}
${mismatches
  .map(({ p, m }) => `<tr>${cell(p.payerName)}${cell(m.payerClaimControlNumber ?? '(not sent)')}${cell(m.claimStatusCode)}<td class="num">${esc(m.billed)}</td><td class="num">${esc(m.paid)}</td><td class="num">${esc(m.adjustments)}</td><td class="num bad">${esc(m.difference)}</td></tr>`)
  .join('\n')}</table>`;
  return `<h3>By payer</h3>
<p class="note">Billed: line charges of submitted claims. Allowed, paid, patient responsibility and adjustments (every CAS, claim and line level, all groups) are sums over every 835 posting, so reversals net out. Allowed counts only claims whose every posting states it.</p>
<table class="payers">${head('payer', 'payer id', ['claims', 'num'], ['submitted', 'num'], ['billed', 'num'], ['posted', 'num'], ['allowed', 'num'], ['allowed unknown', 'num'], ['paid', 'num'], ['patient resp.', 'num'], ['adjustments', 'num'])}
${r.payers.map(payerRow).join('\n')}</table>
${payerChart(r.payers)}
<h3>Reconciliation: billed = paid + adjustments</h3>
<p class="note">Over each payer's adjudicated claims (latest posting is not a reversal), net over all their postings. Reversed claims awaiting the payer's correction are counted apart.</p>
<table class="reconciliation">${head('payer', ['claims', 'num'], ['billed', 'num'], ['paid + adjustments', 'num'], ['difference', 'num'], ['mismatched claims', 'num'], ['reversed, awaiting correction', 'num'])}
${r.payers.map(reconciliationRow).join('\n')}</table>
${mismatchTable}`;
}

function denials(r: Report): string {
  const intro = `<h3>Denials by adjustment group and CARC</h3>
<p class="note">On each claim's current adjudication: every CAS of a denied claim (CLP02 4, or nothing paid), and every CAS of a line paid nothing on a paid claim; except group PR (patient responsibility) and the expected reductions CO-45, CO-253 and OA-23.</p>`;
  if (r.denials.length === 0) return `${intro}<p class="note">No denials.</p>`;
  const rows = r.denials
    .map((d) => {
      const id = `denial.${d.group}-${d.reason}`;
      return `<tr>${cell(d.group)}${cell(d.reason)}${cell(d.description ?? '')}${num(`${id}.count`, d.count)}${num(`${id}.claims`, d.claims)}${num(`${id}.amount`, d.amount)}</tr>`;
    })
    .join('\n');
  return `${intro}<table class="denials">${head('group', 'CARC', 'description', ['adjustments', 'num'], ['claims', 'num'], ['amount', 'num'])}
${rows}</table>
${denialChart(r.denials)}`;
}

function remittances(r: Report): string {
  const p = r.remittanceProblems;
  const counts = Object.entries(p.exceptionCounts)
    .map(([kind, n]) => `<tr>${cell(kind)}${num(`remittanceExceptions.${kind}`, n)}</tr>`)
    .join('');
  const exceptions =
    p.exceptions.length === 0
      ? '<p class="note">No remittance exceptions.</p>'
      : `<table class="remittance-exceptions">${head('kind', 'file', 'position', 'message', 'figures', 'at')}
${p.exceptions
  .map((e) => `<tr>${cell(e.kind)}${cell(e.file)}${cell(e.position)}${cell(e.message)}${cell(Object.entries(e.figures).map(([k, v]) => `${k}: ${v}`).join('; '))}${cell(e.at)}</tr>`)
  .join('\n')}</table>`;
  const flagged =
    p.remittances.length === 0
      ? '<p class="note">Every remittance balanced and none is held.</p>'
      : `<table class="flagged-remittances">${head('payer', 'trace number', ['payment', 'num'], 'payment date', 'balance', 'state', ['claims', 'num'], ['posted', 'num'], ['exceptions', 'num'], 'file')}
${p.remittances
  .map(
    (m) =>
      `<tr>${cell(m.payerName ?? m.payerId ?? '')}${cell(m.traceNumber)}<td class="num">${esc(m.paymentAmount)}</td>${cell(m.paymentDate)}<td class="${m.balance === 'balanced' ? 'ok' : 'bad'}">${esc(m.balance)}</td>${cell(m.state)}<td class="num">${esc(m.claimCount)}</td><td class="num">${esc(m.postedClaims)}</td><td class="num">${esc(m.exceptions)}</td>${cell(m.file)}</tr>`,
  )
  .join('\n')}</table>`;
  return `<h3>Unmatched and unbalanced remittances</h3>
<table class="remittance-counts">${head('exception kind', ['count', 'num'])}${counts}
<tr class="total"><td>remittances not balanced or held</td>${num('remittances.flagged', p.remittances.length)}</tr>
<tr><td>remittances received</td>${num('remittances.count', p.remittanceCount)}</tr></table>
${exceptions}
${flagged}`;
}

function batches(r: Report): string {
  const intro = `<h3>Latest batches</h3>
<p class="note">Newest ${LATEST_BATCHES} of <span data-figure="batches.count">${esc(r.batchCount)}</span>. 999: the batch's recorded acknowledgment. 277CA: where the batch's claims stand now (accepted or later, rejected, still submitted; "elsewhere": resubmitted in a later batch). 999s received: ${esc(r.acknowledgments.files999)}; 277CAs received: ${esc(r.acknowledgments.files277ca)} (${esc(r.acknowledgments.claims277ca.accepted)} claims accepted, ${esc(r.acknowledgments.claims277ca.rejected)} rejected, ${esc(r.acknowledgments.claims277ca.pending)} pending).</p>`;
  if (r.batches.length === 0) return `${intro}<p class="note">No batches.</p>`;
  const rows = r.batches
    .map((b) => {
      const id = (field: string) => `batch.${b.batchId}.${field}`;
      return `<tr>${cell(b.batchId)}${cell(b.receiverId)}${num(id('controlNumber'), b.controlNumber)}${num(id('claims'), b.claims)}${cell(b.writtenAt ?? `(open since ${b.createdAt})`)}${num(id('ack999'), b.ack999, 'text')}${num(id('acceptedOrLater'), b.outcome.acceptedOrLater)}${num(id('rejected'), b.outcome.rejected)}${num(id('awaiting'), b.outcome.awaiting)}${num(id('elsewhere'), b.outcome.elsewhere)}</tr>`;
    })
    .join('\n');
  return `${intro}<table class="batches">${head('batch', 'receiver', ['ISA13', 'num'], ['claims', 'num'], 'written at', '999', ['accepted+', 'num'], ['rejected', 'num'], ['awaiting', 'num'], ['elsewhere', 'num'])}
${rows}</table>`;
}

function tenantSection(r: Report): string {
  return `<section class="tenant" id="tenant-${esc(r.tenantId)}" data-tenant="${esc(r.tenantId)}" data-as-of="${esc(r.asOf)}">
<h2>Tenant ${esc(r.tenantId)}</h2>
<p class="note">As of <time datetime="${esc(r.asOf)}">${esc(r.asOf)}</time>.</p>
${totals(r)}
${statusAge(r)}
${payers(r)}
${denials(r)}
${remittances(r)}
${batches(r)}
</section>`;
}

export function renderReportHtml(reports: readonly Report[], opts: { title?: string } = {}): string {
  const title = opts.title ?? "claimflow: the biller's report";
  const nav =
    reports.length > 1 ? `<nav>${reports.map((r) => `<a href="#tenant-${esc(r.tenantId)}">${esc(r.tenantId)}</a>`).join('')}</nav>` : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${esc(CSP)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>${esc(title)}</h1>${nav}</header>
${reports.length === 0 ? '<p class="note">No tenants.</p>' : reports.map(tenantSection).join('\n')}
</body>
</html>
`;
}
