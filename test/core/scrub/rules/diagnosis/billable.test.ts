import { beforeAll, describe, expect, it } from 'vitest';
import type { InMemoryCodeSets } from '../../../../../lambdas/core/codesets/store.js';
import { billableRule } from '../../../../../lambdas/core/scrub/rules/diagnosis/billable.js';
import { brief, fixtureCodeSets, inpatient, noCodeSets, professional, run } from '../coding-support.js';

let sets: InMemoryCodeSets;
beforeAll(async () => {
  sets = await fixtureCodeSets();
});

const line = (serviceDate: string) => [{ procedureCode: '99213', units: 1, charge: '100.00', serviceDate, diagnosisPointers: [1] }];

describe('DX-BILLABLE', () => {
  it('a clean claim of billable codes draws nothing', () => {
    expect(run(billableRule, professional(), sets)).toEqual([]);
    expect(run(billableRule, inpatient(), sets)).toEqual([]);
  });

  it('a category header is an error naming the code, the path and the code-set version', () => {
    const findings = run(billableRule, professional({ diagnoses: [{ code: 'E11' }, { code: 'I10' }] }), sets);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'DX-BILLABLE', severity: 'error', path: 'diagnoses[0].code', codesetVersion: 'ICD-10-CM FY2026' });
    expect(findings[0]!.message).toMatch(/E11 is a category header/);
  });

  it('an unknown code is an error', () => {
    const findings = run(billableRule, professional({ diagnoses: [{ code: 'I10' }, { code: 'Z99.999' }] }), sets);
    expect(brief(findings)).toEqual(['error diagnoses[1].code']);
    expect(findings[0]!.message).toMatch(/not a valid ICD-10-CM code/);
  });

  it('follows the date of service: B88.0 is billable in FY2025 and a header from 2025-10-01; B88.01 only exists from then', () => {
    const before = professional({ diagnoses: [{ code: 'B88.0' }, { code: 'B88.01' }], serviceLines: line('2025-09-30') });
    const after = professional({ diagnoses: [{ code: 'B88.0' }, { code: 'B88.01' }], serviceLines: line('2025-10-01') });
    const b = run(billableRule, before, sets);
    expect(brief(b)).toEqual(['error diagnoses[1].code']);
    expect(b[0]!.codesetVersion).toBe('ICD-10-CM FY2025');
    const a = run(billableRule, after, sets);
    expect(brief(a)).toEqual(['error diagnoses[0].code']);
    expect(a[0]!.codesetVersion).toBe('ICD-10-CM FY2026');
  });

  it('an inpatient claim is coded for its discharge date (statementTo)', () => {
    // Admitted in FY2025, discharged in FY2026: the FY2026 addition E11.A is valid.
    const claim = inpatient({ diagnoses: [{ code: 'E11.A', presentOnAdmission: 'Y' }] }, { statementFrom: '2025-09-28', statementTo: '2025-10-02', admission: { date: '2025-09-28' }, principalProcedure: undefined, otherProcedures: undefined });
    expect(run(billableRule, claim, sets)).toEqual([]);
  });

  it('checks the 837I admitting diagnosis, reasons for visit and external causes too', () => {
    const claim = inpatient({}, { admittingDiagnosis: 'R05', externalCauses: [{ code: 'W01.0XXA' }] });
    expect(brief(run(billableRule, claim, sets))).toEqual(['error institutional.admittingDiagnosis']);
  });

  it('leaves a missing 7th character to DX-SEVENTH-CHARACTER', () => {
    expect(run(billableRule, professional({ diagnoses: [{ code: 'S52.501' }] }), sets)).toEqual([]);
  });

  it('without ICD-10-CM for the date: one "not verified" warning per code, never an error', () => {
    const findings = run(billableRule, professional(), noCodeSets());
    expect(brief(findings)).toEqual(['warning diagnoses[0].code', 'warning diagnoses[1].code']);
    expect(findings[0]!.message).toMatch(/not verified/);
    expect(findings[0]!.codesetVersion).toBeUndefined();
  });

  it('ICD-9-CM is an error from 2015-10-01 on and unverified before; ICD-10-CM before then is an error', () => {
    const icd9 = professional({ diagnoses: [{ code: '250.00', system: 'ICD-9-CM' }] });
    expect(brief(run(billableRule, icd9, sets))).toEqual(['error diagnoses[0].code']);
    const old9 = professional({ diagnoses: [{ code: '250.00', system: 'ICD-9-CM' }], serviceLines: line('2015-09-30') });
    expect(brief(run(billableRule, old9, sets))).toEqual(['warning diagnoses[0].code']);
    const old10 = professional({ diagnoses: [{ code: 'E11.9' }], serviceLines: line('2015-09-30') });
    expect(brief(run(billableRule, old10, sets))).toEqual(['error diagnoses[0].code']);
  });
});
