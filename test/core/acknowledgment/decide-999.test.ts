import { describe, expect, it } from 'vitest';
import { decide999, findingOf, type ClaimLocator } from '../../../lambdas/core/acknowledgment/decide-999.js';
import type { BatchGroupRecord } from '../../../lambdas/core/ports.js';
import { withGroupStatus } from '../../../lambdas/core/x12/999/build-ack.js';
import type { FunctionalGroupAck, SegmentError, TransactionSetAck } from '../../../lambdas/core/x12/999/model.js';

const group: BatchGroupRecord = {
  controlNumber: 42,
  version: '005010X222A1',
  transactions: [
    { controlNumber: '0001', claimIds: ['C-1', 'C-2'] },
    { controlNumber: '0002', claimIds: ['C-3', 'C-4'] },
  ],
};

/** Claims by IK302 position, as locateClaims would answer for our 837. */
const positions: Record<string, Record<number, string[]>> = {
  '0001': { 20: ['C-1'], 40: ['C-2'], 9: ['C-1', 'C-2'] },
  '0002': { 20: ['C-3'], 40: ['C-4'] },
};
const locate: ClaimLocator = (st, position) => positions[st]?.[position] ?? [];

const clmError = (position: number): SegmentError => ({
  segmentId: 'CLM',
  position,
  loopId: '2300',
  errorCode: '8',
  contexts: [],
  elementErrors: [{ position: { element: 5, component: 3 }, elementRef: '1325', errorCode: '7', contexts: [] }],
});

const tx = (controlNumber: string, status: TransactionSetAck['status'], segmentErrors: SegmentError[] = [], errorCodes: string[] = []): TransactionSetAck => ({
  transactionType: '837',
  controlNumber,
  status,
  errorCodes,
  segmentErrors,
});

const ack = (transactions: TransactionSetAck[], extra: Partial<FunctionalGroupAck> = {}): FunctionalGroupAck =>
  withGroupStatus({ functionalId: 'HC', groupControlNumber: '42', counts: {}, groupErrors: [], transactions, ...extra });

describe('decide999', () => {
  it('accepted sets: nothing happens to the claims, the group is accepted', () => {
    const decision = decide999(ack([tx('0001', 'accepted'), tx('0002', 'accepted')]), group, locate);
    expect(decision.status).toBe('accepted');
    expect(decision.claims).toEqual([]);
    expect(decision.transactions.map((t) => t.status)).toEqual(['accepted', 'accepted']);
    expect(decision.problems).toEqual([]);
  });

  it('a rejected set rejects all its claims; the IK3 inside one claim becomes that claim\'s finding only', () => {
    const decision = decide999(ack([tx('0001', 'accepted'), tx('0002', 'rejected', [clmError(40)], ['5'])]), group, locate);
    expect(decision.status).toBe('partially_accepted');
    expect(decision.claims.map((c) => [c.claimId, c.action])).toEqual([
      ['C-3', 'rejected'],
      ['C-4', 'rejected'],
    ]);
    const c3 = decision.claims.find((c) => c.claimId === 'C-3')!;
    const c4 = decision.claims.find((c) => c.claimId === 'C-4')!;
    // IK502 5 concerns the whole set; the CLM error (segment + element) is C-4's alone.
    expect(c3.findings.map((f) => f.ruleId)).toEqual(['999-IK502-5']);
    expect(c4.findings.map((f) => f.ruleId)).toEqual(['999-IK304-8', '999-IK403-7', '999-IK502-5']);
    expect(c4.findings.every((f) => f.severity === 'error')).toBe(true);
    expect(c4.findings[1]!.message).toContain('CLM05-3');
    expect(c4.findings[1]!.message).toContain('invalid code value');
    expect(decision.transactions[1]!.errors.filter((e) => e.level !== 'transaction').every((e) => e.claimIds.join() === 'C-4')).toBe(true);
  });

  it('accepted with errors: only the claim holding the error gets a (warning) finding, nobody moves', () => {
    const decision = decide999(ack([tx('0001', 'accepted_with_errors', [clmError(20)]), tx('0002', 'accepted')]), group, locate);
    expect(decision.status).toBe('accepted_with_errors');
    expect(decision.claims).toEqual([
      expect.objectContaining({ claimId: 'C-1', action: 'note', transactionControlNumber: '0001' }),
    ]);
    expect(decision.claims[0]!.findings.map((f) => [f.ruleId, f.severity])).toEqual([
      ['999-IK304-8', 'warning'],
      ['999-IK403-7', 'warning'],
    ]);
  });

  it('an error in a subscriber loop shared by two claims concerns both', () => {
    const decision = decide999(ack([tx('0001', 'accepted_with_errors', [clmError(9)])]), group, locate);
    expect(decision.claims.map((c) => c.claimId)).toEqual(['C-1', 'C-2']);
  });

  it('without the 837 (locator gives nothing) a rejected set\'s errors go to every claim of the set', () => {
    const decision = decide999(ack([tx('0001', 'rejected', [clmError(20)]), tx('0002', 'accepted')]), group, () => undefined);
    expect(decision.claims.map((c) => [c.claimId, c.findings.map((f) => f.ruleId)])).toEqual([
      ['C-1', ['999-IK304-8', '999-IK403-7']],
      ['C-2', ['999-IK304-8', '999-IK403-7']],
    ]);
  });

  it('a rejected group without AK2s rejects every set, with the group error as the finding', () => {
    const decision = decide999(ack([], { groupErrors: ['2'] }), group, locate);
    expect(decision.status).toBe('rejected');
    expect(decision.claims.map((c) => c.claimId)).toEqual(['C-1', 'C-2', 'C-3', 'C-4']);
    expect(decision.claims[0]!.findings).toEqual([expect.objectContaining({ ruleId: '999-AK905-2', severity: 'error' })]);
  });

  it('a rejected set with no error detail still says why', () => {
    const decision = decide999(ack([tx('0001', 'rejected'), tx('0002', 'accepted')]), group, locate);
    expect(decision.claims[0]!.findings).toEqual([expect.objectContaining({ ruleId: '999-REJECTED' })]);
  });

  it('an accepted group that lists only some sets accepts the others; "1" matches ST02 "0001"', () => {
    const decision = decide999(ack([tx('1', 'accepted_with_errors', [clmError(40)])]), group, locate);
    expect(decision.transactions.map((t) => [t.controlNumber, t.status])).toEqual([
      ['0001', 'accepted_with_errors'],
      ['0002', 'accepted'],
    ]);
    expect(decision.claims.map((c) => c.claimId)).toEqual(['C-2']);
  });

  it('reports an AK2 naming no set of the group, and a missing IK5 or AK9, as problems without guessing', () => {
    const missingIk5 = { ...tx('0001', undefined), filePosition: 5 };
    const decision = decide999({ functionalId: 'HC', groupControlNumber: '42', counts: {}, groupErrors: [], transactions: [missingIk5, tx('0009', 'rejected')] }, group, locate);
    expect(decision.status).toBe('unknown');
    expect(decision.problems.map((p) => p.kind).sort()).toEqual(['ack-incomplete', 'ack-incomplete', 'ack-incomplete', 'ack-unmatched']);
    expect(decision.claims).toEqual([]);
    expect(decision.transactions.map((t) => t.status)).toEqual(['unknown', 'unknown']);
  });

  it('findings name segment, loop and element, never a data value', () => {
    const finding = findingOf({ level: 'element', code: '1', segmentId: 'NM1', segmentPosition: 12, loopId: '2010BA', elementPosition: '9', elementRef: '67', claimIds: [] }, '0001', 'error');
    expect(finding).toEqual({
      ruleId: '999-IK403-1',
      severity: 'error',
      message: '999 for transaction set 0001: element NM109 (data element 67) in segment NM1 at position 12 (loop 2010BA): 1 (required data element missing)',
    });
  });
});
