/**
 * The scrubber in the intake Lambda, against DynamoDB Local and fauxqs: code
 * sets loaded from the data bucket's codesets/ prefix (the fixture), error
 * findings reject a claim with their code-set version, warnings are kept
 * without blocking, the tenant's rule settings apply, and a corrected
 * resubmission of a rejected claim id supersedes it with an audit event.
 */
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { uploadCodeSets } from '../../bin/local/codesets.js';
import { runQueue } from '../../bin/local/poller.js';
import { createAdapters, type Adapters } from '../../lambdas/adapters/index.js';
import type { AppDeps } from '../../lambdas/app/deps.js';
import { TenantConfig } from '../../lambdas/core/tenant/config.js';
import { layout } from '../../lambdas/core/tenant/layout.js';
import { intakeHandler } from '../../lambdas/handlers/intake.js';
import { sampleClaimInput } from '../fixtures/claims.js';
import { useLocalStack } from '../support/local-stack.js';

process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';

const TENANT = 'acme-billing';
/** Switches DX-BILLABLE to a warning for every payer but one. */
const LENIENT = 'lenient-billing';

const tenantConfig = (tenantId: string, extra: Record<string, unknown> = {}) =>
  TenantConfig.parse({
    tenantId,
    name: `${tenantId} billing`,
    schedule: { expression: 'cron(0 18 ? * MON-FRI *)', timezone: 'America/Chicago' },
    submitter: { name: 'ACME BILLING', identifier: 'ACME01', contactName: 'EDI DESK', phone: '5555550100' },
    interchange: { senderQualifier: 'ZZ', senderId: 'ACMEBILL', gsSenderCode: 'ACME01', usage: 'T' },
    receivers: [{ id: 'clearinghouse', name: 'SANDBOX CLEARINGHOUSE', identifier: 'SBXCH', isaQualifier: 'ZZ', isaId: 'SBXCH', gsReceiverCode: 'SBXCH', default: true }],
    ...extra,
  });

const stack = useLocalStack({ tenants: [TENANT, LENIENT] });
let adapters: Adapters;
let deps: AppDeps;

beforeAll(async () => {
  // As deployed: the artifacts sit under codesets/ before the function's first (cold) invocation.
  expect(await uploadCodeSets(stack.clients.s3, stack.resources.buckets.data)).toBeGreaterThan(5);
  adapters = createAdapters(stack.resources.env);
  deps = { ...adapters, clock: () => new Date(), log: { info: () => undefined, warn: () => undefined } };
  await adapters.tenants.put(tenantConfig(TENANT));
  await adapters.tenants.put(tenantConfig(LENIENT, { scrubber: { severity: { 'DX-BILLABLE': 'warning' }, payers: { STRICT1: { severity: { 'DX-BILLABLE': 'error' } } } } }));
});

const upload = (tenantId: string, name: string, body: unknown) =>
  stack.clients.s3.send(new PutObjectCommand({ Bucket: stack.resources.buckets.data, Key: `${layout.inboundEncounters(tenantId)}${name}`, Body: JSON.stringify(body) }));

const drain = () =>
  runQueue(stack.resources.queues.intake.url, intakeHandler(() => deps), {
    sqs: stack.clients.sqs,
    region: stack.services.region,
    timeoutMs: 30_000,
  });

const encounter = (claimId: string, extra: Record<string, unknown> = {}) => {
  const { tenantId: _t, ...claim } = sampleClaimInput({ claimId });
  return { ...claim, ...extra };
};
/** Q99.9 is a valid-looking code that the ICD-10-CM fixture (FY2026) does not hold. */
const unknownDx = { diagnoses: [{ code: 'E11.9' }, { code: 'Q99.9' }] };

describe('intake runs the scrubber', () => {
  it('stores a claim with an unknown diagnosis as rejected with its DX- finding and code-set version; warnings do not block', async () => {
    await upload(TENANT, 'scrub-1.json', { claims: [encounter('SCRUB-BAD', unknownDx), encounter('SCRUB-OK')] });
    expect((await drain()).failed).toBe(0);

    const bad = await adapters.claims.get(TENANT, 'SCRUB-BAD');
    expect(bad?.status).toBe('rejected');
    const dx = bad?.findings.filter((f) => f.severity === 'error');
    expect(dx).toEqual([expect.objectContaining({ ruleId: 'DX-BILLABLE', path: 'diagnoses[1].code', codesetVersion: 'ICD-10-CM FY2026', family: 'diagnosis' })]);

    const ok = await adapters.claims.get(TENANT, 'SCRUB-OK');
    expect(ok?.status).toBe('ready');
    // CPT is never shipped: its check is a kept "not verified" warning, not a block.
    expect(ok?.findings.find((f) => f.ruleId === 'PROC-EXISTS')).toMatchObject({ severity: 'warning' });
    expect(ok?.findings.some((f) => f.severity === 'error')).toBe(false);

    // Only the clean claim is waiting for a batch.
    const ready = (await adapters.claims.listReady(TENANT, 'clearinghouse')).map((r) => r.claimId);
    expect(ready).toContain('SCRUB-OK');
    expect(ready).not.toContain('SCRUB-BAD');
  });

  it('a corrected resubmission supersedes the rejected claim: new version, new findings, audited', async () => {
    await upload(TENANT, 'scrub-2-corrected.json', encounter('SCRUB-BAD'));
    expect((await drain()).failed).toBe(0);

    const record = await adapters.claims.get(TENANT, 'SCRUB-BAD');
    expect(record).toMatchObject({ status: 'ready', version: 2, source: { file: `${layout.inboundEncounters(TENANT)}scrub-2-corrected.json` } });
    expect(record?.findings.some((f) => f.severity === 'error')).toBe(false);
    const events = await adapters.claims.events(TENANT, 'SCRUB-BAD');
    expect(events.map((e) => [e.type, e.from, e.to])).toEqual([
      ['created', undefined, 'rejected'],
      ['superseded', 'rejected', 'ready'],
    ]);
    expect(events[1]?.cause).toBe(`${layout.inboundEncounters(TENANT)}scrub-2-corrected.json`);
  });

  it('a claim id already submitted is not superseded: a conflict exception asks for a replacement', async () => {
    const ready = await adapters.claims.get(TENANT, 'SCRUB-OK');
    await adapters.claims.transition(ready!, 'submitted', { type: 'status-changed', at: new Date().toISOString(), cause: 'test-batch' }, { batchId: 'test-batch' });
    await upload(TENANT, 'scrub-3-again.json', encounter('SCRUB-OK', { diagnoses: [{ code: 'I10' }] }));
    expect((await drain()).failed).toBe(0);
    expect(await adapters.claims.get(TENANT, 'SCRUB-OK')).toMatchObject({ status: 'submitted', version: 2 });
    const conflicts = (await adapters.exceptions.list(TENANT)).filter((e) => e.kind === 'claim-conflict');
    expect(conflicts).toEqual([expect.objectContaining({ file: `${layout.inboundEncounters(TENANT)}scrub-3-again.json`, detail: { claimId: 'SCRUB-OK' } })]);
  });

  it("applies the tenant's rule settings, with the payer's winning", async () => {
    await upload(LENIENT, 'lenient.json', {
      claims: [encounter('LEN-1', unknownDx), encounter('LEN-2', { ...unknownDx, payer: { name: 'Strict Plan', payerId: 'STRICT1' } })],
    });
    expect((await drain()).failed).toBe(0);
    const lenient = await adapters.claims.get(LENIENT, 'LEN-1');
    expect(lenient?.status).toBe('ready');
    expect(lenient?.findings.find((f) => f.ruleId === 'DX-BILLABLE')).toMatchObject({ severity: 'warning', codesetVersion: 'ICD-10-CM FY2026' });
    expect((await adapters.claims.get(LENIENT, 'LEN-2'))?.status).toBe('rejected');
  });
});
