/** Control-number counter and batch lock against DynamoDB Local. */
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import { keys } from '../../lambdas/adapters/dynamo/keys.js';
import { BatchAlreadyOpenError, type BatchRecord } from '../../lambdas/core/ports.js';
import { KEY_NAMES, scanTable, useAdapters } from './fixtures.js';

const A = 'acme';
const B = 'globex';
const ctx = useAdapters([A, B]);

function batch(tenantId: string, batchId: string, receiverId = 'clearinghouse', controlNumber = 1): BatchRecord {
  return {
    tenantId,
    batchId,
    receiverId,
    controlNumber,
    claimIds: ['PCN-1', 'PCN-2'],
    fileKey: `tenants/${tenantId}/outbound/837/${batchId}.x12`,
    status: 'open',
    createdAt: '2026-01-01T18:00:00.000Z',
  };
}

describe('control numbers', () => {
  const scope = (tenantId: string, receiver = 'ZZ:CLEARINGHOUSE', sender = 'ZZ:SENDER') => ({ tenantId, sender, receiver });
  const seed = (key: { pk: string; sk: string }, tenantId: string, seq: number) =>
    ctx.adapters.clients.dynamo.send(new PutItemCommand({ TableName: ctx.env.CLAIMFLOW_TABLE!, Item: marshall({ ...key, tenantId, seq }) }));

  it('start at 1 and hand concurrent callers disjoint blocks of consecutive numbers', async () => {
    const blocks = await Promise.all(Array.from({ length: 20 }, (_, i) => ctx.adapters.controlNumbers.allocate(scope(A), 1 + (i % 3))));
    for (const block of blocks) block.forEach((n, i) => i > 0 && expect(n).toBe((block[i - 1] as number) + 1));
    const all = blocks.flat().sort((x, y) => x - y);
    expect(all).toEqual(Array.from({ length: all.length }, (_, i) => i + 1));
    expect(await ctx.adapters.controlNumbers.allocate(scope(A), 2)).toEqual([all.length + 1, all.length + 2]);
  });

  it('count each (tenant, sender, receiver) separately', async () => {
    const [before] = await ctx.adapters.controlNumbers.allocate(scope(A), 1);
    expect(await ctx.adapters.controlNumbers.allocate(scope(B), 1)).toEqual([1]);
    expect(await ctx.adapters.controlNumbers.allocate(scope(A, 'ZZ:OTHERRECEIVER'), 3)).toEqual([1, 2, 3]);
    expect(await ctx.adapters.controlNumbers.allocate(scope(A, 'ZZ:CLEARINGHOUSE', '01:OTHERSENDER'), 1)).toEqual([1]);
    // Same ids under another qualifier are another party.
    expect(await ctx.adapters.controlNumbers.allocate(scope(A, '30:CLEARINGHOUSE'), 1)).toEqual([1]);
    expect(await ctx.adapters.controlNumbers.allocate(scope(A), 1)).toEqual([(before as number) + 1]);
  });

  it('wrap from 999,999,999 to 1, also inside one block', async () => {
    const tenant = 'wrap-tenant';
    const s = scope(tenant);
    await seed(keys.scopedControlNumberCounter(tenant, s.sender, s.receiver), tenant, 999_999_997);
    expect(await ctx.adapters.controlNumbers.allocate(s, 1)).toEqual([999_999_998]);
    expect(await ctx.adapters.controlNumbers.allocate(s, 3)).toEqual([999_999_999, 1, 2]);
    expect(await ctx.adapters.controlNumbers.allocate(s, 2)).toEqual([3, 4]);
  });

  it('start a new scope where the old per-tenant counter stopped, so no receiver sees a number twice', async () => {
    const tenant = 'legacy-tenant';
    await seed(keys.controlNumberCounter(tenant), tenant, 41);
    expect(await ctx.adapters.controlNumbers.allocate(scope(tenant, 'ZZ:R1'), 2)).toEqual([42, 43]);
    expect(await ctx.adapters.controlNumbers.allocate(scope(tenant, 'ZZ:R2'), 1)).toEqual([42]);
    expect(await ctx.adapters.controlNumbers.allocate(scope(tenant, 'ZZ:R1'), 1)).toEqual([44]);
    // Two first allocations racing on a new scope still get disjoint blocks.
    const raced = await Promise.all([1, 2, 3].map(() => ctx.adapters.controlNumbers.allocate(scope(tenant, 'ZZ:R3'), 2)));
    expect(raced.flat().sort((x, y) => x - y)).toEqual([42, 43, 44, 45, 46, 47]);
  });

  it('refuse an empty or oversized block and a scope that could forge a key', async () => {
    await expect(ctx.adapters.controlNumbers.allocate(scope(A), 0)).rejects.toThrow(/block/);
    await expect(ctx.adapters.controlNumbers.allocate(scope(A), 1001)).rejects.toThrow(/block/);
    await expect(ctx.adapters.controlNumbers.allocate(scope(A, 'ZZ:X#T#globex'), 1)).rejects.toThrow(/qualifier:id/);
  });
});

describe('batches', () => {
  it('open, find the open batch, mark it written, then open the next', async () => {
    const first = batch(A, 'b-001', 'clearinghouse', 41);
    expect(await ctx.adapters.batches.findOpen(A, 'clearinghouse')).toBeUndefined();
    await ctx.adapters.batches.open(first);
    expect(await ctx.adapters.batches.findOpen(A, 'clearinghouse')).toEqual(first);
    expect(await ctx.adapters.batches.get(A, 'b-001')).toEqual(first);
    expect(await ctx.adapters.batches.findOpen(B, 'clearinghouse')).toBeUndefined();

    await ctx.adapters.batches.markWritten(first, '2026-01-01T18:05:00.000Z');
    expect(await ctx.adapters.batches.findOpen(A, 'clearinghouse')).toBeUndefined();
    expect(await ctx.adapters.batches.get(A, 'b-001')).toEqual({ ...first, status: 'written', writtenAt: '2026-01-01T18:05:00.000Z' });
    // A retried run marking the same batch again has nothing left to do.
    await ctx.adapters.batches.markWritten(first, '2026-01-01T18:06:00.000Z');
    expect((await ctx.adapters.batches.get(A, 'b-001'))?.writtenAt).toBe('2026-01-01T18:05:00.000Z');

    const second = batch(A, 'b-002', 'clearinghouse', 42);
    await ctx.adapters.batches.open(second);
    expect(await ctx.adapters.batches.findOpen(A, 'clearinghouse')).toEqual(second);
    expect((await ctx.adapters.batches.list(A)).map((b) => [b.batchId, b.status])).toEqual([
      ['b-001', 'written'],
      ['b-002', 'open'],
    ]);
  });

  it('refuse a second open batch for the same receiver with BatchAlreadyOpenError and write nothing', async () => {
    await ctx.adapters.batches.open(batch(B, 'g-001', 'rcv-x'));
    const attempt = ctx.adapters.batches.open(batch(B, 'g-002', 'rcv-x'));
    await expect(attempt).rejects.toBeInstanceOf(BatchAlreadyOpenError);
    await expect(attempt).rejects.toMatchObject({ code: 'BATCH_ALREADY_OPEN', tenantId: B, receiverId: 'rcv-x' });
    expect(await ctx.adapters.batches.get(B, 'g-002')).toBeUndefined();
    expect((await ctx.adapters.batches.findOpen(B, 'rcv-x'))?.batchId).toBe('g-001');
    // Another receiver of the same tenant is independent.
    await ctx.adapters.batches.open(batch(B, 'g-003', 'rcv-y'));
    expect((await ctx.adapters.batches.findOpen(B, 'rcv-y'))?.batchId).toBe('g-003');
  });

  it('let exactly one of two concurrent runs open a batch', async () => {
    const results = await Promise.allSettled([
      ctx.adapters.batches.open(batch(B, 'race-1', 'rcv-race')),
      ctx.adapters.batches.open(batch(B, 'race-2', 'rcv-race')),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(failed?.reason).toBeInstanceOf(BatchAlreadyOpenError);
    const open = await ctx.adapters.batches.findOpen(B, 'rcv-race');
    expect(['race-1', 'race-2']).toContain(open?.batchId);
  });

  it('never release another run\'s lock when marking a batch that is not the open one', async () => {
    await ctx.adapters.batches.open(batch(A, 'lock-1', 'rcv-lock'));
    await expect(ctx.adapters.batches.markWritten(batch(A, 'never-opened', 'rcv-lock'), '2026-01-02T00:00:00.000Z')).rejects.toThrow(
      /does not exist/,
    );
    expect((await ctx.adapters.batches.findOpen(A, 'rcv-lock'))?.batchId).toBe('lock-1');
  });

  it('store each claim id once when the batch has groups, and give the flat list back on read', async () => {
    const ids = Array.from({ length: 5000 }, (_, i) => `CLAIM-ID-OF-THIRTY-EIGHT-CHARACTERS${String(i).padStart(4, '0')}`.slice(-38));
    const grouped: BatchRecord = {
      ...batch(A, 'b-grouped', 'big-receiver', 77),
      claimIds: ids,
      groups: [
        { controlNumber: 78, version: '005010X222A1', transactions: [{ controlNumber: '0001', claimIds: ids.slice(0, 4000) }] },
        { controlNumber: 79, version: '005010X223A2', transactions: [{ controlNumber: '0001', claimIds: ids.slice(4000) }] },
      ],
    };
    // 5,000 ids of 38 characters listed twice would come close to DynamoDB's 400 KB item limit.
    await ctx.adapters.batches.open(grouped);
    expect(await ctx.adapters.batches.get(A, 'b-grouped')).toEqual(grouped);
    const stored = (await scanTable(ctx.adapters, ctx.env.CLAIMFLOW_TABLE!)).find((item) => item.batchId === 'b-grouped' && Array.isArray(item.groups));
    expect(stored?.claimIds).toEqual([]);
  });

  it('keep every key under its tenant prefix', async () => {
    for (const item of await scanTable(ctx.adapters, ctx.env.CLAIMFLOW_TABLE!)) {
      for (const name of KEY_NAMES) {
        const value = item[name];
        if (typeof value === 'string' && name.endsWith('pk')) expect(value.startsWith(`T#${item.tenantId as string}#`)).toBe(true);
      }
    }
  });
});
