/** Batch lookups by GS06 and recorded 999 answers against DynamoDB Local. */
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import { keys } from '../../lambdas/adapters/dynamo/keys.js';
import type { BatchGroupAck, BatchRecord } from '../../lambdas/core/ports.js';
import { useAdapters } from './fixtures.js';

const A = 'acme';
const B = 'globex';
const ctx = useAdapters([A, B]);

function batch(tenantId: string, batchId: string, extra: Partial<BatchRecord> = {}): BatchRecord {
  return {
    tenantId,
    batchId,
    receiverId: 'clearinghouse',
    controlNumber: 10,
    claimIds: ['PCN-1', 'PCN-2', 'PCN-3'],
    groups: [
      { controlNumber: 11, version: '005010X222A1', transactions: [{ controlNumber: '0001', claimIds: ['PCN-1', 'PCN-2'] }] },
      { controlNumber: 12, version: '005010X223A2', transactions: [{ controlNumber: '0001', claimIds: ['PCN-3'] }] },
    ],
    fileKey: `tenants/${tenantId}/outbound/837/${batchId}.837`,
    status: 'open',
    createdAt: '2026-01-01T18:00:00.000Z',
    ...extra,
  };
}

const answer = (controlNumber: number, status: BatchGroupAck['status'], ackId: string, at: string): BatchGroupAck => ({
  controlNumber,
  status,
  ackId,
  file: `tenants/acme/inbound/999/${ackId}.999`,
  at,
  errors: [],
  transactions: [{ controlNumber: '0001', status, errors: [] }],
});

describe('batches by group control number', () => {
  it('finds a batch by receiver and any of its GS06s, never by its ISA13 or for another receiver or tenant', async () => {
    const written = batch(A, 'b-1');
    await ctx.adapters.batches.open(written);
    await ctx.adapters.batches.markWritten(written, '2026-01-01T18:01:00.000Z');
    expect((await ctx.adapters.batches.findByGroupControlNumber(A, 'clearinghouse', 11))?.batchId).toBe('b-1');
    expect((await ctx.adapters.batches.findByGroupControlNumber(A, 'clearinghouse', 12))?.batchId).toBe('b-1');
    expect(await ctx.adapters.batches.findByGroupControlNumber(A, 'clearinghouse', 10)).toBeUndefined();
    expect(await ctx.adapters.batches.findByGroupControlNumber(A, 'payer-direct', 11)).toBeUndefined();
    expect(await ctx.adapters.batches.findByGroupControlNumber(B, 'clearinghouse', 11)).toBeUndefined();
  });

  it('finds a batch recorded before groups and pointers existed by its ISA13 (GS06 = ISA13)', async () => {
    const { groups: _groups, ...legacy } = batch(A, 'b-legacy', { controlNumber: 40 });
    // Written as the first batch writer did: the record alone, no pointer item.
    await ctx.adapters.clients.dynamo.send(new PutItemCommand({ TableName: ctx.env.CLAIMFLOW_TABLE!, Item: marshall({ ...keys.batch(A, 'b-legacy'), ...legacy, status: 'written' }) }));
    expect((await ctx.adapters.batches.findByGroupControlNumber(A, 'clearinghouse', 40))?.batchId).toBe('b-legacy');
  });

  it('follows a wrapped control number to the newer batch', async () => {
    const older = batch(A, 'b-old', { controlNumber: 70, groups: [{ controlNumber: 71, version: '005010X222A1', transactions: [] }], createdAt: '2025-01-01T00:00:00.000Z' });
    const newer = batch(A, 'b-new', { controlNumber: 90, groups: [{ controlNumber: 71, version: '005010X222A1', transactions: [] }], createdAt: '2026-06-01T00:00:00.000Z' });
    for (const b of [older, newer]) {
      await ctx.adapters.batches.open(b);
      await ctx.adapters.batches.markWritten(b, b.createdAt);
    }
    expect((await ctx.adapters.batches.findByGroupControlNumber(A, 'clearinghouse', 71))?.batchId).toBe('b-new');
  });
});

describe('recorded 999 answers', () => {
  it('keeps the latest answer per group, an audit event per answer, and refuses the same answer twice', async () => {
    expect(await ctx.adapters.batches.recordAcknowledgment(A, 'b-1', answer(11, 'rejected', 'ack-1', '2026-01-02T00:00:00.000Z'))).toBe('recorded');
    expect((await ctx.adapters.batches.get(A, 'b-1'))?.acknowledgment).toMatchObject({ status: 'unknown', groups: [{ controlNumber: 11, status: 'rejected' }] });
    expect(await ctx.adapters.batches.recordAcknowledgment(A, 'b-1', answer(11, 'rejected', 'ack-1', '2026-01-02T00:00:00.000Z'))).toBe('duplicate');

    // Two answers for the two groups at once: neither overwrites the other.
    const results = await Promise.all([
      ctx.adapters.batches.recordAcknowledgment(A, 'b-1', answer(11, 'accepted', 'ack-2', '2026-01-03T00:00:00.000Z')),
      ctx.adapters.batches.recordAcknowledgment(A, 'b-1', answer(12, 'accepted', 'ack-3', '2026-01-03T00:00:01.000Z')),
    ]);
    expect(results).toEqual(['recorded', 'recorded']);
    const stored = await ctx.adapters.batches.get(A, 'b-1');
    expect(stored?.acknowledgment?.status).toBe('accepted');
    expect(stored?.acknowledgment?.groups.map((g) => [g.controlNumber, g.ackId])).toEqual([
      [11, 'ack-2'],
      [12, 'ack-3'],
    ]);
    expect(stored).not.toHaveProperty('ackRevision');
    expect((await ctx.adapters.batches.acknowledgmentEvents(A, 'b-1')).map((e) => e.ackId)).toEqual(['ack-1', 'ack-2', 'ack-3']);
    // Audit items and pointers do not show up as batches.
    expect((await ctx.adapters.batches.list(A)).map((b) => b.batchId).sort()).toEqual(['b-1', 'b-legacy', 'b-new', 'b-old']);
  });
});
