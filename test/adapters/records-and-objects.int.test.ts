/** Exceptions, tenant configs, remittance records (DynamoDB Local) and the object store (fauxqs S3). */
import { createHash } from 'node:crypto';
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { exceptionPartition } from '../../lambdas/adapters/dynamo/keys.js';
import { queryAll } from '../../lambdas/adapters/dynamo/table.js';
import { createAdapters } from '../../lambdas/adapters/index.js';
import { hmacKeyProvider } from '../../lambdas/adapters/hmac-key.js';
import { ENV } from '../../lib/definitions.js';
import type { ExceptionRecord, RemittanceRecord } from '../../lambdas/core/ports.js';
import { TenantConfig } from '../../lambdas/core/tenant/config.js';
import { sampleClaim, scanTable, useAdapters } from './fixtures.js';

const A = 'acme';
const B = 'globex';
const ctx = useAdapters([A, B]);

function exception(tenantId: string, at: string, kind: ExceptionRecord['kind'] = 'invalid-encounter'): ExceptionRecord {
  return {
    tenantId,
    kind,
    file: `tenants/${tenantId}/inbound/encounters/bad.json`,
    position: 'claims[3]',
    message: 'serviceLines[0].charge must be a decimal amount',
    detail: { ruleId: 'SCHEMA' },
    at,
  };
}

describe('exceptions', () => {
  it('round-trip, oldest first, per tenant, even when recorded in the same millisecond', async () => {
    const records = [
      exception(A, '2026-01-01T10:00:02.000Z'),
      exception(A, '2026-01-01T10:00:01.000Z', 'claim-conflict'),
      exception(A, '2026-01-01T10:00:01.000Z', 'x12-parse'),
    ];
    for (const record of records) await ctx.adapters.exceptions.record(record);
    await ctx.adapters.exceptions.record(exception(B, '2026-01-01T09:00:00.000Z'));

    const listed = await ctx.adapters.exceptions.list(A);
    expect(listed).toHaveLength(3);
    expect(listed.map((e) => e.at)).toEqual(['2026-01-01T10:00:01.000Z', '2026-01-01T10:00:01.000Z', '2026-01-01T10:00:02.000Z']);
    expect(listed).toEqual(expect.arrayContaining(records));
    expect(await ctx.adapters.exceptions.list(B)).toEqual([exception(B, '2026-01-01T09:00:00.000Z')]);
  });

  it('file exceptions about keys without a valid tenant under _system', async () => {
    const bad = { ...exception('Not A Tenant#', '2026-01-01T11:00:00.000Z', 'unknown-tenant'), file: 'tenants/Not A Tenant#/inbound/x.json' };
    await ctx.adapters.exceptions.record(bad);
    expect(await ctx.adapters.exceptions.list('_system')).toEqual([{ ...bad, tenantId: '_system' }]);
    const items = await scanTable(ctx.adapters, ctx.env[ENV.table]!);
    expect(items.filter((item) => item.pk === 'T#_system#EXCEPTION')).toHaveLength(1);
    expect(items.some((item) => String(item.pk).includes('Not A Tenant'))).toBe(false);
  });

  it('are listed across pages (the page size does not cap the result)', async () => {
    const tenant = 'paging-tenant';
    for (let i = 0; i < 7; i++) await ctx.adapters.exceptions.record(exception(tenant, `2026-01-01T00:00:0${i}.000Z`));
    const table = { client: ctx.adapters.clients.dynamo, tableName: ctx.env[ENV.table]! };
    const query = {
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': { S: exceptionPartition(tenant) } },
      Limit: 2,
    };
    expect(await queryAll(table, query)).toHaveLength(7);
    expect(await queryAll(table, query, 5)).toHaveLength(5);
    expect(await ctx.adapters.exceptions.list(tenant)).toHaveLength(7);
  });
});

describe('tenant configs', () => {
  const config = TenantConfig.parse({
    tenantId: A,
    name: 'Acme Clinics',
    schedule: { expression: 'cron(0 18 ? * MON-FRI *)' },
    submitter: { name: 'Acme Billing', identifier: 'ACME01', contactName: 'Billing Desk', phone: '5555550100' },
    interchange: { senderQualifier: 'ZZ', senderId: 'ACMESUB', gsSenderCode: 'ACMESUB' },
    receivers: [
      { id: 'clearinghouse', name: 'Clearing House', identifier: 'CH01', isaQualifier: 'ZZ', isaId: 'CLEARING', gsReceiverCode: 'CH01', default: true },
    ],
  });

  it('round-trip per tenant', async () => {
    expect(await ctx.adapters.tenants.get(A)).toBeUndefined();
    await ctx.adapters.tenants.put(config);
    expect(await ctx.adapters.tenants.get(A)).toEqual(config);
    expect(await ctx.adapters.tenants.get(B)).toBeUndefined();
    await ctx.adapters.tenants.put({ ...config, name: 'Acme Renamed' });
    expect((await ctx.adapters.tenants.get(A))?.name).toBe('Acme Renamed');
  });

  it('refuse an invalid config', async () => {
    await expect(ctx.adapters.tenants.put({ ...config, tenantId: B, receivers: [] })).rejects.toThrow();
    expect(await ctx.adapters.tenants.get(B)).toBeUndefined();
  });
});

describe('remittance records', () => {
  const record: RemittanceRecord = {
    tenantId: A,
    remittanceId: 'RMT-1',
    file: `tenants/${A}/inbound/835/era-1.x12`,
    payerId: 'PAYER01',
    traceNumber: '12345',
    paymentAmount: '100.00',
    claimCount: 2,
    postedClaims: 0,
    exceptions: 0,
    receivedAt: '2026-05-01T00:00:00.000Z',
  };

  it('round-trip and are updated in place as posting progresses', async () => {
    await ctx.adapters.remittances.put(record);
    await ctx.adapters.remittances.put({ ...record, postedClaims: 2 });
    await ctx.adapters.remittances.put({ ...record, tenantId: B, remittanceId: 'RMT-B' });
    expect(await ctx.adapters.remittances.list(A)).toEqual([{ ...record, postedClaims: 2 }]);
    expect((await ctx.adapters.remittances.list(B)).map((r) => r.remittanceId)).toEqual(['RMT-B']);
  });
});

describe('object store', () => {
  it('puts and gets text and binary bodies with their etag and content type', async () => {
    const key = `tenants/${A}/outbound/837/batch-1.x12`;
    const text = 'ISA*00*~';
    await ctx.adapters.objects.put(key, text, 'application/edi-x12');
    const got = await ctx.adapters.objects.get(key);
    expect(got.body.toString('utf8')).toBe(text);
    expect(got.etag).toBe(createHash('md5').update(text).digest('hex'));
    const head = await ctx.adapters.clients.s3.send(new HeadObjectCommand({ Bucket: ctx.env[ENV.bucket]!, Key: key }));
    expect(head.ContentType).toBe('application/edi-x12');

    const binary = Buffer.from([0, 1, 2, 250, 255]);
    await ctx.adapters.objects.put(`tenants/${A}/reports/bin`, binary);
    expect((await ctx.adapters.objects.get(`tenants/${A}/reports/bin`)).body.equals(binary)).toBe(true);
  });

  it('fails to get a missing object', async () => {
    await expect(ctx.adapters.objects.get(`tenants/${A}/nothing-here`)).rejects.toThrow();
  });

  it('lists every key under a prefix, across pages', async () => {
    const prefix = `tenants/${B}/inbound/encounters/`;
    const count = 1005; // more than one ListObjectsV2 page of 1000
    const expected: string[] = [];
    for (let start = 0; start < count; start += 50) {
      const chunk = Array.from({ length: Math.min(50, count - start) }, (_, i) => `${prefix}${String(start + i).padStart(5, '0')}.json`);
      await Promise.all(chunk.map((key) => ctx.adapters.objects.put(key, '{}', 'application/json')));
      expected.push(...chunk);
    }
    await ctx.adapters.objects.put(`tenants/${B}/inbound/835/era.x12`, 'x');
    const listed = await ctx.adapters.objects.list(prefix);
    expect([...listed].sort()).toEqual(expected);
    expect(await ctx.adapters.objects.list(`tenants/${B}/inbound/835/`)).toEqual([`tenants/${B}/inbound/835/era.x12`]);
    expect(await ctx.adapters.objects.list('tenants/nobody/')).toEqual([]);
  });
});

describe('createAdapters and the HMAC key', () => {
  it('needs the table and bucket names', () => {
    expect(() => createAdapters({ ...ctx.env, [ENV.table]: undefined })).toThrow(new RegExp(ENV.table));
    expect(() => createAdapters({ ...ctx.env, [ENV.bucket]: undefined })).toThrow(new RegExp(ENV.bucket));
  });

  it('takes the local key from the environment and refuses to run without any key', async () => {
    expect(Buffer.from(await hmacKeyProvider({ [ENV.hmacKey]: 'k1' })()).toString('utf8')).toBe('k1');
    await expect(hmacKeyProvider({})()).rejects.toThrow(new RegExp(ENV.hmacSecretArn));
  });

  it('builds claim keys that depend on the HMAC key', async () => {
    const other = createAdapters({ ...ctx.env, [ENV.hmacKey]: 'a-different-key' });
    await ctx.adapters.claims.saveFromIntake(
      {
        tenantId: A,
        claimId: 'PCN-KEYED',
        status: 'rejected',
        claim: sampleClaim(A, 'PCN-KEYED'),
        findings: [],
        source: { file: 'f', etag: 'e', format: 'json' },
      },
      '2026-01-01T00:00:00.000Z',
    );
    expect(await ctx.adapters.claims.get(A, 'PCN-KEYED')).toBeDefined();
    expect(await other.claims.get(A, 'PCN-KEYED')).toBeUndefined();
  });
});
