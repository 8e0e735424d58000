import { describe, expect, it } from 'vitest';
import { isRevenueCode, revenueCodeRule } from '../../../../../lambdas/core/scrub/rules/institutional/revenue-code.js';
import { brief, inpatient, noCodeSets, professional, run } from '../coding-support.js';

describe('INST-REVENUE-CODE', () => {
  it('knows the NUBC ranges', () => {
    expect(['0100', '0450', '0999', '1000', '2101', '3109'].every(isRevenueCode)).toBe(true);
    expect(['0001', '0099', '1100', '2000', '4000', '045'].some(isRevenueCode)).toBe(false);
  });

  it('clean claims draw nothing', () => {
    expect(run(revenueCodeRule, inpatient(), noCodeSets())).toEqual([]);
    expect(run(revenueCodeRule, professional(), noCodeSets())).toEqual([]);
  });

  it('flags the total line 0001 and codes outside the ranges', () => {
    const claim = inpatient({
      serviceLines: [
        { revenueCode: '0001', units: 1, charge: '10.00' },
        { revenueCode: '0120', units: 1, unitBasis: 'DA', charge: '10.00' },
        { revenueCode: '5000', units: 1, charge: '10.00' },
      ],
    });
    expect(brief(run(revenueCodeRule, claim, noCodeSets()))).toEqual(['error serviceLines[0].revenueCode', 'error serviceLines[2].revenueCode']);
  });
});
