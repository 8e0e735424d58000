/**
 * The biller's report for one tenant: reads the records through the ports,
 * builds the figures (lambdas/core/report) and renders them. The report
 * Lambda and the demo write it to the tenant's `reports/` prefix; the CLI
 * prints it. Never logs more than counts.
 */
import { CLAIM_STATUSES } from '../core/claim/state-machine.js';
import type { Ports } from '../core/ports.js';
import { buildReport, type ReportInput } from '../core/report/build-report.js';
import type { Report } from '../core/report/model.js';
import { renderReportHtml } from '../core/report/render-html.js';
import { renderReportText } from '../core/report/render-text.js';
import { layout } from '../core/tenant/layout.js';

export type ReportReadPorts = Pick<Ports, 'claims' | 'batches' | 'acknowledgments' | 'remittances' | 'exceptions'>;

export interface TenantReport {
  report: Report;
  html: string;
  text: string;
}

export interface WrittenReport extends TenantReport {
  htmlKey: string;
  jsonKey: string;
}

/** Every record the report reads, for one tenant: one listByStatus call per status gives all claims. */
export async function loadReportInput(ports: ReportReadPorts, tenantId: string, asOf: Date): Promise<ReportInput> {
  const [claimLists, batches, acknowledgments, remittances, exceptions] = await Promise.all([
    Promise.all(CLAIM_STATUSES.map((status) => ports.claims.listByStatus(tenantId, status))),
    ports.batches.list(tenantId),
    ports.acknowledgments.list(tenantId),
    ports.remittances.list(tenantId),
    ports.exceptions.list(tenantId),
  ]);
  return { tenantId, asOf, claims: claimLists.flat(), batches, acknowledgments, remittances, exceptions };
}

export async function tenantReport(ports: ReportReadPorts, tenantId: string, asOf: Date): Promise<TenantReport> {
  const report = buildReport(await loadReportInput(ports, tenantId, asOf));
  return { report, html: renderReportHtml([report]), text: renderReportText(report) };
}

/** `tenants/<t>/reports/<yyyy-mm-dd>/`: the UTC date of `asOf`; a second run that day replaces the first. */
export function reportPrefix(tenantId: string, asOf: Date): string {
  return `${layout.reports(tenantId)}${asOf.toISOString().slice(0, 10)}/`;
}

export async function writeTenantReport(
  deps: ReportReadPorts & Pick<Ports, 'objects'> & { clock: () => Date },
  tenantId: string,
): Promise<WrittenReport> {
  const asOf = deps.clock();
  const built = await tenantReport(deps, tenantId, asOf);
  const prefix = reportPrefix(tenantId, asOf);
  const htmlKey = `${prefix}report.html`;
  const jsonKey = `${prefix}report.json`;
  await deps.objects.put(jsonKey, `${JSON.stringify(built.report, null, 2)}\n`, 'application/json');
  await deps.objects.put(htmlKey, built.html, 'text/html; charset=utf-8');
  return { ...built, htmlKey, jsonKey };
}
