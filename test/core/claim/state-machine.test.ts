import { describe, expect, it } from 'vitest';
import { assertTransition, canTransition, CLAIM_STATUSES, IllegalTransitionError } from '../../../lambdas/core/claim/state-machine.js';

describe('claim state machine', () => {
  it('starts claims as ready or rejected only', () => {
    expect(canTransition(undefined, 'ready')).toBe(true);
    expect(canTransition(undefined, 'rejected')).toBe(true);
    expect(canTransition(undefined, 'submitted')).toBe(false);
    expect(canTransition(undefined, 'paid')).toBe(false);
  });

  it('follows the revenue cycle and refuses shortcuts', () => {
    expect(canTransition('ready', 'submitted')).toBe(true);
    expect(canTransition('submitted', 'paid')).toBe(true);
    expect(canTransition('paid', 'reversed')).toBe(true);
    expect(canTransition('reversed', 'corrected')).toBe(true);
    expect(canTransition('reversed', 'paid')).toBe(false);
    expect(canTransition('corrected', 'reversed')).toBe(true);
    expect(canTransition('accepted', 'forwarded')).toBe(true);
    expect(canTransition('forwarded', 'reversed')).toBe(true);
    expect(canTransition('paid', 'denied')).toBe(false);
    expect(canTransition('ready', 'paid')).toBe(false);
    expect(canTransition('rejected', 'submitted')).toBe(false);
    expect(canTransition('paid', 'ready')).toBe(false);
    expect(() => assertTransition('paid', 'submitted')).toThrow(IllegalTransitionError);
  });

  it('lets acknowledgments accept, reject or note on a submitted claim, and nothing earlier or settled', () => {
    for (const to of ['accepted', 'rejected', 'submitted'] as const) expect(canTransition('submitted', to)).toBe(true);
    expect(canTransition('accepted', 'accepted')).toBe(true);
    expect(canTransition('accepted', 'rejected')).toBe(true);
    expect(canTransition('accepted', 'paid')).toBe(true);
    expect(canTransition('rejected', 'accepted')).toBe(false);
    expect(canTransition('ready', 'accepted')).toBe(false);
    expect(canTransition('paid', 'rejected')).toBe(false);
    // A further claim payment on a settled claim is posted and audited without a move.
    expect(canTransition('paid', 'paid')).toBe(true);
    expect(canTransition('paid', 'accepted')).toBe(false);
  });

  it('lets every status be left somewhere (no dead ends except by design)', () => {
    for (const status of CLAIM_STATUSES) {
      expect(CLAIM_STATUSES.some((to) => canTransition(status, to))).toBe(true);
    }
  });
});
