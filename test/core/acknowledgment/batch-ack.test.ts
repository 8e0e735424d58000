import { describe, expect, it } from 'vitest';
import { batchGroups, hasGroup, mergeGroupAck, overallStatus } from '../../../lambdas/core/acknowledgment/batch-ack.js';
import type { BatchGroupAck } from '../../../lambdas/core/ports.js';

const groupAck = (controlNumber: number, status: BatchGroupAck['status'], at = '2026-03-04T00:00:00.000Z'): BatchGroupAck => ({
  controlNumber,
  status,
  ackId: `ack-${controlNumber}-${status}`,
  file: 'f.999',
  at,
  errors: [],
  transactions: [],
});

describe('batch acknowledgment', () => {
  it('reads a batch recorded without groups as one group GS06 = ISA13 with ST 0001 holding every claim', () => {
    const legacy = { controlNumber: 17, claimIds: ['A', 'B'] };
    expect(batchGroups(legacy)).toEqual([{ controlNumber: 17, version: '005010X222A1', transactions: [{ controlNumber: '0001', claimIds: ['A', 'B'] }] }]);
    expect(hasGroup(legacy, 17)).toBe(true);
    expect(hasGroup({ ...legacy, groups: [{ controlNumber: 18, version: '005010X223A2', transactions: [] }] }, 17)).toBe(false);
  });

  it('is unknown until every group is answered, then follows the groups', () => {
    expect(overallStatus([1, 2], [groupAck(1, 'accepted')])).toBe('unknown');
    expect(overallStatus([1, 2], [groupAck(1, 'accepted'), groupAck(2, 'accepted')])).toBe('accepted');
    expect(overallStatus([1, 2], [groupAck(1, 'accepted'), groupAck(2, 'accepted_with_errors')])).toBe('accepted_with_errors');
    expect(overallStatus([1, 2], [groupAck(1, 'rejected'), groupAck(2, 'rejected')])).toBe('rejected');
    expect(overallStatus([1, 2], [groupAck(1, 'accepted'), groupAck(2, 'rejected')])).toBe('partially_accepted');
  });

  it('a later answer for the same group replaces the earlier one', () => {
    const batch = { controlNumber: 5, claimIds: ['A'], groups: [{ controlNumber: 6, version: 'v', transactions: [] }, { controlNumber: 7, version: 'v', transactions: [] }] };
    const first = mergeGroupAck(batch, groupAck(6, 'rejected'));
    expect(first.status).toBe('unknown');
    const second = mergeGroupAck({ ...batch, acknowledgment: first }, groupAck(7, 'accepted', '2026-03-05T00:00:00.000Z'));
    expect(second).toMatchObject({ status: 'partially_accepted', at: '2026-03-05T00:00:00.000Z' });
    const third = mergeGroupAck({ ...batch, acknowledgment: second }, groupAck(6, 'accepted'));
    expect(third.groups.map((g) => [g.controlNumber, g.status])).toEqual([
      [6, 'accepted'],
      [7, 'accepted'],
    ]);
    expect(third.status).toBe('accepted');
  });
});
