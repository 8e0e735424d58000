import { describe, expect, it } from 'vitest';
import { placeOfServiceValid } from '../../../../../lambdas/core/scrub/rules/arithmetic/place-of-service.js';
import { sampleClaimInput } from '../../../../fixtures/claims.js';
import { outpatientInput } from '../../../x12/837i/837i-fixtures.js';
import { runRule } from '../run-rule.js';

describe('POS-VALID', () => {
  it('passes CMS place of service codes and institutional claims (which carry none)', () => {
    expect(runRule(placeOfServiceValid, sampleClaimInput())).toEqual([]);
    expect(runRule(placeOfServiceValid, sampleClaimInput({ placeOfService: '02' }))).toEqual([]);
    expect(runRule(placeOfServiceValid, outpatientInput())).toEqual([]);
  });

  it('flags unassigned codes at claim and line level', () => {
    const base = sampleClaimInput();
    const findings = runRule(placeOfServiceValid, sampleClaimInput({ placeOfService: '30', serviceLines: [base.serviceLines[0]!, { ...base.serviceLines[1]!, placeOfService: '00' }] }));
    expect(findings.map((f) => [f.path, f.severity])).toEqual([
      ['placeOfService', 'error'],
      ['serviceLines[1].placeOfService', 'error'],
    ]);
  });
});
