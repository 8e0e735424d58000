import { describe, expect, it } from 'vitest';
import { Claim } from '../../../lambdas/core/claim/model.js';
import { submissionFindings } from '../../../lambdas/core/claim/submission-checks.js';
import { advise837P } from '../../../lambdas/core/x12/837/advise-837p.js';
import { check837P } from '../../../lambdas/core/x12/837/check-837p.js';
import { Claim837Error } from '../../../lambdas/core/x12/837/write-errors.js';
import { write837P } from '../../../lambdas/core/x12/837/write-837p.js';
import { X12Error } from '../../../lambdas/core/x12/errors.js';
import {
  claim,
  DEPENDENT,
  el,
  fullClaim,
  institutionalClaimInput,
  PROVIDER_A,
  PROVIDER_B,
  splitX12,
  tenantConfig,
  transaction,
  type SplitSegment,
} from './837p-fixtures.js';

const tenant = tenantConfig();
const receiver = tenant.receivers[0]!;
const createdAt = new Date('2026-10-01T17:05:00Z');

function write(claims: Claim[], extra: Partial<Parameters<typeof write837P>[0]> = {}): SplitSegment[] {
  return splitX12(write837P({ claims, tenant, receiver, controlNumber: 7, createdAt, ...extra }));
}

/** Segments of the 2300 loop (CLM up to the next HL or SE) of the claim with this CLM01. */
function claimLoop(segments: SplitSegment[], claimId: string): SplitSegment[] {
  const start = segments.findIndex((s) => s.id === 'CLM' && el(s, 1) === claimId);
  const end = segments.findIndex((s, i) => i > start && (s.id === 'HL' || s.id === 'SE'));
  return segments.slice(start, end);
}

/** Segments from the HL of a subscriber up to its CLM. */
function hlBlock(segments: SplitSegment[], hlId: string): SplitSegment[] {
  const start = segments.findIndex((s) => s.id === 'HL' && el(s, 1) === hlId);
  const end = segments.findIndex((s, i) => i > start && (s.id === 'HL' || s.id === 'CLM'));
  return segments.slice(start, end);
}

function thrown(fn: () => unknown): Claim837Error {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(Claim837Error);
    return error as Claim837Error;
  }
  throw new Error('expected a Claim837Error');
}

describe('write837P envelope and header', () => {
  it('writes ISA/GS/ST/BHT/1000A/1000B with counted trailers', () => {
    const segments = write([claim()]);
    expect(segments.map((s) => s.id).slice(0, 8)).toEqual(['ISA', 'GS', 'ST', 'BHT', 'NM1', 'PER', 'NM1', 'HL']);
    const [isa, gs, st, bht, submitter, per, receiverName] = segments;
    expect(el(isa, 13)).toBe('000000007');
    expect(el(isa, 8)).toBe('TESTCH         ');
    expect(gs?.elements.slice(1)).toEqual(['HC', 'WRITERTEST', 'TESTCH', '20261001', '1705', '7', 'X', '005010X222A1']);
    expect(st?.elements.slice(1)).toEqual(['837', '0001', '005010X222A1']);
    expect(bht?.elements.slice(1)).toEqual(['0019', '00', '000000007', '20261001', '1705', 'CH']);
    expect(submitter?.elements.slice(1)).toEqual(['41', '2', 'WRITER TEST BILLING', '', '', '', '', '46', 'WTB001']);
    expect(per?.elements.slice(1)).toEqual(['IC', 'DESK', 'TE', '5555550100']);
    expect(receiverName?.elements.slice(1)).toEqual(['40', '2', 'TEST CLEARINGHOUSE', '', '', '', '', '46', 'TESTCH']);

    const tx = transaction(segments);
    expect(Number(el(tx.at(-1), 1))).toBe(tx.length);
    expect(el(tx.at(-1), 2)).toBe('0001');
    const ge = segments.find((s) => s.id === 'GE');
    expect([el(ge, 1), el(ge, 2)]).toEqual(['1', '7']);
    const iea = segments.at(-1);
    expect([iea?.id, el(iea, 1), el(iea, 2)]).toEqual(['IEA', '1', '000000007']);
  });

  it('uses the tenant time zone for ISA, GS and BHT times', () => {
    const local = tenantConfig({ schedule: { expression: 'cron(0 18 ? * MON-FRI *)', timezone: 'America/New_York' } });
    const segments = splitX12(write837P({ claims: [claim()], tenant: local, receiver, controlNumber: 1, createdAt: new Date('2026-07-01T02:30:00Z') }));
    expect([el(segments[0], 9), el(segments[0], 10)]).toEqual(['260630', '2230']);
    expect([el(segments[3], 4), el(segments[3], 5)]).toEqual(['20260630', '2230']);
  });
});

describe('write837P hierarchy', () => {
  it('groups claims under one 2000A per billing provider with correct HL parents and child codes', () => {
    const claims = [
      claim({ claimId: 'A1' }),
      claim({ claimId: 'B1', billingProvider: PROVIDER_B, patient: DEPENDENT }),
      claim({ claimId: 'A2', patient: DEPENDENT }),
      claim({ claimId: 'B2', billingProvider: PROVIDER_B }),
    ];
    const segments = write(claims);
    const hls = segments.filter((s) => s.id === 'HL').map((s) => s.elements.slice(1).join('/'));
    expect(hls).toEqual([
      '1//20/1',
      '2/1/22/0', // A1: subscriber is the patient
      '3/1/22/1', // A2: a patient level follows
      '4/3/23/0',
      '5//20/1',
      '6/5/22/1', // B1
      '7/6/23/0',
      '8/5/22/0', // B2
    ]);
    expect(segments.filter((s) => s.id === 'CLM').map((s) => el(s, 1))).toEqual(['A1', 'A2', 'B1', 'B2']);
    const billing = segments.filter((s) => s.id === 'NM1' && el(s, 1) === '85');
    expect(billing.map((s) => el(s, 9))).toEqual([PROVIDER_A.npi, PROVIDER_B.npi]);
    // A person billing provider: NM102 1 with first name; no taxonomy → no PRV*BI.
    expect(billing[1]?.elements.slice(1, 5)).toEqual(['85', '1', 'BETATEST', 'ROBIN']);
    expect(segments.filter((s) => s.id === 'PRV' && el(s, 1) === 'BI')).toHaveLength(1);
    // Every HL02 names an HL written before it.
    const seen = new Set<string>();
    for (const s of segments.filter((x) => x.id === 'HL')) {
      if (el(s, 2)) expect(seen.has(el(s, 2))).toBe(true);
      seen.add(el(s, 1));
    }
  });

  it('keeps two records with the same NPI/TIN but different addresses in separate 2000A loops', () => {
    const moved = { ...PROVIDER_A, address: { ...PROVIDER_A.address, line1: '99 New Street' } };
    const segments = write([claim({ claimId: 'X1' }), claim({ claimId: 'X2', billingProvider: moved })]);
    expect(segments.filter((s) => s.id === 'HL' && el(s, 3) === '20')).toHaveLength(2);
  });

  it('writes subscriber demographics only when the subscriber is the patient', () => {
    const segments = write([claim({ claimId: 'SELF' }), claim({ claimId: 'DEP', patient: DEPENDENT })]);
    const self = hlBlock(segments, '2');
    expect(self.map((s) => s.id)).toEqual(['HL', 'SBR', 'NM1', 'N3', 'N4', 'DMG', 'NM1']);
    expect(self[1]?.elements.slice(1)).toEqual(['P', '18', 'GRP1', '', '', '', '', '', 'CI']);
    expect(self[2]?.elements.slice(1)).toEqual(['IL', '1', 'PARENTTEST', 'LEE', '', '', '', 'MI', 'MBR0001']);
    expect(self[5]?.elements.slice(1)).toEqual(['D8', '19800131', 'F']);
    expect(self[6]?.elements.slice(1)).toEqual(['PR', '2', 'DEMO PAYER', '', '', '', '', 'PI', 'DEMO1']);

    const dep = hlBlock(segments, '3');
    expect(dep.map((s) => s.id)).toEqual(['HL', 'SBR', 'NM1', 'NM1']);
    expect(el(dep[1], 2)).toBe('');
    const patient = hlBlock(segments, '4');
    expect(patient.map((s) => s.id)).toEqual(['HL', 'PAT', 'NM1', 'N3', 'N4', 'DMG']);
    expect(el(patient[1], 1)).toBe('19');
    expect(patient[2]?.elements.slice(1)).toEqual(['QC', '1', 'KIDTEST', 'SAM']);
    expect(patient[5]?.elements.slice(1)).toEqual(['D8', '20150601', 'M']);
  });
});

describe('write837P claim and lines', () => {
  it('writes CLM with the summed charge, HI qualifiers and lines with modifiers, pointers and REF*6R', () => {
    const segments = write([
      claim({
        claimId: 'C-1',
        diagnoses: [{ code: 'E11.9' }, { code: 'I10' }, { code: 'M54.50' }],
        serviceLines: [
          { procedureCode: '20610', modifiers: ['rt', '59'], units: '1.500', charge: '0.10', serviceDate: '2026-03-02', diagnosisPointers: [3, 1], lineItemControlNumber: 'L-1' },
          { procedureCode: '97110', units: 4, charge: '0.20', serviceDate: '2026-03-02', serviceDateEnd: '2026-03-06', placeOfService: '11', diagnosisPointers: [2] },
          { procedureCode: '81003', units: '01', charge: '100.00', serviceDate: '2026-03-03', placeOfService: '81', diagnosisPointers: [1, 2, 3] },
        ],
      }),
    ]);
    const loop = claimLoop(segments, 'C-1');
    expect(loop.map((s) => s.id)).toEqual(['CLM', 'HI', 'LX', 'SV1', 'DTP', 'REF', 'LX', 'SV1', 'DTP', 'LX', 'SV1', 'DTP']);
    expect(loop[0]?.elements.slice(1)).toEqual(['C-1', '100.3', '', '', '11:B:1', 'Y', 'A', 'Y', 'Y']);
    expect(loop[1]?.elements.slice(1)).toEqual(['ABK:E119', 'ABF:I10', 'ABF:M5450']);
    expect(loop[3]?.elements.slice(1)).toEqual(['HC:20610:RT:59', '0.1', 'UN', '1.5', '', '', '3:1']);
    expect(loop[4]?.elements.slice(1)).toEqual(['472', 'D8', '20260302']);
    expect(loop[5]?.elements.slice(1)).toEqual(['6R', 'L-1']);
    // Same place of service as CLM05-1: SV105 left out.
    expect(loop[7]?.elements.slice(1)).toEqual(['HC:97110', '0.2', 'UN', '4', '', '', '2']);
    expect(loop[8]?.elements.slice(1)).toEqual(['472', 'RD8', '20260302-20260306']);
    expect(loop[10]?.elements.slice(1)).toEqual(['HC:81003', '100', 'UN', '1', '81', '', '1:2:3']);
    expect(loop.filter((s) => s.id === 'LX').map((s) => el(s, 1))).toEqual(['1', '2', '3']);
  });

  it('writes REF*G1 prior authorization and the referring and rendering provider loops', () => {
    const segments = write([
      claim({
        claimId: 'C-2',
        priorAuthorization: 'PA-77',
        referringProvider: { entity: 'person', lastOrOrganizationName: 'Referson', firstName: 'Morgan', npi: '1777000468' },
        renderingProvider: { entity: 'person', lastOrOrganizationName: 'Testwell', firstName: 'Jordan', npi: '1555000243', taxonomy: '207Q00000X' },
      }),
    ]);
    const loop = claimLoop(segments, 'C-2');
    expect(loop.slice(0, 6).map((s) => s.elements.slice(0, 3).join('*'))).toEqual([
      'CLM*C-2*140.5',
      'REF*G1*PA-77',
      'HI*ABK:E119*ABF:I10',
      'NM1*DN*1',
      'NM1*82*1',
      'PRV*PE*PXC',
    ]);
    expect(loop[3]?.elements.slice(3)).toEqual(['REFERSON', 'MORGAN', '', '', '', 'XX', '1777000468']);
    expect(loop[4]?.elements.slice(3)).toEqual(['TESTWELL', 'JORDAN', '', '', '', 'XX', '1555000243']);
    expect(el(loop[5], 3)).toBe('207Q00000X');
  });

  it('leaves 2310B out when the rendering provider is the billing provider', () => {
    const segments = write([claim({ claimId: 'C-3', renderingProvider: { ...PROVIDER_A, entity: 'organization' } })]);
    expect(segments.some((s) => s.id === 'NM1' && el(s, 1) === '82')).toBe(false);
  });

  it.each(['7', '8'] as const)('writes frequency %s with REF*F8 and refuses it without the payer claim control number', (frequencyCode) => {
    const segments = write([claim({ claimId: 'R-1', frequencyCode, payerClaimControlNumber: 'PCCN123', priorAuthorization: 'PA1' })]);
    const loop = claimLoop(segments, 'R-1');
    expect(el(loop[0], 5)).toBe(`11:B:${frequencyCode}`);
    expect(loop.slice(1, 3).map((s) => s.elements.slice(1).join('*'))).toEqual(['G1*PA1', 'F8*PCCN123']);

    const error = thrown(() => write([claim({ claimId: 'R-2', frequencyCode })]));
    expect(error.code).toBe('FREQUENCY_NEEDS_PAYER_CLAIM_CONTROL_NUMBER');
    expect(error.claimId).toBe('R-2');
    expect(error).toBeInstanceOf(X12Error);
  });

  it('never writes REF*F8 for an original claim', () => {
    const segments = write([claim({ claimId: 'O-1', payerClaimControlNumber: 'IGNORED' })]);
    expect(segments.some((s) => s.id === 'REF' && el(s, 1) === 'F8')).toBe(false);
  });
});

describe('write837P sanitising', () => {
  it('strips delimiters out of names and addresses so the structure is intact', () => {
    // Identifiers holding delimiters are refused instead (see "identifiers that X12 would alter").
    const claims = [
      claim({
        claimId: 'S-1',
        subscriber: {
          memberId: 'M12',
          name: { last: "O*Brien~", first: 'Ann:Marie^' },
          birthDate: '1970-01-01',
          sex: 'F',
          address: { line1: '1 Star * Lane~', city: 'Colon:Ville', state: 'IL', postalCode: '62704' },
        },
      }),
    ];
    const text = write837P({ claims, tenant, receiver, controlNumber: 3, createdAt });
    const segments = splitX12(text);
    const tx = transaction(segments);
    expect(Number(el(tx.at(-1), 1))).toBe(tx.length);
    const subscriber = segments.find((s) => s.id === 'NM1' && el(s, 1) === 'IL');
    expect(subscriber?.elements).toEqual(['NM1', 'IL', '1', 'OBRIEN', 'ANNMARIE', '', '', '', 'MI', 'M12']);
    const n3 = segments[segments.indexOf(subscriber!) + 1];
    expect(n3?.elements).toEqual(['N3', '1 STAR LANE']);
    expect(segments[segments.indexOf(subscriber!) + 2]?.elements).toEqual(['N4', 'COLONVILLE', 'IL', '62704']);
    // The ISA is the only place ':' and '^' may occur.
    expect(text.slice(106)).not.toMatch(/\^/);
  });

  it('refuses a required value that sanitising empties, without echoing it', () => {
    const bad = claim({
      claimId: 'S-2',
      subscriber: { ...claim().subscriber, name: { last: '*~*' } },
    });
    const error = thrown(() => write([bad]));
    expect(error.code).toBe('EMPTY_AFTER_SANITISING');
    expect(error.element).toBe('NM103');
    expect(error.message).toContain('2010BA');
    expect(error.message).not.toContain('*~*');
  });

  it('honours custom delimiters and the optional line break', () => {
    const text = write837P({
      claims: [claim({ claimId: 'D/1' })],
      tenant,
      receiver,
      controlNumber: 5,
      createdAt,
      delimiters: { element: '/', component: '>', repetition: '!', segment: '~' },
      lineBreak: '\n',
    });
    const lines = text.split('\n').filter(Boolean);
    expect(lines.every((line) => line.endsWith('~'))).toBe(true);
    expect(lines[0]).toHaveLength(106);
    expect(lines.find((line) => line.startsWith('CLM/'))).toBe('CLM/D1/140.5///11>B>1/Y/A/Y/Y~');
    expect(lines.find((line) => line.startsWith('SV1/'))).toBe('SV1/HC>99213>25/125/UN/1///1>2~');
  });
});

describe('check837P and refusals', () => {
  const cases: Array<[string, Partial<Parameters<typeof claim>[0]>, string]> = [
    ['a total that differs from the lines', { totalCharge: '999.00' }, 'TOTAL_CHARGE_MISMATCH'],
    ['a pointer past the diagnoses', { diagnoses: [{ code: 'E11.9' }] }, 'DIAGNOSIS_POINTER_OUT_OF_RANGE'],
    ['a PO box billing address', { billingProvider: { ...PROVIDER_A, address: { ...PROVIDER_A.address, line1: 'P.O. Box 12' } } }, 'BILLING_PROVIDER_PO_BOX'],
    ['an organization as referring provider', { referringProvider: { entity: 'organization', lastOrOrganizationName: 'Org', npi: '1777000468' } }, 'REFERRING_PROVIDER_NOT_PERSON'],
    ['mixed ICD-9 and ICD-10', { diagnoses: [{ code: 'E11.9' }, { code: 'V70.0', system: 'ICD-9-CM' }] }, 'MIXED_DIAGNOSIS_CODE_SYSTEMS'],
    ['another tenant', { tenantId: 'someone-else' }, 'TENANT_MISMATCH'],
  ];
  it.each(cases)('refuses %s', (_label, overrides, code) => {
    const bad = claim({ claimId: 'BAD-1', ...overrides });
    expect(check837P(bad, tenant.tenantId).map((p) => p.code)).toEqual([code]);
    const error = thrown(() => write([claim({ claimId: 'OK-1' }), bad]));
    expect(error.code).toBe(code);
    expect(error.claimId).toBe('BAD-1');
  });

  it('refuses negative charges, reversed ranges, repeated pointers and repeated line control numbers', () => {
    const bad = claim({
      serviceLines: [
        { procedureCode: '99213', units: 1, charge: '-1.00', serviceDate: '2026-03-05', serviceDateEnd: '2026-03-04', diagnosisPointers: [1, 1], lineItemControlNumber: 'L1' },
        { procedureCode: '36415', units: 1, charge: '1.00', serviceDate: '2026-03-05', diagnosisPointers: [1], lineItemControlNumber: 'L1' },
      ],
    });
    expect(check837P(bad).map((p) => p.code).sort()).toEqual([
      'DUPLICATE_DIAGNOSIS_POINTER',
      'DUPLICATE_LINE_ITEM_CONTROL_NUMBER',
      'NEGATIVE_CHARGE',
      'SERVICE_DATE_RANGE_REVERSED',
    ]);
  });

  it('refuses a valid institutional claim by its claim type alone', () => {
    const institutional = Claim.parse(institutionalClaimInput());
    expect(check837P(institutional, tenant.tenantId).map((p) => p.code)).toEqual(['UNSUPPORTED_CLAIM_TYPE']);
    const error = thrown(() => write([claim({ claimId: 'OK-1' }), institutional]));
    expect(error.code).toBe('UNSUPPORTED_CLAIM_TYPE');
    expect(error.claimId).toBe('INST-0001');
  });

  it('writes a claim using every professional feature, and it passes check837P', () => {
    const full = fullClaim();
    expect(check837P(full, tenant.tenantId)).toEqual([]);
    const ids = new Set(write([full]).map((s) => s.id));
    for (const id of ['PWK', 'CN1', 'AMT', 'K3', 'NTE', 'CR1', 'CRC', 'HCP', 'LIN', 'CTP']) expect(ids.has(id), id).toBe(true);
  });

  it('finds nothing wrong with a conformant claim', () => {
    expect(check837P(claim(), 'writer-test')).toEqual([]);
  });

  it('refuses two claims with the same CLM01 in one file', () => {
    const error = thrown(() => write([claim({ claimId: 'SAME' }), claim({ claimId: 'SAME', patient: DEPENDENT })]));
    expect(error.code).toBe('DUPLICATE_CLAIM_ID');
  });

  it('refuses an empty batch', () => {
    expect(() => write([])).toThrow(expect.objectContaining({ code: 'NO_CLAIMS' }));
  });

  it('never puts claim values into error messages', () => {
    const bad = claim({ claimId: 'SECRET-ID', frequencyCode: '7', totalCharge: '1.00' });
    for (const problem of check837P(bad)) {
      expect(problem.message).not.toContain('SECRET-ID');
      expect(problem.message).not.toContain('Parenttest');
      expect(problem.message).not.toContain('MBR0001');
    }
  });
});

describe('identifiers that X12 would alter', () => {
  it('are refused before writing: a member id must reach the payer as sent', async () => {
    const { submissionFindings } = await import('../../../lambdas/core/claim/submission-checks.js');
    const { Claim } = await import('../../../lambdas/core/claim/model.js');
    const { sampleClaimInput } = await import('../../fixtures/claims.js');
    const input = sampleClaimInput();
    const claim = Claim.parse({ ...input, subscriber: { ...input.subscriber, memberId: 'XYZ*123~45' } });
    const findings = submissionFindings(claim).filter((f) => f.ruleId === 'X837-IDENTIFIER-NOT-X12-SAFE');
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain('subscriber.memberId');
    expect(findings[0]?.message).not.toContain('XYZ');
    expect(submissionFindings(Claim.parse(input)).filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('five-digit billing and facility ZIPs', () => {
  it('are written as given (the guide examples carry them) and advised, not refused', () => {
    const short = claim({ claimId: 'ZIP-5', billingProvider: { ...PROVIDER_A, address: { ...PROVIDER_A.address, postalCode: '62704' } } });
    expect(check837P(short, tenant.tenantId)).toEqual([]);
    expect(advise837P(short).map((a) => a.code)).toEqual(['BILLING_PROVIDER_ZIP_NOT_NINE_DIGITS']);
    const n4 = write([short]).find((s) => s.id === 'N4');
    expect(n4?.elements[3]).toBe('62704');
    const findings = submissionFindings(short);
    expect(findings.find((f) => f.ruleId === 'X837-BILLING-PROVIDER-ZIP-NOT-NINE-DIGITS')?.severity).toBe('warning');
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(advise837P(claim({ claimId: 'ZIP-9' }))).toEqual([]);
  });
});
