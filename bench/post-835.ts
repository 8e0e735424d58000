/**
 * `npm run bench` (second part): 835 posting throughput on the local stack
 * (DynamoDB Local + fauxqs). Seeds N accepted claims, writes one 835 paying
 * all of them, and times postRemittanceObject: the survey pass, one
 * transaction per claim payment, then the same file again (every claim
 * payment found already posted). DynamoDB Local on one JVM is slower than
 * DynamoDB; the figure is a floor for sizing the remittance Lambda's timeout.
 */
import { createAdapters } from '../lambdas/adapters/index.js';
import type { AppDeps } from '../lambdas/app/deps.js';
import { postRemittanceObject } from '../lambdas/app/post-remittance.js';
import { Claim } from '../lambdas/core/claim/model.js';
import { TenantConfig } from '../lambdas/core/tenant/config.js';
import { layout } from '../lambdas/core/tenant/layout.js';
import { Remittance } from '../lambdas/core/x12/835/model.js';
import { write835 } from '../lambdas/core/x12/835/write-835.js';
import { createLocalResources } from '../bin/local/resources.js';
import { startLocalServices } from '../bin/local/services.js';
import { sampleClaimInput } from '../test/fixtures/claims.js';

const T = 'bench-tenant';
const claims = Number(process.env.BENCH_POST_CLAIMS ?? 1000);

const services = await startLocalServices();
try {
  const resources = await createLocalResources(services, [T], { testEvents: false });
  const adapters = createAdapters(resources.env);
  const deps: AppDeps = { ...adapters, clock: () => new Date(), log: { info: () => undefined, warn: () => undefined } };
  await adapters.tenants.put(
    TenantConfig.parse({
      tenantId: T,
      name: 'Bench',
      schedule: { expression: 'cron(0 18 ? * MON-FRI *)', timezone: 'America/Chicago' },
      submitter: { name: 'BENCH', identifier: 'BENCH01', contactName: 'EDI', phone: '5555550100' },
      interchange: { senderQualifier: 'ZZ', senderId: 'BENCH', gsSenderCode: 'BENCH01', usage: 'T' },
      receivers: [{ id: 'ch', name: 'CH', identifier: 'CH', isaQualifier: 'ZZ', isaId: 'CH', gsReceiverCode: 'CH', default: true }],
    }),
  );
  const ids = Array.from({ length: claims }, (_, i) => `B-${String(i).padStart(6, '0')}`);
  const seeded = Date.now();
  await Promise.all(
    chunk(ids, 25).map(async (group) => {
      for (const claimId of group) {
        const claim = Claim.parse(sampleClaimInput({ tenantId: T, claimId }));
        await adapters.claims.saveFromIntake({ tenantId: T, claimId, status: 'ready', claim, receiverId: 'ch', findings: [], source: { file: 'seed', etag: claimId, format: 'json' } }, '2026-11-01T00:00:00Z');
        let record = (await adapters.claims.get(T, claimId))!;
        record = await adapters.claims.transition(record, 'submitted', { type: 'status-changed', at: '2026-11-02T00:00:00Z', cause: 'bench' }, { batchId: 'bench' });
        await adapters.claims.transition(record, 'accepted', { type: 'status-changed', at: '2026-11-03T00:00:00Z', cause: 'bench' });
      }
    }),
  );
  const seedSeconds = (Date.now() - seeded) / 1000;

  const remittance = Remittance.parse({
    payment: { handlingCode: 'I', totalPaid: (claims * 100).toFixed(2), creditDebit: 'C', method: 'CHK', date: '2026-11-20' },
    trace: { traceNumber: 'BENCHTRACE1', payerId: '1999999999' },
    payer: { name: 'BENCH PLAN', address: { lines: ['1 PLAN WAY'], city: 'SPRINGFIELD', state: 'IL', postalCode: '62701' }, contacts: [{ function: 'BL', communications: [{ qualifier: 'TE', value: '5555550199' }] }] },
    payee: { name: 'BENCH PRACTICE', identifier: { qualifier: 'XX', value: '1234567893' }, npi: '1234567893' },
    claims: ids.map((claimId) => ({
      patientControlNumber: claimId,
      statusCode: '1',
      charge: '140.50',
      paid: '100.00',
      patientResponsibility: '20.00',
      filingIndicator: '12',
      payerClaimControlNumber: `ICN${claimId}`,
      facilityTypeCode: '11',
      frequencyCode: '1',
      patient: { entityType: '1', last: 'BENCH', first: 'PATIENT', identifier: { qualifier: 'MI', value: 'BENCH0001' } },
      serviceLines: [
        { procedure: { qualifier: 'HC', code: '99213', modifiers: ['25'] }, charge: '125.00', paid: '85.00', serviceDate: '2026-03-02', lineControlNumber: 'L1', allowed: '105.00', adjustments: [{ group: 'CO', reason: '45', amount: '20.00' }, { group: 'PR', reason: '3', amount: '20.00' }] },
        { procedure: { qualifier: 'HC', code: '36415' }, charge: '15.50', paid: '15.00', serviceDate: '2026-03-02', allowed: '15.00', adjustments: [{ group: 'CO', reason: '45', amount: '0.50' }] },
      ],
    })),
  });
  const text = write835([remittance], { senderQualifier: 'ZZ', senderId: 'BENCHPAYER', receiverQualifier: 'ZZ', receiverId: 'BENCH', controlNumber: 1, createdAt: new Date('2026-11-20T00:00:00Z') });
  const key = `${layout.inbound835(T)}bench.835`;
  await adapters.objects.put(key, text);

  const first = Date.now();
  const posted = await postRemittanceObject(deps, { key });
  const firstSeconds = (Date.now() - first) / 1000;
  const again = Date.now();
  const repeat = await postRemittanceObject(deps, { key });
  const againSeconds = (Date.now() - again) / 1000;

  console.log(`835 posting on the local stack (DynamoDB Local + fauxqs), ${claims} claims, ${(text.length / 1e6).toFixed(2)} MB; seeding took ${seedSeconds.toFixed(1)} s`);
  console.log(`  first delivery: ${posted.posted} posted in ${firstSeconds.toFixed(1)} s (${Math.round(posted.posted / firstSeconds)} claim payments/s)`);
  console.log(`  same file again: ${repeat.alreadyPosted} already posted, ${repeat.posted} posted, in ${againSeconds.toFixed(1)} s (${Math.round(repeat.alreadyPosted / againSeconds)} claims/s)`);
} finally {
  await services.stop();
}

function chunk<T>(items: readonly T[], parts: number): T[][] {
  const out: T[][] = Array.from({ length: parts }, () => []);
  items.forEach((item, i) => out[i % parts]!.push(item));
  return out.filter((part) => part.length > 0);
}
