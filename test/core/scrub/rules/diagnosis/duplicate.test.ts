import { describe, expect, it } from 'vitest';
import { duplicateRule } from '../../../../../lambdas/core/scrub/rules/diagnosis/duplicate.js';
import { brief, inpatient, noCodeSets, professional, run } from '../coding-support.js';

describe('DX-DUPLICATE', () => {
  it('distinct diagnoses draw nothing', () => {
    expect(run(duplicateRule, professional(), noCodeSets())).toEqual([]);
    expect(run(duplicateRule, inpatient(), noCodeSets())).toEqual([]);
  });

  it('flags each repeat (written with or without the dot) and names the first occurrence', () => {
    const findings = run(duplicateRule, professional({ diagnoses: [{ code: 'E11.9' }, { code: 'I10' }, { code: 'E119' }, { code: 'e11.9' }] }), noCodeSets());
    expect(brief(findings)).toEqual(['error diagnoses[2].code', 'error diagnoses[3].code']);
    expect(findings[0]!.message).toBe('diagnosis E119 repeats diagnosis 1');
  });
});
