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
  it('start at 1 and hand out distinct consecutive numbers to concurrent callers', async () => {
    const numbers = await Promise.all(Array.from({ length: 25 }, () => ctx.adapters.controlNumbers.next(A)));
    expect(new Set(numbers).size).toBe(25);
    expect([...numbers].sort((x, y) => x - y)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(await ctx.adapters.controlNumbers.next(A)).toBe(26);
  });

  it('count each tenant separately', async () => {
    const before = await ctx.adapters.controlNumbers.next(A);
    expect(await ctx.adapters.controlNumbers.next(B)).toBe(1);
    expect(await ctx.adapters.controlNumbers.next(A)).toBe(before + 1);
  });

  it('wrap from 999,999,999 to 1', async () => {
    const tenant = 'wrap-tenant';
    await ctx.adapters.clients.dynamo.send(
      new PutItemCommand({
        TableName: ctx.env.CLAIMFLOW_TABLE!,
        Item: marshall({ ...keys.controlNumberCounter(tenant), tenantId: tenant, seq: 999_999_997 }),
      }),
    );
    const numbers = [];
    for (let i = 0; i < 4; i++) numbers.push(await ctx.adapters.controlNumbers.next(tenant));
    expect(numbers).toEqual([999_999_998, 999_999_999, 1, 2]);
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

  it('keep every key under its tenant prefix', async () => {
    for (const item of await scanTable(ctx.adapters, ctx.env.CLAIMFLOW_TABLE!)) {
      for (const name of KEY_NAMES) {
        const value = item[name];
        if (typeof value === 'string' && name.endsWith('pk')) expect(value.startsWith(`T#${item.tenantId as string}#`)).toBe(true);
      }
    }
  });
});
