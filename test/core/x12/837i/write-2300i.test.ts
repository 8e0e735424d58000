import { describe, expect, it } from 'vitest';
import { write837I } from '../../../../lambdas/core/x12/837i/write-837i.js';
import { claim, claimSegments, el, inpatientInput, outpatientInput, receiver, splitX12, tenant, text } from './837i-fixtures.js';
import type { ClaimInput } from '../../../../lambdas/core/claim/model.js';

const createdAt = new Date('2026-10-01T17:05:00Z');
const written = (input: ClaimInput) => splitX12(write837I({ claims: [claim(input)], tenant, receiver, controlNumber: 11, createdAt }));
const loop2300 = (input: ClaimInput) => claimSegments(written(input), input.claimId);
const his = (input: ClaimInput) => loop2300(input).filter((s) => s.id === 'HI').map(text);

describe('2300 CLM, dates and CL1', () => {
  it('writes CLM05 as the type of bill composite, CLM07-09 from the indicators and no CLM06/CLM10-19', () => {
    const [clm] = loop2300(inpatientInput({ indicators: { assignment: 'C', benefitsAssigned: 'W', releaseOfInformation: 'I' }, delayReasonCode: '11' }));
    expect(text(clm)).toBe(`CLM*INP-1*20345.67***11:A:1**C*W*I***********11`);
  });

  it('sums SV203 into CLM02', () => {
    expect(el(loop2300(inpatientInput())[0], 2)).toBe('20345.67');
    expect(el(loop2300(outpatientInput())[0], 2)).toBe('872.4');
  });

  it('writes DTP*096, DTP*434 (RD8), DTP*435 (DT with the hour) then CL1, in guide order', () => {
    const segments = loop2300(inpatientInput()).map(text);
    expect(segments.slice(1, 5)).toEqual(['DTP*096*TM*1415', 'DTP*434*RD8*20260301-20260305', 'DTP*435*DT*202603010930', 'CL1*1*7*01']);
  });

  it('writes the admission as D8 without an hour, and leaves out DTP*096/DTP*435 when not given', () => {
    const base = inpatientInput();
    const noHour = loop2300(inpatientInput({ institutional: { ...base.institutional!, admission: { date: '2026-02-28' }, dischargeHour: undefined } })).map(text);
    expect(noHour.slice(1, 4)).toEqual(['DTP*434*RD8*20260301-20260305', 'DTP*435*D8*20260228', 'CL1*1*7*01']);
    const outpatient = loop2300(outpatientInput()).map(text);
    expect(outpatient.slice(1, 3)).toEqual(['DTP*434*RD8*20260410-20260410', 'CL1**1*01']);
  });

  it('writes PWK, CN1, the REFs in guide order (9F, G1, F8, EA), K3 and NTE with the billing note last', () => {
    const segments = loop2300(
      inpatientInput({
        frequencyCode: '7',
        payerClaimControlNumber: 'PCCN-1',
        priorAuthorization: 'AUTH1',
        referralNumber: 'REF9',
        medicalRecordNumber: 'MRN.5',
        attachments: [{ reportType: 'OB', transmission: 'FX', controlNumber: 'ATT1' }, { reportType: '03', transmission: 'AA' }],
        contract: { typeCode: '02', amount: '100.50', percent: '12.50', code: 'C1', termsDiscountPercent: '2', version: 'V1' },
        supplementalInfo: ['PROPERTY CASUALTY INFO'],
        notes: [{ code: 'ADD', text: 'billing note' }, { code: 'ALG', text: 'penicillin' }],
      }),
    )
      .map(text)
      .filter((s) => !s.startsWith('HI') && !s.startsWith('DTP') && !s.startsWith('HCP'));
    expect(segments.slice(0, 1)[0]).toMatch(/^CLM\*INP-1\*20345\.67\*\*\*11:A:7\*/);
    expect(segments.slice(1)).toEqual([
      'CL1*1*7*01',
      'PWK*OB*FX***AC*ATT1',
      'PWK*03*AA',
      'CN1*02*100.5*12.5*C1*2*V1',
      'REF*9F*REF9',
      'REF*G1*AUTH1',
      'REF*F8*PCCN-1',
      'REF*EA*MRN.5',
      'K3*PROPERTY CASUALTY INFO',
      'NTE*ALG*penicillin',
      'NTE*ADD*billing note',
    ]);
  });

  it('writes REF*F8 for voids and not for originals', () => {
    expect(loop2300(inpatientInput({ frequencyCode: '8', payerClaimControlNumber: 'X1' })).map(text)).toContain('REF*F8*X1');
    expect(loop2300(inpatientInput()).some((s) => s.id === 'REF' && el(s, 1) === 'F8')).toBe(false);
  });

  it('writes HCP with the repricing fields after the HI segments', () => {
    const segments = loop2300(
      inpatientInput({ repricing: { pricingMethodology: '06', allowedAmount: '15000.00', savingsAmount: '345.60', organizationId: 'REPRICER1', rate: '1200.50', drgCode: '247' } }),
    );
    expect(text(segments[segments.length - 1])).toBe('HCP*06*15000*345.6*REPRICER1*1200.5*247');
  });
});

describe('2300 HI segments', () => {
  it('writes every HI family in guide order with ICD-10 qualifiers, POA in component 9 and exempt (1) left empty', () => {
    expect(his(inpatientInput())).toEqual([
      'HI*ABK:I214:::::::Y',
      'HI*ABJ:R079',
      'HI*ABN:Y92009:::::::Y',
      'HI*ABF:E119:::::::Y*ABF:N179:::::::N*ABF:I10',
      'HI*BBR:02703ZZ:D8:20260302',
      'HI*BBQ:B2111ZZ:D8:20260302',
      'HI*BI:74:RD8:20260220-20260222',
      'HI*BH:11:D8:20260228',
      'HI*BE:80:::4*BE:A1:::1600.5',
      'HI*BG:39*BG:C1',
    ]);
  });

  it('writes the patient reason for visit (APR) on outpatient claims', () => {
    expect(his(outpatientInput())).toEqual(['HI*ABK:S52521A', 'HI*APR:M25531*APR:S6990XA', 'HI*ABF:W010XXA']);
  });

  it('uses BK/BJ/BF/BN and BR/BQ for ICD-9 claims before 2015-10-01', () => {
    const base = inpatientInput();
    const icd9 = inpatientInput({
      diagnoses: [{ code: '410.71', system: 'ICD-9-CM', presentOnAdmission: 'Y' }, { code: '250.00', system: 'ICD-9-CM' }],
      institutional: {
        ...base.institutional!,
        statementFrom: '2015-09-01',
        statementTo: '2015-09-05',
        admission: { date: '2015-09-01' },
        admittingDiagnosis: '78650',
        externalCauses: [{ code: 'E8889' }],
        principalProcedure: { code: '3722', system: 'ICD-9-CM', date: '2015-09-02' },
        otherProcedures: [{ code: '8856', system: 'ICD-9-CM', date: '2015-09-02' }],
      },
      serviceLines: [{ revenueCode: '0120', units: 4, unitBasis: 'DA', charge: '100' }],
    });
    expect(his(icd9).slice(0, 6)).toEqual([
      'HI*BK:41071:::::::Y',
      'HI*BJ:78650',
      'HI*BN:E8889',
      'HI*BF:25000',
      'HI*BR:3722:D8:20150902',
      'HI*BQ:8856:D8:20150902',
    ]);
  });

  it('splits 24 other diagnoses, procedures, spans, occurrences, values and conditions into two HI of twelve', () => {
    const base = inpatientInput();
    const codes = Array.from({ length: 24 }, (_, i) => `A${String(i).padStart(2, '0')}`);
    const input = inpatientInput({
      diagnoses: [{ code: 'I214' }, ...codes.map((code) => ({ code: `${code}9` }))],
      institutional: {
        ...base.institutional!,
        otherProcedures: codes.map(() => ({ code: '0DTJ4ZZ', date: '2026-03-02' })),
        occurrenceSpans: codes.map((code) => ({ code: code.slice(1), from: '2026-03-01', to: '2026-03-02' })),
        occurrences: codes.map((code) => ({ code: code.slice(1), date: '2026-03-01' })),
        values: codes.map((code) => ({ code: code.slice(1), amount: '1' })),
        conditionCodes: codes.map((code) => code.slice(1)),
      },
    });
    const counts = new Map<string, number[]>();
    for (const hi of loop2300(input).filter((s) => s.id === 'HI')) {
      const qualifier = el(hi, 1).split(':')[0]!;
      counts.set(qualifier, [...(counts.get(qualifier) ?? []), hi.elements.length - 1]);
    }
    for (const qualifier of ['ABF', 'BBQ', 'BI', 'BH', 'BE', 'BG']) expect(counts.get(qualifier), qualifier).toEqual([12, 12]);
    expect(counts.get('ABK')).toEqual([1]);
    expect(counts.get('BBR')).toEqual([1]);
  });
});
