/**
 * The three Lambda handlers against DynamoDB Local and fauxqs, driven the way
 * AWS drives them: S3 uploads -> notification messages -> SQS batches handed
 * to the handler by the poller; the scheduler's event for build-batch.
 * Covers bad input, partial batch failures, redelivery and retries.
 */
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { GetQueueAttributesCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import type { SQSEvent } from 'aws-lambda';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAdapters, type Adapters } from '../../lambdas/adapters/index.js';
import type { AppDeps } from '../../lambdas/app/deps.js';
import { TenantConfig } from '../../lambdas/core/tenant/config.js';
import { layout } from '../../lambdas/core/tenant/layout.js';
import { readX12 } from '../../lambdas/core/x12/reader.js';
import { Claim } from '../../lambdas/core/claim/model.js';
import { write837P } from '../../lambdas/core/x12/837/write-837p.js';
import { buildBatchHandler } from '../../lambdas/handlers/build-batch.js';
import { intakeHandler } from '../../lambdas/handlers/intake.js';
import { remittanceHandler } from '../../lambdas/handlers/remittance.js';
import { contextFor } from '../../bin/local/lambda-context.js';
import { answerOutbound837s } from '../../bin/local/payer-sandbox/respond.js';
import { runQueue } from '../../bin/local/poller.js';
import { createLocalResources, type LocalResources } from '../../bin/local/resources.js';
import { invokeScheduled } from '../../bin/local/scheduler.js';
import { FUNCTIONS } from '../../lib/definitions.js';
import { sampleClaimInput } from '../fixtures/claims.js';
import { useLocalStack } from '../support/local-stack.js';

process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';

const TENANT = 'acme-billing';
const OTHER = 'bayside-rcm';
/** Takes practice systems' 837 files; its own tenant, so its claims stay out of the batch tests. */
const PRACTICE = 'practice-rcm';

const tenantConfig = (tenantId: string) =>
  TenantConfig.parse({
    tenantId,
    name: `${tenantId} billing`,
    schedule: { expression: 'cron(0 18 ? * MON-FRI *)', timezone: 'America/Chicago' },
    submitter: { name: 'ACME BILLING', identifier: 'ACME01', contactName: 'EDI DESK', phone: '5555550100' },
    interchange: { senderQualifier: 'ZZ', senderId: tenantId.replace(/[^a-z]/g, '').slice(0, 8).toUpperCase(), gsSenderCode: 'ACME01', usage: 'T' },
    receivers: [
      { id: 'clearinghouse', name: 'SANDBOX CLEARINGHOUSE', identifier: 'SBXCH', isaQualifier: 'ZZ', isaId: 'SBXCH', gsReceiverCode: 'SBXCH', default: true },
    ],
  });

const stack = useLocalStack();
let resources: LocalResources;
let adapters: Adapters;
let deps: AppDeps;
let s3: S3Client;

beforeAll(async () => {
  resources = await createLocalResources(stack.services, [TENANT, OTHER, PRACTICE, 'ghost-clinic']);
  adapters = createAdapters(resources.env);
  deps = { ...adapters, clock: () => new Date(), log: { info: () => undefined, warn: () => undefined } };
  await adapters.tenants.put(tenantConfig(TENANT));
  await adapters.tenants.put(tenantConfig(OTHER));
  // The practice tenant's superbills name the claim id column their own way (TenantConfig.csvMapping).
  await adapters.tenants.put(TenantConfig.parse({ ...tenantConfig(PRACTICE), csvMapping: { 'Encounter #': 'claim_id' } }));
  s3 = stack.clients.s3;
});

const upload = (key: string, body: string) =>
  s3.send(new PutObjectCommand({ Bucket: resources.buckets.data, Key: key, Body: body }));

const drain = (queue: 'intake' | 'remittance', handler: (e: SQSEvent, c: never) => unknown) =>
  runQueue(resources.queues[queue].url, handler as never, { sqs: stack.clients.sqs, region: stack.services.region, timeoutMs: 30_000 });

const encounter = (claimId: string, extra: Record<string, unknown> = {}) => {
  const { tenantId: _t, ...claim } = sampleClaimInput({ claimId });
  return JSON.stringify({ ...claim, ...extra });
};

describe('intake handler', () => {
  it('stores good claims as ready and records a bad claim as an exception, without failing the batch', async () => {
    await upload(`${layout.inboundEncounters(TENANT)}visit-1.json`, JSON.stringify({ claims: [JSON.parse(encounter('PCN-A1')), JSON.parse(encounter('PCN-A2', { placeOfService: 11 }))] }));
    await upload(`${layout.inboundEncounters(TENANT)}broken.json`, '{ "claimId": ');
    const result = await drain('intake', intakeHandler(() => deps));
    expect(result.failed).toBe(0);
    expect((await adapters.claims.get(TENANT, 'PCN-A1'))?.status).toBe('ready');
    expect(await adapters.claims.get(TENANT, 'PCN-A2')).toBeUndefined();
    const exceptions = await adapters.exceptions.list(TENANT);
    expect(exceptions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'invalid-encounter', file: `${layout.inboundEncounters(TENANT)}visit-1.json`, position: 'claims[1].placeOfService' }),
        expect.objectContaining({ kind: 'invalid-encounter', file: `${layout.inboundEncounters(TENANT)}broken.json`, position: expect.stringMatching(/^line 1, column \d+|end of file$/) }),
      ]),
    );
  });

  it('takes a practice system 837P: good claims stored, a defective claim refused with its position, the others unharmed', async () => {
    const claims = ['PRX-1', 'PRX-2', 'PRX-3', 'PRX-4'].map((claimId) => Claim.parse(sampleClaimInput({ claimId, tenantId: 'practice-ehr' })));
    const practice = tenantConfig('practice-ehr');
    const written = write837P({ claims, tenant: practice, receiver: practice.receivers[0]!, controlNumber: 42, createdAt: new Date(Date.UTC(2026, 3, 1)) });
    const segments = written.split('~');
    const clmIndex = (claimId: string) => segments.findIndex((s) => s.startsWith(`CLM*${claimId}*`));
    // PRX-2: its first line's charge is not an amount (a defect of the practice system's file).
    const sv1 = segments.findIndex((s, i) => i > clmIndex('PRX-2') && s.startsWith('SV1*'));
    segments[sv1] = segments[sv1]!.replace(/^(SV1\*[^*]*\*)[^*]*/, '$1ABC');
    // PRX-3: CLM02 is not the sum of its lines: a valid claim the scrubber rejects.
    segments[clmIndex('PRX-3')] = segments[clmIndex('PRX-3')]!.replace(/^(CLM\*PRX-3\*)[^*]*/, '$19999');
    const key = `${layout.inboundEncounters(PRACTICE)}practice/batch-0401.837`;
    await upload(key, `\uFEFF\r\n${segments.join('~')}`);
    const result = await drain('intake', intakeHandler(() => deps));
    expect(result.failed).toBe(0);

    for (const claimId of ['PRX-1', 'PRX-4']) {
      const record = await adapters.claims.get(PRACTICE, claimId);
      expect(record?.status, claimId).toBe('ready');
      expect(record?.source).toMatchObject({ file: key, format: 'x12-837', position: clmIndex(claimId) + 1 });
      expect(record?.claim.serviceLines).toHaveLength(claims[0]!.serviceLines.length);
    }
    expect(await adapters.claims.get(PRACTICE, 'PRX-2')).toBeUndefined();
    const rejected = await adapters.claims.get(PRACTICE, 'PRX-3');
    expect(rejected?.status).toBe('rejected');
    expect(rejected?.findings.map((f) => f.ruleId)).toContain('CLAIM-TOTAL-CHARGE');
    expect(rejected?.findings.find((f) => f.ruleId === 'CLAIM-TOTAL-CHARGE')?.message).toContain(`segment ${clmIndex('PRX-3') + 1} (CLM), loop 2300, element CLM02`);

    const exceptions = (await adapters.exceptions.list(PRACTICE)).filter((e) => e.file === key);
    expect(exceptions).toEqual([
      expect.objectContaining({ kind: 'invalid-encounter', position: `segment ${sv1 + 1} (SV1), loop 2400, element SV102`, detail: { claimId: 'PRX-2' } }),
    ]);
    // Messages name places, never values.
    for (const exception of exceptions) expect(exception.message).not.toContain('ABC');
  });

  it('takes a CSV superbill (tenant column mapping) and a FHIR R4 bundle, detected by content; uncoded items are refused', async () => {
    const csv = readFileSync('examples/encounters/acme-billing/superbill-acme-2026-05.csv', 'utf8').replace(/^claim_id,/, 'Encounter #,');
    const csvKey = `${layout.inboundEncounters(PRACTICE)}practice/superbill-0504.txt`;
    const bundle = JSON.parse(readFileSync('examples/encounters/bayside-rcm/fhir-bundle-bay-2026-5001.fhir', 'utf8'));
    const uncoded = structuredClone(bundle.entry[0]);
    uncoded.fullUrl = 'urn:uuid:00000000-0000-4000-8000-000000005002';
    uncoded.resource.identifier[0].value = 'BAY-2026-5002';
    uncoded.resource.item[0].productOrService = { coding: [{ system: 'http://snomed.info/sct', code: '185349003' }] };
    bundle.entry.push(uncoded);
    const fhirKey = `${layout.inboundEncounters(PRACTICE)}practice/bundle-0609.json`;
    await upload(csvKey, csv);
    await upload(fhirKey, JSON.stringify(bundle));
    const result = await drain('intake', intakeHandler(() => deps));
    expect(result.failed).toBe(0);

    for (const [claimId, position] of [['ACME-26-0401', 0], ['ACME-26-0402', 1]] as const) {
      const record = await adapters.claims.get(PRACTICE, claimId);
      expect(record?.status, claimId).toBe('ready');
      expect(record?.source).toMatchObject({ file: csvKey, format: 'csv-superbill', position });
      expect(record?.claim.serviceLines).toHaveLength(2);
    }
    const fhir = await adapters.claims.get(PRACTICE, 'BAY-2026-5001');
    expect(fhir?.status).toBe('ready');
    expect(fhir?.source).toMatchObject({ file: fhirKey, format: 'fhir-r4', position: 0 });
    expect(fhir?.claim.diagnoses.map((d) => d.code)).toEqual(['I4891', 'I10']);
    expect(await adapters.claims.get(PRACTICE, 'BAY-2026-5002')).toBeUndefined();
    const exceptions = (await adapters.exceptions.list(PRACTICE)).filter((e) => e.file === fhirKey || e.file === csvKey);
    expect(exceptions).toEqual([
      expect.objectContaining({
        kind: 'invalid-encounter',
        file: fhirKey,
        position: `Bundle.entry[${bundle.entry.length - 1}].resource.item[0].productOrService`,
        message: expect.stringMatching(/^needs coding/),
        detail: { claimId: 'BAY-2026-5002' },
      }),
    ]);
  });

  it('takes an HL7 v2 DFT^P03 batch (billing provider from the tenant config); other HL7 message types are refused', async () => {
    const tenant = TenantConfig.parse(JSON.parse(readFileSync('examples/tenants/acme-billing.json', 'utf8')));
    const current = await adapters.tenants.get(PRACTICE);
    await adapters.tenants.put(TenantConfig.parse({ ...current, defaultBillingProvider: tenant.defaultBillingProvider }));
    const dft = readFileSync('examples/encounters/acme-billing/dft-lakeside-2026-06.hl7', 'utf8');
    const dftKey = `${layout.inboundEncounters(PRACTICE)}practice/charges-0611.txt`;
    const adtKey = `${layout.inboundEncounters(PRACTICE)}practice/adt-0611.hl7`;
    await upload(dftKey, dft);
    await upload(adtKey, dft.replace(/DFT\^P03/g, 'ADT^A08'));
    const result = await drain('intake', intakeHandler(() => deps));
    expect(result.failed).toBe(0);

    for (const [claimId, position] of [['ACME-26-0601', 0], ['ACME-26-0602', 1]] as const) {
      const record = await adapters.claims.get(PRACTICE, claimId);
      expect(record?.status, claimId).toBe('ready');
      expect(record?.source).toMatchObject({ file: dftKey, format: 'hl7v2-dft', position });
      expect(record?.claim.billingProvider.npi).toBe(tenant.defaultBillingProvider?.npi);
    }
    const exceptions = (await adapters.exceptions.list(PRACTICE)).filter((e) => e.file === dftKey || e.file === adtKey);
    expect(exceptions).toEqual(
      ['MSH#1', 'MSH#2'].map((msh) =>
        expect.objectContaining({ kind: 'invalid-encounter', file: adtKey, position: `${msh} segment MSH[1] field 9`, message: 'HL7 v2 message type ADT^A08 is not a charge message (DFT^P03)' }),
      ),
    );
  });

  it('records a file that claims to be X12 but is not readable, naming the file and position', async () => {
    const key = `${layout.inboundEncounters(PRACTICE)}practice/broken.837`;
    await upload(key, 'ISA*00*broken');
    await drain('intake', intakeHandler(() => deps));
    const exceptions = (await adapters.exceptions.list(PRACTICE)).filter((e) => e.file === key);
    expect(exceptions).toEqual([expect.objectContaining({ kind: 'invalid-encounter', position: 'segment 1' })]);
  });

  it('stores a claim failing a required-data check as rejected, with the finding', async () => {
    await upload(`${layout.inboundEncounters(TENANT)}visit-2.json`, encounter('PCN-REJ', { totalCharge: '999.99' }));
    await drain('intake', intakeHandler(() => deps));
    const record = await adapters.claims.get(TENANT, 'PCN-REJ');
    expect(record?.status).toBe('rejected');
    // The only error; the scrubber's "not verified" warnings (no code sets in this bucket) are kept beside it.
    expect(record?.findings.filter((f) => f.severity === 'error').map((f) => f.ruleId)).toEqual(['CLAIM-TOTAL-CHARGE']);
  });

  it('records objects of an unregistered tenant under _system and does not retry them', async () => {
    await upload(`${layout.inboundEncounters('ghost-clinic')}visit.json`, encounter('PCN-G1'));
    const result = await drain('intake', intakeHandler(() => deps));
    expect(result.failed).toBe(0);
    const system = await adapters.exceptions.list('_system');
    expect(system).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'unknown-tenant', file: `${layout.inboundEncounters('ghost-clinic')}visit.json` })]));
    expect(await adapters.claims.get('ghost-clinic', 'PCN-G1')).toBeUndefined();
  });

  it('treats a redelivered notification as a duplicate: one claim, one version', async () => {
    const key = `${layout.inboundEncounters(TENANT)}visit-3.json`;
    await upload(key, encounter('PCN-DUP'));
    const messages: string[] = [];
    // Capture the notification body, then deliver it twice.
    await runQueue(resources.queues.intake.url, async (event: SQSEvent) => {
      messages.push(...event.Records.map((r) => r.body));
      return { batchItemFailures: [] };
    }, { sqs: stack.clients.sqs, region: stack.services.region, timeoutMs: 10_000 });
    expect(messages).toHaveLength(1);
    const handler = intakeHandler(() => deps);
    for (let i = 0; i < 2; i++) {
      await stack.clients.sqs.send(new SendMessageCommand({ QueueUrl: resources.queues.intake.url, MessageBody: messages[0]! }));
    }
    await drain('intake', handler);
    const record = await adapters.claims.get(TENANT, 'PCN-DUP');
    expect(record?.version).toBe(1);
    expect(await adapters.claims.events(TENANT, 'PCN-DUP')).toHaveLength(1);
  });

  it('reports only the failing record of a batch, which is retried and then dead-lettered', async () => {
    // A notification for an object that does not exist: S3 GetObject fails, a transient-looking error.
    const missing = {
      Records: [{ eventName: 'ObjectCreated:Put', s3: { bucket: { name: resources.buckets.data }, object: { key: `${layout.inboundEncounters(TENANT)}gone.json`, eTag: 'x' } } }],
    };
    await stack.clients.sqs.send(new SendMessageCommand({ QueueUrl: resources.queues.intake.url, MessageBody: JSON.stringify(missing) }));
    await upload(`${layout.inboundEncounters(TENANT)}visit-4.json`, encounter('PCN-OK4'));
    const result = await drain('intake', intakeHandler(() => deps));
    expect((await adapters.claims.get(TENANT, 'PCN-OK4'))?.status).toBe('ready');
    expect(result.failed).toBe(resources.queues.intake.definition.maxReceiveCount);
    const dlq = await stack.clients.sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: resources.queues.intake.dlqUrl, AttributeNames: ['ApproximateNumberOfMessages'] }),
    );
    expect(Number(dlq.Attributes?.ApproximateNumberOfMessages)).toBe(1);
  });

  it('acknowledges a message that is not an S3 event, recording it', async () => {
    const handler = intakeHandler(() => deps);
    const answer = await handler(
      { Records: [{ messageId: 'm-1', receiptHandle: 'r', body: 'hello', attributes: {} as never, messageAttributes: {}, md5OfBody: '', eventSource: 'aws:sqs', eventSourceARN: resources.queues.intake.arn, awsRegion: 'us-east-1' }] },
      contextFor(FUNCTIONS.intake),
    );
    expect(answer).toEqual({ batchItemFailures: [] });
    expect(await adapters.exceptions.list('_system')).toEqual(expect.arrayContaining([expect.objectContaining({ file: 'sqs:m-1' })]));
  });
});

describe('build-batch and remittance handlers', () => {
  it('batches ready claims into one 837 per receiver and resumes a failed run with the same control number', async () => {
    // First run: the file write fails after the batch was opened with its number.
    let failWrite = true;
    const flaky: AppDeps = {
      ...deps,
      objects: {
        ...deps.objects,
        get: deps.objects.get.bind(deps.objects),
        list: deps.objects.list.bind(deps.objects),
        put: async (key, body, type) => {
          if (failWrite && key.includes('/outbound/837/')) throw new Error('simulated S3 outage');
          return deps.objects.put(key, body, type);
        },
      },
    };
    await expect(invokeScheduled(buildBatchHandler(() => flaky), TENANT)).rejects.toThrow('simulated S3 outage');
    const open = await adapters.batches.findOpen(TENANT, 'clearinghouse');
    expect(open?.claimIds.sort()).toEqual(['PCN-A1', 'PCN-DUP', 'PCN-OK4']);

    failWrite = false;
    const result = await invokeScheduled(buildBatchHandler(() => flaky), TENANT);
    expect(result.batches).toHaveLength(1);
    expect(result.batches[0]).toMatchObject({ resumed: true, controlNumber: open?.controlNumber, claims: 3 });
    expect(await adapters.batches.findOpen(TENANT, 'clearinghouse')).toBeUndefined();
    for (const id of ['PCN-A1', 'PCN-DUP', 'PCN-OK4']) expect((await adapters.claims.get(TENANT, id))?.status).toBe('submitted');
    expect((await adapters.claims.get(TENANT, 'PCN-REJ'))?.status).toBe('rejected');

    const file = await adapters.objects.get(result.batches[0]!.fileKey);
    const interchange = readX12(file.body).interchanges[0]!;
    expect(Number(interchange.controlNumber)).toBe(open?.controlNumber);
    // The next run allocates the next number, and finds nothing to send.
    expect((await invokeScheduled(buildBatchHandler(() => deps), TENANT)).batches).toEqual([]);
  });

  it('posts the sandbox 835 once, even when delivered twice, and keeps tenants apart', async () => {
    const [answer] = await answerOutbound837s(adapters.objects, tenantConfig(TENANT), new Date('2026-11-20T12:00:00Z'));
    expect(answer?.claims).toBe(3);
    await drain('remittance', remittanceHandler(() => deps));
    const statuses = await Promise.all(['PCN-A1', 'PCN-DUP', 'PCN-OK4'].map(async (id) => (await adapters.claims.get(TENANT, id))?.status));
    for (const status of statuses) expect(['paid', 'partially_paid', 'denied']).toContain(status);
    const versions = await Promise.all(['PCN-A1', 'PCN-DUP', 'PCN-OK4'].map(async (id) => (await adapters.claims.get(TENANT, id))?.version));

    // The same 835 again (a clearinghouse resend): nothing changes.
    const body = (await adapters.objects.get(answer!.response)).body;
    await upload(answer!.response.replace('.835', '-resend.835'), body.toString('utf8'));
    // And the same 835 under the other tenant: its claims are not that tenant's.
    await upload(`${layout.inbound835(OTHER)}stray.835`, body.toString('utf8'));
    const result = await drain('remittance', remittanceHandler(() => deps));
    expect(result.failed).toBe(0);
    const after = await Promise.all(['PCN-A1', 'PCN-DUP', 'PCN-OK4'].map(async (id) => (await adapters.claims.get(TENANT, id))?.version));
    expect(after).toEqual(versions);
    const otherExceptions = await adapters.exceptions.list(OTHER);
    expect(otherExceptions.filter((e) => e.kind === 'remittance-unmatched')).toHaveLength(3);
    expect(JSON.stringify(otherExceptions)).not.toContain('Testperson');
  });

  it('records an unparseable 835 with its segment position', async () => {
    await upload(`${layout.inbound835(TENANT)}garbage.835`, 'this is not X12');
    await drain('remittance', remittanceHandler(() => deps));
    const exceptions = await adapters.exceptions.list(TENANT);
    expect(exceptions).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'x12-parse', file: `${layout.inbound835(TENANT)}garbage.835` })]));
  });
});
