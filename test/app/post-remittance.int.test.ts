/**
 * 835 posting against DynamoDB Local and fauxqs (the 835 is streamed from the
 * bucket): line and claim postings, statuses, reversal + correction,
 * forwarding, PLB, exceptions, idempotency (redelivery, the same payment in
 * another file, a crash half way) and held transaction sets.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createAdapters, type Adapters } from '../../lambdas/adapters/index.js';
import type { AppDeps } from '../../lambdas/app/deps.js';
import { ingestEncounterObject } from '../../lambdas/app/intake.js';
import { postRemittanceObject } from '../../lambdas/app/post-remittance.js';
import { Claim, type ClaimInput } from '../../lambdas/core/claim/model.js';
import type { ClaimStatus } from '../../lambdas/core/claim/state-machine.js';
import { TenantConfig } from '../../lambdas/core/tenant/config.js';
import { layout } from '../../lambdas/core/tenant/layout.js';
import { Remittance, type RemittanceInput } from '../../lambdas/core/x12/835/model.js';
import { write835 } from '../../lambdas/core/x12/835/write-835.js';
import { createLocalResources } from '../../bin/local/resources.js';
import { sampleClaimInput } from '../fixtures/claims.js';
import { useLocalStack } from '../support/local-stack.js';

const T = 'remit-tenant';
const stack = useLocalStack();
let adapters: Adapters;
let deps: AppDeps;

beforeAll(async () => {
  const resources = await createLocalResources(stack.services, [T], { testEvents: false });
  adapters = createAdapters(resources.env);
  deps = { ...adapters, clock: () => new Date('2026-05-01T12:00:00Z'), log: { info: () => undefined, warn: () => undefined } };
  await adapters.tenants.put(
    TenantConfig.parse({
      tenantId: T,
      name: 'Remit tenant',
      schedule: { expression: 'cron(0 18 ? * MON-FRI *)', timezone: 'America/Chicago' },
      submitter: { name: 'REMIT BILLING', identifier: 'REMIT01', contactName: 'EDI DESK', phone: '5555550100' },
      interchange: { senderQualifier: 'ZZ', senderId: 'REMIT', gsSenderCode: 'REMIT01', usage: 'T' },
      receivers: [{ id: 'clearinghouse', name: 'SANDBOX CH', identifier: 'SBXCH', isaQualifier: 'ZZ', isaId: 'SBXCH', gsReceiverCode: 'SBXCH', default: true }],
    }),
  );
});

/** Two lines: 99213-25 (6R "L1") 125.00 and 36415 (no 6R) 15.50 = 140.50. */
async function submittedClaim(claimId: string, status: ClaimStatus = 'accepted', overrides: Partial<ClaimInput> = {}): Promise<void> {
  const claim = Claim.parse(sampleClaimInput({ tenantId: T, claimId, ...overrides }));
  await adapters.claims.saveFromIntake(
    { tenantId: T, claimId, status: 'ready', claim, receiverId: 'clearinghouse', findings: [], source: { file: 'seed.json', etag: claimId, format: 'json' } },
    '2026-04-01T00:00:00Z',
  );
  let record = (await adapters.claims.get(T, claimId))!;
  record = await adapters.claims.transition(record, 'submitted', { type: 'status-changed', at: '2026-04-02T00:00:00Z', cause: 'batch-1' }, { batchId: 'batch-1' });
  if (status === 'accepted') await adapters.claims.transition(record, 'accepted', { type: 'status-changed', at: '2026-04-03T00:00:00Z', cause: '277ca' });
}

type ClpInput = NonNullable<RemittanceInput['claims']>[number];
type SvcInput = NonNullable<ClpInput['serviceLines']>[number];

const svc = (code: string, charge: string, paid: string, adjustments: SvcInput['adjustments'], extra: Partial<SvcInput> = {}): SvcInput => ({
  procedure: { qualifier: 'HC', code, modifiers: code === '99213' ? ['25'] : [] },
  charge,
  paid,
  serviceDate: '2026-03-02',
  adjustments,
  ...extra,
});

/** The usual good payment of the two-line claim: 100.00 paid, 20.00 copay, 20.50 fee schedule. */
const paidClaim = (claimId: string, extra: Partial<ClpInput> = {}): ClpInput => ({
  patientControlNumber: claimId,
  statusCode: '1',
  charge: '140.50',
  paid: '100.00',
  patientResponsibility: '20.00',
  payerClaimControlNumber: `ICN-${claimId}`,
  serviceLines: [
    svc('99213', '125.00', '85.00', [
      { group: 'CO', reason: '45', amount: '20.00' },
      { group: 'PR', reason: '3', amount: '20.00' },
    ], { lineControlNumber: 'L1', allowed: '105.00' }),
    svc('36415', '15.50', '15.00', [{ group: 'CO', reason: '45', amount: '0.50' }], { allowed: '15.00' }),
  ],
  ...extra,
});

function remittance(trace: string, input: ClpInput[], extra: Partial<RemittanceInput> = {}): Remittance {
  // CLP06 (claim filing indicator) and CLP08/09 as a payer writes them.
  const claims = input.map((c) => ({
    filingIndicator: '12',
    facilityTypeCode: '11',
    frequencyCode: '1',
    patient: { entityType: '1', last: 'TESTPERSON', first: 'ALEX', identifier: { qualifier: 'MI', value: 'XYZ123456789' } },
    ...c,
  }));
  const paid = claims.reduce((sum, c) => sum + Math.round(Number(c.paid) * 100), 0);
  const plb = (extra.providerAdjustments ?? []).flatMap((p) => p.items).reduce((sum, i) => sum + Math.round(Number(i.amount) * 100), 0);
  return Remittance.parse({
    // A net amount the provider owes (a reversal alone) is BPR03 D with a positive BPR02.
    payment: { handlingCode: 'I', totalPaid: (Math.abs(paid - plb) / 100).toFixed(2), creditDebit: paid - plb < 0 ? 'D' : 'C', method: 'CHK', date: '2026-04-30' },
    trace: { traceNumber: trace, payerId: '1999999999' },
    payer: { name: 'EXAMPLE HEALTH PLAN', address: { lines: ['1 PLAN WAY'], city: 'SPRINGFIELD', state: 'IL', postalCode: '62701' }, contacts: [{ function: 'BL', communications: [{ qualifier: 'TE', value: '5555550199' }] }] },
    payee: { name: 'SAMPLE FAMILY PRACTICE', identifier: { qualifier: 'XX', value: '1234567893' }, npi: '1234567893' },
    claims,
    ...extra,
  });
}

let isa = 100;
async function deliver(name: string, remittances: Remittance[]): Promise<string> {
  const key = `${layout.inbound835(T)}${name}.835`;
  isa++;
  const text = write835(remittances, {
    senderQualifier: 'ZZ',
    senderId: 'SBXCH',
    receiverQualifier: 'ZZ',
    receiverId: 'REMIT',
    controlNumber: isa,
    createdAt: new Date('2026-04-30T10:00:00Z'),
  });
  await adapters.objects.put(key, text);
  return key;
}

const post = (key: string, d: AppDeps = deps) => postRemittanceObject(d, { key });
const exceptionsOf = async (file: string) => (await adapters.exceptions.list(T)).filter((e) => e.file === file);

describe('posting an 835', () => {
  it('posts claims and lines: paid, allowed, adjustments by group and CARC, the check, CLP07, an audit event', async () => {
    await submittedClaim('P-100');
    const key = await deliver('paid', [remittance('TRC-100', [paidClaim('P-100')])]);
    const result = await post(key);
    expect(result).toMatchObject({ remittances: 1, held: 0, posted: 1, alreadyPosted: 0, exceptions: 0 });

    const claim = (await adapters.claims.get(T, 'P-100'))!;
    expect(claim.status).toBe('paid');
    expect(claim.payerClaimId).toBe('ICN-P-100');
    expect(claim.postings).toHaveLength(1);
    const [posting] = claim.postings!;
    expect(posting).toMatchObject({ traceNumber: 'TRC-100', paymentMethod: 'CHK', paymentDate: '2026-04-30', paid: '100.00', patientResponsibility: '20.00', allowed: '120.00', file: key });
    expect(posting?.lines.map((l) => [l.line, l.matchedBy, l.paid, l.adjustments.map((a) => `${a.group}-${a.reason}:${a.amount}`)])).toEqual([
      [1, 'line-control-number', '85.00', ['CO-45:20.00', 'PR-3:20.00']],
      [2, 'procedure-date-units', '15.00', ['CO-45:0.50']],
    ]);
    const events = await adapters.claims.events(T, 'P-100');
    const posted = events.filter((e) => e.type === 'remittance-posted');
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({ from: 'accepted', to: 'paid', cause: posting?.remittanceId, detail: expect.objectContaining({ file: key, traceNumber: 'TRC-100' }) });

    const record = await adapters.remittances.get(T, posting!.remittanceId);
    expect(record).toMatchObject({ state: 'posted', balanced: true, paymentAmount: '100.00', claimCount: 1, postedClaims: 1, traceNumber: 'TRC-100' });
  });

  it('moves claims to partially paid, denied and forwarded; keeps going past an unmatched claim and an unmatched line', async () => {
    await submittedClaim('P-201');
    await submittedClaim('P-202');
    await submittedClaim('P-203', 'submitted');
    await submittedClaim('P-204');
    const key = await deliver('mixed', [
      remittance('TRC-200', [
        paidClaim('P-201', { paid: '90.00', serviceLines: [paidClaim('P-201').serviceLines![0]!, svc('36415', '15.50', '5.00', [{ group: 'CO', reason: '45', amount: '0.50' }, { group: 'CO', reason: '97', amount: '10.00' }])] }),
        { patientControlNumber: 'P-202', statusCode: '4', charge: '140.50', paid: '0', payerClaimControlNumber: 'ICN-P-202', adjustments: [{ group: 'CO', reason: '50', amount: '140.50' }] },
        { ...paidClaim('P-203'), statusCode: '19', crossoverCarrier: { name: 'MEDIGAP PLAN', identifier: { qualifier: 'PI', value: 'MG01' } } },
        paidClaim('NOT-OURS'),
        paidClaim('P-204', { serviceLines: [paidClaim('P-204').serviceLines![0]!, svc('80053', '15.50', '15.00', [{ group: 'CO', reason: '45', amount: '0.50' }])] }),
      ]),
    ]);
    const result = await post(key);
    expect(result).toMatchObject({ posted: 4, held: 0 });
    const status = async (id: string) => (await adapters.claims.get(T, id))?.status;
    expect(await status('P-201')).toBe('partially_paid');
    expect(await status('P-202')).toBe('denied');
    expect(await status('P-203')).toBe('forwarded');
    expect((await adapters.claims.get(T, 'P-203'))?.postings?.[0]?.forwardedTo).toEqual({ name: 'MEDIGAP PLAN', id: 'MG01' });
    expect(await status('P-204')).toBe('paid');
    const exceptions = await exceptionsOf(key);
    expect(exceptions.map((e) => e.kind).sort()).toEqual(['remittance-line-unmatched', 'remittance-unmatched']);
    expect(exceptions.find((e) => e.kind === 'remittance-unmatched')?.position).toMatch(/^segment \d+$/);
    expect((await adapters.claims.get(T, 'P-204'))?.postings?.[0]?.lines[1]?.line).toBeUndefined();
  });

  it('reverses a payment and posts the correction from the same 835; the original posting stays', async () => {
    await submittedClaim('P-300');
    await post(await deliver('first', [remittance('TRC-300', [paidClaim('P-300')])]));
    const reversal: ClpInput = {
      ...paidClaim('P-300'),
      statusCode: '22',
      charge: '-140.50',
      paid: '-100.00',
      patientResponsibility: '-20.00',
      serviceLines: [
        svc('99213', '-125.00', '-85.00', [{ group: 'CO', reason: '45', amount: '-20.00' }, { group: 'PR', reason: '3', amount: '-20.00' }], { lineControlNumber: 'L1' }),
        svc('36415', '-15.50', '-15.00', [{ group: 'CO', reason: '45', amount: '-0.50' }]),
      ],
    };
    const corrected = paidClaim('P-300', {
      paid: '120.00',
      patientResponsibility: '0.00',
      serviceLines: [svc('99213', '125.00', '105.00', [{ group: 'CO', reason: '45', amount: '20.00' }], { lineControlNumber: 'L1' }), paidClaim('x').serviceLines![1]!],
    });
    const key = await deliver('adjustment', [remittance('TRC-301', [reversal, corrected])]);
    expect(await post(key)).toMatchObject({ posted: 2, exceptions: 0 });

    const claim = (await adapters.claims.get(T, 'P-300'))!;
    expect(claim.status).toBe('corrected');
    expect(claim.postings?.map((p) => p.claimStatusCode)).toEqual(['1', '22', '1']);
    expect(claim.postings?.[1]?.reverses).toBe(claim.postings?.[0]?.postingId);
    const net = claim.postings!.reduce((sum, p) => sum + Math.round(Number(p.paid) * 100), 0);
    expect(net).toBe(12_000);
    const moves = (await adapters.claims.events(T, 'P-300')).filter((e) => e.type === 'remittance-posted').map((e) => `${e.from}->${e.to}`);
    expect(moves).toEqual(['accepted->paid', 'paid->reversed', 'reversed->corrected']);
  });

  it('posts PLB items at payment level with their sign, linked to the claim their reference names', async () => {
    await submittedClaim('P-400');
    const key = await deliver('plb', [
      remittance('TRC-400', [paidClaim('P-400')], {
        providerAdjustments: [
          {
            providerId: '1234567893',
            fiscalPeriodDate: '2026-12-31',
            items: [
              { reason: 'WO', reference: 'ICN-P-400', amount: '30.00' },
              { reason: 'L6', reference: 'P-400', amount: '-2.25' },
              { reason: 'CS', amount: '5.00' },
            ],
          },
        ],
      }),
    ]);
    expect(await post(key)).toMatchObject({ posted: 1, held: 0 });
    const [record] = (await adapters.remittances.list(T)).filter((r) => r.traceNumber === 'TRC-400');
    expect(record?.paymentAmount).toBe('67.25'); // 100.00 − 30.00 + 2.25 − 5.00
    expect(record?.providerAdjustments).toEqual([
      { item: 1, providerId: '1234567893', fiscalPeriodDate: '2026-12-31', reason: 'WO', reference: 'ICN-P-400', amount: '30.00', claimId: 'P-400' },
      { item: 2, providerId: '1234567893', fiscalPeriodDate: '2026-12-31', reason: 'L6', reference: 'P-400', amount: '-2.25', claimId: 'P-400' },
      { item: 3, providerId: '1234567893', fiscalPeriodDate: '2026-12-31', reason: 'CS', amount: '5.00' },
    ]);
  });
});

describe('balancing', () => {
  it('holds a transaction set whose payment does not balance and posts the other set of the file', async () => {
    await submittedClaim('P-500');
    await submittedClaim('P-501');
    const bad = remittance('TRC-500', [paidClaim('P-500')]);
    bad.payment.totalPaid = '99.99';
    const key = await deliver('two-sets', [bad, remittance('TRC-501', [paidClaim('P-501')])]);
    const result = await post(key);
    expect(result).toMatchObject({ remittances: 2, held: 1, posted: 1 });
    expect((await adapters.claims.get(T, 'P-500'))?.status).toBe('accepted');
    expect((await adapters.claims.get(T, 'P-501'))?.status).toBe('paid');
    const [held] = (await exceptionsOf(key)).filter((e) => e.kind === 'remittance-unbalanced');
    expect(held?.detail).toMatchObject({ check: 'payment', expected: '99.99', actual: '100.00', difference: '-0.01' });
    expect((await adapters.remittances.list(T)).find((r) => r.traceNumber === 'TRC-500')).toMatchObject({ state: 'held', balanced: false });
  });

  it('does not post a claim whose own figures do not balance, and posts the others', async () => {
    await submittedClaim('P-510');
    await submittedClaim('P-511');
    const off = paidClaim('P-510', { charge: '150.00' });
    const bpr = remittance('TRC-510', [off, paidClaim('P-511')]);
    const key = await deliver('claim-off', [bpr]);
    expect(await post(key)).toMatchObject({ posted: 1 });
    expect((await adapters.claims.get(T, 'P-510'))?.status).toBe('accepted');
    const [exception] = (await exceptionsOf(key)).filter((e) => e.kind === 'remittance-unbalanced');
    expect(exception?.detail).toMatchObject({ claimId: 'P-510', check: 'claim', expected: '150.00', actual: '140.50', difference: '9.50' });
  });
});

describe('idempotency', () => {
  it('posts the same 835 delivered twice, and the same payment in another file, once', async () => {
    await submittedClaim('P-600');
    await submittedClaim('P-601');
    const payment = remittance('TRC-600', [paidClaim('P-600'), paidClaim('P-601')]);
    const key = await deliver('once', [payment]);
    expect(await post(key)).toMatchObject({ posted: 2, alreadyPosted: 0 });
    expect(await post(key)).toMatchObject({ posted: 0, alreadyPosted: 2 });
    const other = await deliver('same-payment-other-file', [payment]);
    expect(await post(other)).toMatchObject({ posted: 0, alreadyPosted: 2 });

    for (const id of ['P-600', 'P-601']) {
      expect((await adapters.claims.get(T, id))?.postings).toHaveLength(1);
      expect((await adapters.claims.events(T, id)).filter((e) => e.type === 'remittance-posted')).toHaveLength(1);
    }
    const record = (await adapters.remittances.list(T)).find((r) => r.traceNumber === 'TRC-600');
    expect(record).toMatchObject({ file: key, duplicateFiles: [other], postedClaims: 2, state: 'posted' });
  });

  it('resumes a delivery that failed half way without posting anything twice', async () => {
    const ids = ['P-700', 'P-701', 'P-702', 'P-703'];
    for (const id of ids) await submittedClaim(id);
    const key = await deliver('crash', [remittance('TRC-700', ids.map((id) => paidClaim(id)))]);
    let transitions = 0;
    const crashing: AppDeps = {
      ...deps,
      claims: {
        ...deps.claims,
        get: (tenantId, claimId) => deps.claims.get(tenantId, claimId),
        transition: async (...args) => {
          if (++transitions > 2) throw new Error('simulated Lambda timeout');
          return deps.claims.transition(...args);
        },
      },
    };
    await expect(post(key, crashing)).rejects.toThrow('simulated Lambda timeout');
    // Claims post side by side, so which two got through first is not fixed; that two did is.
    expect((await Promise.all(ids.map((id) => adapters.claims.get(T, id)))).map((c) => c?.status).sort()).toEqual(['accepted', 'accepted', 'paid', 'paid']);

    expect(await post(key)).toMatchObject({ posted: 2, alreadyPosted: 2 });
    for (const id of ids) {
      expect((await adapters.claims.events(T, id)).filter((e) => e.type === 'remittance-posted')).toHaveLength(1);
      expect((await adapters.claims.get(T, id))?.status).toBe('paid');
    }
    expect((await adapters.remittances.list(T)).find((r) => r.traceNumber === 'TRC-700')).toMatchObject({ state: 'posted', claimCount: 4, postedClaims: 4 });
  });
});

describe('unreadable input', () => {
  it('records a broken transaction set with its position and posts the next set', async () => {
    await submittedClaim('P-800');
    await submittedClaim('P-801');
    const good = await deliver('good-part', [remittance('TRC-800', [paidClaim('P-800')]), remittance('TRC-801', [paidClaim('P-801')])]);
    const text = (await adapters.objects.get(good)).body.toString('utf8');
    // Break the first set: its CAS loses the group code (CAS01).
    const broken = text.replace('CAS*CO*45*20', 'CAS**45*20');
    const key = `${layout.inbound835(T)}broken.835`;
    await adapters.objects.put(key, broken);
    const result = await post(key);
    expect(result).toMatchObject({ remittances: 2, held: 1, posted: 1 });
    expect((await adapters.claims.get(T, 'P-800'))?.status).toBe('accepted');
    expect((await adapters.claims.get(T, 'P-801'))?.status).toBe('paid');
    const [error] = (await exceptionsOf(key)).filter((e) => e.kind === 'x12-parse');
    expect(error?.position).toMatch(/^segment \d+$/);
    expect(error?.message).toMatch(/CAS01/);
  });
});

describe('a replacement after the 835', () => {
  const upload = async (name: string, claimId: string, frequencyCode: '1' | '7' | '8') => {
    const { tenantId: _t, ...claim } = sampleClaimInput({ claimId, frequencyCode });
    const key = `${layout.inboundEncounters(T)}${name}.json`;
    await adapters.objects.put(key, JSON.stringify(claim));
    return ingestEncounterObject(deps, { key });
  };

  it('supersedes the paid claim under the same id, quoting the CLP07 the 835 gave and keeping the postings', async () => {
    await submittedClaim('P-900');
    await post(await deliver('before-replacement', [remittance('TRC-900', [paidClaim('P-900')])]));
    expect(await upload('p900-replacement', 'P-900', '7')).toMatchObject({ ready: 1, exceptions: 0 });

    const claim = (await adapters.claims.get(T, 'P-900'))!;
    expect(claim.status).toBe('ready');
    expect(claim.claim.frequencyCode).toBe('7');
    expect(claim.claim.payerClaimControlNumber).toBe('ICN-P-900');
    expect(claim.postings).toHaveLength(1);
    expect(claim.payerClaimId).toBe('ICN-P-900');
    const last = (await adapters.claims.events(T, 'P-900')).at(-1);
    expect(last).toMatchObject({ type: 'superseded', from: 'paid', to: 'ready' });
  });

  it('refuses an original (frequency 1) resent under the id of a paid claim, and a replacement of a claim the payer does not have yet', async () => {
    await submittedClaim('P-901');
    await post(await deliver('paid-901', [remittance('TRC-901', [paidClaim('P-901')])]));
    expect(await upload('p901-again', 'P-901', '1')).toMatchObject({ ready: 0, exceptions: 1 });
    expect((await adapters.claims.get(T, 'P-901'))?.status).toBe('paid');

    await submittedClaim('P-902', 'submitted');
    expect(await upload('p902-replacement', 'P-902', '7')).toMatchObject({ ready: 0, exceptions: 1 });
    expect((await adapters.claims.get(T, 'P-902'))?.status).toBe('submitted');
    const conflicts = (await adapters.exceptions.list(T)).filter((e) => e.kind === 'claim-conflict');
    expect(conflicts.map((e) => e.file)).toEqual(expect.arrayContaining([`${layout.inboundEncounters(T)}p901-again.json`, `${layout.inboundEncounters(T)}p902-replacement.json`]));
  });
});

describe('secondary claims from a primary payment', () => {
  const coverage = {
    otherCoverages: [
      {
        responsibility: 'S' as const,
        relationship: '18' as const,
        claimFilingIndicator: 'CI' as const,
        subscriber: { name: { last: 'Testperson', first: 'Alex' }, memberId: 'SEC998877' },
        payer: { name: 'Second Plan', payerId: 'SEC01' },
      },
    ],
  };

  it('builds <id>-S as a ready claim with the primary adjudication, once, even after a crash between posting and building', async () => {
    await submittedClaim('P-950', 'accepted', coverage);
    const key = await deliver('primary-950', [remittance('TRC-950', [paidClaim('P-950')])]);
    let saves = 0;
    const crashing: AppDeps = {
      ...deps,
      claims: {
        ...deps.claims,
        get: (tenantId, claimId) => deps.claims.get(tenantId, claimId),
        transition: (...args) => deps.claims.transition(...args),
        saveFromIntake: async (...args) => {
          if (++saves === 1) throw new Error('simulated DynamoDB throttling');
          return deps.claims.saveFromIntake(...args);
        },
      },
    };
    await expect(post(key, crashing)).rejects.toThrow('simulated DynamoDB throttling');
    expect((await adapters.claims.get(T, 'P-950'))?.status).toBe('paid');
    expect(await adapters.claims.get(T, 'P-950-S')).toBeUndefined();

    expect(await post(key)).toMatchObject({ posted: 0, alreadyPosted: 1, secondaryClaims: 1 });
    expect(await post(key)).toMatchObject({ alreadyPosted: 1, secondaryClaims: 0 });

    const primary = (await adapters.claims.get(T, 'P-950'))!;
    const secondary = (await adapters.claims.get(T, 'P-950-S'))!;
    expect(primary.secondaryClaimId).toBe('P-950-S');
    expect((await adapters.claims.events(T, 'P-950')).at(-1)).toMatchObject({ type: 'secondary-created', from: 'paid', to: 'paid', cause: 'P-950-S' });
    expect(secondary).toMatchObject({ status: 'ready', primaryClaimId: 'P-950', receiverId: 'clearinghouse' });
    expect(secondary.claim.payer).toMatchObject({ payerId: 'SEC01', responsibility: 'S' });
    const [prior] = secondary.claim.otherCoverages ?? [];
    expect(prior).toMatchObject({ responsibility: 'P', payer: { payerId: 'EXHP1', claimControlNumber: 'ICN-P-950' }, adjudication: { paid: '100.00' } });
    expect(secondary.claim.serviceLines.map((l) => l.adjudications?.map((a) => `${a.payerId}:${a.paid}`))).toEqual([['EXHP1:85.00'], ['EXHP1:15.00']]);
  });

  it('builds nothing after a crossover, and flags a secondary claim whose primary payment was reversed', async () => {
    await submittedClaim('P-951', 'accepted', coverage);
    await post(await deliver('crossover-951', [remittance('TRC-951', [{ ...paidClaim('P-951'), statusCode: '19', crossoverCarrier: { name: 'SECOND PLAN', identifier: { qualifier: 'PI', value: 'SEC01' } } }])]));
    expect((await adapters.claims.get(T, 'P-951'))?.status).toBe('forwarded');
    expect(await adapters.claims.get(T, 'P-951-S')).toBeUndefined();

    const reversal: ClpInput = {
      ...paidClaim('P-950'),
      statusCode: '22',
      charge: '-140.50',
      paid: '-100.00',
      patientResponsibility: '-20.00',
      serviceLines: [
        svc('99213', '-125.00', '-85.00', [{ group: 'CO', reason: '45', amount: '-20.00' }, { group: 'PR', reason: '3', amount: '-20.00' }], { lineControlNumber: 'L1' }),
        svc('36415', '-15.50', '-15.00', [{ group: 'CO', reason: '45', amount: '-0.50' }]),
      ],
    };
    const key = await deliver('reversal-950', [remittance('TRC-952', [reversal])]);
    expect(await post(key)).toMatchObject({ posted: 1 });
    expect((await adapters.claims.get(T, 'P-950'))?.status).toBe('reversed');
    const [flag] = (await exceptionsOf(key)).filter((e) => e.kind === 'secondary-claim');
    expect(flag?.detail).toMatchObject({ claimId: 'P-950', secondaryClaimId: 'P-950-S' });
    expect((await adapters.claims.get(T, 'P-950-S'))?.status).toBe('ready');
  });
});
