import { describe, expect, it } from 'vitest';
import { partyMemberId } from '../../../../../lambdas/core/scrub/rules/party/subscriber.js';
import { sampleClaimInput } from '../../../../fixtures/claims.js';
import { runRule } from '../run-rule.js';

const base = sampleClaimInput();
const withMemberId = (memberId: string) => sampleClaimInput({ subscriber: { ...base.subscriber, memberId } });

describe('PARTY-MEMBER-ID', () => {
  it('passes letters, digits and hyphens', () => {
    expect(runRule(partyMemberId, sampleClaimInput())).toEqual([]);
    expect(runRule(partyMemberId, withMemberId('ABC-123'))).toEqual([]);
  });

  it('flags a blank id as an error and odd characters as a warning, never echoing the id', () => {
    expect(runRule(partyMemberId, withMemberId('   ')).map((f) => f.severity)).toEqual(['error']);
    const findings = runRule(partyMemberId, withMemberId('AB 12#34'));
    expect(findings.map((f) => [f.path, f.severity])).toEqual([['subscriber.memberId', 'warning']]);
    expect(findings[0]?.message).not.toContain('AB 12');
  });
});
