/**
 * The 837I walker and builders: 2300 institutional segments (CLM05 A, DTP
 * 434/435/096, CL1, every HI qualifier with POA, HCP), the 2310A-F provider
 * loops, SV2 lines with 2420C rendering, ICD-9 qualifiers, and version
 * detection (X223A1 read with a warning), and the coordination-of-benefits
 * loops (2320 with MIA/MOA, 2330A/2330B, 2430).
 */
import { describe, expect, it } from 'vitest';
import { Claim } from '../../../../lambdas/core/claim/model.js';
import { read837 } from '../../../../lambdas/core/x12/837/read-837.js';
import { readX12 } from '../../../../lambdas/core/x12/reader.js';
import { group, interchange } from '../x12-fixtures.js';

const BODY = [
  'BHT*0019*00*1*20240115*1023*CH',
  'NM1*41*2*PRACTICE EHR*****46*EHR1',
  'PER*IC*DESK*TE*5555550100',
  'NM1*40*2*BILLING CO*****46*BILL1',
  'HL*1**20*1',
  'PRV*BI*PXC*282N00000X',
  'NM1*85*2*GENERAL HOSPITAL*****XX*1234567893',
  'N3*1 HOSPITAL WAY',
  'N4*SPRINGFIELD*IL*627010001',
  'REF*EI*123456789',
  'HL*2*1*22*0',
  'SBR*P*18*GRP1******CI',
  'NM1*IL*1*DOE*JANE****MI*MEM123',
  'N3*1 ELM ST',
  'N4*SPRINGFIELD*IL*62701',
  'DMG*D8*19700101*F',
  'NM1*PR*2*EXAMPLE PLAN*****PI*EXP01',
  'CLM*INST-1*300***11:A:1**A*Y*Y',
  'DTP*434*RD8*20240101-20240103',
  'DTP*435*DT*202401010830',
  'DTP*096*TM*1400',
  'CL1*1*7*01',
  'REF*EA*MRN-77',
  'HI*ABK:A419:::::::Y',
  'HI*ABJ:R509',
  'HI*ABN:W010XXA:::::::N',
  'HI*ABF:E119:::::::U*ABF:I10:::::::W',
  'HI*BBR:02HV33Z:D8:20240102',
  'HI*BBQ:0BH17EZ:D8:20240101',
  'HI*BI:70:RD8:20231201-20231205',
  'HI*BH:11:D8:20231230',
  'HI*BE:80:::3',
  'HI*BG:09',
  'HCP*02*250*50*ORG1**DRG871',
  'NM1*71*1*ATTEND*ANNA****XX*1811111111',
  'PRV*AT*PXC*207R00000X',
  'NM1*72*1*OPER*OTTO****XX*1822222222',
  'NM1*ZZ*1*OTHER*OLGA****XX*1833333333',
  'NM1*82*1*RENDER*RITA****XX*1844444444',
  'NM1*77*2*GENERAL HOSPITAL ANNEX*****XX*1855555555',
  'N3*2 ANNEX RD',
  'N4*SPRINGFIELD*IL*627020001',
  'NM1*DN*1*REFER*RON****XX*1866666666',
  'LX*1',
  'SV2*0120**200*DA*2**15',
  'LX*2',
  'SV2*0300*HC:80053:90*100*UN*1',
  'DTP*472*D8*20240102',
  'REF*6R*L2',
  'NM1*82*1*LAB*LARA****XX*1877777777',
];

function read(version = '005010X223A2', body = BODY) {
  return read837(readX12(interchange(group([body], { version }))), 'acme-billing');
}

describe('837I reader', () => {
  it('maps every institutional loop of the model', () => {
    const result = read();
    expect(result.warnings).toEqual([]);
    const [entry] = result.claims;
    expect(entry?.kind).toBe('institutional');
    const claim = Claim.parse(entry?.claim);
    expect(claim).toMatchObject({
      claimType: 'institutional',
      medicalRecordNumber: 'MRN-77',
      indicators: { assignment: 'A', benefitsAssigned: 'Y', releaseOfInformation: 'Y' },
      diagnoses: [
        { code: 'A419', system: 'ICD-10-CM', presentOnAdmission: 'Y' },
        { code: 'E119', system: 'ICD-10-CM', presentOnAdmission: 'U' },
        { code: 'I10', system: 'ICD-10-CM', presentOnAdmission: 'W' },
      ],
      repricing: { pricingMethodology: '02', allowedAmount: '250.00', savingsAmount: '50.00', organizationId: 'ORG1', drgCode: 'DRG871' },
      renderingProvider: { lastOrOrganizationName: 'RENDER', npi: '1844444444' },
      referringProvider: { lastOrOrganizationName: 'REFER', npi: '1866666666' },
      serviceFacility: { name: 'GENERAL HOSPITAL ANNEX', npi: '1855555555', address: { postalCode: '627020001' } },
      institutional: {
        facilityTypeCode: '11',
        statementFrom: '2024-01-01',
        statementTo: '2024-01-03',
        admission: { date: '2024-01-01', hour: '0830' },
        dischargeHour: '1400',
        admissionTypeCode: '1',
        admissionSourceCode: '7',
        patientStatusCode: '01',
        admittingDiagnosis: 'R509',
        externalCauses: [{ code: 'W010XXA', presentOnAdmission: 'N' }],
        principalProcedure: { code: '02HV33Z', system: 'ICD-10-PCS', date: '2024-01-02' },
        otherProcedures: [{ code: '0BH17EZ', system: 'ICD-10-PCS', date: '2024-01-01' }],
        occurrenceSpans: [{ code: '70', from: '2023-12-01', to: '2023-12-05' }],
        occurrences: [{ code: '11', date: '2023-12-30' }],
        values: [{ code: '80', amount: '3.00' }],
        conditionCodes: ['09'],
        attendingProvider: { lastOrOrganizationName: 'ATTEND', taxonomy: '207R00000X' },
        operatingProvider: { lastOrOrganizationName: 'OPER' },
        otherOperatingProvider: { lastOrOrganizationName: 'OTHER' },
      },
      serviceLines: [
        { revenueCode: '0120', charge: '200.00', unitBasis: 'DA', units: '2', nonCoveredCharge: '15.00', modifiers: [], diagnosisPointers: [] },
        { revenueCode: '0300', procedureCode: '80053', modifiers: ['90'], serviceDate: '2024-01-02', lineItemControlNumber: 'L2', renderingProvider: { npi: '1877777777' } },
      ],
    });
    expect(claim.placeOfService).toBeUndefined();
  });

  it('reads ICD-9 qualifiers with their system', () => {
    const body = BODY.map((s) =>
      s === 'HI*ABK:A419:::::::Y' ? 'HI*BK:0389' : s === 'HI*ABJ:R509' ? 'HI*BJ:7806' : s === 'HI*BBR:02HV33Z:D8:20240102' ? 'HI*BR:3961:D8:20240102' : s,
    );
    const claim = read('005010X223A2', body).claims[0]!.claim;
    expect(claim.diagnoses[0]).toEqual({ code: '0389', system: 'ICD-9-CM' });
    expect(claim.institutional).toMatchObject({ admittingDiagnosis: '7806', principalProcedure: { code: '3961', system: 'ICD-9-CM' } });
  });

  it('reads X223A1 as institutional with a version warning, and points a bad value at its segment and element', () => {
    const body = BODY.map((s) => (s === 'SV2*0120**200*DA*2**15' ? 'SV2*012*HC:99999*200*DA*2**15' : s));
    const result = read('005010X223A1', body);
    expect(result.warnings.map((w) => [w.code, w.segmentId])).toEqual([['X837-VERSION', 'ST']]);
    const entry = result.claims[0]!;
    expect(entry.kind).toBe('institutional');
    const issue = Claim.safeParse(entry.claim).error?.issues[0];
    expect(issue?.path).toEqual(['serviceLines', 0, 'revenueCode']);
    expect(entry.locations.locate('serviceLines[0].revenueCode')).toMatchObject({ segmentId: 'SV2', loop: '2400', element: 'SV201' });
  });

  it('reports what the model does not carry, once per loop occurrence, with loop and position', () => {
    const body = [...BODY];
    // A 2320 with a 2330C (other payer attending provider, not modelled) and a 2330A REF*SY (not modelled).
    body.splice(
      body.indexOf('LX*1'),
      0,
      'SBR*S*01*******CI',
      'OI***Y***Y',
      'NM1*IL*1*DOE*JOHN****MI*OTHER1',
      'REF*SY*123456789',
      'NM1*PR*2*OTHER PLAN*****PI*OTH01',
      'NM1*71*1*ATTEND*ANNA',
      'REF*G2*OTHERPROV1',
    );
    body.splice(body.indexOf('REF*EA*MRN-77'), 0, 'AMT*F3*25', 'REF*D9*CLEARING1');
    const result = read('005010X223A2', body);
    expect(result.warnings.map((w) => [w.code, w.segmentId, w.message])).toEqual([
      ['X837-UNMAPPED-SEGMENT', 'AMT', 'AMT*F3 (loop 2300) is not carried by the canonical claim'],
      ['X837-UNMAPPED-SEGMENT', 'REF', 'REF*D9 (loop 2300) is not carried by the canonical claim'],
      ['X837-UNMAPPED-SEGMENT', 'REF', 'REF*SY (loop 2330A) is not carried by the canonical claim'],
      ['X837-UNMAPPED-LOOP', 'NM1', 'loop 2330C (other payer provider identification) is not carried by the canonical claim'],
    ]);
    for (const warning of result.warnings) expect(warning.message).not.toMatch(/CLEARING1|OTHER1|DOE|123456789/);
    // The other subscriber's NM1s never replace the claim's parties.
    expect(result.claims[0]?.claim.subscriber.memberId).toBe('MEM123');
  });

  it('reads the 2320/2330A/2330B and 2430 loops into otherCoverages and line adjudications', () => {
    const body = [...BODY];
    body.splice(
      body.indexOf('LX*1'),
      0,
      'SBR*P*18*OTHERGRP******MB',
      'CAS*CO*45*40**253*2',
      'CAS*PR*1*58',
      'AMT*D*200',
      'AMT*EAF*58',
      'AMT*A8*15',
      'OI***Y***I',
      'MIA*3**0*1500.5*N130',
      'MOA*0.8*12.5*MA01*N4',
      'NM1*IL*1*DOE*JOHN****MI*OTHER1',
      'N3*9 OTHER ST',
      'N4*DALLAS*TX*75001',
      'NM1*PR*2*OTHER PLAN*****PI*OTH01',
      'REF*2U*PAYER2U',
      'REF*T4*Y',
      'REF*F8*ICN123',
    );
    body.push('SVD*OTH01*90*HC:80053:90*0300*1', 'CAS*CO*45*10', 'DTP*573*D8*20240201', 'AMT*EAF*0');
    const result = read('005010X223A2', body);
    expect(result.warnings).toEqual([]);
    const parsed = Claim.safeParse(result.claims[0]?.claim);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    const claim = parsed.data!;
    expect(claim.otherCoverages).toEqual([
      {
        responsibility: 'P',
        relationship: '18',
        groupNumber: 'OTHERGRP',
        claimFilingIndicator: 'MB',
        subscriber: {
          name: { last: 'DOE', first: 'JOHN' },
          memberId: 'OTHER1',
          address: { line1: '9 OTHER ST', city: 'DALLAS', state: 'TX', postalCode: '75001' },
        },
        payer: { name: 'OTHER PLAN', payerId: 'OTH01', secondaryIds: [{ qualifier: '2U', value: 'PAYER2U' }], claimAdjustmentIndicator: true, claimControlNumber: 'ICN123' },
        benefitsAssigned: 'Y',
        releaseOfInformation: 'I',
        adjudication: {
          paid: '200.00',
          remainingPatientLiability: '58.00',
          nonCoveredAmount: '15.00',
          adjustments: [
            { group: 'CO', reason: '45', amount: '40.00' },
            { group: 'CO', reason: '253', amount: '2.00' },
            { group: 'PR', reason: '1', amount: '58.00' },
          ],
          outpatientRemarks: { reimbursementRate: '0.8', hcpcsPayable: '12.50', remarks: ['MA01', 'N4'] },
          inpatient: { coveredDays: '3', lifetimePsychiatricDays: '0', drgAmount: '1500.50', remarks: ['N130'] },
        },
      },
    ]);
    // SVD04 equal to the line's own revenue code (SV201) is what the writer sends by default: not repeated in the model.
    expect(claim.serviceLines[1]?.adjudications).toEqual([
      {
        payerId: 'OTH01',
        paid: '90.00',
        procedure: { qualifier: 'HC', code: '80053', modifiers: ['90'] },
        units: '1',
        adjustments: [{ group: 'CO', reason: '45', amount: '10.00' }],
        adjudicationDate: '2024-02-01',
        remainingPatientLiability: '0.00',
      },
    ]);
    expect(claim.serviceLines[0]?.adjudications).toBeUndefined();
    const entry = result.claims[0]!;
    expect(entry.locations.locate('otherCoverages[0].adjudication.paid')).toMatchObject({ segmentId: 'AMT', loop: '2320', element: 'AMT02' });
    expect(entry.locations.locate('otherCoverages[0].payer.payerId')).toMatchObject({ segmentId: 'NM1', loop: '2330B', element: 'NM109' });
    expect(entry.locations.locate('serviceLines[1].adjudications[0].adjudicationDate')).toMatchObject({ segmentId: 'DTP', loop: '2430', element: 'DTP03' });
  });
});
