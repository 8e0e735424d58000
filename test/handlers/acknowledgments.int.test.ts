/**
 * The 999 and 277CA handlers against DynamoDB Local and fauxqs, driven as
 * AWS drives them: the acknowledgment lands under the tenant's inbound 999/
 * or 277ca/ prefix, S3 notifies the queue, the poller hands SQS batches to
 * the handler. Claims come in through intake and go out through build-batch;
 * the acknowledgments come from the payer sandbox or are written here with
 * the core writers (write999, write277CA) to say exactly what a test needs.
 */
import { PutObjectCommand } from '@aws-sdk/client-s3';
import type { SQSEvent } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAdapters, type Adapters } from '../../lambdas/adapters/index.js';
import type { AppDeps } from '../../lambdas/app/deps.js';
import type { BatchRecord, Finding } from '../../lambdas/core/ports.js';
import { TenantConfig } from '../../lambdas/core/tenant/config.js';
import { layout } from '../../lambdas/core/tenant/layout.js';
import type { Ack277CAInput, ClaimAck, ClaimStatus } from '../../lambdas/core/x12/277ca/model.js';
import { write277CA } from '../../lambdas/core/x12/277ca/write-277ca.js';
import { withGroupStatus } from '../../lambdas/core/x12/999/build-ack.js';
import type { FunctionalGroupAck, TransactionSetAck } from '../../lambdas/core/x12/999/model.js';
import { write999, type AckWriteOptions } from '../../lambdas/core/x12/999/write-999.js';
import { readX12 } from '../../lambdas/core/x12/reader.js';
import { acknowledgment277caHandler } from '../../lambdas/handlers/acknowledgment-277ca.js';
import { acknowledgment999Handler } from '../../lambdas/handlers/acknowledgment-999.js';
import { buildBatchHandler } from '../../lambdas/handlers/build-batch.js';
import { intakeHandler } from '../../lambdas/handlers/intake.js';
import { acknowledgeOutbound837s, answerOutbound837s } from '../../bin/local/payer-sandbox/respond.js';
import { runQueue } from '../../bin/local/poller.js';
import { createLocalResources, type LocalResources } from '../../bin/local/resources.js';
import { invokeScheduled } from '../../bin/local/scheduler.js';
import type { QueueName } from '../../lib/definitions.js';
import { sampleClaimInput } from '../fixtures/claims.js';
import { useLocalStack } from '../support/local-stack.js';

process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';

/** What the acknowledgments added to a claim (intake's scrubber warnings, e.g. "not verified" code sets, stay beside them). */
const ackFindings = (record: { findings: Finding[] } | undefined) => record?.findings.filter((f) => /^(999|277CA)-/.test(f.ruleId)) ?? [];

const TENANT = 'acme-billing';
const OTHER = 'bayside-rcm';
const RECEIVER = { id: 'clearinghouse', isaQualifier: 'ZZ', isaId: 'SBXCH' } as const;

const tenantConfig = (tenantId: string) =>
  TenantConfig.parse({
    tenantId,
    name: `${tenantId} billing`,
    schedule: { expression: 'cron(0 18 ? * MON-FRI *)', timezone: 'America/Chicago' },
    submitter: { name: 'ACME BILLING', identifier: 'ACME01', contactName: 'EDI DESK', phone: '5555550100' },
    interchange: { senderQualifier: 'ZZ', senderId: tenantId.replace(/[^a-z]/g, '').slice(0, 8).toUpperCase(), gsSenderCode: 'ACME01', usage: 'T' },
    receivers: [
      { id: RECEIVER.id, name: 'SANDBOX CLEARINGHOUSE', identifier: 'SBXCH', isaQualifier: RECEIVER.isaQualifier, isaId: RECEIVER.isaId, gsReceiverCode: 'SBXCH', default: true },
    ],
  });

const stack = useLocalStack();
let resources: LocalResources;
let adapters: Adapters;
let deps: AppDeps;

beforeAll(async () => {
  resources = await createLocalResources(stack.services, [TENANT, OTHER]);
  adapters = createAdapters(resources.env);
  deps = { ...adapters, clock: () => new Date(), log: { info: () => undefined, warn: () => undefined } };
  await adapters.tenants.put(tenantConfig(TENANT));
  await adapters.tenants.put(tenantConfig(OTHER));
});

const upload = (key: string, body: string) =>
  stack.clients.s3.send(new PutObjectCommand({ Bucket: resources.buckets.data, Key: key, Body: body }));

const drain = (queue: QueueName, handler: (e: SQSEvent, c: never) => unknown) =>
  runQueue(resources.queues[queue].url, handler as never, { sqs: stack.clients.sqs, region: stack.services.region, timeoutMs: 30_000 });

const drainAcks = async () => {
  const a = await drain('ack999', acknowledgment999Handler(() => deps));
  const b = await drain('ack277ca', acknowledgment277caHandler(() => deps));
  return { failed: a.failed + b.failed };
};

/** Claims through intake and build-batch: the stored batch they went out in. */
async function sendBatch(name: string, claimIds: string[], tenantId = TENANT): Promise<BatchRecord> {
  const claims = claimIds.map((claimId) => {
    const { tenantId: _t, ...claim } = sampleClaimInput({ claimId });
    return claim;
  });
  await upload(`${layout.inboundEncounters(tenantId)}${name}.json`, JSON.stringify({ claims }));
  expect((await drain('intake', intakeHandler(() => deps))).failed).toBe(0);
  const result = await invokeScheduled(buildBatchHandler(() => deps), tenantId);
  expect(result.batches).toHaveLength(1);
  const batch = await adapters.batches.get(tenantId, result.batches[0]!.batchId);
  for (const id of claimIds) expect((await adapters.claims.get(tenantId, id))?.status).toBe('submitted');
  return batch!;
}

/** GS06, ST02 and the IK302 position (ST = 1) of the claim's CLM in the batch's 837. */
async function clmOf(batch: BatchRecord, claimId: string) {
  const parsed = readX12((await adapters.objects.get(batch.fileKey)).body);
  for (const group of parsed.interchanges.flatMap((i) => i.groups)) {
    for (const tx of group.transactions) {
      const clm = tx.segments.find((s) => s.id === 'CLM' && s.elements[1] === claimId);
      if (clm) return { gs06: group.controlNumber, st02: tx.controlNumber, position: clm.position - tx.st.position + 1 };
    }
  }
  throw new Error(`claim ${claimId} is not in the batch file`);
}

const envelope = (tenantId: string, controlNumber: number): AckWriteOptions => ({
  senderQualifier: RECEIVER.isaQualifier,
  senderId: RECEIVER.isaId,
  receiverQualifier: 'ZZ',
  receiverId: tenantConfig(tenantId).interchange.senderId,
  controlNumber,
  createdAt: new Date('2026-11-20T12:00:00Z'),
});

const txAck = (st02: string, status: TransactionSetAck['status'], segmentErrors: TransactionSetAck['segmentErrors'] = [], errorCodes: string[] = []): TransactionSetAck => ({
  transactionType: '837',
  controlNumber: st02,
  version: '005010X222A1',
  status,
  errorCodes,
  segmentErrors,
});

const groupAck = (gs06: string, transactions: TransactionSetAck[]): FunctionalGroupAck =>
  withGroupStatus({ functionalId: 'HC', groupControlNumber: gs06, version: '005010X222A1', counts: {}, groupErrors: [], transactions });

const clmElementError = (position: number) => ({
  segmentId: 'CLM',
  position,
  loopId: '2300',
  errorCode: '8',
  contexts: [],
  elementErrors: [{ position: { element: 5, component: 1 }, elementRef: '1331', errorCode: '7', contexts: [] }],
});

describe('sandbox 999 + 277CA for a batch', () => {
  let batch: BatchRecord;

  it('accepts the batch, accepts the good claims with the payer claim id and rejects the defective one with line detail', async () => {
    batch = await sendBatch('visit-a', ['PCN-A1', 'PCN-A2', 'PCN-A9']);
    const [answer] = await acknowledgeOutbound837s(adapters.objects, tenantConfig(TENANT), new Date('2026-11-20T12:00:00Z'));
    expect(answer).toMatchObject({ rejectedSets: 0, accepted: 2, rejected: 1 });
    expect((await drainAcks()).failed).toBe(0);

    const stored = await adapters.batches.get(TENANT, batch.batchId);
    expect(stored?.acknowledgment?.status).toBe('accepted');
    expect(await adapters.batches.acknowledgmentEvents(TENANT, batch.batchId)).toHaveLength(stored!.acknowledgment!.groups.length);

    for (const id of ['PCN-A1', 'PCN-A2']) {
      const record = await adapters.claims.get(TENANT, id);
      expect(record?.status).toBe('accepted');
      expect(record?.payerClaimId).toMatch(/^SBX[0-9A-F]{12}$/);
      const events = await adapters.claims.events(TENANT, id);
      expect(events.at(-1)).toMatchObject({ type: 'acknowledgment-posted', from: 'submitted', to: 'accepted' });
    }
    const rejected = await adapters.claims.get(TENANT, 'PCN-A9');
    expect(rejected?.status).toBe('rejected');
    expect(ackFindings(rejected).map((f) => [f.ruleId, f.line])).toEqual([
      ['277CA-A7-21', undefined],
      ['277CA-A7-21', 1],
    ]);
    expect(ackFindings(rejected)[0]?.message).toContain('entity IL (subscriber)');
    expect(JSON.stringify(rejected?.findings)).not.toContain('Testperson');
  });

  it('sends the 835 only for the claims the 277CA accepted', async () => {
    const [answer] = await answerOutbound837s(adapters.objects, tenantConfig(TENANT), new Date('2026-11-20T12:00:00Z'));
    expect(answer?.claims).toBe(2);
  });

  it('posts a redelivered 999 and 277CA nothing twice', async () => {
    const versions = await Promise.all(['PCN-A1', 'PCN-A2', 'PCN-A9'].map(async (id) => (await adapters.claims.get(TENANT, id))?.version));
    const events = (await adapters.batches.acknowledgmentEvents(TENANT, batch.batchId)).length;
    for (const prefix of [layout.inbound999(TENANT), layout.inbound277ca(TENANT)]) {
      for (const key of await adapters.objects.list(prefix)) {
        await upload(`${key}.resend`, (await adapters.objects.get(key)).body.toString('utf8'));
      }
    }
    expect((await drainAcks()).failed).toBe(0);
    const after = await Promise.all(['PCN-A1', 'PCN-A2', 'PCN-A9'].map(async (id) => (await adapters.claims.get(TENANT, id))?.version));
    expect(after).toEqual(versions);
    expect(await adapters.batches.acknowledgmentEvents(TENANT, batch.batchId)).toHaveLength(events);
    const acks = await adapters.acknowledgments.list(TENANT);
    expect(acks.filter((a) => a.kind === '277ca').every((a) => a.alreadyPosted === 0 || a.alreadyPosted === 3)).toBe(true);
    expect(acks.some((a) => a.kind === '277ca' && a.alreadyPosted === 3)).toBe(true);
  });
});

describe('999 answers written by the receiver', () => {
  it('a rejected transaction set rejects all its claims; the IK3 inside one claim is that claim\'s finding', async () => {
    const batch = await sendBatch('visit-r', ['PCN-R1', 'PCN-R2']);
    const r2 = await clmOf(batch, 'PCN-R2');
    const ack = groupAck(r2.gs06, [txAck(r2.st02, 'rejected', [clmElementError(r2.position)], ['5'])]);
    await upload(`${layout.inbound999(TENANT)}reject.999`, write999([ack], envelope(TENANT, 501)));
    expect((await drainAcks()).failed).toBe(0);

    const one = await adapters.claims.get(TENANT, 'PCN-R1');
    const two = await adapters.claims.get(TENANT, 'PCN-R2');
    expect(one?.status).toBe('rejected');
    expect(two?.status).toBe('rejected');
    expect(ackFindings(one).map((f) => f.ruleId)).toEqual(['999-IK502-5']);
    expect(ackFindings(two).map((f) => f.ruleId)).toEqual(['999-IK304-8', '999-IK403-7', '999-IK502-5']);
    expect(ackFindings(two)[1]?.message).toContain(`CLM at position ${r2.position} (loop 2300)`);

    const stored = await adapters.batches.get(TENANT, batch.batchId);
    expect(stored?.acknowledgment?.status).toBe('rejected');
    const tx = stored?.acknowledgment?.groups[0]?.transactions.find((t) => t.controlNumber === r2.st02);
    expect(tx?.status).toBe('rejected');
    expect(tx?.errors.filter((e) => e.level === 'segment')).toEqual([expect.objectContaining({ segmentId: 'CLM', segmentPosition: r2.position, claimIds: ['PCN-R2'] })]);
    const [event] = (await adapters.claims.events(TENANT, 'PCN-R2')).slice(-1);
    expect(event).toMatchObject({ type: 'acknowledgment-posted', from: 'submitted', to: 'rejected', detail: expect.objectContaining({ kind: '999', batchId: batch.batchId }) });
  });

  it('accepted with errors: the claim holding the error keeps its status and gets a finding, the others are untouched', async () => {
    const batch = await sendBatch('visit-e', ['PCN-E1', 'PCN-E2']);
    const e1 = await clmOf(batch, 'PCN-E1');
    const untouched = (await adapters.claims.get(TENANT, 'PCN-E2'))!.version;
    const ack = groupAck(e1.gs06, [txAck(e1.st02, 'accepted_with_errors', [clmElementError(e1.position)])]);
    await upload(`${layout.inbound999(TENANT)}noted.999`, write999([ack], envelope(TENANT, 502)));
    expect((await drainAcks()).failed).toBe(0);

    const noted = await adapters.claims.get(TENANT, 'PCN-E1');
    expect(noted?.status).toBe('submitted');
    expect(ackFindings(noted).map((f) => [f.ruleId, f.severity])).toEqual([
      ['999-IK304-8', 'warning'],
      ['999-IK403-7', 'warning'],
    ]);
    expect((await adapters.claims.events(TENANT, 'PCN-E1')).at(-1)).toMatchObject({ type: 'acknowledgment-posted', from: 'submitted', to: 'submitted' });
    expect((await adapters.claims.get(TENANT, 'PCN-E2'))?.version).toBe(untouched);
    expect((await adapters.batches.get(TENANT, batch.batchId))?.acknowledgment?.status).toBe('accepted_with_errors');
  });

  it('records a 999 for no batch of ours and a garbled 999 as exceptions naming file and position', async () => {
    await upload(`${layout.inbound999(TENANT)}stranger.999`, write999([groupAck('777777', [txAck('0001', 'accepted')])], envelope(TENANT, 503)));
    await upload(`${layout.inbound999(TENANT)}garbage.999`, 'ISA*00*not really');
    expect((await drainAcks()).failed).toBe(0);
    const exceptions = await adapters.exceptions.list(TENANT);
    expect(exceptions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'ack-unmatched', file: `${layout.inbound999(TENANT)}stranger.999`, position: expect.stringMatching(/^segment \d+$/) }),
        expect.objectContaining({ kind: 'x12-parse', file: `${layout.inbound999(TENANT)}garbage.999` }),
      ]),
    );
  });
});

describe('277CA answers written by the payer', () => {
  const stc = (category: string, status: string, action: 'WQ' | 'U', amount?: string, entity?: string): ClaimStatus => ({
    category,
    status,
    ...(entity ? { entity } : {}),
    effectiveDate: '2026-11-20',
    action,
    ...(amount ? { amount } : {}),
    additional: [],
  });
  const claimAck = (pcn: string, statuses: ClaimStatus[], extra: Partial<ClaimAck> = {}): ClaimAck => ({
    patientControlNumber: pcn,
    patient: { entityCode: 'QC', entityType: '1', lastOrOrganization: 'TESTPERSON', first: 'ALEX', idQualifier: 'MI', id: 'XYZ123456789' },
    statuses,
    disposition: 'pending',
    serviceDates: { from: '2026-03-02' },
    lines: [],
    ...extra,
  });
  const model = (providers: Array<{ statuses: ClaimStatus[]; claims: ClaimAck[] }>): Ack277CAInput => ({
    controlNumber: '0001',
    referenceId: 'PAYER-REF',
    transactionDate: '2026-11-20',
    transactionTime: '1200',
    sources: [
      {
        name: { entityCode: 'PR', entityType: '2', lastOrOrganization: 'EXAMPLE HEALTH PLAN', idQualifier: 'PI', id: 'EXHP1' },
        traceNumber: 'T-1',
        statuses: [],
        disposition: 'pending',
        receivedDate: '2026-11-20',
        processDate: '2026-11-20',
        receivers: [
          {
            name: { entityCode: '41', entityType: '2', lastOrOrganization: 'ACME BILLING', idQualifier: '46', id: 'ACME01' },
            traceNumber: 'BATCH',
            statuses: [stc('A1', '19', 'WQ', '281.00', 'PR')],
            disposition: 'pending',
            totals: {},
            providers: providers.map((p) => ({
              name: { entityCode: '85', entityType: '2', lastOrOrganization: 'SAMPLE FAMILY PRACTICE', idQualifier: 'XX', id: '1234567893' },
              traceNumber: '0',
              statuses: p.statuses,
              disposition: 'pending',
              references: [],
              totals: {},
              claims: p.claims,
            })),
          },
        ],
      },
    ],
  });

  it('a rejection at the billing provider level rejects every claim under it; a line is matched by REF*FJ', async () => {
    await sendBatch('visit-p', ['PCN-P1', 'PCN-P2', 'PCN-P3']);
    const line = { lineItemControlNumber: 'L1', procedure: { qualifier: 'HC', code: '99213', modifiers: ['25'] }, charge: '125.00', units: '1', statuses: [stc('A7', '454', 'U')], disposition: 'pending' as const, serviceDates: { from: '2026-03-02' } };
    const text = write277CA(
      [
        model([
          { statuses: [{ ...stc('A3', '85', 'U', '281.00', '85'), effectiveDate: undefined }], claims: [claimAck('PCN-P1', [stc('A1', '20', 'WQ', '140.50')]), claimAck('PCN-P2', [stc('A1', '20', 'WQ', '140.50')])] },
          { statuses: [{ ...stc('A1', '19', 'WQ', '140.50'), effectiveDate: undefined }], claims: [claimAck('PCN-P3', [stc('A7', '21', 'U', '140.50')], { lines: [line] }), claimAck('PCN-NOPE', [stc('A2', '20', 'WQ', '10.00')])] },
        ]),
      ],
      envelope(TENANT, 601),
    );
    await upload(`${layout.inbound277ca(TENANT)}provider.277`, text);
    // The same file under another tenant: not addressed to it, nothing of its claims moves.
    await upload(`${layout.inbound277ca(OTHER)}stray.277`, text);
    expect((await drainAcks()).failed).toBe(0);

    for (const id of ['PCN-P1', 'PCN-P2']) {
      const record = await adapters.claims.get(TENANT, id);
      expect(record?.status).toBe('rejected');
      expect(ackFindings(record)).toEqual([expect.objectContaining({ ruleId: '277CA-A3-85', message: expect.stringContaining('billing provider level') })]);
    }
    const p3 = await adapters.claims.get(TENANT, 'PCN-P3');
    expect(p3?.status).toBe('rejected');
    expect(ackFindings(p3).map((f) => [f.ruleId, f.line, f.path])).toEqual([
      ['277CA-A7-21', undefined, undefined],
      ['277CA-A7-454', 1, 'serviceLines[0]'],
    ]);
    const exceptions = await adapters.exceptions.list(TENANT);
    expect(exceptions).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'ack-unmatched', file: `${layout.inbound277ca(TENANT)}provider.277`, detail: expect.objectContaining({ claimId: 'PCN-NOPE' }) })]));
    expect(await adapters.exceptions.list(OTHER)).toEqual([expect.objectContaining({ kind: 'ack-unmatched', file: `${layout.inbound277ca(OTHER)}stray.277` })]);
    expect(JSON.stringify(exceptions)).not.toContain('TESTPERSON');
  });

  it('a later 277CA cannot accept a rejected claim: an exception, not a move', async () => {
    const before = (await adapters.claims.get(TENANT, 'PCN-P3'))!.version;
    await upload(`${layout.inbound277ca(TENANT)}late.277`, write277CA([model([{ statuses: [{ ...stc('A1', '19', 'WQ', '140.50'), effectiveDate: undefined }], claims: [claimAck('PCN-P3', [stc('A2', '20', 'WQ', '140.50')])] }])], envelope(TENANT, 602)));
    expect((await drainAcks()).failed).toBe(0);
    expect((await adapters.claims.get(TENANT, 'PCN-P3'))?.version).toBe(before);
    expect(await adapters.exceptions.list(TENANT)).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'ack-illegal-transition', file: `${layout.inbound277ca(TENANT)}late.277` })]));
  });

  it('records a garbled 277CA with its position and keeps going', async () => {
    const good = write277CA([model([{ statuses: [{ ...stc('A1', '19', 'WQ', '140.50'), effectiveDate: undefined }], claims: [claimAck('PCN-E2', [stc('A2', '20', 'WQ', '140.50')], { payerClaimId: 'PAYER-E2' })] }])], envelope(TENANT, 603));
    // A claim without its patient control number (2200D TRN02) is unreadable.
    await upload(`${layout.inbound277ca(TENANT)}bad.277`, good.replace('TRN*2*PCN-E2~', 'TRN*2~'));
    await upload(`${layout.inbound277ca(TENANT)}good.277`, good);
    expect((await drainAcks()).failed).toBe(0);
    expect(await adapters.exceptions.list(TENANT)).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'x12-parse', file: `${layout.inbound277ca(TENANT)}bad.277`, position: expect.stringMatching(/^segment \d+$/) })]),
    );
    const e2 = await adapters.claims.get(TENANT, 'PCN-E2');
    expect(e2).toMatchObject({ status: 'accepted', payerClaimId: 'PAYER-E2' });
  });
});

describe('sandbox 999 for a transaction set it cannot read', () => {
  it('rejects the set; the handler rejects both claims and names the faulty claim\'s CLM on that claim only', async () => {
    const batch = await sendBatch('visit-x', ['PCN-X1', 'PCN-X2'], OTHER);
    // Damage the second claim after it was sent: its first line loses its procedure code.
    const text = (await adapters.objects.get(batch.fileKey)).body.toString('utf8');
    const at = text.indexOf('CLM*PCN-X2*');
    const damaged = text.slice(0, at) + text.slice(at).replace(/SV1\*HC:99213/, 'SV1*');
    expect(damaged).not.toBe(text);
    await adapters.objects.put(batch.fileKey, damaged);

    const [answer] = await acknowledgeOutbound837s(adapters.objects, tenantConfig(OTHER), new Date('2026-11-20T12:00:00Z'));
    expect(answer).toMatchObject({ rejectedSets: 1, accepted: 0, rejected: 0 });
    expect(answer?.ack277ca).toBeUndefined();
    expect((await drainAcks()).failed).toBe(0);

    const x2 = await clmOf(batch, 'PCN-X2');
    const one = await adapters.claims.get(OTHER, 'PCN-X1');
    const two = await adapters.claims.get(OTHER, 'PCN-X2');
    expect(one?.status).toBe('rejected');
    expect(two?.status).toBe('rejected');
    expect(ackFindings(one).map((f) => f.ruleId)).toEqual(['999-IK502-5']);
    expect(ackFindings(two).map((f) => f.ruleId)).toEqual(['999-IK304-8', '999-IK502-5']);
    expect(ackFindings(two)[0]?.message).toContain(`CLM at position ${x2.position}`);
    expect((await adapters.batches.get(OTHER, batch.batchId))?.acknowledgment?.status).toBe('rejected');
    // Nothing was accepted, so no 835 either.
    expect(await answerOutbound837s(adapters.objects, tenantConfig(OTHER), new Date('2026-11-20T12:00:00Z'))).toEqual([]);
  });
});
