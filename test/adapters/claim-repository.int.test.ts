/**
 * DynamoClaimRepository against DynamoDB Local: intake outcomes, optimistic
 * locking, the audit trail, the sparse ready index, tenant isolation, the
 * remittance posting marker, and keys free of PHI.
 */
import { describe, expect, it } from 'vitest';
import { AlreadyPostedError, VersionConflictError, type ClaimRecord } from '../../lambdas/core/ports.js';
import { IllegalTransitionError } from '../../lambdas/core/claim/state-machine.js';
import { intakeRecord, KEY_NAMES, MEMBER_ID, scanTable, useAdapters } from './fixtures.js';

const A = 'acme';
const B = 'globex';
const ctx = useAdapters([A, B]);
const claimIdsUsed = new Set<string>();

function id(name: string): string {
  claimIdsUsed.add(name);
  return name;
}

async function created(tenantId: string, claimId: string, at = '2026-01-01T10:00:00.000Z'): Promise<ClaimRecord> {
  const { claims } = ctx.adapters;
  expect(await claims.saveFromIntake(intakeRecord(tenantId, claimId), at)).toBe('created');
  const record = await claims.get(tenantId, claimId);
  if (!record) throw new Error('claim was not stored');
  return record;
}

describe('saveFromIntake', () => {
  it('creates a new claim at version 1 with a created event', async () => {
    const claimId = id('PCN-CREATE-1');
    const input = intakeRecord(A, claimId);
    expect(await ctx.adapters.claims.saveFromIntake(input, '2026-01-01T10:00:00.000Z')).toBe('created');
    const stored = await ctx.adapters.claims.get(A, claimId);
    expect(stored).toEqual({ ...input, version: 1, createdAt: '2026-01-01T10:00:00.000Z', updatedAt: '2026-01-01T10:00:00.000Z' });
    const events = await ctx.adapters.claims.events(A, claimId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ version: 1, type: 'created', to: 'ready', cause: input.source.file });
    expect(events[0]?.from).toBeUndefined();
  });

  it('treats the same source file and etag as a duplicate and writes nothing', async () => {
    const claimId = id('PCN-DUP-1');
    await created(A, claimId);
    expect(await ctx.adapters.claims.saveFromIntake(intakeRecord(A, claimId), '2026-01-01T11:00:00.000Z')).toBe('duplicate');
    const stored = await ctx.adapters.claims.get(A, claimId);
    expect(stored?.version).toBe(1);
    expect(stored?.updatedAt).toBe('2026-01-01T10:00:00.000Z');
    expect(await ctx.adapters.claims.events(A, claimId)).toHaveLength(1);
  });

  it('supersedes a ready claim from a new object version: version +1, createdAt kept, superseded event', async () => {
    const claimId = id('PCN-SUP-1');
    await created(A, claimId);
    const corrected = intakeRecord(A, claimId, {
      source: { file: `tenants/${A}/inbound/encounters/visit-fixed.json`, etag: 'etag-2', format: 'json', position: 0 },
    });
    corrected.claim.serviceLines[0]!.charge = '150.00';
    expect(await ctx.adapters.claims.saveFromIntake(corrected, '2026-01-02T09:00:00.000Z')).toBe('superseded');
    const stored = await ctx.adapters.claims.get(A, claimId);
    expect(stored).toEqual({ ...corrected, version: 2, createdAt: '2026-01-01T10:00:00.000Z', updatedAt: '2026-01-02T09:00:00.000Z' });
    const events = await ctx.adapters.claims.events(A, claimId);
    expect(events.map((e) => [e.version, e.type, e.from, e.to])).toEqual([
      [1, 'created', undefined, 'ready'],
      [2, 'superseded', 'ready', 'ready'],
    ]);
  });

  it('supersedes a rejected claim with a ready one', async () => {
    const claimId = id('PCN-SUP-REJ');
    const rejected = intakeRecord(A, claimId, {
      status: 'rejected',
      receiverId: undefined,
      findings: [{ ruleId: 'SCHEMA', severity: 'error', message: 'serviceLines[0].charge is missing' }],
    });
    expect(await ctx.adapters.claims.saveFromIntake(rejected, '2026-01-01T10:00:00.000Z')).toBe('created');
    const fixed = intakeRecord(A, claimId, { source: { ...rejected.source, etag: 'etag-fixed' } });
    expect(await ctx.adapters.claims.saveFromIntake(fixed, '2026-01-01T12:00:00.000Z')).toBe('superseded');
    const stored = await ctx.adapters.claims.get(A, claimId);
    expect(stored?.status).toBe('ready');
    expect(stored?.findings).toEqual([]);
    expect((await ctx.adapters.claims.listReady(A, 'clearinghouse')).map((r) => r.claimId)).toContain(claimId);
  });

  it('never treats a source without an etag as a duplicate', async () => {
    const claimId = id('PCN-NOETAG');
    const input = intakeRecord(A, claimId, { source: { file: 'local/visit.json', format: 'json' } });
    expect(await ctx.adapters.claims.saveFromIntake(input, '2026-01-01T10:00:00.000Z')).toBe('created');
    expect(await ctx.adapters.claims.saveFromIntake(input, '2026-01-01T10:05:00.000Z')).toBe('superseded');
  });

  it('reports a conflict for a submitted claim and writes nothing', async () => {
    const claimId = id('PCN-CONFLICT');
    const record = await created(A, claimId);
    const submitted = await ctx.adapters.claims.transition(record, 'submitted', { type: 'status-changed', at: '2026-01-01T18:00:00.000Z', cause: 'batch-1' }, { batchId: 'batch-1' });
    const again = intakeRecord(A, claimId, { source: { ...record.source, etag: 'etag-new' } });
    expect(await ctx.adapters.claims.saveFromIntake(again, '2026-01-02T10:00:00.000Z')).toBe('conflict');
    expect(await ctx.adapters.claims.get(A, claimId)).toEqual(submitted);
    expect(await ctx.adapters.claims.events(A, claimId)).toHaveLength(2);
    // A redelivery of the original object is still recognised as such, whatever the status.
    expect(await ctx.adapters.claims.saveFromIntake(intakeRecord(A, claimId), '2026-01-02T10:00:00.000Z')).toBe('duplicate');
  });

  it('refuses a new claim in a status a claim cannot start in, before writing', async () => {
    const claimId = id('PCN-BAD-START');
    await expect(
      ctx.adapters.claims.saveFromIntake(intakeRecord(A, claimId, { status: 'submitted' }), '2026-01-01T10:00:00.000Z'),
    ).rejects.toBeInstanceOf(IllegalTransitionError);
    expect(await ctx.adapters.claims.get(A, claimId)).toBeUndefined();
    expect(await ctx.adapters.claims.events(A, claimId)).toEqual([]);
  });

  it('is race-safe: concurrent saves of one new claim create it once and supersede it in turn', async () => {
    const claimId = id('PCN-RACE');
    const saves = Array.from({ length: 5 }, (_, i) =>
      ctx.adapters.claims.saveFromIntake(
        intakeRecord(A, claimId, { source: { file: `tenants/${A}/inbound/encounters/r${i}.json`, etag: `e${i}`, format: 'json' } }),
        `2026-01-03T10:00:0${i}.000Z`,
      ),
    );
    const outcomes = await Promise.all(saves);
    expect(outcomes.filter((o) => o === 'created')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'superseded')).toHaveLength(4);
    expect((await ctx.adapters.claims.get(A, claimId))?.version).toBe(5);
    expect((await ctx.adapters.claims.events(A, claimId)).map((e) => e.version)).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('transition', () => {
  it('moves the claim with the right version and writes exactly one event', async () => {
    const claimId = id('PCN-TR-OK');
    const record = await created(A, claimId);
    const updated = await ctx.adapters.claims.transition(
      record,
      'submitted',
      { type: 'status-changed', at: '2026-01-01T18:00:00.000Z', cause: 'batch-7', detail: { controlNumber: 7 } },
      { batchId: 'batch-7' },
    );
    expect(updated).toEqual({ ...record, status: 'submitted', version: 2, updatedAt: '2026-01-01T18:00:00.000Z', batchId: 'batch-7' });
    expect(await ctx.adapters.claims.get(A, claimId)).toEqual(updated);
    const events = await ctx.adapters.claims.events(A, claimId);
    expect(events).toHaveLength(2);
    expect(events[1]).toEqual({
      version: 2,
      type: 'status-changed',
      from: 'ready',
      to: 'submitted',
      at: '2026-01-01T18:00:00.000Z',
      cause: 'batch-7',
      detail: { controlNumber: 7 },
    });
  });

  it('fails a stale version with VersionConflictError and writes nothing', async () => {
    const claimId = id('PCN-TR-STALE');
    const record = await created(A, claimId);
    const moved = await ctx.adapters.claims.transition(record, 'rejected', { type: 'status-changed', at: '2026-01-01T11:00:00.000Z', cause: 'scrub' });
    const attempt = ctx.adapters.claims.transition(record, 'submitted', { type: 'status-changed', at: '2026-01-01T12:00:00.000Z', cause: 'batch-x' });
    await expect(attempt).rejects.toBeInstanceOf(VersionConflictError);
    await expect(attempt).rejects.toMatchObject({ code: 'CLAIM_VERSION_CONFLICT', expectedVersion: 1 });
    expect(await ctx.adapters.claims.get(A, claimId)).toEqual(moved);
    expect(await ctx.adapters.claims.events(A, claimId)).toHaveLength(2);
  });

  it('lets exactly one of two concurrent transitions from the same version win', async () => {
    const claimId = id('PCN-TR-RACE');
    const record = await created(A, claimId);
    const results = await Promise.allSettled([
      ctx.adapters.claims.transition(record, 'submitted', { type: 'status-changed', at: '2026-01-01T12:00:00.000Z', cause: 'batch-a' }),
      ctx.adapters.claims.transition(record, 'rejected', { type: 'status-changed', at: '2026-01-01T12:00:00.000Z', cause: 'scrub' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(failed?.reason).toBeInstanceOf(VersionConflictError);
    expect((await ctx.adapters.claims.get(A, claimId))?.version).toBe(2);
    expect(await ctx.adapters.claims.events(A, claimId)).toHaveLength(2);
  });

  it('refuses an illegal transition before any write', async () => {
    const claimId = id('PCN-TR-ILLEGAL');
    const record = await created(A, claimId);
    const before = await scanTable(ctx.adapters, ctx.env.CLAIMFLOW_TABLE!);
    await expect(
      ctx.adapters.claims.transition(record, 'paid', { type: 'status-changed', at: '2026-01-01T12:00:00.000Z', cause: 'x' }),
    ).rejects.toBeInstanceOf(IllegalTransitionError);
    // Even with a wrong version the state machine answers first: the database is never asked.
    await expect(
      ctx.adapters.claims.transition({ ...record, version: 99 }, 'denied', { type: 'status-changed', at: '2026-01-01T12:00:00.000Z', cause: 'x' }),
    ).rejects.toBeInstanceOf(IllegalTransitionError);
    expect(await scanTable(ctx.adapters, ctx.env.CLAIMFLOW_TABLE!)).toEqual(before);
  });

  it('removes a patched field given as undefined', async () => {
    const claimId = id('PCN-TR-PATCH');
    const record = await created(A, claimId);
    const submitted = await ctx.adapters.claims.transition(record, 'submitted', { type: 'status-changed', at: '2026-01-01T12:00:00.000Z', cause: 'b1' }, { batchId: 'b1' });
    const rejected = await ctx.adapters.claims.transition(
      submitted,
      'rejected',
      { type: 'status-changed', at: '2026-01-01T13:00:00.000Z', cause: '277ca' },
      { batchId: undefined, findings: [{ ruleId: 'ACK', severity: 'error', message: 'rejected by the clearinghouse' }] },
    );
    expect(rejected.batchId).toBeUndefined();
    const stored = await ctx.adapters.claims.get(A, claimId);
    expect(stored).toEqual(rejected);
    expect(stored && 'batchId' in stored).toBe(false);
  });
});

describe('indexes', () => {
  it('hold a claim in the ready index only while it is ready', async () => {
    const claimId = id('PCN-GSI-1');
    const readyIds = async () => (await ctx.adapters.claims.listReady(A, 'clearinghouse')).map((r) => r.claimId);
    const record = await created(A, claimId, '2026-02-01T00:00:00.000Z');
    expect(await readyIds()).toContain(claimId);

    const submitted = await ctx.adapters.claims.transition(record, 'submitted', { type: 'status-changed', at: '2026-02-01T01:00:00.000Z', cause: 'b' });
    expect(await readyIds()).not.toContain(claimId);
    expect((await ctx.adapters.claims.listByStatus(A, 'submitted')).map((r) => r.claimId)).toContain(claimId);
    expect((await ctx.adapters.claims.listByStatus(A, 'ready')).map((r) => r.claimId)).not.toContain(claimId);

    const rejected = await ctx.adapters.claims.transition(submitted, 'rejected', { type: 'status-changed', at: '2026-02-01T02:00:00.000Z', cause: 'ack' });
    expect(await readyIds()).not.toContain(claimId);
    await ctx.adapters.claims.transition(rejected, 'ready', { type: 'status-changed', at: '2026-02-01T03:00:00.000Z', cause: 'fix' });
    expect(await readyIds()).toContain(claimId);
  });

  it('list ready claims oldest first, up to the limit, per receiver', async () => {
    const tenant = B;
    const ids = ['PCN-ORD-3', 'PCN-ORD-1', 'PCN-ORD-2'].map(id);
    const times = ['2026-03-03T00:00:00.000Z', '2026-03-01T00:00:00.000Z', '2026-03-02T00:00:00.000Z'];
    for (const [i, claimId] of ids.entries()) {
      await ctx.adapters.claims.saveFromIntake(intakeRecord(tenant, claimId, { receiverId: 'payer-direct' }), times[i]!);
    }
    const all = await ctx.adapters.claims.listReady(tenant, 'payer-direct');
    expect(all.map((r) => r.claimId)).toEqual(['PCN-ORD-1', 'PCN-ORD-2', 'PCN-ORD-3']);
    expect((await ctx.adapters.claims.listReady(tenant, 'payer-direct', 2)).map((r) => r.claimId)).toEqual(['PCN-ORD-1', 'PCN-ORD-2']);
    expect(await ctx.adapters.claims.listReady(tenant, 'no-such-receiver')).toEqual([]);
    expect(await ctx.adapters.claims.listReady(tenant, 'payer-direct', 0)).toEqual([]);
  });
});

describe('tenant isolation', () => {
  it('keeps the same claim id in two tenants as two separate items', async () => {
    const claimId = id('PCN-SHARED');
    await ctx.adapters.claims.saveFromIntake(intakeRecord(A, claimId, { receiverId: 'iso-recv' }), '2026-04-01T00:00:00.000Z');
    const bRecord = await ctx.adapters.claims.get(B, claimId);
    expect(bRecord).toBeUndefined();
    expect(await ctx.adapters.claims.listReady(B, 'iso-recv')).toEqual([]);

    await ctx.adapters.claims.saveFromIntake(intakeRecord(B, claimId, { receiverId: 'iso-recv' }), '2026-04-02T00:00:00.000Z');
    const a = await ctx.adapters.claims.get(A, claimId);
    const b = await ctx.adapters.claims.get(B, claimId);
    expect(a?.tenantId).toBe(A);
    expect(b?.tenantId).toBe(B);
    expect(a?.claim.tenantId).toBe(A);
    expect(b?.claim.tenantId).toBe(B);
    expect((await ctx.adapters.claims.listReady(A, 'iso-recv')).map((r) => r.tenantId)).toEqual([A]);
    expect((await ctx.adapters.claims.listReady(B, 'iso-recv')).map((r) => r.tenantId)).toEqual([B]);
    for (const r of await ctx.adapters.claims.listByStatus(B, 'ready')) expect(r.tenantId).toBe(B);

    const items = await scanTable(ctx.adapters, ctx.env.CLAIMFLOW_TABLE!);
    const claimItems = items.filter((item) => item.sk === 'CLAIM' && item.claimId === claimId);
    expect(claimItems).toHaveLength(2);
    expect(new Set(claimItems.map((item) => item.pk)).size).toBe(2);
  });
});

describe('remittance posting', () => {
  it('writes a marker with the posting; a second posting of the same remittance fails with AlreadyPostedError', async () => {
    const claimId = id('PCN-REMIT-1');
    const record = await created(A, claimId);
    const submitted = await ctx.adapters.claims.transition(record, 'submitted', { type: 'status-changed', at: '2026-05-01T00:00:00.000Z', cause: 'b' });
    expect(await ctx.adapters.remittances.isPosted(A, 'RMT-100', claimId)).toBe(false);

    const payment = {
      remittanceId: 'RMT-100',
      claimStatusCode: '1',
      charge: '125.00',
      paid: '100.00',
      patientResponsibility: '25.00',
      adjusted: '0.00',
      adjustments: [{ group: 'PR', reason: '1', amount: '25.00' }],
      postedAt: '2026-05-02T00:00:00.000Z',
    };
    const denied = await ctx.adapters.claims.transition(
      submitted,
      'denied',
      { type: 'remittance-posted', at: '2026-05-02T00:00:00.000Z', cause: 'RMT-100' },
      { payment },
    );
    expect(denied.payment).toEqual(payment);
    expect(await ctx.adapters.remittances.isPosted(A, 'RMT-100', claimId)).toBe(true);
    expect(await ctx.adapters.remittances.isPosted(A, 'RMT-999', claimId)).toBe(false);
    expect(await ctx.adapters.remittances.isPosted(B, 'RMT-100', claimId)).toBe(false);

    const again = ctx.adapters.claims.transition(denied, 'paid', { type: 'remittance-posted', at: '2026-05-03T00:00:00.000Z', cause: 'RMT-100' });
    await expect(again).rejects.toBeInstanceOf(AlreadyPostedError);
    await expect(again).rejects.toMatchObject({ code: 'REMITTANCE_ALREADY_POSTED', remittanceId: 'RMT-100' });
    expect(await ctx.adapters.claims.get(A, claimId)).toEqual(denied);
    expect(await ctx.adapters.claims.events(A, claimId)).toHaveLength(3);

    // A different remittance may still move the claim.
    const paid = await ctx.adapters.claims.transition(denied, 'paid', { type: 'remittance-posted', at: '2026-05-04T00:00:00.000Z', cause: 'RMT-101' });
    expect(paid.version).toBe(4);
  });

  it('lets the same remittance post to different claims', async () => {
    for (const claimId of ['PCN-REMIT-2', 'PCN-REMIT-3'].map(id)) {
      const record = await created(A, claimId);
      const submitted = await ctx.adapters.claims.transition(record, 'submitted', { type: 'status-changed', at: '2026-05-01T00:00:00.000Z', cause: 'b' });
      await ctx.adapters.claims.transition(submitted, 'paid', { type: 'remittance-posted', at: '2026-05-02T00:00:00.000Z', cause: 'RMT-200' });
      expect(await ctx.adapters.remittances.isPosted(A, 'RMT-200', claimId)).toBe(true);
    }
  });
});

describe('keys of every item written', () => {
  it('begin with T#<tenant># and hold no claim id or member id in clear', async () => {
    const items = await scanTable(ctx.adapters, ctx.env.CLAIMFLOW_TABLE!);
    expect(items.length).toBeGreaterThan(claimIdsUsed.size);
    const forbidden = [...claimIdsUsed, MEMBER_ID];
    for (const item of items) {
      const tenantId = item.tenantId;
      expect([A, B]).toContain(tenantId);
      for (const name of KEY_NAMES) {
        const value = item[name];
        if (value === undefined) continue;
        expect(typeof value).toBe('string');
        if (name.endsWith('pk')) expect((value as string).startsWith(`T#${tenantId as string}#`)).toBe(true);
        for (const secret of forbidden) expect(value as string).not.toContain(secret);
      }
    }
    // The claims themselves are stored: the scan would be meaningless otherwise.
    expect(items.some((item) => (item.claim as { subscriber?: { memberId?: string } } | undefined)?.subscriber?.memberId === MEMBER_ID)).toBe(true);
  });
});
