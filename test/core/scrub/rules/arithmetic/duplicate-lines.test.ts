import { describe, expect, it } from 'vitest';
import { lineDuplicate } from '../../../../../lambdas/core/scrub/rules/arithmetic/duplicate-lines.js';
import { sampleClaimInput } from '../../../../fixtures/claims.js';
import { runRule } from '../run-rule.js';

const base = sampleClaimInput();
const first = { ...base.serviceLines[0]!, modifiers: ['25', 'GT'] };
const claimWith = (...lines: NonNullable<typeof base.serviceLines>) => sampleClaimInput({ serviceLines: lines });

describe('LINE-DUPLICATE', () => {
  it('warns on a line repeating code, modifiers (in any order), date and charge', () => {
    const findings = runRule(lineDuplicate, claimWith(first, base.serviceLines[1]!, { ...first, modifiers: ['GT', '25'], charge: '125.0' }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'LINE-DUPLICATE', severity: 'warning', path: 'serviceLines[2]', line: 3 });
    expect(findings[0]?.message).toContain('line 1');
  });

  it('passes lines that differ in date, charge, modifiers or code', () => {
    expect(runRule(lineDuplicate, base)).toEqual([]);
    expect(runRule(lineDuplicate, claimWith(first, { ...first, serviceDate: '2026-03-03' }))).toEqual([]);
    expect(runRule(lineDuplicate, claimWith(first, { ...first, charge: '99.00' }))).toEqual([]);
    expect(runRule(lineDuplicate, claimWith(first, { ...first, modifiers: ['25', 'GT', '76'] }))).toEqual([]);
    expect(runRule(lineDuplicate, claimWith(first, { ...first, procedureCode: '99214' }))).toEqual([]);
  });
});
