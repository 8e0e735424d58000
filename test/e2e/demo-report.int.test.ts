/**
 * The end of the demo: the report Lambda ran per tenant, ./out/report.html
 * holds every tenant, the totals lines are printed, and `claimflow report`
 * reads the saved state after the demo's services have stopped, with the
 * same figures.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDemo, type DemoReport } from '../../bin/local/demo.js';
import { sumCents, toCents, fromCents } from '../../lambdas/core/money.js';
import { runCli } from '../cli/io.js';

let demo: DemoReport;
let outDir: string;
const printed: string[] = [];

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'claimflow-demo-report-'));
  demo = await runDemo({ examplesDir: 'examples', outDir, print: (line) => printed.push(line) });
}, 240_000);

afterAll(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

/** Net paid over every posting of the tenant's claims (the legacy payment when a claim has no postings). */
function netPaid(tenant: DemoReport['tenants'][number]): string {
  return fromCents(
    sumCents(
      tenant.claims.map((c) =>
        c.postings?.length
          ? sumCents(c.postings.filter((p) => p.claimStatusCode !== '25').map((p) => toCents(p.paid)))
          : toCents(c.payment?.paid ?? '0'),
      ),
    ),
  );
}

describe('demo: the biller\'s report', () => {
  it('runs the report Lambda per tenant and prints each totals line', () => {
    for (const tenant of demo.tenants) {
      expect(printed.some((l) => l.includes(`report Lambda: tenants/${tenant.tenantId}/reports/`) && l.endsWith('report.json'))).toBe(true);
      const line = printed.find((l) => l.trim().startsWith(`${tenant.tenantId}: ${tenant.claims.length} claims (`));
      expect(line, tenant.tenantId).toBeDefined();
      expect(line).toContain(`paid ${netPaid(tenant)} `);
    }
  });

  it('writes out/report.html with one section per tenant', async () => {
    const html = await readFile(join(outDir, 'report.html'), 'utf8');
    for (const tenant of demo.tenants) {
      expect(html).toContain(`data-tenant="${tenant.tenantId}"`);
      expect(html).toContain(`<span data-figure="totals.secondaryClaims">`);
    }
    expect(html.match(/<section class="tenant"/g)).toHaveLength(demo.tenants.length);
  });

  it('leaves state that `claimflow report` reads after the demo stopped, with the same totals', async () => {
    const stateDir = join(outDir, '.local-state');
    expect(existsSync(join(stateDir, 'state.json'))).toBe(true);
    const result = await runCli('report', '--state', stateDir);
    expect(result.code).toBe(0);
    for (const tenant of demo.tenants) {
      const demoLine = printed.find((l) => l.trim().startsWith(`${tenant.tenantId}: ${tenant.claims.length} claims (`))!.trim();
      expect(result.stdout).toContain(demoLine);
    }
  });
});
