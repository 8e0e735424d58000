/**
 * Posting the public 835 samples (../shared/samples/x12/835, skipped when
 * absent) against DynamoDB Local and fauxqs: each file goes to a tenant of
 * its own that holds an accepted claim for every patient control number the
 * file pays. Real payers' files carry what our sandbox never writes
 * (dental procedures, claims without lines, PLB, 4010 files, repeated loops,
 * broken envelopes), so this shows posting never fails on them: every claim
 * payment of a balanced, readable set is posted or becomes an exception with
 * its reason, and a posted claim keeps exactly the payer's CLP04.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAdapters, type Adapters } from '../../lambdas/adapters/index.js';
import type { AppDeps } from '../../lambdas/app/deps.js';
import { postRemittanceObject } from '../../lambdas/app/post-remittance.js';
import { Claim, ClaimId } from '../../lambdas/core/claim/model.js';
import { toCents } from '../../lambdas/core/money.js';
import { TenantConfig } from '../../lambdas/core/tenant/config.js';
import { layout } from '../../lambdas/core/tenant/layout.js';
import { stream835 } from '../../lambdas/core/x12/835/stream-835.js';
import { createLocalResources } from '../../bin/local/resources.js';
import { sampleClaimInput } from '../fixtures/claims.js';
import { useLocalStack } from '../support/local-stack.js';

const DIR = fileURLToPath(new URL('../../../shared/samples/x12/835', import.meta.url));
const FILES = existsSync(DIR) ? readdirSync(DIR).filter((f) => !/\.(997|999|ta1)$/i.test(f)).sort() : [];
const tenantOf = (index: number) => `sample-${String(index).padStart(2, '0')}`;

interface Paid {
  claimId: string;
  paid: string | undefined;
  balanced: boolean;
}

/** What the reader says each readable, balanced set pays (the expectation is the reader's; posting must follow it). */
async function payments(text: string): Promise<Paid[]> {
  const sets: Array<{ claims: Paid[]; balanced: boolean; complete: boolean }> = [];
  let current: (typeof sets)[number] | undefined;
  for await (const event of stream835(once(text))) {
    if (event.type === 'remittance-start') {
      current = { claims: [], balanced: false, complete: false };
      sets.push(current);
    } else if (event.type === 'claim' && current) {
      current.claims.push({ claimId: event.claim.patientControlNumber, paid: event.claim.paid, balanced: event.checks.every((c) => c.ok === true) });
    } else if (event.type === 'remittance-end' && current) {
      current.balanced = event.payment.ok === true;
      current.complete = true;
      current = undefined;
    } else if (event.type === 'error' && event.severity !== 'warning') {
      current = undefined;
    }
  }
  return sets.filter((s) => s.complete && s.balanced).flatMap((s) => s.claims);
}

async function* once(text: string): AsyncGenerator<string> {
  yield text;
}

const stack = useLocalStack();
let adapters: Adapters;
let deps: AppDeps;

beforeAll(async () => {
  if (FILES.length === 0) return;
  const tenants = FILES.map((_, i) => tenantOf(i));
  const resources = await createLocalResources(stack.services, tenants, { testEvents: false });
  adapters = createAdapters(resources.env);
  deps = { ...adapters, clock: () => new Date('2026-11-23T12:00:00Z'), log: { info: () => undefined, warn: () => undefined } };
}, 120_000);

describe.skipIf(FILES.length === 0)('posting the public 835 samples (needs ../shared/samples/x12/835)', () => {
  it.each(FILES.map((file, index) => [file, index] as const))('%s posts or explains every claim payment', async (file, index) => {
    const tenantId = tenantOf(index);
    await adapters.tenants.put(
      TenantConfig.parse({
        tenantId,
        name: 'Sample tenant',
        schedule: { expression: 'cron(0 18 ? * MON-FRI *)', timezone: 'America/Chicago' },
        submitter: { name: 'SAMPLE BILLING', identifier: 'SAMPLE01', contactName: 'EDI', phone: '5555550100' },
        interchange: { senderQualifier: 'ZZ', senderId: 'SAMPLE', gsSenderCode: 'SAMPLE01', usage: 'T' },
        receivers: [{ id: 'ch', name: 'CH', identifier: 'CH', isaQualifier: 'ZZ', isaId: 'CH', gsReceiverCode: 'CH', default: true }],
      }),
    );
    const text = readFileSync(`${DIR}/${file}`, 'latin1');
    const expected = await payments(text);
    const ids = [...new Set(expected.map((p) => p.claimId))].filter((id) => ClaimId.safeParse(id).success);
    for (const claimId of ids) {
      const claim = Claim.parse(sampleClaimInput({ tenantId, claimId }));
      await adapters.claims.saveFromIntake({ tenantId, claimId, status: 'ready', claim, receiverId: 'ch', findings: [], source: { file: 'seed', etag: claimId, format: 'json' } }, '2026-11-01T00:00:00Z');
      const record = (await adapters.claims.get(tenantId, claimId))!;
      const submitted = await adapters.claims.transition(record, 'submitted', { type: 'status-changed', at: '2026-11-02T00:00:00Z', cause: 'seed' }, { batchId: 'seed' });
      await adapters.claims.transition(submitted, 'accepted', { type: 'status-changed', at: '2026-11-03T00:00:00Z', cause: 'seed' });
    }
    const key = `${layout.inbound835(tenantId)}${file}`;
    await adapters.objects.put(key, Buffer.from(text, 'latin1'));

    const result = await postRemittanceObject(deps, { key });
    const exceptions = await adapters.exceptions.list(tenantId);
    // Every claim payment of a postable set either posted or left an exception naming why.
    const balanced = expected.filter((p) => p.balanced && ids.includes(p.claimId));
    expect(result.posted + result.alreadyPosted).toBeLessThanOrEqual(balanced.length);
    const explained = exceptions.filter((e) => e.kind.startsWith('remittance-') && e.kind !== 'remittance-line-unmatched').length;
    // A payment the same file carries again (the same TRN02 in another set) is found already posted.
    expect(result.posted + result.alreadyPosted + explained).toBeGreaterThanOrEqual(expected.length);
    for (const exception of exceptions) expect(exception.message.length).toBeGreaterThan(0);

    // A posted claim keeps the payer's CLP04, net over its postings (a reversal and its correction included).
    for (const claimId of ids) {
      const record = (await adapters.claims.get(tenantId, claimId))!;
      const posted = record.postings ?? [];
      const paidInFile = expected.filter((p) => p.claimId === claimId && p.balanced);
      if (posted.length === paidInFile.length && posted.length > 0) {
        const net = posted.reduce((sum, p) => sum + toCents(p.paid), 0);
        expect(net, `${file} ${claimId}`).toBe(paidInFile.reduce((sum, p) => sum + toCents(p.paid ?? '0'), 0));
      }
    }

    // The same file again posts nothing new.
    const again = await postRemittanceObject(deps, { key });
    expect(again.posted).toBe(0);
    expect(again.alreadyPosted).toBe(result.posted + result.alreadyPosted);
  });
});
