import { describe, expect, it } from 'vitest';
import { externalCauseRule } from '../../../../../lambdas/core/scrub/rules/diagnosis/external-cause.js';
import { brief, inpatient, noCodeSets, professional, run } from '../coding-support.js';

describe('DX-EXTERNAL-CAUSE-PRINCIPAL', () => {
  it('external causes listed after the injury draw nothing', () => {
    expect(run(externalCauseRule, professional({ diagnoses: [{ code: 'S52.501A' }, { code: 'W01.0XXA' }] }), noCodeSets())).toEqual([]);
    expect(run(externalCauseRule, inpatient(), noCodeSets())).toEqual([]);
  });

  it('flags V00-Y99 as the first-listed diagnosis, at both ends of the range', () => {
    for (const code of ['V00.01XA', 'W01.0XXA', 'Y99.8']) {
      const findings = run(externalCauseRule, professional({ diagnoses: [{ code }, { code: 'S52.501A' }] }), noCodeSets());
      expect(brief(findings)).toEqual(['error diagnoses[0].code']);
    }
  });

  it('does not mistake codes just outside the range', () => {
    expect(run(externalCauseRule, professional({ diagnoses: [{ code: 'Z23' }] }), noCodeSets())).toEqual([]);
    expect(run(externalCauseRule, professional({ diagnoses: [{ code: 'T07' }] }), noCodeSets())).toEqual([]);
  });

  it('flags an external cause as the 837I admitting diagnosis', () => {
    expect(brief(run(externalCauseRule, inpatient({}, { admittingDiagnosis: 'W01.0XXA' }), noCodeSets()))).toEqual(['error institutional.admittingDiagnosis']);
  });
});
