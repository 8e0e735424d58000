import { describe, expect, it } from 'vitest';
import { ageOn, ageRule, sexRule } from '../../../../../lambdas/core/scrub/rules/diagnosis/age-sex.js';
import { brief, inpatient, noCodeSets, professional, run } from '../coding-support.js';

const PATIENT = {
  name: { last: 'Child', first: 'Casey' },
  birthDate: '2026-01-15',
  sex: 'M' as const,
  relationship: '19' as const,
  address: { line1: '1 Elm St', city: 'Springfield', state: 'IL', postalCode: '62701' },
};

describe('ageOn', () => {
  it('counts whole years up to the date of service', () => {
    expect(ageOn('1980-03-02', '2026-03-01')).toBe(45);
    expect(ageOn('1980-03-02', '2026-03-02')).toBe(46);
    expect(ageOn('2026-01-15', '2026-03-02')).toBe(0);
  });
});

describe('DX-AGE', () => {
  it('clean claims draw nothing', () => {
    expect(run(ageRule, professional(), noCodeSets())).toEqual([]);
    expect(run(ageRule, inpatient(), noCodeSets())).toEqual([]);
  });

  it('warns on a maternity code for a 76-year-old and a newborn code for an adult', () => {
    const claim = inpatient({ diagnoses: [{ code: 'O80' }, { code: 'P07.30' }, { code: 'I10' }] });
    const findings = run(ageRule, claim, noCodeSets());
    expect(brief(findings)).toEqual(['warning diagnoses[0].code', 'warning diagnoses[1].code']);
    expect(findings[0]!.message).toMatch(/maternity/);
    expect(findings[0]!.message).not.toMatch(/1950/);
  });

  it('uses the patient rather than the subscriber when both are given', () => {
    const claim = professional({ patient: PATIENT, diagnoses: [{ code: 'P07.30' }, { code: 'Z00.00' }] });
    expect(brief(run(ageRule, claim, noCodeSets()))).toEqual(['warning diagnoses[1].code']);
  });
});

describe('DX-SEX', () => {
  it('clean claims draw nothing', () => {
    expect(run(sexRule, professional(), noCodeSets())).toEqual([]);
    expect(run(sexRule, inpatient(), noCodeSets())).toEqual([]);
  });

  it('warns on a male-only code for a female subscriber-patient and a female-only code for a male patient', () => {
    expect(brief(run(sexRule, professional({ diagnoses: [{ code: 'N40.0' }, { code: 'N39.0' }] }), noCodeSets()))).toEqual(['warning diagnoses[0].code']);
    const male = professional({ patient: PATIENT, diagnoses: [{ code: 'N39.0' }, { code: 'N76.0' }, { code: 'C61' }] });
    const findings = run(sexRule, male, noCodeSets());
    expect(brief(findings)).toEqual(['warning diagnoses[1].code']);
    expect(findings[0]!.message).toMatch(/female-only/);
  });

  it('a configured severity applies (e.g. a payer making it an error)', () => {
    // Through the engine: the rule's warning default is configuration, not a hit override.
    const claim = professional({ diagnoses: [{ code: 'N40.0' }] });
    expect(run({ ...sexRule, defaultSeverity: 'error' }, claim, noCodeSets())[0]!.severity).toBe('error');
  });
});
