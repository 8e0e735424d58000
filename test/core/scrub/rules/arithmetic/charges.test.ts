import { describe, expect, it } from 'vitest';
import { claimTotalCharge, lineChargePositive } from '../../../../../lambdas/core/scrub/rules/arithmetic/charges.js';
import { sampleClaimInput } from '../../../../fixtures/claims.js';
import { runRule } from '../run-rule.js';

const base = sampleClaimInput();

describe('LINE-CHARGE-POSITIVE', () => {
  it('flags a zero charge on its line and passes positive ones', () => {
    expect(runRule(lineChargePositive, base)).toEqual([]);
    const findings = runRule(lineChargePositive, sampleClaimInput({ serviceLines: [base.serviceLines[0]!, { ...base.serviceLines[1]!, charge: '0.00' }] }));
    expect(findings.map((f) => [f.path, f.line])).toEqual([['serviceLines[1].charge', 2]]);
  });
});

describe('CLAIM-TOTAL-CHARGE', () => {
  it('compares the total with the sum of the lines in exact cents', () => {
    expect(runRule(claimTotalCharge, sampleClaimInput({ totalCharge: '140.50' }))).toEqual([]);
    expect(runRule(claimTotalCharge, sampleClaimInput({ totalCharge: '140.5' }))).toEqual([]);
    const findings = runRule(claimTotalCharge, sampleClaimInput({ totalCharge: '140.51' }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: 'totalCharge', severity: 'error' });
    expect(findings[0]?.message).toContain('140.50');
  });

  it('has nothing to compare when no total is given', () => {
    expect(runRule(claimTotalCharge, base)).toEqual([]);
  });
});
