import { beforeAll, describe, expect, it } from 'vitest';
import type { InMemoryCodeSets } from '../../../../../lambdas/core/codesets/store.js';
import { presentOnAdmissionRule } from '../../../../../lambdas/core/scrub/rules/diagnosis/present-on-admission.js';
import { brief, fixtureCodeSets, inpatient, noCodeSets, professional, run } from '../coding-support.js';

let sets: InMemoryCodeSets;
beforeAll(async () => {
  sets = await fixtureCodeSets();
});

describe('DX-POA', () => {
  it('a clean inpatient claim (exempt external cause left blank) and professional claims draw nothing', () => {
    expect(run(presentOnAdmissionRule, inpatient(), sets)).toEqual([]);
    expect(run(presentOnAdmissionRule, professional(), sets)).toEqual([]);
  });

  it('a missing indicator on a non-exempt code is an error', () => {
    const findings = run(presentOnAdmissionRule, inpatient({ diagnoses: [{ code: 'N39.0', presentOnAdmission: 'Y' }, { code: 'E11.9' }] }), sets);
    expect(brief(findings)).toEqual(['error diagnoses[1].presentOnAdmission']);
    expect(findings[0]!.codesetVersion).toBe('POA-EXEMPT FY2026');
  });

  it('an exempt code must be blank (or 1); a non-exempt code may not use 1', () => {
    const claim = inpatient(
      { diagnoses: [{ code: 'N39.0', presentOnAdmission: '1' }, { code: 'Z23', presentOnAdmission: 'Y' }, { code: 'Z3A.39', presentOnAdmission: '1' }] },
      { externalCauses: [{ code: 'W01.0XXA', presentOnAdmission: 'N' }] },
    );
    expect(brief(run(presentOnAdmissionRule, claim, sets))).toEqual([
      'error diagnoses[0].presentOnAdmission',
      'error diagnoses[1].presentOnAdmission',
      'error institutional.externalCauses[0].presentOnAdmission',
    ]);
  });

  it('outpatient 837I (type of bill 013x) is not checked', () => {
    const claim = inpatient({ diagnoses: [{ code: 'N39.0' }] }, { facilityTypeCode: '13' });
    expect(run(presentOnAdmissionRule, claim, sets)).toEqual([]);
  });

  it('without the POA-exempt list: "not verified" warnings, never errors', () => {
    const missing = run(presentOnAdmissionRule, inpatient({ diagnoses: [{ code: 'N39.0', presentOnAdmission: 'Y' }, { code: 'E11.9' }] }), noCodeSets());
    expect(brief(missing)).toEqual(['warning diagnoses[1].presentOnAdmission', 'warning institutional.externalCauses[0].presentOnAdmission']);
    const complete = run(presentOnAdmissionRule, inpatient({}, { externalCauses: [] }), noCodeSets());
    expect(brief(complete)).toEqual(['warning diagnoses']);
    expect(complete[0]!.message).toMatch(/not verified/);
  });
});
