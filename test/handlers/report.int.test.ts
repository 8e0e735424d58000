/**
 * The report Lambda against DynamoDB Local and fauxqs, invoked with the
 * scheduler's event: it writes report.html and report.json under its own
 * tenant's reports/ prefix and nowhere else.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { invokeScheduled } from '../../bin/local/scheduler.js';
import { createAdapters, type Adapters } from '../../lambdas/adapters/index.js';
import type { AppDeps } from '../../lambdas/app/deps.js';
import type { Report } from '../../lambdas/core/report/model.js';
import { TenantConfig } from '../../lambdas/core/tenant/config.js';
import { layout } from '../../lambdas/core/tenant/layout.js';
import { reportHandler } from '../../lambdas/handlers/report.js';
import { FUNCTIONS } from '../../lib/definitions.js';
import { useLocalStack } from '../support/local-stack.js';
import { scenario, scenarioPhi, SCENARIO_AS_OF } from '../support/report-scenario.js';
import { seedScenario } from '../support/report-seed.js';

const TENANT = 'report-clinic';
const OTHER = 'report-other';

const tenantConfig = (tenantId: string) =>
  TenantConfig.parse({
    tenantId,
    name: `${tenantId} billing`,
    schedule: { expression: 'cron(0 18 ? * MON-FRI *)', timezone: 'America/Chicago' },
    submitter: { name: 'REPORT TEST', identifier: 'RPT01', contactName: 'EDI DESK', phone: '5555550100' },
    interchange: { senderQualifier: 'ZZ', senderId: 'RPTTEST', gsSenderCode: 'RPTTEST', usage: 'T' },
    receivers: [{ id: 'clearinghouse', name: 'SANDBOX', identifier: 'SBXCH', isaQualifier: 'ZZ', isaId: 'SBXCH', gsReceiverCode: 'SBXCH', default: true }],
  });

const stack = useLocalStack({ tenants: [TENANT, OTHER] });
let adapters: Adapters;
let deps: AppDeps;
const seeded = scenario(TENANT, SCENARIO_AS_OF);

beforeAll(async () => {
  adapters = createAdapters(stack.resources.env);
  deps = { ...adapters, clock: () => SCENARIO_AS_OF, log: { info: () => undefined, warn: () => undefined } };
  await adapters.tenants.put(tenantConfig(TENANT));
  await adapters.tenants.put(tenantConfig(OTHER));
  await seedScenario(adapters, seeded);
});

const invoke = (tenantId: unknown) =>
  invokeScheduled(reportHandler(() => deps), tenantId as string, { function: FUNCTIONS.report, region: stack.services.region });

describe('report handler', () => {
  it("writes report.html and report.json under the tenant's reports/<date>/ prefix only", async () => {
    const result = await invoke(TENANT);
    const prefix = `${layout.reports(TENANT)}2026-06-30/`;
    expect(result).toMatchObject({ tenantId: TENANT, htmlKey: `${prefix}report.html`, jsonKey: `${prefix}report.json` });
    expect((await adapters.objects.list(layout.reports(TENANT))).sort()).toEqual([`${prefix}report.html`, `${prefix}report.json`]);
    expect(await adapters.objects.list(layout.reports(OTHER))).toEqual([]);
    // Nothing else anywhere in the bucket under a reports/ prefix.
    expect((await adapters.objects.list('tenants/')).filter((k) => k.includes('/reports/')).sort()).toEqual([`${prefix}report.html`, `${prefix}report.json`]);

    const json = JSON.parse((await adapters.objects.get(result.jsonKey)).body.toString('utf8')) as Report;
    expect(json.tenantId).toBe(TENANT);
    expect(json.asOf).toBe(SCENARIO_AS_OF.toISOString());
    // The scenario's figures (worked out by hand in test/report/build-report.test.ts).
    expect(json.totals).toMatchObject({ claims: 15, submittedClaims: 12, billed: '1150.00', paid: '570.00', patientResponsibility: '90.00', adjustments: '310.00' });
    expect(result.totals).toEqual(json.totals);

    const html = (await adapters.objects.get(result.htmlKey)).body.toString('utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain(`data-tenant="${TENANT}"`);
    expect(html).toContain(`data-figure="totals.paid">570.00<`);
    for (const value of scenarioPhi(seeded.claims)) {
      expect(html, value).not.toContain(value);
      expect(JSON.stringify(json), value).not.toContain(value);
    }
  });

  it("a second tenant's run writes under its own prefix and leaves the first tenant's report alone", async () => {
    const result = await invoke(OTHER);
    expect(result.htmlKey.startsWith(layout.reports(OTHER))).toBe(true);
    expect(result.totals.claims).toBe(0);
    expect((await adapters.objects.list(layout.reports(OTHER))).length).toBe(2);
    expect((await adapters.objects.list(layout.reports(TENANT))).length).toBe(2);
    const html = (await adapters.objects.get(result.htmlKey)).body.toString('utf8');
    expect(html).not.toContain(TENANT);
  });

  it('refuses a tenant that is not configured and an event without a tenant id', async () => {
    await expect(invoke('ghost-clinic')).rejects.toThrow(/not configured/);
    await expect(invoke('Not A Tenant')).rejects.toThrow(/expects \{"tenantId"/);
    expect(await adapters.objects.list(layout.reports('ghost-clinic'))).toEqual([]);
  });
});
