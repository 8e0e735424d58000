import { describe, expect, it } from 'vitest';
import { check837P } from '../../../../lambdas/core/x12/837/check-837p.js';
import { claim, fullClaim, tag } from '../837p-fixtures.js';
import { claimPart, elementsOf, expectRefused, write } from './helpers.js';

describe('837P 2300 claim segments', () => {
  const part = claimPart(write([fullClaim()]), 'FULL-0001');

  it('writes the 2300 segments in the guide order', () => {
    const tags = part.map(tag);
    expect(tags.slice(0, tags.indexOf('NM1*DN'))).toEqual([
      'CLM',
      'DTP*431', 'DTP*454', 'DTP*304', 'DTP*453', 'DTP*439', 'DTP*484', 'DTP*455', 'DTP*435', 'DTP*096',
      'PWK', 'PWK', 'CN1', 'AMT*F5',
      'REF*9F', 'REF*G1', 'REF*F8', 'REF*X4', 'REF*EA',
      'K3', 'K3', 'NTE', 'CR1', 'CRC*07', 'CRC*07', 'HI*ABK', 'HCP',
    ]);
  });

  it('writes CLM06-CLM11 and CLM20 from the claim', () => {
    expect(elementsOf(part, 'CLM')).toEqual([
      'FULL-0001', '140.5', '', '', '11:B:7', 'N', 'C', 'W', 'I', 'P', 'AA:EM::IL:US', '', '', '', '', '', '', '', '', '11',
    ]);
  });

  it('defaults the indicators to Y, A, Y, Y and leaves CLM10 onwards out', () => {
    expect(elementsOf(write([claim()]), 'CLM')).toEqual(['WT-0001', '140.5', '', '', '11:B:1', 'Y', 'A', 'Y', 'Y']);
  });

  it('writes PWK with AC and the control number only when there is one', () => {
    expect(part.filter((s) => s.id === 'PWK').map((s) => s.elements.slice(1))).toEqual([
      ['B4', 'FX', '', '', 'AC', 'ATT-1'],
      ['OZ', 'AA'],
    ]);
  });

  it('writes CN1, AMT*F5, K3, NTE and HCP as X12 decimals and upper-case text', () => {
    expect(elementsOf(part, 'CN1')).toEqual(['02', '300', '12.5', 'CTR-9', '2', 'V1']);
    expect(elementsOf(part, 'AMT')).toEqual(['F5', '20']);
    expect(part.filter((s) => s.id === 'K3').map((s) => s.elements[1])).toEqual(['FIRST K3 LINE', 'SECOND K3 LINE']);
    expect(elementsOf(part, 'NTE')).toEqual(['ADD', 'ADDITIONAL INFORMATION']);
    expect(elementsOf(part, 'HCP')).toEqual(['02', '100', '40.5', 'REPRICER1', '75.5']);
  });

  it('writes up to 12 diagnoses in one HI, ABK then ABF', () => {
    const hi = elementsOf(part, 'HI')!;
    expect(hi).toHaveLength(12);
    expect(hi[0]).toBe('ABK:S100XXA');
    expect(hi.slice(1).every((e) => e.startsWith('ABF:'))).toBe(true);
  });

  it('writes ICD-9-CM diagnoses as BK/BF for services before 2015-10-01 and refuses them after', () => {
    const lines = claim().serviceLines.map((l) => ({ ...l, serviceDate: '2015-09-30' }));
    const icd9 = claim({ diagnoses: [{ code: '250.00', system: 'ICD-9-CM' }, { code: 'V70.0', system: 'ICD-9-CM' }], serviceLines: lines });
    expect(elementsOf(write([icd9]), 'HI')).toEqual(['BK:25000', 'BF:V700']);
    const late = claim({ diagnoses: [{ code: '250.00', system: 'ICD-9-CM' }, { code: 'V70.0', system: 'ICD-9-CM' }] });
    expect(check837P(late).map((p) => p.code)).toEqual(['DIAGNOSIS_CODE_SYSTEM_FOR_DATES']);
  });

  it('refuses what the guide does not allow in these segments', () => {
    const full = fullClaim();
    expectRefused({ relatedCauses: { codes: ['OA'] }, dates: { ...full.dates, accident: undefined } }, ['ACCIDENT_DATE_REQUIRED']);
    expectRefused({ relatedCauses: { codes: ['AA'] } }, ['AUTO_ACCIDENT_STATE_REQUIRED']);
    // An auto accident abroad names the country (CLM11-5) instead of a state.
    expect(check837P(fullClaim({ relatedCauses: { codes: ['AA'], country: 'DE' } }))).toEqual([]);
    expectRefused({ relatedCauses: { codes: ['EM', 'EM'] } }, ['DUPLICATE_RELATED_CAUSE']);
    expectRefused({ relatedCauses: { codes: ['AA'], state: 'ZZ' } }, ['INVALID_STATE_CODE']);
    expectRefused({ relatedCauses: { codes: ['AA'], state: 'IL', country: 'XX' } }, ['INVALID_COUNTRY_CODE']);
    expectRefused({ dates: { ...full.dates, discharge: '2026-02-01' } }, ['DATES_REVERSED']);
    expectRefused({ dates: { ...full.dates, onset: '1899-12-31' } }, ['DATE_BEFORE_1900']);
    expectRefused({ attachments: [{ reportType: 'ZZ', transmission: 'AA' }] }, ['ATTACHMENT_REPORT_TYPE']);
    expectRefused({ attachments: [{ reportType: 'B4', transmission: 'EL' }] }, ['ATTACHMENT_NEEDS_CONTROL_NUMBER']);
    expectRefused({ patientPaid: '-5.00' }, ['NEGATIVE_AMOUNT']);
    expectRefused({ notes: [{ code: 'ADD', text: 'one' }, { code: 'DCP', text: 'two' }] }, ['TOO_MANY_CLAIM_NOTES']);
    expectRefused({ notes: [{ code: 'UPI', text: 'one' }] }, ['NOTE_REFERENCE_CODE']);
    expectRefused({ repricing: { ...full.repricing!, pricingMethodology: '06' } }, ['PRICING_METHODOLOGY']);
    expectRefused({ repricing: { ...full.repricing!, drgCode: '470' } }, ['REPRICING_DRG_NOT_PROFESSIONAL']);
    expectRefused({ referralNumber: 'REF~9F' }, ['IDENTIFIER_NOT_X12_SAFE']);
    expectRefused({ supplementalInfo: ['李'] }, ['EMPTY_AFTER_SANITISING']);
  });
});
