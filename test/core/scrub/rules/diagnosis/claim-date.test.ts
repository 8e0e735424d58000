import { describe, expect, it } from 'vitest';
import { allDiagnoses, diagnosisDate, inCategoryRange, isInpatient } from '../../../../../lambdas/core/scrub/rules/diagnosis/claim-date.js';
import { inpatient, professional } from '../coding-support.js';

describe('the date diagnoses are coded for', () => {
  it('inpatient 837I: the discharge date (statement period end)', () => {
    const claim = inpatient();
    expect(isInpatient(claim)).toBe(true);
    expect(diagnosisDate(claim)).toBe('2026-03-05');
  });

  it('outpatient 837I and professional claims: the earliest line date', () => {
    const outpatient = inpatient({}, { facilityTypeCode: '13' });
    expect(isInpatient(outpatient)).toBe(false);
    expect(diagnosisDate(outpatient)).toBe('2026-03-01'); // the undated room line stands for the statement start
    const claim = professional({
      serviceLines: [
        { procedureCode: '99213', units: 1, charge: '1.00', serviceDate: '2026-03-04', diagnosisPointers: [1] },
        { procedureCode: '36415', units: 1, charge: '1.00', serviceDate: '2026-03-02', diagnosisPointers: [1] },
      ],
    });
    expect(diagnosisDate(claim)).toBe('2026-03-02');
  });

  it('lists the 837I admitting, reason-for-visit and external-cause codes with their paths', () => {
    expect(allDiagnoses(inpatient()).map((d) => d.path)).toEqual([
      'diagnoses[0].code',
      'diagnoses[1].code',
      'diagnoses[2].code',
      'institutional.admittingDiagnosis',
      'institutional.externalCauses[0].code',
    ]);
  });

  it('category ranges include O9A after O99', () => {
    expect(inCategoryRange('O9A', 'O00', 'O9A')).toBe(true);
    expect(inCategoryRange('P97', 'P00', 'P96')).toBe(false);
  });
});
