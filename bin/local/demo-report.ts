/**
 * The end of `claimflow demo`: the biller's report. Runs the report Lambda
 * once per tenant as the scheduler would (it writes report.html and
 * report.json under the tenant's reports/ prefix in fauxqs), writes every
 * tenant's report into one page at <out>/report.html, prints each tenant's
 * totals line, and saves the DynamoDB state for `claimflow report`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { AppDeps } from '../../lambdas/app/deps.js';
import { loadReportInput } from '../../lambdas/app/report.js';
import { buildReport } from '../../lambdas/core/report/build-report.js';
import type { Report } from '../../lambdas/core/report/model.js';
import { renderReportHtml } from '../../lambdas/core/report/render-html.js';
import { totalsLine } from '../../lambdas/core/report/render-text.js';
import { reportHandler } from '../../lambdas/handlers/report.js';
import { FUNCTIONS } from '../../lib/definitions.js';
import { saveLocalState } from './local-state.js';
import { invokeScheduled } from './scheduler.js';

export interface DemoReportContext {
  deps: AppDeps;
  /** Client of the demo's (in-memory) DynamoDB Local, to copy the table from. */
  dynamo: DynamoDBClient;
  tableName: string;
  region: string;
  tenantIds: string[];
  outDir: string;
  print: (line: string) => void;
}

export interface DemoReports {
  reports: Report[];
  htmlFile: string;
  /** Object keys the report Lambda wrote, per tenant. */
  objects: Array<{ tenantId: string; htmlKey: string; jsonKey: string }>;
  stateDir: string;
}

export async function writeDemoReports(ctx: DemoReportContext): Promise<DemoReports> {
  const { print } = ctx;
  print('');
  print("the biller's report");
  const handler = reportHandler(() => ctx.deps);
  const objects: DemoReports['objects'] = [];
  for (const tenantId of ctx.tenantIds) {
    const result = await invokeScheduled(handler, tenantId, { function: FUNCTIONS.report, region: ctx.region });
    objects.push({ tenantId, htmlKey: result.htmlKey, jsonKey: result.jsonKey });
    print(`  report Lambda: ${result.htmlKey}, ${result.jsonKey.split('/').at(-1)}`);
  }

  const asOf = ctx.deps.clock();
  const reports: Report[] = [];
  for (const tenantId of ctx.tenantIds) reports.push(buildReport(await loadReportInput(ctx.deps, tenantId, asOf)));
  await mkdir(ctx.outDir, { recursive: true });
  const htmlFile = join(ctx.outDir, 'report.html');
  await writeFile(htmlFile, renderReportHtml(reports));
  for (const report of reports) print(`  ${totalsLine(report)}`);
  print(`  all tenants: ${htmlFile}`);

  const stateDir = join(ctx.outDir, '.local-state');
  const state = await saveLocalState({ source: ctx.dynamo, tableName: ctx.tableName, tenants: ctx.tenantIds, dir: stateDir });
  print(`  DynamoDB state (${state.items} items) saved to ${stateDir}: \`npx claimflow report${stateDir === join('out', '.local-state') ? '' : ` --state ${stateDir}`}\` reads it`);
  return { reports, htmlFile, objects, stateDir };
}
