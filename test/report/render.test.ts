/** The page and the terminal text: escaping, self-containment, the same figures as the report. */
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../lambdas/core/report/build-report.js';
import { renderReportHtml } from '../../lambdas/core/report/render-html.js';
import { renderReportText, totalsLine } from '../../lambdas/core/report/render-text.js';
import { claimRecord, scenario, scenarioClaims, SCENARIO_AS_OF, SCENARIO_TENANT } from '../support/report-scenario.js';

const HOSTILE = `<img src=x onerror="alert(1)"> & 'Co'`;

function hostileReport() {
  const s = scenario();
  const [first, ...rest] = scenarioClaims();
  const renamed = claimRecord({ ...first!, payer: { payerId: 'EVIL1', name: HOSTILE } });
  return buildReport({
    tenantId: SCENARIO_TENANT,
    asOf: SCENARIO_AS_OF,
    claims: [renamed, ...rest.map((c) => claimRecord(c))],
    batches: s.batches,
    acknowledgments: s.acknowledgments,
    remittances: s.remittances,
    exceptions: s.exceptions.map((e) => ({ ...e, message: `${e.message} <b>bold</b>`, file: `${e.file}"><script>x()</script>` })),
  });
}

describe('renderReportHtml', () => {
  const html = renderReportHtml([hostileReport()]);

  it('escapes every value: payer names, file names, messages', () => {
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<b>bold</b>');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &#39;Co&#39;');
    expect(html).toContain('&lt;b&gt;bold&lt;/b&gt;');
  });

  it('is one self-contained page: no script, no external style, font or image, and a CSP that forbids loading', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;/);
    expect(html).not.toMatch(/<(script|link|img|iframe|object|embed)\b/i);
    expect(html).not.toMatch(/\b(src|href)="(https?:)?\/\//i);
    expect(html).not.toMatch(/url\(|@import/i);
    // Only in-page anchors (and the SVG namespace, which is a name, not a request).
    for (const match of html.matchAll(/href="([^"]*)"/g)) expect(match[1]).toMatch(/^#tenant-/);
  });

  it('puts every figure in a cell with its data-figure id, and a bar per chart value', () => {
    const report = buildReport({ tenantId: SCENARIO_TENANT, asOf: SCENARIO_AS_OF, claims: scenario().records, batches: [], acknowledgments: [], remittances: [], exceptions: [] });
    const page = renderReportHtml([report]);
    expect(page).toContain(`data-figure="totals.paid">${report.totals.paid}<`);
    for (const p of report.payers) {
      expect(page).toContain(`data-figure="payer.${p.payerId}.billed">${p.billed}<`);
      expect(page).toMatch(new RegExp(`<rect [^>]*data-figure="payer\\.${p.payerId}\\.paid" data-value="${p.paid.replace('.', '\\.')}"`));
    }
    for (const d of report.denials) expect(page).toContain(`data-figure="denial.${d.group}-${d.reason}.amount">${d.amount}<`);
  });

  it('renders several tenants as sections of one page, with a link to each', () => {
    const a = buildReport({ tenantId: 'tenant-a', asOf: SCENARIO_AS_OF, claims: [], batches: [], acknowledgments: [], remittances: [], exceptions: [] });
    const b = { ...a, tenantId: 'tenant-b' };
    const page = renderReportHtml([a, b]);
    expect(page.match(/<section class="tenant"/g)).toHaveLength(2);
    expect(page).toContain('href="#tenant-tenant-b"');
    expect(renderReportHtml([])).toContain('No tenants.');
  });
});

describe('renderReportText', () => {
  it('prints the totals line, the non-empty statuses, payers, denials and batches', () => {
    const report = buildReport({
      tenantId: SCENARIO_TENANT,
      asOf: SCENARIO_AS_OF,
      claims: scenario().records,
      batches: scenario().batches,
      acknowledgments: [],
      remittances: scenario().remittances,
      exceptions: scenario().exceptions,
    });
    const text = renderReportText(report);
    expect(totalsLine(report)).toBe(`${SCENARIO_TENANT}: 15 claims (12 submitted)  billed 1150.00  paid 570.00  patient responsibility 90.00  adjustments 310.00`);
    expect(text).toContain(totalsLine(report));
    expect(text).toMatch(/^ {2}corrected +1 +0 +0 +0 +0 +1$/m);
    expect(text).toContain('AET02 claim PCCN-7 CLP02 1: billed 75.00 vs paid 70.00 + adjustments 0.00 (difference 5.00)');
    expect(text).toMatch(/^ {2}CO-50 +3 +2 +80\.00 +Not deemed/m);
    expect(text).toContain('remittance TRN-4 (MCR01) 99.00: unbalanced, held');
    expect(text).toMatch(/^ {2}B7 +prairie-clearinghouse +107 +2 /m);
  });
});
