import { describe, expect, it } from 'vitest';
import { Claim, type ClaimInput } from '../../../lambdas/core/claim/model.js';
import { read837, read837P } from '../../../lambdas/core/x12/837/read-837p.js';
import { dateOrRange, isoDate, money } from '../../../lambdas/core/x12/837/values.js';
import { readX12 } from '../../../lambdas/core/x12/reader.js';
import type { ParsedX12 } from '../../../lambdas/core/x12/types.js';
import { group, interchange, type FixtureDelimiters } from './x12-fixtures.js';

const TENANT = 'acme-health';

/** A conformant 005010X222A1 body (between ST and SE): two billing-provider claims. */
const HEADER = [
  'BHT*0019*00*244579*20240115*1023*CH',
  'NM1*41*2*PREMIER BILLING SERVICE*****46*TGJ23',
  'PER*IC*JERRY*TE*3055552222',
  'NM1*40*2*KEY INSURANCE COMPANY*****46*66783JJT',
];

const BILLING = [
  'HL*1**20*1',
  'PRV*BI*PXC*207Q00000X',
  'NM1*85*2*BEN KILDARE SERVICE*****XX*1234567893',
  'N3*234 SEAWAY ST',
  'N4*MIAMI*FL*33111',
  'REF*EI*587654321',
  'PER*IC*CONNIE*TE*3055551234',
  // 2010AB pay-to address: must not replace the billing provider's address.
  'NM1*87*2',
  'N3*2345 OCEAN BLVD',
  'N4*TAMPA*FL*33602',
];

/** Patient (a child) is not the subscriber; rendering and referring providers, modifiers, RD8, REF*6R. */
const DEPENDENT_CLAIM = [
  'HL*2*1*22*1',
  'SBR*P**2222-SJ******CI',
  'NM1*IL*1*SMITH*JANE*Q**JR*MI*JS00111223333',
  'N3*236 N MAIN ST',
  'N4*MIAMI*FL*33413',
  'DMG*D8*19430501*F',
  'NM1*PR*2*KEY INSURANCE COMPANY*****PI*999996666',
  'N3*PO BOX 100',
  'N4*TAMPA*FL*33601',
  'HL*3*2*23*0',
  'PAT*19',
  'NM1*QC*1*SMITH*TED',
  'N3*236 N MAIN ST',
  'N4*MIAMI*FL*33413',
  'DMG*D8*20100501*M',
  'CLM*26463774*100***11:B:7*Y*A*Y*Y',
  'REF*F8*PAYERCCN123',
  'REF*G1*AUTH7788',
  'REF*D9*17312345600006351',
  'HI*ABK:J020*ABF:R509',
  'NM1*DN*1*WELBY*MARCUS****XX*1234567891',
  'NM1*82*1*KILDARE*BEN*A***XX*1234567893',
  'PRV*PE*PXC*207Q00000X',
  // 2310C service facility: its address belongs to nobody we map.
  'NM1*77*2*KILDARE ASSOCIATES*****XX*1581234567',
  'N3*2345 OCEAN BLVD',
  'N4*MIAMI*FL*33111',
  'LX*1',
  'SV1*HC:99213:25*40*UN*1***1:2',
  'DTP*472*D8*20240103',
  'REF*6R*LINE-1',
  'LX*2',
  'SV1*HC:87880:QW:59:XU:76*15.5*UN*2*11**2',
  'DTP*472*RD8*20240103-20240105',
  'REF*6R*LINE-2',
  // 2420A line-level rendering provider: must not replace the claim's.
  'NM1*82*1*OTHER*DOC****XX*1111111111',
  'LX*3',
  'SV1*HC:J3301*44.50*UN*1***1',
  'DTP*472*D8*20240104',
];

/** Patient is the subscriber (SBR02 18, no 2000C); carries a 2320/2330A/2330B other-subscriber loop (read into otherCoverages). */
const SELF_CLAIM = [
  'HL*4*1*22*0',
  'SBR*P*18*GRP77******MB',
  'NM1*IL*1*DOE*JOHN****MI*1EG4TE5MK73',
  'N3*1 ELM ST',
  'N4*AUSTIN*TX*787011234',
  'DMG*D8*19500101*M',
  'NM1*PR*2*MEDICARE*****PI*MCR01',
  'CLM*C-2*120***11:B:1*Y*A*Y*Y',
  'HI*ABK:E119',
  'SBR*S*01*OTHERGRP******CI',
  'OI***Y*P**Y',
  'NM1*IL*1*DOE*JANE****MI*OTHER999',
  'N3*9 OTHER ST',
  'N4*DALLAS*TX*75001',
  'NM1*PR*2*OTHER PAYER*****PI*OTH01',
  'LX*1',
  'SV1*HC:99214*120*UN*1***1',
  'DTP*472*D8*20240110',
];

const BODY = [...HEADER, ...BILLING, ...DEPENDENT_CLAIM, ...SELF_CLAIM];

const BILLING_PROVIDER: ClaimInput['billingProvider'] = {
  entity: 'organization',
  lastOrOrganizationName: 'BEN KILDARE SERVICE',
  npi: '1234567893',
  taxonomy: '207Q00000X',
  address: { line1: '234 SEAWAY ST', city: 'MIAMI', state: 'FL', postalCode: '33111' },
  tin: '587654321',
};

const INDICATORS = { providerSignature: 'Y', assignment: 'A', benefitsAssigned: 'Y', releaseOfInformation: 'Y' } as const;

const EXPECTED_DEPENDENT: ClaimInput = {
  tenantId: TENANT,
  claimId: '26463774',
  claimType: 'professional',
  frequencyCode: '7',
  payerClaimControlNumber: 'PAYERCCN123',
  placeOfService: '11',
  totalCharge: '100.00',
  priorAuthorization: 'AUTH7788',
  indicators: INDICATORS,
  billingProvider: BILLING_PROVIDER,
  payToAddress: { line1: '2345 OCEAN BLVD', city: 'TAMPA', state: 'FL', postalCode: '33602' },
  serviceFacility: { name: 'KILDARE ASSOCIATES', npi: '1581234567', address: { line1: '2345 OCEAN BLVD', city: 'MIAMI', state: 'FL', postalCode: '33111' } },
  renderingProvider: {
    entity: 'person',
    lastOrOrganizationName: 'KILDARE',
    firstName: 'BEN',
    middleName: 'A',
    npi: '1234567893',
    taxonomy: '207Q00000X',
  },
  referringProvider: { entity: 'person', lastOrOrganizationName: 'WELBY', firstName: 'MARCUS', npi: '1234567891' },
  subscriber: {
    memberId: 'JS00111223333',
    name: { last: 'SMITH', first: 'JANE', middle: 'Q', suffix: 'JR' },
    birthDate: '1943-05-01',
    sex: 'F',
    address: { line1: '236 N MAIN ST', city: 'MIAMI', state: 'FL', postalCode: '33413' },
    groupNumber: '2222-SJ',
  },
  patient: {
    relationship: '19',
    name: { last: 'SMITH', first: 'TED' },
    birthDate: '2010-05-01',
    sex: 'M',
    address: { line1: '236 N MAIN ST', city: 'MIAMI', state: 'FL', postalCode: '33413' },
  },
  payer: {
    name: 'KEY INSURANCE COMPANY',
    payerId: '999996666',
    claimFilingIndicator: 'CI',
    responsibility: 'P',
    address: { line1: 'PO BOX 100', city: 'TAMPA', state: 'FL', postalCode: '33601' },
  },
  diagnoses: [
    { code: 'J020', system: 'ICD-10-CM' },
    { code: 'R509', system: 'ICD-10-CM' },
  ],
  serviceLines: [
    {
      procedureCode: '99213',
      modifiers: ['25'],
      units: '1',
      unitBasis: 'UN',
      charge: '40.00',
      serviceDate: '2024-01-03',
      diagnosisPointers: [1, 2],
      lineItemControlNumber: 'LINE-1',
    },
    {
      procedureCode: '87880',
      modifiers: ['QW', '59', 'XU', '76'],
      units: '2',
      unitBasis: 'UN',
      charge: '15.50',
      serviceDate: '2024-01-03',
      serviceDateEnd: '2024-01-05',
      placeOfService: '11',
      diagnosisPointers: [2],
      lineItemControlNumber: 'LINE-2',
      renderingProvider: { entity: 'person', lastOrOrganizationName: 'OTHER', firstName: 'DOC', npi: '1111111111' },
    },
    { procedureCode: 'J3301', modifiers: [], units: '1', unitBasis: 'UN', charge: '44.50', serviceDate: '2024-01-04', diagnosisPointers: [1] },
  ],
};

const EXPECTED_SELF: ClaimInput = {
  tenantId: TENANT,
  claimId: 'C-2',
  claimType: 'professional',
  frequencyCode: '1',
  placeOfService: '11',
  totalCharge: '120.00',
  indicators: INDICATORS,
  billingProvider: BILLING_PROVIDER,
  payToAddress: { line1: '2345 OCEAN BLVD', city: 'TAMPA', state: 'FL', postalCode: '33602' },
  subscriber: {
    memberId: '1EG4TE5MK73',
    name: { last: 'DOE', first: 'JOHN' },
    birthDate: '1950-01-01',
    sex: 'M',
    address: { line1: '1 ELM ST', city: 'AUSTIN', state: 'TX', postalCode: '787011234' },
    groupNumber: 'GRP77',
  },
  payer: { name: 'MEDICARE', payerId: 'MCR01', claimFilingIndicator: 'MB', responsibility: 'P' },
  // The 2320/2330A/2330B of the self-insured claim: a payer after Medicare, not yet adjudicated.
  otherCoverages: [
    {
      responsibility: 'S',
      relationship: '01',
      groupNumber: 'OTHERGRP',
      claimFilingIndicator: 'CI',
      subscriber: {
        name: { last: 'DOE', first: 'JANE' },
        memberId: 'OTHER999',
        address: { line1: '9 OTHER ST', city: 'DALLAS', state: 'TX', postalCode: '75001' },
      },
      payer: { name: 'OTHER PAYER', payerId: 'OTH01' },
      benefitsAssigned: 'Y',
      patientSignatureSource: 'P',
      releaseOfInformation: 'Y',
    },
  ],
  diagnoses: [{ code: 'E119', system: 'ICD-10-CM' }],
  serviceLines: [{ procedureCode: '99214', modifiers: [], units: '1', unitBasis: 'UN', charge: '120.00', serviceDate: '2024-01-10', diagnosisPointers: [1] }],
};

/** Position of a body segment in a file made by interchange(group([body])): ISA, GS and ST come first. */
function positionOf(body: string[], prefix: string): number {
  const index = body.findIndex((segment) => segment.startsWith(prefix));
  if (index === -1) throw new Error(`no ${prefix} in body`);
  return index + 4;
}

function parse(body: string[], delimiters?: FixtureDelimiters): ParsedX12 {
  return readX12(interchange(group([body]), delimiters ? { delimiters } : {}));
}

function only837(parsed: ParsedX12) {
  const ic = parsed.interchanges[0]!;
  return { tx: ic.groups[0]!.transactions[0]!, delimiters: ic.delimiters };
}

describe('read837P', () => {
  it('maps a conformant 837P: dependent patient, providers, modifiers, RD8 dates, REF*6R, and a self-insured claim', () => {
    const { tx, delimiters } = only837(parse(BODY));
    const result = read837P(tx, { tenantId: TENANT, delimiters });

    // What the canonical claim has no place for is reported with its position and loop, never dropped silently.
    expect(result.warnings.map((w) => [w.code, w.position, w.message])).toEqual([
      ['X837-UNMAPPED-SEGMENT', positionOf(BODY, 'PER*IC*CONNIE'), 'PER (loop 2010AA) is not carried by the canonical claim'],
      ['X837-UNMAPPED-SEGMENT', positionOf(BODY, 'REF*D9'), 'REF*D9 (loop 2300) is not carried by the canonical claim'],
    ]);
    expect(result.claims.map(({ claim, position }) => ({ claim, position }))).toEqual([
      { claim: EXPECTED_DEPENDENT, position: positionOf(BODY, 'CLM*26463774') },
      { claim: EXPECTED_SELF, position: positionOf(BODY, 'CLM*C-2') },
    ]);
  });

  it('produces claims that the canonical model accepts as they are', () => {
    const { tx, delimiters } = only837(parse(BODY));
    for (const { claim } of read837P(tx, { tenantId: TENANT, delimiters }).claims) {
      const parsed = Claim.safeParse(claim);
      expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    }
  });

  it('splits composites with the interchange component separator, whatever it is', () => {
    const delimiterSets: FixtureDelimiters[] = [
      { element: '|', component: '>', repetition: '^', segment: '~' },
      { element: '^', component: '|', segment: '\n' },
    ];
    for (const delimiters of delimiterSets) {
      const { tx, delimiters: read } = only837(parse(BODY, delimiters));
      expect(read.component).toBe(delimiters.component);
      const claims = read837P(tx, { tenantId: TENANT, delimiters: read }).claims.map((entry) => entry.claim);
      expect(claims).toEqual([EXPECTED_DEPENDENT, EXPECTED_SELF]);
    }
  });

  it('reads BK/BF diagnoses as ICD-9-CM and keeps HI order (SV107 pointers count in it)', () => {
    const body = BODY.map((segment) => (segment === 'HI*ABK:J020*ABF:R509' ? 'HI*BK:4779*BF:2724*BP:0012' : segment));
    const { tx, delimiters } = only837(parse(body));
    const [first] = read837P(tx, { tenantId: TENANT, delimiters }).claims;
    expect(first?.claim.diagnoses).toEqual([
      { code: '4779', system: 'ICD-9-CM' },
      { code: '2724', system: 'ICD-9-CM' },
    ]);
  });

  it('omits the patient when PAT01 says the patient is the subscriber', () => {
    const body = BODY.map((segment) => (segment === 'PAT*19' ? 'PAT*18' : segment));
    const { tx, delimiters } = only837(parse(body));
    const [first] = read837P(tx, { tenantId: TENANT, delimiters }).claims;
    expect(first?.claim.patient).toBeUndefined();
    expect(first?.claim.subscriber.memberId).toBe('JS00111223333');
  });

  it('uses a claim-level DTP*472 for lines without their own date', () => {
    const body = [...HEADER, ...BILLING, ...SELF_CLAIM.filter((s) => !s.startsWith('DTP*472'))];
    body.splice(body.indexOf('HI*ABK:E119'), 0, 'DTP*472*RD8*20240201-20240203');
    const { tx, delimiters } = only837(parse(body));
    const [first] = read837P(tx, { tenantId: TENANT, delimiters }).claims;
    expect(first?.claim.serviceLines[0]).toMatchObject({ serviceDate: '2024-02-01', serviceDateEnd: '2024-02-03' });
  });

  it('warns about unknown and misplaced segments with their positions, and keeps reading', () => {
    const body = [...BODY];
    body.splice(body.indexOf('HI*ABK:E119') + 1, 0, 'ZZZ*1');
    body.splice(body.indexOf('LX*2') + 1, 0, 'XX9*2');
    body.splice(body.indexOf('HL*4*1*22*0'), 0, 'SV1*HC:99999*1*UN*1***1');
    const { tx, delimiters } = only837(parse(body));
    const result = read837P(tx, { tenantId: TENANT, delimiters });

    const placement = result.warnings.filter((w) => !w.code.startsWith('X837-UNMAPPED'));
    expect(placement.map((w) => [w.code, w.segmentId, w.position])).toEqual([
      ['X837-UNKNOWN-SEGMENT', 'XX9', positionOf(body, 'XX9*')],
      ['X837-UNEXPECTED-SEGMENT', 'SV1', positionOf(body, 'SV1*HC:99999')],
      ['X837-UNKNOWN-SEGMENT', 'ZZZ', positionOf(body, 'ZZZ*')],
    ]);
    expect(result.claims.map((entry) => entry.claim.serviceLines.length)).toEqual([3, 1]);
  });

  it('reads a non-primary payer (SBR01) and anesthesia minutes (SV103 MJ), and flags unreadable pointers', () => {
    const body = SELF_CLAIM.map((segment) =>
      segment === 'SBR*P*18*GRP77******MB' ? 'SBR*S*18*GRP77******MB' : segment === 'SV1*HC:99214*120*UN*1***1' ? 'SV1*HC:00100*120*MJ*30***1:X' : segment,
    );
    const { tx, delimiters } = only837(parse([...HEADER, ...BILLING, ...body]));
    const result = read837P(tx, { tenantId: TENANT, delimiters });
    expect(result.warnings.filter((w) => !w.code.startsWith('X837-UNMAPPED')).map((w) => w.code)).toEqual(['X837-BAD-POINTER']);
    expect(result.claims[0]?.claim.payer.responsibility).toBe('S');
    expect(result.claims[0]?.claim.serviceLines[0]).toMatchObject({ units: '30', unitBasis: 'MJ', diagnosisPointers: [1] });
  });

  it('falls back to the latest billing provider and subscriber when HL02 does not lead to them', () => {
    const body = BODY.map((segment) => (segment === 'HL*3*2*23*0' ? 'HL*3*9*23*0' : segment));
    const { tx, delimiters } = only837(parse(body));
    const result = read837P(tx, { tenantId: TENANT, delimiters });
    expect(result.warnings.filter((w) => w.code === 'X837-HL-PARENT').map((w) => w.position)).toEqual([positionOf(body, 'CLM*26463774')]);
    expect(result.claims[0]?.claim).toEqual(EXPECTED_DEPENDENT);
  });

  it('leaves missing required values out instead of inventing them', () => {
    const body = [...HEADER, ...BILLING.filter((s) => !s.startsWith('REF*EI')), ...SELF_CLAIM.filter((s) => !s.startsWith('DMG'))];
    const { tx, delimiters } = only837(parse(body));
    const { claim } = read837P(tx, { tenantId: TENANT, delimiters }).claims[0]!;
    expect('tin' in claim.billingProvider).toBe(false);
    expect('birthDate' in claim.subscriber).toBe(false);
    const issues = Claim.safeParse(claim).error?.issues.map((issue) => issue.path.join('.'));
    expect(issues).toEqual(expect.arrayContaining(['billingProvider.tin', 'subscriber.birthDate', 'subscriber.sex']));
  });
});

describe('read837', () => {
  it('collects claims from every interchange and skips other transaction sets and dental 837s with a warning', () => {
    const first = interchange([
      ...group([BODY], { control: '1' }),
      ...group([['BPR*I*100*C*ACH']], { control: '2', type: '835', version: '005010X221A1' }),
      ...group([[...HEADER, ...BILLING, ...SELF_CLAIM]], { control: '3', version: '005010X224A2' }),
    ]);
    const second = interchange(group([[...HEADER, ...BILLING, ...SELF_CLAIM]]), {
      delimiters: { element: '|', component: '>', segment: '\n' },
      control: '000000002',
    });
    const parsed = readX12(`${first}${second}`);
    expect(parsed.warnings).toEqual([]);

    const result = read837(parsed, TENANT);
    expect(result.claims.map((entry) => entry.claim.claimId)).toEqual(['26463774', 'C-2', 'C-2']);
    expect(result.claims[2]?.claim).toEqual(EXPECTED_SELF);
    expect(result.warnings.filter((w) => w.segmentId === 'ST').map((w) => [w.code, w.segmentId])).toEqual([
      ['X837-NOT-837', 'ST'],
      ['X837-NOT-PROFESSIONAL', 'ST'],
    ]);
    // Positions are file positions: the second interchange's claim comes after everything in the first.
    expect(result.claims[2]!.position).toBeGreaterThan(result.claims[1]!.position);
  });
});

describe('837 value conversions', () => {
  it('normalises X12 amounts to two decimals and leaves unreadable ones alone', () => {
    expect(['100', '21.5', '79.04', '.5', '0', '-5', '1234567.1'].map(money)).toEqual([
      '100.00', '21.50', '79.04', '0.50', '0.00', '-5.00', '1234567.10',
    ]);
    expect(money('12.345')).toBe('12.345');
    expect(money('ABC')).toBe('ABC');
  });

  it('turns CCYYMMDD into YYYY-MM-DD and reads D8 and RD8', () => {
    expect(isoDate('20240131')).toBe('2024-01-31');
    expect(isoDate('240131')).toBe('240131');
    expect(dateOrRange('D8', '20240131')).toEqual({ start: '2024-01-31' });
    expect(dateOrRange('RD8', '20240101-20240131')).toEqual({ start: '2024-01-01', end: '2024-01-31' });
    expect(dateOrRange('RD8', '20240101')).toEqual({ start: '2024-01-01' });
    expect(dateOrRange('D8', undefined)).toEqual({});
  });
});
