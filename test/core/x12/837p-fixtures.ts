/**
 * Inputs and a small independent splitter for the 837P writer tests. The
 * splitter knows only the delimiters it is given; it does not reuse the
 * writer, so the tests check the writer's output from the outside.
 */
import { Claim, type ClaimInput } from '../../../lambdas/core/claim/model.js';
import { TenantConfig, type TenantConfigInput } from '../../../lambdas/core/tenant/config.js';

export function tenantConfig(overrides: Partial<TenantConfigInput> = {}): TenantConfig {
  return TenantConfig.parse({
    tenantId: 'writer-test',
    name: 'Writer Test Billing',
    schedule: { expression: 'cron(0 18 ? * MON-FRI *)', timezone: 'UTC' },
    submitter: { name: 'Writer Test Billing', identifier: 'WTB001', contactName: 'Desk', phone: '5555550100' },
    interchange: { senderQualifier: 'ZZ', senderId: 'WRITERTEST', gsSenderCode: 'WRITERTEST', usage: 'T' },
    receivers: [
      { id: 'house', name: 'Test Clearinghouse', identifier: 'TESTCH', isaQualifier: 'ZZ', isaId: 'TESTCH', gsReceiverCode: 'TESTCH', default: true },
    ],
    ...overrides,
  });
}

export const PROVIDER_A = {
  entity: 'organization' as const,
  lastOrOrganizationName: 'Alpha Clinic Demo',
  npi: '1002003006',
  tin: '271234501',
  taxonomy: '207Q00000X',
  address: { line1: '1 Alpha Way', city: 'Springfield', state: 'IL', postalCode: '627040001' },
};

export const PROVIDER_B = {
  entity: 'person' as const,
  lastOrOrganizationName: 'Betatest',
  firstName: 'Robin',
  npi: '1990000113',
  tin: '331234502',
  address: { line1: '2 Beta Road', city: 'Columbus', state: 'OH', postalCode: '432150002' },
};

export const DEPENDENT = {
  relationship: '19' as const,
  name: { last: 'Kidtest', first: 'Sam' },
  birthDate: '2015-06-01',
  sex: 'M' as const,
  address: { line1: '9 Home St', city: 'Springfield', state: 'IL', postalCode: '62704' },
};

export function claimInput(overrides: Partial<ClaimInput> = {}): ClaimInput {
  return {
    tenantId: 'writer-test',
    claimId: 'WT-0001',
    placeOfService: '11',
    billingProvider: PROVIDER_A,
    subscriber: {
      memberId: 'MBR0001',
      name: { last: 'Parenttest', first: 'Lee' },
      birthDate: '1980-01-31',
      sex: 'F',
      address: { line1: '9 Home St', city: 'Springfield', state: 'IL', postalCode: '62704' },
      groupNumber: 'GRP1',
    },
    payer: { name: 'Demo Payer', payerId: 'DEMO1' },
    diagnoses: [{ code: 'E11.9' }, { code: 'I10' }],
    serviceLines: [
      { procedureCode: '99213', modifiers: ['25'], units: 1, charge: '125.00', serviceDate: '2026-03-02', diagnosisPointers: [1, 2], lineItemControlNumber: 'L1' },
      { procedureCode: '36415', units: '1', charge: '15.50', serviceDate: '2026-03-02', diagnosisPointers: [1] },
    ],
    ...overrides,
  };
}

export function claim(overrides: Partial<ClaimInput> = {}): Claim {
  return Claim.parse(claimInput(overrides));
}

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

/** The segments of one ST..SE transaction set, both included. */
export function transaction(segments: SplitSegment[]): SplitSegment[] {
  const st = segments.findIndex((s) => s.id === 'ST');
  const se = segments.findIndex((s) => s.id === 'SE');
  return segments.slice(st, se + 1);
}

/** NPI check digit (Luhn over the 80840 prefix), used to check the example data. */
export function npiIsValid(npi: string): boolean {
  if (!/^\d{10}$/.test(npi)) return false;
  const digits = `80840${npi}`;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** A valid institutional claim (837I): the 837P writer must refuse it by claim type, not by shape. */
export function institutionalClaimInput(overrides: Partial<ClaimInput> = {}): ClaimInput {
  const base = claimInput();
  return {
    ...base,
    claimId: 'INST-0001',
    claimType: 'institutional',
    placeOfService: undefined,
    institutional: { facilityTypeCode: '13', statementFrom: '2026-03-02', statementTo: '2026-03-02' },
    serviceLines: [{ revenueCode: '0450', procedureCode: '99283', units: 1, charge: '410.00', serviceDate: '2026-03-02' }],
    ...overrides,
  };
}

export const SUPERVISOR = { entity: 'person' as const, lastOrOrganizationName: 'Overseer', firstName: 'Dana', npi: '1769299037' };
export const LINE_RENDERER = { entity: 'person' as const, lastOrOrganizationName: 'Nursewell', firstName: 'Avery', npi: '2380914673', taxonomy: '163W00000X' };

/** A professional claim that uses every 837P feature the model carries (one claim note: the 837P allows one). */
export function fullClaimInput(overrides: Partial<ClaimInput> = {}): ClaimInput {
  const base = claimInput();
  return {
    ...base,
    claimId: 'FULL-0001',
    subscriber: {
      ...base.subscriber,
      groupNumber: undefined,
      groupName: 'Acme Employees',
      secondaryIds: [{ qualifier: 'Y4', value: 'PC-778' }, { qualifier: 'SY', value: '900001234' }],
    },
    payer: { name: 'Demo Payer', payerId: 'DEMO1', claimFilingIndicator: 'MB', responsibility: 'S', insuranceTypeCode: '12' },
    payToAddress: { line1: 'PO Box 100', city: 'Springfield', state: 'IL', postalCode: '627040100' },
    payToPlan: {
      name: 'Capitated Plan',
      payerId: 'CAP01',
      address: { line1: '5 Plan Plaza', city: 'Chicago', state: 'IL', postalCode: '60601' },
      secondaryId: { qualifier: 'NF', value: 'NAIC123' },
      tin: '361234567',
    },
    indicators: { providerSignature: 'N', assignment: 'C', benefitsAssigned: 'W', releaseOfInformation: 'I', patientSignatureSource: 'P' },
    relatedCauses: { codes: ['AA', 'EM'], state: 'IL', country: 'US' },
    delayReasonCode: '11',
    dates: {
      discharge: '2026-03-04',
      admission: '2026-03-01',
      lastXray: '2026-02-20',
      lastMenstrualPeriod: '2026-02-10',
      accident: '2026-02-28',
      acuteManifestation: '2026-02-27',
      lastSeen: '2026-01-15',
      initialTreatment: '2026-02-28',
      onset: '2026-02-26',
    },
    attachments: [
      { reportType: 'B4', transmission: 'FX', controlNumber: 'ATT-1' },
      { reportType: 'OZ', transmission: 'AA' },
    ],
    contract: { typeCode: '02', amount: '300.00', percent: '12.50', code: 'CTR-9', termsDiscountPercent: '2', version: 'V1' },
    patientPaid: '20.00',
    referralNumber: 'REF-9F',
    priorAuthorization: 'AUTH-G1',
    cliaNumber: '10D0999999',
    medicalRecordNumber: 'MRN-EA',
    frequencyCode: '7',
    payerClaimControlNumber: 'PCCN-F8',
    supplementalInfo: ['First K3 line', 'Second K3 line'],
    notes: [{ code: 'ADD', text: 'Additional information' }],
    ambulance: {
      weightPounds: 180,
      transportReason: 'A',
      distanceMiles: '012.50',
      roundTripPurpose: 'Dialysis',
      stretcherPurpose: 'Cannot sit',
      certifications: [
        { conditionIndicator: 'Y', conditionCodes: ['01', '04'] },
        { conditionIndicator: 'N', conditionCodes: ['12'] },
      ],
      pickup: { line1: '1 Pickup Rd', city: 'Springfield', state: 'IL', postalCode: '62704' },
      dropoff: { name: 'General Hospital', address: { line1: '2 Dropoff Ave', city: 'Springfield', state: 'IL', postalCode: '627010002' } },
    },
    repricing: { pricingMethodology: '02', allowedAmount: '100.00', savingsAmount: '40.50', organizationId: 'REPRICER1', rate: '75.5' },
    referringProvider: { entity: 'person', lastOrOrganizationName: 'Referson', firstName: 'Morgan', npi: '1777000468' },
    renderingProvider: PROVIDER_B,
    serviceFacility: { name: 'Lab Facility', npi: '2178489177', address: { line1: '3 Lab Way', city: 'Springfield', state: 'IL', postalCode: '627040003' } },
    supervisingProvider: SUPERVISOR,
    diagnoses: Array.from({ length: 12 }, (_, i) => ({ code: `S${String(i + 10)}.0XXA` })),
    serviceLines: [
      {
        procedureCode: '99213',
        units: 1,
        charge: '125.00',
        serviceDate: '2026-03-02',
        diagnosisPointers: [1, 12],
        emergency: true,
        dates: { initialTreatment: '2026-02-28', lastXray: '2026-02-20', shipped: '2026-02-25', lastSeen: '2026-01-15', lastCertification: '2026-01-10', beginTherapy: '2026-01-05', certificationRevision: '2026-01-04', prescription: '2026-01-03' },
        lineItemControlNumber: 'L1',
      },
      {
        procedureCode: 'J1756',
        unitBasis: 'MJ',
        units: '30',
        charge: '15.50',
        serviceDate: '2026-03-02',
        diagnosisPointers: [2],
        drug: { ndc: '00517234001', quantity: '010.500', unit: 'ML', prescriptionNumber: 'RX-1' },
        renderingProvider: LINE_RENDERER,
        lineItemControlNumber: 'L2',
      },
    ],
    ...overrides,
  };
}

export function fullClaim(overrides: Partial<ClaimInput> = {}): Claim {
  return Claim.parse(fullClaimInput(overrides));
}

/** The segments from one id (e.g. the CLM) up to, not including, the first of `until` after it. */
export function slice(segments: SplitSegment[], from: (s: SplitSegment) => boolean, until: (s: SplitSegment) => boolean): SplitSegment[] {
  const start = segments.findIndex(from);
  if (start === -1) return [];
  const end = segments.findIndex((s, i) => i > start && until(s));
  return segments.slice(start, end === -1 ? undefined : end);
}

/** "ID*E1" for segments whose first element says which one it is, else the id; for order checks. */
export function tag(segment: SplitSegment): string {
  return ['NM1', 'REF', 'DTP', 'AMT', 'CRC', 'PRV', 'LIN', 'HI'].includes(segment.id) ? `${segment.id}*${el(segment, 1).split(':')[0]}` : segment.id;
}
