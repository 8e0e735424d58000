/**
 * bin/tenant-configs.ts: the folder of tenant config files the CDK app builds
 * notifications and schedules for (cdk.json context tenantsDir).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadTenantConfigs } from '../../bin/tenant-configs.js';
import { cdkJsonContext } from './stack-fixture.js';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

function tenant(tenantId: string, schedule: Record<string, string> = { expression: 'cron(0 18 ? * MON-FRI *)' }) {
  return {
    tenantId,
    name: `Tenant ${tenantId}`,
    schedule,
    submitter: { name: 'Submitter', identifier: 'SUB001', contactName: 'Desk', phone: '5555550100' },
    interchange: { senderQualifier: 'ZZ', senderId: 'SUB001', gsSenderCode: 'SUB001' },
    receivers: [
      {
        id: 'clearinghouse',
        name: 'Clearinghouse',
        identifier: 'CH0001',
        isaQualifier: 'ZZ',
        isaId: 'CH0001',
        gsReceiverCode: 'CH0001',
        default: true,
      },
    ],
  };
}

let dir: string;
const write = (name: string, content: unknown) =>
  writeFileSync(path.join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'claimflow-tenants-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('loadTenantConfigs', () => {
  it('reads every .json file, in file-name order, with schema defaults applied', () => {
    write('b.json', tenant('beta-clinic', { expression: 'rate(6 hours)', timezone: 'UTC' }));
    write('a.json', tenant('alpha-billing'));
    write('README.md', '# not a config');

    const configs = loadTenantConfigs(dir);
    expect(configs.map((c) => c.tenantId)).toEqual(['alpha-billing', 'beta-clinic']);
    expect(configs[0]!.schedule).toEqual({ expression: 'cron(0 18 ? * MON-FRI *)', timezone: 'America/New_York' });
    expect(configs[1]!.schedule).toEqual({ expression: 'rate(6 hours)', timezone: 'UTC' });
    expect(configs[0]!.interchange.usage).toBe('T');
  });

  it('returns no tenants for an empty folder', () => {
    expect(loadTenantConfigs(dir)).toEqual([]);
  });

  it('names the file that is not JSON', () => {
    write('broken.json', '{ "tenantId": ');
    expect(() => loadTenantConfigs(dir)).toThrow(/broken\.json: not valid JSON/);
  });

  it('names the file and the field that fail validation', () => {
    write('bad.json', tenant('Not_A_Valid_Id'));
    expect(() => loadTenantConfigs(dir)).toThrow(/bad\.json: not a valid tenant config[\s\S]*tenantId/);
    write('bad.json', tenant('good-id', { expression: 'every day at six' }));
    expect(() => loadTenantConfigs(dir)).toThrow(/bad\.json[\s\S]*schedule\.expression/);
  });

  it('refuses the same tenant in two files', () => {
    write('one.json', tenant('same-tenant'));
    write('two.json', tenant('same-tenant'));
    expect(() => loadTenantConfigs(dir)).toThrow(/two\.json: tenant same-tenant is already configured in .*one\.json/);
  });

  it('refuses a folder that does not exist', () => {
    expect(() => loadTenantConfigs(path.join(dir, 'missing'))).toThrow(/does not exist.*tenantsDir/);
  });

  it('accepts the example tenants cdk.json points at', () => {
    const tenantsDir = cdkJsonContext().tenantsDir;
    expect(tenantsDir).toBe('examples/tenants');
    const configs = loadTenantConfigs(path.join(REPO_ROOT, tenantsDir as string));
    expect(configs.length).toBeGreaterThan(0);
  });
});
