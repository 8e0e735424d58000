/**
 * Inputs and a small independent splitter for the 837I writer tests. The
 * splitter knows only the delimiters it is given; it does not reuse the
 * writer, so the tests check the writer's output from the outside.
 */
import { Claim, type ClaimInput } from '../../../../lambdas/core/claim/model.js';
import { TenantConfig } from '../../../../lambdas/core/tenant/config.js';

export const tenant = TenantConfig.parse({
  tenantId: 'writer-test',
  name: 'Writer Test Billing',
  schedule: { expression: 'cron(0 18 ? * MON-FRI *)', timezone: 'UTC' },
  submitter: { name: 'Writer Test Billing', identifier: 'WTB001', contactName: 'Desk', phone: '5555550100' },
  interchange: { senderQualifier: 'ZZ', senderId: 'WRITERTEST', gsSenderCode: 'WRITERTEST', usage: 'T' },
  receivers: [
    { id: 'house', name: 'Test Clearinghouse', identifier: 'TESTCH', isaQualifier: 'ZZ', isaId: 'TESTCH', gsReceiverCode: 'TESTCH', default: true },
  ],
});
export const receiver = tenant.receivers[0]!;

export const HOSPITAL = {
  entity: 'organization' as const,
  lastOrOrganizationName: 'General Hospital Demo',
  npi: '1221254166',
  tin: '271234501',
  taxonomy: '282N00000X',
  address: { line1: '1 Hospital Way', city: 'Springfield', state: 'IL', postalCode: '627040001' },
};

export const ATTENDING = { entity: 'person' as const, lastOrOrganizationName: 'Attend', firstName: 'Ada', npi: '2872229382', taxonomy: '207RC0000X' };
export const OPERATING = { entity: 'person' as const, lastOrOrganizationName: 'Operate', firstName: 'Otto', npi: '1094129081' };
export const OTHER_OPERATING = { entity: 'person' as const, lastOrOrganizationName: 'Assist', firstName: 'Ava', npi: '2772654200' };
export const RENDERING = { entity: 'person' as const, lastOrOrganizationName: 'Render', firstName: 'Rae', npi: '1976726814' };
export const REFERRING = { entity: 'person' as const, lastOrOrganizationName: 'Refer', firstName: 'Rex', npi: '2625489762' };

/** An inpatient (type of bill 0111) claim with procedures, POA and every HI family. */
export function inpatientInput(overrides: Partial<ClaimInput> = {}): ClaimInput {
  return {
    tenantId: 'writer-test',
    claimId: 'INP-1',
    claimType: 'institutional',
    billingProvider: HOSPITAL,
    subscriber: {
      memberId: 'MEM123456',
      name: { last: 'Patient', first: 'Pat' },
      birthDate: '1950-02-03',
      sex: 'F',
      address: { line1: '9 Home St', city: 'Springfield', state: 'IL', postalCode: '62704' },
      groupNumber: 'GRP1',
    },
    payer: { name: 'Demo Payer', payerId: 'DEMO1', claimFilingIndicator: 'MA' },
    diagnoses: [
      { code: 'I21.4', presentOnAdmission: 'Y' },
      { code: 'E11.9', presentOnAdmission: 'Y' },
      { code: 'N17.9', presentOnAdmission: 'N' },
      { code: 'I10', presentOnAdmission: '1' },
    ],
    institutional: {
      facilityTypeCode: '11',
      statementFrom: '2026-03-01',
      statementTo: '2026-03-05',
      admission: { date: '2026-03-01', hour: '0930' },
      dischargeHour: '1415',
      admissionTypeCode: '1',
      admissionSourceCode: '7',
      patientStatusCode: '01',
      admittingDiagnosis: 'R07.9',
      externalCauses: [{ code: 'Y92009', presentOnAdmission: 'Y' }],
      principalProcedure: { code: '02703ZZ', date: '2026-03-02' },
      otherProcedures: [{ code: 'B2111ZZ', date: '2026-03-02' }],
      occurrenceSpans: [{ code: '74', from: '2026-02-20', to: '2026-02-22' }],
      occurrences: [{ code: '11', date: '2026-02-28' }],
      values: [{ code: '80', amount: '4' }, { code: 'A1', amount: '1600.50' }],
      conditionCodes: ['39', 'C1'],
      attendingProvider: ATTENDING,
      operatingProvider: OPERATING,
      otherOperatingProvider: OTHER_OPERATING,
    },
    serviceLines: [
      { revenueCode: '0120', units: 4, unitBasis: 'DA', charge: '8000.00' },
      { revenueCode: '0360', charge: '12000.00', units: 1, lineItemControlNumber: 'L2' },
      { revenueCode: '0250', charge: '345.67', units: '12', nonCoveredCharge: '45.67' },
    ],
    ...overrides,
  };
}

/** An outpatient (type of bill 0131) claim with HCPCS lines and a reason for visit. */
export function outpatientInput(overrides: Partial<ClaimInput> = {}): ClaimInput {
  const base = inpatientInput();
  return {
    ...base,
    claimId: 'OUT-1',
    diagnoses: [{ code: 'S52.521A' }, { code: 'W01.0XXA' }],
    institutional: {
      facilityTypeCode: '13',
      statementFrom: '2026-04-10',
      statementTo: '2026-04-10',
      patientStatusCode: '01',
      admissionSourceCode: '1',
      reasonForVisit: ['M25.531', 'S6990XA'],
      attendingProvider: ATTENDING,
    },
    serviceLines: [
      { revenueCode: '0450', procedureCode: '99284', modifiers: ['25'], charge: '650.00', units: 1, serviceDate: '2026-04-10', lineItemControlNumber: 'OL1' },
      { revenueCode: '0320', procedureCode: '73110', modifiers: ['RT', 'TC', '59', 'XU'], charge: '210.00', units: 1, serviceDate: '2026-04-10' },
      { revenueCode: '0636', procedureCode: 'J1100', charge: '12.40', units: '1.5', serviceDate: '2026-04-10', drug: { ndc: '00641037721', quantity: '4', unit: 'ML', prescriptionNumber: 'RX77' } },
    ],
    ...overrides,
  };
}

export const claim = (input: ClaimInput): Claim => Claim.parse(input);

export interface SplitSegment {
  id: string;
  /** elements[0] is the id, elements[n] is XXnn (composites not split). */
  elements: string[];
}

/** Splits writer output (no line breaks) into segments and elements. */
export function splitX12(text: string, delimiters = { element: '*', segment: '~' }): SplitSegment[] {
  if (!text.endsWith(delimiters.segment)) throw new Error('output does not end with a segment terminator');
  return text
    .slice(0, -1)
    .split(delimiters.segment)
    .map((line) => {
      const elements = line.split(delimiters.element);
      return { id: elements[0] ?? '', elements };
    });
}

export function el(segment: SplitSegment | undefined, n: number): string {
  return segment?.elements[n] ?? '';
}

/** "ID*A*B" form of a segment, for compact expectations. */
export const text = (segment: SplitSegment | undefined): string => segment?.elements.join('*') ?? '';

/** Segments of the 2300 loop (CLM up to the first 2310 NM1, LX, HL or SE) of the claim with this CLM01. */
export function claimSegments(segments: SplitSegment[], claimId: string): SplitSegment[] {
  const start = segments.findIndex((s) => s.id === 'CLM' && el(s, 1) === claimId);
  if (start === -1) throw new Error('claim not found');
  const end = segments.findIndex((s, i) => i > start && ['NM1', 'LX', 'HL', 'SE'].includes(s.id));
  return segments.slice(start, end);
}

/** Segments from the CLM of a claim up to the next HL or SE (2300, 2310, 2400). */
export function wholeClaim(segments: SplitSegment[], claimId: string): SplitSegment[] {
  const start = segments.findIndex((s) => s.id === 'CLM' && el(s, 1) === claimId);
  if (start === -1) throw new Error('claim not found');
  const end = segments.findIndex((s, i) => i > start && (s.id === 'HL' || s.id === 'SE'));
  return segments.slice(start, end);
}
