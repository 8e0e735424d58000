import { describe, expect, it } from 'vitest';
import { einProblem, isValidEinPrefix, partyEin } from '../../../../../lambdas/core/scrub/rules/party/ein.js';
import { sampleClaimInput } from '../../../../fixtures/claims.js';
import { runRule } from '../run-rule.js';

const withTin = (tin: string) => {
  const base = sampleClaimInput();
  return sampleClaimInput({ billingProvider: { ...base.billingProvider, tin } });
};

describe('PARTY-EIN', () => {
  it('knows the IRS prefixes, including the edges of each range', () => {
    const valid = [1, 6, 10, 16, 20, 27, 30, 39, 40, 48, 50, 68, 71, 77, 80, 88, 90, 95, 98, 99];
    const invalid = [0, 7, 8, 9, 17, 18, 19, 28, 29, 49, 69, 70, 78, 79, 89, 96, 97];
    expect(valid.filter((p) => !isValidEinPrefix(p))).toEqual([]);
    expect(invalid.filter((p) => isValidEinPrefix(p))).toEqual([]);
  });

  it('passes a valid EIN and flags an unassigned prefix without echoing the number', () => {
    expect(runRule(partyEin, sampleClaimInput())).toEqual([]);
    const findings = runRule(partyEin, withTin('071234567'));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'PARTY-EIN', path: 'billingProvider.tin', severity: 'error' });
    expect(findings[0]?.message).not.toContain('071234567');
  });

  it('checks the pay-to plan TIN too, and the nine-digit shape', () => {
    const findings = runRule(
      partyEin,
      sampleClaimInput({
        payToPlan: { name: 'Plan', payerId: 'PLAN1', tin: '971234567', address: { line1: '1 A St', city: 'Springfield', state: 'IL', postalCode: '62701' } },
      }),
    );
    expect(findings.map((f) => f.path)).toEqual(['payToPlan.tin']);
    expect(einProblem('12-345678')).toContain('nine digits');
  });
});
