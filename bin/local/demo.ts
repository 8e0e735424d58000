/**
 * `claimflow demo` / `npm run demo`: the whole loop on the local stack with
 * the sample data in examples/: intake -> batch -> payer sandbox 999 and
 * 277CA -> acknowledgment posting -> payer sandbox 835 (for the accepted
 * claims) -> remittance posting, then a summary per tenant. The Lambda handlers run
 * as they would in AWS (SQS events from S3 notifications, partial batch
 * responses, the scheduler's event), against DynamoDB Local and fauxqs.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { createAdapters, type Adapters } from '../../lambdas/adapters/index.js';
import type { AppDeps } from '../../lambdas/app/deps.js';
import { TenantConfig } from '../../lambdas/core/tenant/config.js';
import { layout } from '../../lambdas/core/tenant/layout.js';
import { localClients } from './clients.js';
import { uploadCodeSets } from './codesets.js';
import { acknowledgeOutbound837s, adjustAnswered837s, answerOutbound837s } from './payer-sandbox/respond.js';
import { runQueue } from './poller.js';
import { createLocalResources } from './resources.js';
import { invokeScheduled } from './scheduler.js';
import { startLocalServices } from './services.js';
import { formatSummary, tenantSummary, type TenantSummary } from './summary.js';

const DEMO_STEPS = 10;

export interface DemoOptions {
  examplesDir: string;
  outDir: string;
  print?: (line: string) => void;
}

export interface DemoReport {
  tenants: TenantSummary[];
  files: { x837: string[]; x999: string[]; x277ca: string[]; x835: string[] };
  durationMs: number;
}

export async function runDemo(options: DemoOptions): Promise<DemoReport> {
  const print = options.print ?? (() => undefined);
  const started = Date.now();
  const step = (n: number, text: string) => print(`[${n}/${DEMO_STEPS}] ${text} (${((Date.now() - started) / 1000).toFixed(1)}s)`);
  // The handlers' Powertools logger would print a JSON line per record; the demo prints its own summary.
  process.env.POWERTOOLS_LOG_LEVEL ??= 'SILENT';
  const { intakeHandler } = await import('../../lambdas/handlers/intake.js');
  const { remittanceHandler } = await import('../../lambdas/handlers/remittance.js');
  const { buildBatchHandler } = await import('../../lambdas/handlers/build-batch.js');
  const { acknowledgment999Handler } = await import('../../lambdas/handlers/acknowledgment-999.js');
  const { acknowledgment277caHandler } = await import('../../lambdas/handlers/acknowledgment-277ca.js');

  const tenants = await loadTenants(join(options.examplesDir, 'tenants'));
  step(1, 'starting DynamoDB Local and fauxqs (S3 + SQS) on free ports');
  const services = await startLocalServices();
  const clients = localClients(services);
  try {
    step(2, `creating the table, buckets and queues for ${tenants.length} tenants from lib/definitions.ts`);
    const resources = await createLocalResources(
      services,
      tenants.map((t) => t.tenantId),
    );
    const adapters: Adapters = createAdapters(resources.env);
    const deps: AppDeps = { ...adapters, clock: () => new Date(), log: { info: () => undefined, warn: () => undefined } };
    for (const tenant of tenants) await adapters.tenants.put(tenant);

    // The intake Lambda loads code sets from the bucket at cold start: the demo's are the fixture.
    const codeSetFiles = await uploadCodeSets(clients.s3, resources.buckets.data);
    const uploads = await uploadEncounters(clients.s3, resources.buckets.data, options.examplesDir, tenants);
    step(3, `uploaded ${codeSetFiles} code-set artifacts (codesets/fixture) and ${uploads} encounter files; intake Lambda draining its queue`);
    const intake = intakeHandler(() => deps);
    await runQueue(resources.queues.intake.url, intake, { sqs: clients.sqs, region: services.region, timeoutMs: 60_000 });

    step(4, 'scheduler invoking build-batch for each tenant');
    const buildBatch = buildBatchHandler(() => deps);
    for (const tenant of tenants) {
      const result = await invokeScheduled(buildBatch, tenant.tenantId, { region: services.region });
      for (const b of result.batches) print(`      ${tenant.tenantId}: ${b.claims} claims -> ${b.fileKey} (ISA13 ${b.controlNumber})`);
    }

    step(5, 'payer sandbox acknowledging each 837 with a 999 and a 277CA');
    for (const tenant of tenants) {
      for (const a of await acknowledgeOutbound837s(adapters.objects, tenant, new Date())) {
        print(`      ${tenant.tenantId}: 999 (${a.rejectedSets === 0 ? 'all sets accepted' : `${a.rejectedSets} sets rejected`}), 277CA ${a.accepted} accepted, ${a.rejected} rejected`);
      }
    }

    step(6, 'acknowledgment Lambdas (999, 277CA) draining their queues');
    const poll = { sqs: clients.sqs, region: services.region, timeoutMs: 60_000 };
    // The 999 first, as a clearinghouse sends it first; the handlers are correct in either order.
    await runQueue(resources.queues.ack999.url, acknowledgment999Handler(() => deps), poll);
    await runQueue(resources.queues.ack277ca.url, acknowledgment277caHandler(() => deps), poll);

    step(7, 'payer sandbox answering the accepted claims of each 837 with an 835; remittance Lambda posting them');
    for (const tenant of tenants) await answerOutbound837s(adapters.objects, tenant, new Date());
    const remittance = remittanceHandler(() => deps);
    await runQueue(resources.queues.remittance.url, remittance, poll);

    step(8, "payer sandbox's second look (reversal, corrected payment, interest), a redelivered 835 and the examples' problem 835s");
    for (const tenant of tenants) {
      for (const key of await adjustAnswered837s(adapters.objects, tenant, new Date())) print(`      ${tenant.tenantId}: adjustment 835 ${basename(key)}`);
      const redelivered = await redeliverFirst835(adapters, tenant.tenantId);
      if (redelivered) print(`      ${tenant.tenantId}: the same 835 again as ${basename(redelivered)} (must post nothing twice)`);
      for (const key of await uploadExampleRemittances(clients.s3, resources.buckets.data, options.examplesDir, tenant.tenantId)) {
        print(`      ${tenant.tenantId}: example 835 ${basename(key)}`);
      }
    }
    await runQueue(resources.queues.remittance.url, remittance, poll);

    step(9, 'claims for the next payer built from the 835s (secondary, then tertiary): batch, 999/277CA, that payer\'s 835, posting');
    // One round per payer in line: the secondary claims' 835s can call for tertiary claims.
    for (const payer of ['secondary', 'tertiary']) {
      let batched = 0;
      for (const tenant of tenants) {
        const result = await invokeScheduled(buildBatch, tenant.tenantId, { region: services.region });
        for (const b of result.batches) print(`      ${tenant.tenantId}: ${b.claims} ${payer} claims -> ${b.fileKey} (ISA13 ${b.controlNumber})`);
        batched += result.batches.length;
        await acknowledgeOutbound837s(adapters.objects, tenant, new Date());
      }
      if (batched === 0) break;
      await runQueue(resources.queues.ack999.url, acknowledgment999Handler(() => deps), poll);
      await runQueue(resources.queues.ack277ca.url, acknowledgment277caHandler(() => deps), poll);
      for (const tenant of tenants) await answerOutbound837s(adapters.objects, tenant, new Date());
      await runQueue(resources.queues.remittance.url, remittance, poll);
    }

    step(10, `copying the 837, 999, 277CA and 835 files to ${options.outDir}/`);
    const files = await copyOut(adapters, tenants, options.outDir);
    const summaries: TenantSummary[] = [];
    for (const tenant of tenants) {
      const summary = await tenantSummary(adapters, tenant.tenantId);
      summaries.push(summary);
      print('');
      for (const line of formatSummary(summary)) print(line);
    }
    // The biller's report (bin/local/demo-report.ts): the report Lambda per tenant, <out>/report.html,
    // and the DynamoDB state `claimflow report` reads after the demo has stopped.
    const { writeDemoReports } = await import('./demo-report.js');
    await writeDemoReports({ deps, dynamo: clients.dynamo, tableName: resources.tableName, region: services.region, tenantIds: tenants.map((t) => t.tenantId), outDir: options.outDir, print });
    const durationMs = Date.now() - started;
    print('');
    print(`done in ${(durationMs / 1000).toFixed(1)}s; files in ${options.outDir}/`);
    return { tenants: summaries, files, durationMs };
  } finally {
    clients.destroy();
    await services.stop();
  }
}

/**
 * Puts the tenant's first 835 again under another name, as a clearinghouse
 * that resends a file would: posting must recognise the payment and post nothing twice.
 */
async function redeliverFirst835(adapters: Adapters, tenantId: string): Promise<string | undefined> {
  const [first] = (await adapters.objects.list(layout.inbound835(tenantId))).filter((k) => !k.includes('.adjustment.')).sort();
  if (!first) return undefined;
  const key = first.replace(/\.835$/, '.resent.835');
  await adapters.objects.put(key, (await adapters.objects.get(first)).body, 'application/edi-x12');
  return key;
}

/** examples/remittances/<tenant>/*.835: payer files the tenant's claims cannot all absorb (unmatched, unbalanced). */
async function uploadExampleRemittances(
  s3: ReturnType<typeof localClients>['s3'],
  bucket: string,
  examplesDir: string,
  tenantId: string,
): Promise<string[]> {
  const dir = join(examplesDir, 'remittances', tenantId);
  const files = await readdir(dir).catch(() => [] as string[]);
  const keys: string[] = [];
  for (const file of files.filter((f) => f.endsWith('.835')).sort()) {
    const key = `${layout.inbound835(tenantId)}${file}`;
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: await readFile(join(dir, file)), ContentType: 'application/edi-x12' }));
    keys.push(key);
  }
  return keys;
}

async function loadTenants(dir: string): Promise<TenantConfig[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  return Promise.all(files.map(async (f) => TenantConfig.parse(JSON.parse(await readFile(join(dir, f), 'utf8')))));
}

async function uploadEncounters(
  s3: ReturnType<typeof localClients>['s3'],
  bucket: string,
  examplesDir: string,
  tenants: TenantConfig[],
): Promise<number> {
  let count = 0;
  for (const tenant of tenants) {
    const dir = join(examplesDir, 'encounters', tenant.tenantId);
    for (const file of (await readdir(dir)).sort()) {
      await s3.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: `${layout.inboundEncounters(tenant.tenantId)}${file}`,
          Body: await readFile(join(dir, file)),
          // Intake sniffs the format from the content; the type only helps people browsing the bucket.
          ContentType: contentTypeOf(file),
        }),
      );
      count++;
    }
  }
  return count;
}

async function copyOut(adapters: Adapters, tenants: TenantConfig[], outDir: string): Promise<DemoReport['files']> {
  await rm(outDir, { recursive: true, force: true });
  const files: DemoReport['files'] = { x837: [], x999: [], x277ca: [], x835: [] };
  for (const tenant of tenants) {
    for (const [kind, prefix, list] of [
      ['837', layout.outbound837(tenant.tenantId), files.x837],
      ['999', layout.inbound999(tenant.tenantId), files.x999],
      ['277ca', layout.inbound277ca(tenant.tenantId), files.x277ca],
      ['835', layout.inbound835(tenant.tenantId), files.x835],
    ] as const) {
      const dir = join(outDir, tenant.tenantId, kind);
      await mkdir(dir, { recursive: true });
      for (const key of await adapters.objects.list(prefix)) {
        const target = join(dir, basename(key));
        await writeFile(target, (await adapters.objects.get(key)).body);
        list.push(target);
      }
    }
  }
  return files;
}

/** What a practice system would label the upload with; intake itself detects the format by content. */
function contentTypeOf(file: string): string {
  if (file.endsWith('.json')) return 'application/json';
  if (file.endsWith('.fhir')) return 'application/fhir+json';
  if (file.endsWith('.csv')) return 'text/csv';
  if (file.endsWith('.837')) return 'application/edi-x12';
  if (file.endsWith('.hl7')) return 'x-application/hl7-v2+er7';
  return 'text/plain';
}
