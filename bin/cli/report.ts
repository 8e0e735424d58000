/**
 * `claimflow report [--tenant <id>] [--html <file>] [--json] [--state <dir>]`:
 * the biller's report on the local stack. Starts DynamoDB Local on the state
 * the last `claimflow demo` saved (out/.local-state), reads the same table
 * through the same repositories the Lambdas use, prints the text report (or
 * JSON) and writes the HTML page when asked. All saved tenants without
 * --tenant. Exit 1 when there is no saved state or the tenant is not in it.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { loadReportInput } from '../../lambdas/app/report.js';
import { buildReport } from '../../lambdas/core/report/build-report.js';
import type { Report } from '../../lambdas/core/report/model.js';
import { renderReportHtml } from '../../lambdas/core/report/render-html.js';
import { renderReportText } from '../../lambdas/core/report/render-text.js';
import { DEFAULT_STATE_DIR, NoLocalStateError, openLocalState } from '../local/local-state.js';
import { CliInputError } from './errors.js';

export interface ReportOptions {
  tenant?: string;
  html?: string;
  json?: boolean;
  state?: string;
}

export async function reportCommand(options: ReportOptions, stdout: NodeJS.WritableStream, clock: () => Date = () => new Date()): Promise<void> {
  const dir = options.state ?? DEFAULT_STATE_DIR;
  let opened;
  try {
    opened = await openLocalState(dir);
  } catch (error) {
    if (error instanceof NoLocalStateError) throw new CliInputError(dir, ['no saved local state: run `npm run demo` first']);
    throw error;
  }
  try {
    const { state, ports } = opened;
    if (options.tenant !== undefined && !state.tenants.includes(options.tenant)) {
      throw new CliInputError(dir, [`tenant ${options.tenant} is not in the saved state (tenants: ${state.tenants.join(', ') || 'none'})`]);
    }
    const tenants = options.tenant !== undefined ? [options.tenant] : state.tenants;
    const asOf = clock();
    const reports: Report[] = [];
    for (const tenantId of tenants) reports.push(buildReport(await loadReportInput(ports, tenantId, asOf)));

    if (options.json) stdout.write(`${JSON.stringify(options.tenant !== undefined ? reports[0] : reports, null, 2)}\n`);
    else stdout.write(reports.map(renderReportText).join('\n'));
    if (options.html !== undefined) {
      await mkdir(dirname(options.html), { recursive: true });
      await writeFile(options.html, renderReportHtml(reports));
      // Keep stdout pure JSON under --json.
      if (!options.json) stdout.write(`\nwrote ${options.html}\n`);
    }
  } finally {
    await opened.stop();
  }
}
