import { describe, expect, it } from 'vitest';
import type { ClaimInput } from '../../../../lambdas/core/claim/model.js';
import { Claim837Error } from '../../../../lambdas/core/x12/837/write-errors.js';
import { check837I } from '../../../../lambdas/core/x12/837i/check-837i.js';
import { Claim837IError } from '../../../../lambdas/core/x12/837i/errors-837i.js';
import { assertWritable837I, write837I } from '../../../../lambdas/core/x12/837i/write-837i.js';
import { resolveDelimiters } from '../../../../lambdas/core/x12/writer.js';
import { claim, inpatientInput, outpatientInput, receiver, tenant } from './837i-fixtures.js';

type Inst = NonNullable<ClaimInput['institutional']>;
const inp = inpatientInput();
const out = outpatientInput();
const withInst = (base: ClaimInput, change: Partial<Inst>): ClaimInput => ({ ...base, institutional: { ...base.institutional!, ...change } });
const codes = (input: ClaimInput) => check837I(claim(input), 'writer-test').map((p) => p.code);

describe('check837I', () => {
  it('accepts the inpatient and outpatient fixtures', () => {
    expect(codes(inp)).toEqual([]);
    expect(codes(out)).toEqual([]);
  });

  const cases: Array<[string, ClaimInput, string]> = [
    ['a professional claim', { ...inp, claimType: 'professional', institutional: undefined, placeOfService: '11', serviceLines: [{ procedureCode: '99213', charge: '1', units: 1, serviceDate: '2026-03-01', diagnosisPointers: [1] }], diagnoses: [{ code: 'I10' }] }, 'UNSUPPORTED_CLAIM_TYPE'],
    ['a replacement without REF*F8', { ...inp, frequencyCode: '7' }, 'FREQUENCY_NEEDS_PAYER_CLAIM_CONTROL_NUMBER'],
    ['a void without REF*F8', { ...inp, frequencyCode: '8' }, 'FREQUENCY_NEEDS_PAYER_CLAIM_CONTROL_NUMBER'],
    ['an inpatient claim without admission', withInst(inp, { admission: undefined }), 'INPATIENT_ADMISSION_REQUIRED'],
    ['an inpatient claim without CL101', withInst(inp, { admissionTypeCode: undefined }), 'INPATIENT_ADMISSION_TYPE_REQUIRED'],
    ['an inpatient claim without an admitting diagnosis', withInst(inp, { admittingDiagnosis: undefined }), 'INPATIENT_ADMITTING_DIAGNOSIS_REQUIRED'],
    ['a claim without CL103', withInst(out, { patientStatusCode: undefined }), 'PATIENT_STATUS_REQUIRED'],
    ['a reversed statement period', withInst(out, { statementFrom: '2026-04-11' }), 'STATEMENT_PERIOD_REVERSED'],
    ['POA on an outpatient claim', { ...out, diagnoses: [{ code: 'S52521A', presentOnAdmission: 'Y' }] }, 'PRESENT_ON_ADMISSION_NOT_INPATIENT'],
    ['POA on an outpatient external cause', withInst(out, { externalCauses: [{ code: 'W010XXA', presentOnAdmission: 'N' }] }), 'PRESENT_ON_ADMISSION_NOT_INPATIENT'],
    ['ICD procedures on an outpatient claim', withInst(out, { principalProcedure: { code: '0DTJ4ZZ', date: '2026-04-10' } }), 'PROCEDURE_ON_OUTPATIENT_CLAIM'],
    ['other procedures without a principal one', withInst(inp, { principalProcedure: undefined }), 'OTHER_PROCEDURES_WITHOUT_PRINCIPAL'],
    ['ICD-9 procedures on an ICD-10 claim', withInst(inp, { principalProcedure: { code: '3722', system: 'ICD-9-CM', date: '2026-03-02' } }), 'PROCEDURE_CODE_SYSTEM_MISMATCH'],
    ['ICD-10 diagnoses before 2015-10-01', withInst(inp, { statementFrom: '2015-09-01', statementTo: '2015-09-30', admission: { date: '2015-09-01' } }), 'DIAGNOSIS_CODE_SYSTEM_FOR_DATES'],
    ['ICD-9 diagnoses for a discharge from 2015-10-01', { ...withInst(inp, { admittingDiagnosis: '78650', externalCauses: undefined, principalProcedure: undefined, otherProcedures: undefined }), diagnoses: [{ code: '41071', system: 'ICD-9-CM' }] }, 'DIAGNOSIS_CODE_SYSTEM_FOR_DATES'],
    ['an outpatient claim straddling 2015-10-01', { ...withInst(out, { statementFrom: '2015-09-30', statementTo: '2015-10-01', reasonForVisit: undefined }), serviceLines: [{ revenueCode: '0450', charge: '1', units: 1 }] }, 'DIAGNOSIS_CODE_SYSTEM_FOR_DATES'],
    ['mixed diagnosis systems', { ...inp, diagnoses: [{ code: 'I214' }, { code: '25000', system: 'ICD-9-CM' }] }, 'MIXED_DIAGNOSIS_CODE_SYSTEMS'],
    ['an ICD-9 admitting diagnosis on an ICD-10 claim', withInst(inp, { admittingDiagnosis: '78650' }), 'MIXED_DIAGNOSIS_CODE_SYSTEMS'],
    ['a reversed occurrence span', withInst(inp, { occurrenceSpans: [{ code: '74', from: '2026-02-22', to: '2026-02-20' }] }), 'OCCURRENCE_SPAN_REVERSED'],
    ['a person billing provider', { ...inp, billingProvider: { ...inp.billingProvider, entity: 'person', firstName: 'Bo' } }, 'BILLING_PROVIDER_NOT_ORGANIZATION'],
    ['a five-digit billing ZIP', { ...inp, billingProvider: { ...inp.billingProvider, address: { ...inp.billingProvider.address, postalCode: '62704' } } }, 'BILLING_PROVIDER_ZIP_NOT_NINE_DIGITS'],
    ['an organization attending provider', withInst(inp, { attendingProvider: { entity: 'organization', lastOrOrganizationName: 'Group', npi: '1333023582' } }), 'PROVIDER_NOT_PERSON'],
    ['an organization referring provider', { ...inp, referringProvider: { entity: 'organization', lastOrOrganizationName: 'Group', npi: '1333023582' } }, 'REFERRING_PROVIDER_NOT_PERSON'],
    ['no attending provider', withInst(out, { attendingProvider: undefined }), 'ATTENDING_PROVIDER_REQUIRED'],
    ['MJ (minutes) as the unit basis', { ...out, serviceLines: [{ ...out.serviceLines[0]!, unitBasis: 'MJ' }] }, 'UNIT_BASIS_NOT_INSTITUTIONAL'],
    ['an outpatient HCPCS line without a date', { ...out, serviceLines: [{ ...out.serviceLines[0]!, serviceDate: undefined }] }, 'LINE_SERVICE_DATE_REQUIRED'],
    ['modifiers without a procedure code', { ...inp, serviceLines: [{ revenueCode: '0250', charge: '1', units: 1, modifiers: ['25'] }] }, 'MODIFIERS_WITHOUT_PROCEDURE_CODE'],
    ['a total charge that is not the sum of the lines', { ...inp, totalCharge: '1.00' }, 'TOTAL_CHARGE_MISMATCH'],
    ['a negative line charge', { ...inp, serviceLines: [{ revenueCode: '0250', charge: '-1', units: 1 }] }, 'NEGATIVE_CHARGE'],
    ['a negative non-covered charge', { ...inp, serviceLines: [{ revenueCode: '0250', charge: '1', units: 1, nonCoveredCharge: '-1' }] }, 'NEGATIVE_AMOUNT'],
    ['zero units', { ...inp, serviceLines: [{ revenueCode: '0250', charge: '1', units: '0.0' }] }, 'UNITS_NOT_POSITIVE'],
    ['a repeated line item control number', { ...inp, serviceLines: [{ revenueCode: '0250', charge: '1', units: 1, lineItemControlNumber: 'A' }, { revenueCode: '0250', charge: '1', units: 1, lineItemControlNumber: 'A' }] }, 'DUPLICATE_LINE_ITEM_CONTROL_NUMBER'],
    ['an 837P note code', { ...inp, notes: [{ code: 'CER', text: 'x' }] }, 'NOTE_REFERENCE_CODE'],
    ['two billing notes', { ...inp, notes: [{ code: 'ADD', text: 'x' }, { code: 'ADD', text: 'y' }] }, 'TOO_MANY_CLAIM_NOTES'],
    ['a faxed attachment without a control number', { ...inp, attachments: [{ reportType: 'OB', transmission: 'FX' }] }, 'ATTACHMENT_NEEDS_CONTROL_NUMBER'],
    ['an unknown attachment report type', { ...inp, attachments: [{ reportType: 'ZZ', transmission: 'AA' }] }, 'ATTACHMENT_REPORT_TYPE'],
    ['an unknown pricing methodology', { ...inp, repricing: { pricingMethodology: '99', allowedAmount: '1' } }, 'PRICING_METHODOLOGY'],
    ['an 837P-only field', { ...inp, cliaNumber: 'CLIA1' }, 'FIELD_NOT_USED_ON_837I'],
    ['SBR05 on an 837I', { ...inp, payer: { ...inp.payer, insuranceTypeCode: '12' } }, 'FIELD_NOT_USED_ON_837I'],
    ['line diagnosis pointers', { ...inp, serviceLines: [{ revenueCode: '0250', charge: '1', units: 1, diagnosisPointers: [1] }] }, 'FIELD_NOT_USED_ON_837I'],
    ['two REF*SY', { ...inp, subscriber: { ...inp.subscriber, secondaryIds: [{ qualifier: 'SY', value: '123456789' }, { qualifier: 'SY', value: '987654321' }] } }, 'DUPLICATE_SECONDARY_ID'],
    ['a prior authorization X12 would alter', { ...inp, priorAuthorization: 'AB*1' }, 'IDENTIFIER_NOT_X12_SAFE'],
    ['a provider name of delimiters only', withInst(inp, { operatingProvider: { entity: 'person', lastOrOrganizationName: '*~', npi: '1094129081' } }), 'EMPTY_AFTER_SANITISING'],
    ['a state outside the US list', { ...inp, payToAddress: { line1: '1 Pay St', city: 'Toronto', state: 'ON', postalCode: '12345' } }, 'INVALID_STATE_CODE'],
    ['a procedure date before 1900', withInst(inp, { occurrences: [{ code: '11', date: '1899-12-31' }] }), 'DATE_BEFORE_1900'],
    ['a claim of another tenant', { ...inp, tenantId: 'other-tenant' }, 'TENANT_MISMATCH'],
  ];

  it.each(cases)('refuses %s', (_name, input, code) => {
    expect(codes(input)).toEqual([code]);
  });

  it('names fields, loops and elements in its messages, never the values', () => {
    const input: ClaimInput = {
      ...inp,
      claimId: 'SECRET-CLAIM',
      priorAuthorization: 'SECRETAUTH*',
      subscriber: { ...inp.subscriber, memberId: 'SECRET~ID' },
      institutional: { ...inp.institutional!, attendingProvider: { entity: 'organization', lastOrOrganizationName: 'SECRETORG', npi: '1333023582' } },
    };
    const problems = check837I(claim(input));
    expect(problems.length).toBeGreaterThanOrEqual(3);
    for (const problem of problems) {
      expect(problem).toBeInstanceOf(Claim837Error);
      expect(problem).toBeInstanceOf(Claim837IError);
      expect(problem.claimId).toBe('SECRET-CLAIM');
      expect(problem.message).not.toMatch(/SECRET/);
    }
  });

  it('assertWritable837I and write837I refuse the whole set with the first problem', () => {
    const bad = claim({ ...inp, claimId: 'BAD', frequencyCode: '7' });
    const good = claim(out);
    expect(() => assertWritable837I([good, bad], 'writer-test', resolveDelimiters())).toThrowError(
      expect.objectContaining({ code: 'FREQUENCY_NEEDS_PAYER_CLAIM_CONTROL_NUMBER', claimId: 'BAD' }),
    );
    expect(() => write837I({ claims: [good, bad], tenant, receiver, controlNumber: 1, createdAt: new Date() })).toThrow(Claim837Error);
    expect(() => assertWritable837I([good, claim({ ...out })], 'writer-test', resolveDelimiters())).toThrowError(expect.objectContaining({ code: 'DUPLICATE_CLAIM_ID' }));
    expect(() => assertWritable837I([], 'writer-test', resolveDelimiters())).toThrowError(expect.objectContaining({ code: 'NO_CLAIMS' }));
  });

  it('accepts ICD-9 claims before 2015-10-01 and a replacement with REF*F8', () => {
    const icd9 = {
      ...withInst(inp, {
        statementFrom: '2015-09-01',
        statementTo: '2015-09-30',
        admission: { date: '2015-09-01' },
        admittingDiagnosis: '78650',
        externalCauses: [{ code: 'E8889', presentOnAdmission: 'Y' as const }],
        principalProcedure: { code: '3722', system: 'ICD-9-CM' as const, date: '2015-09-02' },
        otherProcedures: undefined,
      }),
      diagnoses: [{ code: '41071', system: 'ICD-9-CM' as const }],
    };
    expect(codes(icd9)).toEqual([]);
    expect(codes({ ...inp, frequencyCode: '7', payerClaimControlNumber: 'PCCN1' })).toEqual([]);
    // An ambulance-only claim may go without an attending provider.
    expect(codes({ ...withInst(out, { attendingProvider: undefined, reasonForVisit: undefined }), serviceLines: [{ revenueCode: '0540', procedureCode: 'A0427', charge: '900', units: 1, serviceDate: '2026-04-10' }] })).toEqual([]);
  });
});
