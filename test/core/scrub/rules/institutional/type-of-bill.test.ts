import { describe, expect, it } from 'vitest';
import { typeOfBillRule } from '../../../../../lambdas/core/scrub/rules/institutional/type-of-bill.js';
import { brief, inpatient, noCodeSets, professional, run } from '../coding-support.js';

describe('INST-TYPE-OF-BILL', () => {
  it('valid types of bill and professional claims draw nothing', () => {
    for (const facilityTypeCode of ['11', '13', '21', '32', '65', '71', '79', '83', '85']) {
      expect(run(typeOfBillRule, inpatient({}, { facilityTypeCode }), noCodeSets())).toEqual([]);
    }
    expect(run(typeOfBillRule, professional(), noCodeSets())).toEqual([]);
  });

  it('flags an unknown facility type and a classification the facility type does not have', () => {
    expect(brief(run(typeOfBillRule, inpatient({}, { facilityTypeCode: '51' }), noCodeSets()))).toEqual(['error institutional.facilityTypeCode']);
    expect(brief(run(typeOfBillRule, inpatient({}, { facilityTypeCode: '19' }), noCodeSets()))).toEqual(['error institutional.facilityTypeCode']);
    expect(brief(run(typeOfBillRule, inpatient({}, { facilityTypeCode: '87' }), noCodeSets()))).toEqual(['error institutional.facilityTypeCode']);
    expect(brief(run(typeOfBillRule, inpatient({}, { facilityTypeCode: '09' }), noCodeSets()))).toEqual(['error institutional.facilityTypeCode']);
  });

  it('flags frequency 6, which the NUBC no longer defines', () => {
    expect(brief(run(typeOfBillRule, inpatient({ frequencyCode: '6' }), noCodeSets()))).toEqual(['error frequencyCode']);
  });
});
