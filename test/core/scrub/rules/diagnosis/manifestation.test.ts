import { describe, expect, it } from 'vitest';
import { manifestationRule } from '../../../../../lambdas/core/scrub/rules/diagnosis/manifestation.js';
import { brief, inpatient, noCodeSets, professional, run } from '../coding-support.js';

describe('DX-MANIFESTATION-PRINCIPAL', () => {
  it('the underlying disease first, the manifestation after it: nothing', () => {
    expect(run(manifestationRule, professional({ diagnoses: [{ code: 'E11.9' }, { code: 'G63' }] }), noCodeSets())).toEqual([]);
    expect(run(manifestationRule, inpatient(), noCodeSets())).toEqual([]);
  });

  it('a manifestation code first is an error', () => {
    const findings = run(manifestationRule, professional({ diagnoses: [{ code: 'F02.80' }, { code: 'G30.9' }] }), noCodeSets());
    expect(brief(findings)).toEqual(['error diagnoses[0].code']);
    expect(findings[0]!.message).toMatch(/F0280/);
  });
});
