/**
 * `claimflow report` on saved local state: no state -> exit 1 naming the fix;
 * with the state the demo saves (here: a seeded table copied by
 * saveLocalState, as the demo does) -> the text report, JSON, and the HTML page.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLocalState, saveLocalState } from '../../bin/local/local-state.js';
import { createAdapters } from '../../lambdas/adapters/index.js';
import type { Report } from '../../lambdas/core/report/model.js';
import { useLocalStack } from '../support/local-stack.js';
import { scenario } from '../support/report-scenario.js';
import { seedScenario } from '../support/report-seed.js';
import { runCli } from './io.js';

const TENANT = 'cli-clinic';
const SECOND = 'cli-second';

const stack = useLocalStack({ tenants: [TENANT, SECOND] });
let work: string;
let stateDir: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'claimflow-report-cli-'));
  stateDir = join(work, '.local-state');
  const adapters = createAdapters(stack.resources.env);
  try {
    await seedScenario(adapters, scenario(TENANT));
    await seedScenario(adapters, { ...scenario(SECOND), exceptions: [], remittances: [] });
  } finally {
    adapters.destroy();
  }
  // What the end of `claimflow demo` does: copy the table into an on-disk DynamoDB Local database.
  const state = await saveLocalState({ source: stack.clients.dynamo, tableName: stack.resources.tableName, tenants: [TENANT, SECOND], dir: stateDir });
  expect(state.items).toBeGreaterThan(0);
}, 120_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('claimflow report', () => {
  it('exits 1 and says to run the demo when there is no saved state', async () => {
    const empty = join(work, 'nothing-here');
    const result = await runCli('report', '--state', empty);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('run `npm run demo` first');
    expect(result.stdout).toBe('');
  });

  it('prints every saved tenant and writes the HTML page', async () => {
    expect((await readLocalState(stateDir)).tenants).toEqual([TENANT, SECOND]);
    const html = join(work, 'html', 'report.html');
    const result = await runCli('report', '--state', stateDir, '--html', html);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    // Money does not depend on the day the test runs (ages do).
    expect(result.stdout).toContain(`${TENANT}: 15 claims (12 submitted)  billed 1150.00  paid 570.00  patient responsibility 90.00  adjustments 310.00`);
    expect(result.stdout).toContain(`claimflow report: tenant ${SECOND}`);
    expect(result.stdout).toContain('CO-50');
    expect(result.stdout).toContain(`wrote ${html}`);
    const page = await readFile(html, 'utf8');
    expect(page).toContain(`data-tenant="${TENANT}"`);
    expect(page).toContain(`data-tenant="${SECOND}"`);
    expect(page).toContain('data-figure="totals.billed">1150.00<');
  });

  it('--tenant --json prints one report as JSON; an unknown tenant is exit 1', async () => {
    const result = await runCli('report', '--state', stateDir, '--tenant', SECOND, '--json');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.tenantId).toBe(SECOND);
    expect(report.totals.paid).toBe('570.00');
    expect(report.remittanceProblems.remittanceCount).toBe(0);

    const unknown = await runCli('report', '--state', stateDir, '--tenant', 'nobody-here');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('tenant nobody-here is not in the saved state');
  });

  it('leaves the saved state readable for the next run', async () => {
    expect(existsSync(join(stateDir, 'state.json'))).toBe(true);
    const again = await runCli('report', '--state', stateDir, '--tenant', TENANT);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('paid 570.00');
  });
});
