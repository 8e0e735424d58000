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
