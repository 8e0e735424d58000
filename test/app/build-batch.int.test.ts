/**
 * buildBatches against DynamoDB Local and S3 (fauxqs): one file per receiver
 * per run holding both claim types, numbers from the (tenant, sender,
 * receiver) counter, the layout recorded before writing, identical rewrite on
 * resume, and the conformance gate before every write.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDeps } from '../../lambdas/app/deps.js';
import { buildBatches } from '../../lambdas/app/build-batch.js';
import { guideConformance, NonConformantInterchangeError, type ConformanceCheck, type ConformanceFinding } from '../../lambdas/app/conformance-gate.js';
import type { Claim } from '../../lambdas/core/claim/model.js';
import type { ClaimRecord } from '../../lambdas/core/ports.js';
import { layout } from '../../lambdas/core/tenant/layout.js';
import { readX12 } from '../../lambdas/core/x12/reader.js';
import type { Interchange } from '../../lambdas/core/x12/types.js';
import { validateX12 } from '../../lambdas/core/x12/validate/index.js';
import { useAdapters } from '../adapters/fixtures.js';
import { institutional, professional, tenantConfig } from '../core/x12/write-837-fixtures.js';

process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';

const T = 'batch-tenant';
const U = 'other-tenant';
const ctx = useAdapters([T, U]);
let deps: AppDeps;
const warnings: string[] = [];

beforeAll(async () => {
  deps = { ...ctx.adapters, clock: () => new Date(), log: { info: () => undefined, warn: (message) => warnings.push(message) } };
  for (const tenantId of [T, U]) await ctx.adapters.tenants.put(tenantConfig({ tenantId }));
});

/** Stores claims as intake would (ready, routed to `receiverId`). */
async function ready(tenantId: string, receiverId: string, claims: Claim[]): Promise<void> {
  for (const claim of claims) {
    const record: Omit<ClaimRecord, 'version' | 'createdAt' | 'updatedAt'> = {
      tenantId,
      claimId: claim.claimId,
      status: 'ready',
      claim: { ...claim, tenantId },
      receiverId,
      findings: [],
      source: { file: `${layout.inboundEncounters(tenantId)}${claim.claimId}.json`, etag: 'e1', format: 'json', position: 0 },
    };
    expect(await deps.claims.saveFromIntake(record, new Date().toISOString())).toBe('created');
  }
}

async function fileOf(key: string): Promise<{ text: string; interchange: Interchange }> {
  const text = (await deps.objects.get(key)).body.toString('utf8');
  return { text, interchange: readX12(text).interchanges[0] as Interchange };
}

const status = async (tenantId: string, claimId: string) => (await deps.claims.get(tenantId, claimId))?.status;
const outbound = (tenantId: string) => deps.objects.list(layout.outbound837(tenantId));

describe('a batch run', () => {
  it('writes one file per receiver holding both claim types, ISA13 and GS06s as one block of the receiver counter', async () => {
    await ready(T, 'clearinghouse', [professional('R1-P1'), institutional('R1-I1'), professional('R1-P2'), professional('R1-P3'), institutional('R1-I2')]);
    await ready(T, 'plan-direct', [professional('R1-D1', { payer: { name: 'Plan', payerId: 'PLAN01' } })]);

    const result = await buildBatches(deps, T, { maxClaimsPerTransaction: 2 });
    expect(result.batches.map((b) => [b.receiverId, b.controlNumber, b.groups.map((g) => g.controlNumber), b.claims])).toEqual([
      ['clearinghouse', 1, [2, 3], 5],
      ['plan-direct', 1, [2], 1],
    ]);
    expect((await outbound(T)).length).toBe(2);

    const ch = result.batches[0]!;
    const { text, interchange } = await fileOf(ch.fileKey);
    expect(interchange.controlNumber).toBe('000000001');
    expect(interchange.groups.map((g) => [g.controlNumber, g.version, g.transactions.map((t) => t.controlNumber)])).toEqual([
      ['2', '005010X222A1', ['0001', '0002']],
      ['3', '005010X223A2', ['0001']],
    ]);
    expect(validateX12(text).errorCount).toBe(0);

    // The record was written with its layout; it is what the file holds.
    const record = await deps.batches.get(T, ch.batchId);
    expect(record).toMatchObject({ status: 'written', controlNumber: 1, groups: ch.groups });
    expect(record?.groups?.map((g) => g.transactions.map((t) => t.claimIds))).toEqual([
      [['R1-P1', 'R1-P2'], ['R1-P3']],
      [['R1-I1', 'R1-I2']],
    ]);
    expect(record?.claimIds).toEqual(['R1-P1', 'R1-P2', 'R1-P3', 'R1-I1', 'R1-I2']);
    for (const id of record!.claimIds) expect(await status(T, id)).toBe('submitted');

    // The receiver with its own envelope: its sender id, usage and delimiters.
    const direct = await fileOf(result.batches[1]!.fileKey);
    expect(direct.interchange.isa.elements.slice(5, 9).map((e) => e.trim())).toEqual(['01', 'ACMEDUNS01', '30', '123456789']);
    expect(direct.interchange.isa.elements[15]).toBe('P');
    expect(direct.interchange.delimiters.element).toBe('|');
    expect(direct.interchange.groups[0]?.gs.elements[2]).toBe('ACMEPLAN');
    expect(validateX12(direct.text).errorCount).toBe(0);
  });

  it('continues each receiver and tenant sequence independently, increasing from run to run', async () => {
    await ready(T, 'clearinghouse', [professional('R2-P1')]);
    await ready(U, 'clearinghouse', [institutional('U-I1'), professional('U-P1')]);
    const second = await buildBatches(deps, T);
    expect(second.batches.map((b) => [b.receiverId, b.controlNumber, b.groups.map((g) => g.controlNumber)])).toEqual([['clearinghouse', 4, [5]]]);
    const other = await buildBatches(deps, U);
    expect(other.batches.map((b) => [b.receiverId, b.controlNumber, b.groups.map((g) => g.controlNumber)])).toEqual([['clearinghouse', 1, [2, 3]]]);
    await ready(T, 'plan-direct', [institutional('R2-D1')]);
    const third = await buildBatches(deps, T);
    expect(third.batches.map((b) => [b.receiverId, b.controlNumber, b.groups.map((g) => g.controlNumber)])).toEqual([['plan-direct', 3, [4]]]);
  });

  it('holds back a claim its 837 check refuses, rejected with the finding, and batches the rest', async () => {
    const bad = institutional('R3-BAD');
    const noStatus = { ...bad, institutional: { ...bad.institutional!, patientStatusCode: undefined } };
    await ready(T, 'clearinghouse', [professional('R3-P1'), noStatus]);
    const result = await buildBatches(deps, T);
    expect(result.batches[0]).toMatchObject({ claims: 1, groups: [{ version: '005010X222A1' }] });
    const rejected = await deps.claims.get(T, 'R3-BAD');
    expect(rejected?.status).toBe('rejected');
    expect(rejected?.findings.map((f) => f.ruleId)).toContain('X837I-PATIENT-STATUS-REQUIRED');
  });
});

describe('a resumed run', () => {
  it('rewrites the identical file with the same numbers, claims and split, allocating nothing', async () => {
    await ready(T, 'clearinghouse', [professional('R4-P1'), institutional('R4-I1'), professional('R4-P2'), professional('R4-P3')]);
    const attempted: string[] = [];
    const failing: AppDeps = {
      ...deps,
      objects: {
        get: (key) => deps.objects.get(key),
        stream: (key) => deps.objects.stream(key),
        list: (prefix) => deps.objects.list(prefix),
        put: async (_key, body) => {
          attempted.push(String(body));
          throw new Error('simulated S3 outage');
        },
      },
    };
    await expect(buildBatches(failing, T, { maxClaimsPerTransaction: 2 })).rejects.toThrow('simulated S3 outage');
    const open = await deps.batches.findOpen(T, 'clearinghouse');
    const isa = open!.controlNumber;
    expect(open?.groups?.map((g) => [g.controlNumber, g.transactions.map((t) => t.claimIds)])).toEqual([
      [isa + 1, [['R4-P1', 'R4-P2'], ['R4-P3']]],
      [isa + 2, [['R4-I1']]],
    ]);
    for (const id of open!.claimIds) expect(await status(T, id)).toBe('ready');

    // The retry does not pass the split: the recorded layout decides it.
    const resumed = await buildBatches(deps, T);
    expect(resumed.batches).toEqual([expect.objectContaining({ batchId: open!.batchId, resumed: true, controlNumber: isa, claims: 4, fileWritten: true })]);
    expect((await fileOf(open!.fileKey)).text).toBe(attempted[0]);
    for (const id of open!.claimIds) expect(await status(T, id)).toBe('submitted');

    await ready(T, 'clearinghouse', [professional('R4-P4')]);
    expect((await buildBatches(deps, T)).batches[0]?.controlNumber).toBe(isa + 3);
  });

  it('resumes a batch recorded before groups existed as one 837P group with GS06 = ISA13', async () => {
    await ready(T, 'plan-direct', [professional('R5-P1'), professional('R5-P2')]);
    const createdAt = new Date().toISOString();
    await deps.batches.open({
      tenantId: T,
      batchId: 'legacy-batch',
      receiverId: 'plan-direct',
      controlNumber: 77,
      claimIds: ['R5-P1', 'R5-P2'],
      fileKey: `${layout.outbound837(T)}plan-direct/legacy-batch.837`,
      status: 'open',
      createdAt,
    });
    const result = await buildBatches(deps, T);
    expect(result.batches[0]).toMatchObject({ resumed: true, controlNumber: 77, groups: [{ controlNumber: 77, transactions: [{ controlNumber: '0001', claimIds: ['R5-P1', 'R5-P2'] }] }] });
    const { interchange, text } = await fileOf(`${layout.outbound837(T)}plan-direct/legacy-batch.837`);
    expect([interchange.controlNumber, interchange.groups[0]?.controlNumber]).toEqual(['000000077', '77']);
    expect(validateX12(text).errorCount).toBe(0);
  });
});

/**
 * A receiver's companion-guide rule on top of the implementation guide: no
 * claim over 1,000.00 (CLM02). Real checks on the real file text, as the
 * gate's `conformance` seam takes them.
 */
const companionLimit: ConformanceCheck = (text) => {
  const findings: ConformanceFinding[] = [...guideConformance(text)];
  const interchange = readX12(text).interchanges[0];
  for (const group of interchange?.groups ?? []) {
    for (const transaction of group.transactions) {
      for (const segment of transaction.segments) {
        if (segment.id === 'CLM' && Number(segment.elements[2]) > 1000) {
          findings.push({
            code: 'COMPANION-CLM02-LIMIT',
            severity: 'error',
            message: 'CLM02 is above the receiver limit',
            claimId: segment.elements[1],
            groupControlNumber: group.controlNumber,
            transactionControlNumber: transaction.controlNumber,
            position: segment.position,
            segmentId: 'CLM',
            loop: '2300',
            element: 'CLM02',
          });
        }
      }
    }
  }
  return findings;
};

/** A rule about the envelope itself: no claim can be blamed for it. */
const productionOnly: ConformanceCheck = (text) =>
  readX12(text).interchanges[0]?.isa.elements[15] === 'P' ? [] : [{ code: 'COMPANION-ISA15', severity: 'error', message: 'ISA15 must be P', position: 1, segmentId: 'ISA', element: 'ISA15' }];

describe('the conformance gate', () => {
  it('sends the faulted claims back to rejected with the finding and writes the file without them', async () => {
    const big = { charge: '1500.00', serviceDate: '2026-03-02', diagnosisPointers: [1], procedureCode: '99215', units: 1 };
    await ready(T, 'clearinghouse', [professional('R6-P1'), professional('R6-BIG', { serviceLines: [big] }), institutional('R6-I1')]);
    const result = await buildBatches(deps, T, { conformance: companionLimit });
    expect(result.batches[0]).toMatchObject({ claims: 2, rejected: 1, fileWritten: true });
    const rejected = await deps.claims.get(T, 'R6-BIG');
    expect(rejected?.status).toBe('rejected');
    expect(rejected?.findings).toEqual([
      expect.objectContaining({ ruleId: 'COMPANION-CLM02-LIMIT', severity: 'error', path: 'CLM02', message: expect.stringMatching(/segment \d+, CLM, loop 2300, CLM02/) }),
    ]);
    const { text } = await fileOf(result.batches[0]!.fileKey);
    expect(companionLimit(text)).toEqual([]);
    expect(text).not.toContain('R6-BIG');
    expect(result.batches[0]?.groups.flatMap((g) => g.transactions.flatMap((t) => t.claimIds))).toEqual(['R6-P1', 'R6-I1']);
  });

  it('writes nothing, opens no batch and spends no number when an error names no claim', async () => {
    await ready(T, 'clearinghouse', [professional('R7-P1')]);
    const before = await outbound(T);
    await expect(buildBatches(deps, T, { conformance: productionOnly })).rejects.toBeInstanceOf(NonConformantInterchangeError);
    expect(await outbound(T)).toEqual(before);
    expect(await deps.batches.findOpen(T, 'clearinghouse')).toBeUndefined();
    expect(await status(T, 'R7-P1')).toBe('ready');
    // The next (conformant) run takes the next number of the sequence: none was burned.
    const last = (await deps.batches.list(T)).filter((b) => b.receiverId === 'clearinghouse').map((b) => Math.max(b.controlNumber, ...(b.groups ?? []).map((g) => g.controlNumber)));
    const next = await buildBatches(deps, T);
    expect(next.batches[0]?.controlNumber).toBe(Math.max(...last) + 1);
  });

  it('closes a resumed batch without a file when no claim of it is conformant any more', async () => {
    await ready(T, 'clearinghouse', [professional('R8-BIG', { serviceLines: [{ charge: '2000.00', serviceDate: '2026-03-02', diagnosisPointers: [1], procedureCode: '99215', units: 1 }] })]);
    const failing: AppDeps = { ...deps, objects: { ...deps.objects, get: (k) => deps.objects.get(k), list: (p) => deps.objects.list(p), put: async () => Promise.reject(new Error('outage')) } };
    await expect(buildBatches(failing, T)).rejects.toThrow('outage');
    const open = await deps.batches.findOpen(T, 'clearinghouse');
    const result = await buildBatches(deps, T, { conformance: companionLimit });
    expect(result.batches[0]).toMatchObject({ batchId: open?.batchId, resumed: true, claims: 0, rejected: 1, fileWritten: false });
    expect(await outbound(T)).not.toContain(open?.fileKey);
    expect((await deps.batches.get(T, open!.batchId))?.status).toBe('written');
    expect(await deps.batches.findOpen(T, 'clearinghouse')).toBeUndefined();
    expect(await status(T, 'R8-BIG')).toBe('rejected');
    expect(warnings).toContain('resumed batch has no conformant claim left; closed without a file');
  });
});

const X12VALID = '/work/tools/pyx12/x12valid';
describe.skipIf(!existsSync(X12VALID))('pyx12 (needs /work/tools/pyx12)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'build-batch-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds no error in any file the runs above wrote', async () => {
    const keys = [...(await outbound(T)), ...(await outbound(U))];
    expect(keys.length).toBeGreaterThanOrEqual(9);
    const files: string[] = [];
    for (const [i, key] of keys.entries()) {
      files.push(join(dir, `batch-${i}.837`));
      writeFileSync(files[i]!, (await deps.objects.get(key)).body);
    }
    const output = execFileSync(X12VALID, files, { encoding: 'utf8' });
    expect(output.trim().split('\n')).toEqual(files.map((file) => `${file}: VALID`));
  });
});
