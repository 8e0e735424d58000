/**
 * Coordination of benefits in the 837P: the 2320/2330A/2330B loops after the
 * 2310 loops, the 2430 loops after each line's 2420 loops, segment by
 * segment; the COB rules (check-cob.ts) as intake findings with their rule
 * ids, paths and fixes; and our validator refusing what the guide refuses.
 */
import { describe, expect, it } from 'vitest';
import { Claim, type ClaimInput } from '../../../../lambdas/core/claim/model.js';
import { submissionFindings } from '../../../../lambdas/core/claim/submission-checks.js';
import { check837P } from '../../../../lambdas/core/x12/837/check-837p.js';
import { write837P } from '../../../../lambdas/core/x12/837/write-837p.js';
import { validateX12 } from '../../../../lambdas/core/x12/validate/index.js';
import { claimInput } from '../837p-fixtures.js';
import { claimPart, linePart, receiver, tenant, write } from './helpers.js';

type CoverageInput = NonNullable<ClaimInput['otherCoverages']>[number];

const LATER: CoverageInput = {
  responsibility: 'S',
  relationship: '01',
  groupNumber: 'SECGRP9',
  insuranceTypeCode: '12',
  claimFilingIndicator: 'CI',
  subscriber: { name: { last: 'Spousetest', first: 'Kim', middle: 'Q', suffix: 'Jr' }, memberId: 'SEC778899', address: { line1: '9 Home St', city: 'Springfield', state: 'IL', postalCode: '62704' } },
  payer: { name: 'Second Health Plan', payerId: 'SECND1', address: { line1: 'PO Box 9', city: 'Chicago', state: 'IL', postalCode: '606010009' } },
  patientSignatureSource: 'P',
  releaseOfInformation: 'I',
};

/** The prior payer's adjudication of the fixture lines (125.00 and 15.50). */
const PRIOR: CoverageInput = {
  responsibility: 'P',
  relationship: '18',
  groupName: 'Acme Employees',
  claimFilingIndicator: 'MB',
  subscriber: { name: { last: 'Parenttest', first: 'Lee' }, memberId: 'MBR0001' },
  payer: {
    name: 'Demo Payer',
    payerId: 'DEMO1',
    secondaryIds: [{ qualifier: 'NF', value: '12345' }, { qualifier: '2U', value: 'DP2U' }],
    priorAuthorization: 'PRIAUTH1',
    referralNumber: 'PRIREF1',
    claimAdjustmentIndicator: true,
    claimControlNumber: 'ICN-2026-001',
  },
  benefitsAssigned: 'W',
  adjudication: {
    paid: '90.00',
    remainingPatientLiability: '22.00',
    nonCoveredAmount: '0',
    adjustments: [],
    outpatientRemarks: { reimbursementRate: '0.80', hcpcsPayable: '90', remarks: ['MA01', 'N130'], esrdPayment: '0', nonPayableProfessional: '1.5' },
  },
};

const LINE_ADJUDICATIONS: Array<NonNullable<ClaimInput['serviceLines'][number]['adjudications']>> = [
  [
    {
      payerId: 'DEMO1',
      paid: '80',
      procedure: { code: '99213', modifiers: ['25'], description: 'Office visit' },
      units: '1',
      adjustments: [
        { group: 'CO', reason: '45', amount: '25' },
        { group: 'PR', reason: '2', amount: '20', quantity: '1' },
      ],
      adjudicationDate: '2026-04-15',
      remainingPatientLiability: '20',
    },
  ],
  [
    { payerId: 'DEMO1', paid: '6', procedure: { code: '36415' }, units: '1', bundledLineNumber: 2, adjustments: [{ group: 'CO', reason: '45', amount: '1.5' }], adjudicationDate: '2026-04-15' },
    { payerId: 'DEMO1', paid: '4', procedure: { code: '36416' }, units: '1', bundledLineNumber: 2, adjustments: [{ group: 'PR', reason: '2', amount: '2' }, { group: 'CO', reason: '45', amount: '2' }], adjudicationDate: '2026-04-15' },
  ],
];

/** A secondary claim: the prior payer adjudicated both lines; a tertiary payer is named. */
function secondaryInput(overrides: Partial<ClaimInput> = {}): ClaimInput {
  const base = claimInput({ claimId: 'SEC-1' });
  return {
    ...base,
    payer: { name: 'Second Health Plan', payerId: 'SECND1', responsibility: 'S', claimFilingIndicator: 'CI' },
    otherCoverages: [PRIOR, { ...LATER, responsibility: 'T', insuranceTypeCode: undefined, payer: { name: 'Third Plan', payerId: 'THIRD1' } }],
    serviceLines: base.serviceLines.map((line, index) => ({ ...line, adjudications: LINE_ADJUDICATIONS[index] })),
    ...overrides,
  };
}

const text = (segments: Array<{ elements: string[] }>) => segments.map((s) => s.elements.join('*'));

describe('837P 2320/2330A/2330B', () => {
  it('names a payer after the primary one: 2320 SBR, OI, 2330A and 2330B after the 2310 loops, without adjudication', () => {
    const claim = Claim.parse(claimInput({ claimId: 'PRI-1', otherCoverages: [LATER] }));
    const part = text(claimPart(write([claim]), 'PRI-1'));
    expect(part.slice(part.indexOf('SBR*S*01*SECGRP9**12****CI'))).toEqual([
      'SBR*S*01*SECGRP9**12****CI',
      'OI***Y*P**I',
      'NM1*IL*1*SPOUSETEST*KIM*Q**JR*MI*SEC778899',
      'N3*9 HOME ST',
      'N4*SPRINGFIELD*IL*62704',
      'NM1*PR*2*SECOND HEALTH PLAN*****PI*SECND1',
      'N3*PO BOX 9',
      'N4*CHICAGO*IL*606010009',
    ]);
    expect(part[0]).toMatch(/^CLM\*PRI-1\*/);
  });

  it('carries the prior payer\'s adjudication: CAS, AMT*D/A8/EAF, OI, MOA, then the 2330B references in guide order', () => {
    const part = text(claimPart(write([Claim.parse(secondaryInput())]), 'SEC-1'));
    const from = part.indexOf('SBR*P*18**ACME EMPLOYEES*****MB');
    expect(part.slice(from, part.indexOf('SBR*T*01*SECGRP9******CI'))).toEqual([
      'SBR*P*18**ACME EMPLOYEES*****MB',
      'AMT*D*90',
      'AMT*A8*0',
      'AMT*EAF*22',
      'OI***W***Y',
      'MOA*0.8*90*MA01*N130****0*1.5',
      'NM1*IL*1*PARENTTEST*LEE****MI*MBR0001',
      'NM1*PR*2*DEMO PAYER*****PI*DEMO1',
      // No DTP*573 here: the 2430 loops carry the dates.
      'REF*NF*12345',
      'REF*2U*DP2U',
      'REF*G1*PRIAUTH1',
      'REF*9F*PRIREF1',
      'REF*T4*Y',
      'REF*F8*ICN-2026-001',
    ]);
  });

  it('writes claim adjustments one CAS per group code, six triples each, and the 2330B date when no line carries one', () => {
    const adjustments = [
      ...['45', '97', '16', '18', '59', '119', '253'].map((reason) => ({ group: 'CO' as const, reason, amount: '1' })),
      { group: 'PR' as const, reason: '1', amount: '10', quantity: '1.50' },
      { group: 'CO' as const, reason: 'B7', amount: '0.5' },
    ];
    const claimTotal = 140.5;
    const paid = (claimTotal - 7 - 10 - 0.5).toFixed(2);
    const input = secondaryInput({
      otherCoverages: [{ ...PRIOR, adjudication: { paid, paymentDate: '2026-04-20', adjustments } }],
      serviceLines: claimInput().serviceLines,
    });
    const claim = Claim.parse(input);
    expect(check837P(claim)).toEqual([]);
    const part = text(claimPart(write([claim]), 'SEC-1'));
    expect(part.filter((s) => s.startsWith('CAS'))).toEqual([
      'CAS*CO*45*1**97*1**16*1**18*1**59*1**119*1',
      'CAS*CO*253*1**B7*0.5',
      'CAS*PR*1*10*1.5',
    ]);
    expect(part).toContain('DTP*573*D8*20260420');
    expect(part.indexOf('DTP*573*D8*20260420')).toBe(part.indexOf('NM1*PR*2*DEMO PAYER*****PI*DEMO1') + 1);
  });
});

describe('837P 2430', () => {
  it('writes one 2430 per adjudication after the line\'s other loops: SVD, CAS, DTP*573, AMT*EAF', () => {
    const segments = write([Claim.parse(secondaryInput())]);
    const line1 = text(linePart(segments, 'SEC-1', 1));
    expect(line1.slice(line1.findIndex((s) => s.startsWith('SVD')))).toEqual([
      // SVD03-3..6 keep their places when a description (SVD03-7) follows.
      'SVD*DEMO1*80*HC:99213:25::::OFFICE VISIT**1',
      'CAS*CO*45*25',
      'CAS*PR*2*20*1',
      'DTP*573*D8*20260415',
      'AMT*EAF*20',
    ]);
    const line2 = text(linePart(segments, 'SEC-1', 2));
    expect(line2.slice(line2.findIndex((s) => s.startsWith('SVD')))).toEqual([
      'SVD*DEMO1*6*HC:36415**1*2',
      'CAS*CO*45*1.5',
      'DTP*573*D8*20260415',
      'SVD*DEMO1*4*HC:36416**1*2',
      'CAS*PR*2*2',
      'CAS*CO*45*2',
      'DTP*573*D8*20260415',
    ]);
  });

  it('passes our validator with zero errors', () => {
    const file = write837P({ claims: [Claim.parse(secondaryInput())], tenant, receiver, controlNumber: 3, createdAt: new Date('2026-05-01T12:00:00Z') });
    expect(validateX12(file).findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('837P coordination-of-benefits rules', () => {
  const prior = (change: (coverage: CoverageInput) => CoverageInput) => ({ otherCoverages: [change(structuredClone(PRIOR)), { ...LATER, responsibility: 'T' as const, insuranceTypeCode: undefined, payer: { name: 'Third Plan', payerId: 'THIRD1' } }] });
  const lines = (change: (adjudications: typeof LINE_ADJUDICATIONS) => typeof LINE_ADJUDICATIONS) => {
    const base = claimInput({ claimId: 'SEC-1' });
    const adjudications = change(structuredClone(LINE_ADJUDICATIONS));
    return { serviceLines: base.serviceLines.map((line, index) => ({ ...line, adjudications: adjudications[index] })) };
  };

  const cases: Array<[string, Partial<ClaimInput>, string[]]> = [
    ['a line adjudication a cent short of the line charge', lines((a) => (a[0]![0]!.paid = '79.99', a)), ['COB_LINE_UNBALANCED', 'COB_CLAIM_UNBALANCED']],
    ['a payer paid amount that does not match its lines', prior((c) => ({ ...c, adjudication: { ...c.adjudication!, paid: '91' } })), ['COB_CLAIM_UNBALANCED']],
    ['a line adjudicated by no listed payer', lines((a) => (a[0]![0]!.payerId = 'NOBODY', a)), ['COB_LINE_PAYER_UNKNOWN', 'COB_CLAIM_UNBALANCED']],
    ['a line adjudication of a payer without its own adjudication', prior(({ adjudication: _a, ...c }) => c), ['COB_LINE_PAYER_NOT_ADJUDICATED']],
    ['a repeated payer responsibility', prior((c) => ({ ...c, responsibility: 'S' })), ['COB_RESPONSIBILITY_REPEATED']],
    ['a payment date beside line adjudications', prior((c) => ({ ...c, adjudication: { ...c.adjudication!, paymentDate: '2026-04-15' } })), ['COB_PAYMENT_DATE_WITH_LINES']],
    ['a group name beside a group number', prior((c) => ({ ...c, groupNumber: 'G1' })), ['COB_GROUP_NAME_WITH_NUMBER']],
    ['SBR05 for the primary payer', prior((c) => ({ ...c, insuranceTypeCode: '12' })), ['COB_INSURANCE_TYPE_ONLY_FOR_SECONDARY']],
    ['MIA on a professional claim', prior((c) => ({ ...c, adjudication: { ...c.adjudication!, inpatient: { coveredDays: '1' } } })), ['COB_FIELD_NOT_USED']],
    ['an empty MOA', prior((c) => ({ ...c, adjudication: { ...c.adjudication!, outpatientRemarks: {} } })), ['COB_OUTPATIENT_REMARKS_EMPTY']],
    ['a line adjudication without a procedure', lines((a) => (delete a[0]![0]!.procedure, a)), ['COB_LINE_PROCEDURE_REQUIRED']],
    ['a HIPPS procedure on a professional line', lines((a) => (a[0]![0]!.procedure = { qualifier: 'HP', code: 'RUB11' }, a)), ['COB_PROCEDURE_QUALIFIER']],
    ['a revenue code on a professional line adjudication', lines((a) => (a[0]![0]!.revenueCode = '0300', a)), ['COB_FIELD_NOT_USED']],
    ['an adjudication date before 1900', lines((a) => (a[1]![0]!.adjudicationDate = '1899-12-31', a)), ['DATE_BEFORE_1900']],
    ['a payer id X12 would alter', prior((c) => ({ ...c, payer: { ...c.payer, claimControlNumber: 'ICN*1' } })), ['IDENTIFIER_NOT_X12_SAFE']],
    ['a paid amount beyond exact cents', prior((c) => ({ ...c, adjudication: { ...c.adjudication!, paid: '123456789012.00' } })), ['AMOUNT_TOO_LARGE']],
  ];
  for (const [what, overrides, expected] of cases) {
    it(`refuses ${what}`, () => {
      const claim = Claim.parse(secondaryInput(overrides));
      expect(check837P(claim).map((p) => p.code).sort()).toEqual([...expected].sort());
    });
  }

  it('refuses more CAS segments than a 2320 holds', () => {
    const groups = ['CO', 'OA', 'PI', 'PR', 'CR', 'CO'] as const;
    const adjustments = [...groups.flatMap((group, g) => (g === 5 ? Array.from({ length: 6 }, (_, i) => ({ group, reason: String(50 + i), amount: '0.01' })) : [{ group, reason: '1', amount: '0.01' }]))];
    const claim = Claim.parse(secondaryInput({ ...prior((c) => ({ ...c, adjudication: { paid: '0', paymentDate: '2026-01-01', adjustments } })), serviceLines: claimInput().serviceLines }));
    expect(check837P(claim).map((p) => p.code)).toEqual(['COB_TOO_MANY_ADJUSTMENT_SEGMENTS']);
  });

  it('requires the payment date of a payer that adjudicated the claim without line adjudications', () => {
    const claim = Claim.parse(secondaryInput({ ...prior((c) => ({ ...c, adjudication: { paid: '0', adjustments: [] } })), serviceLines: claimInput().serviceLines }));
    expect(check837P(claim).map((p) => p.code)).toEqual(['COB_PAYMENT_DATE_REQUIRED']);
  });

  it('reports them at intake with a stable rule id, the field path and a fix, never the values', () => {
    const claim = Claim.parse(secondaryInput(lines((a) => (a[0]![0]!.paid = '79.99', a))));
    const findings = submissionFindings(claim).filter((f) => f.ruleId.startsWith('X837-COB'));
    expect(findings.map(({ ruleId, severity, path }) => ({ ruleId, severity, path }))).toEqual([
      { ruleId: 'X837-COB-LINE-UNBALANCED', severity: 'error', path: 'serviceLines[0].adjudications' },
      { ruleId: 'X837-COB-CLAIM-UNBALANCED', severity: 'error', path: 'otherCoverages[0].adjudication' },
    ]);
    for (const finding of findings) {
      expect(finding.fix).toMatch(/835/);
      expect(finding.message).not.toMatch(/79\.99|125|DEMO1|MBR0001|Parenttest/i);
    }
  });
});

describe('our validator on 837P coordination loops', () => {
  const file = () => write837P({ claims: [Claim.parse(secondaryInput())], tenant, receiver, controlNumber: 3, createdAt: new Date('2026-05-01T12:00:00Z') });
  const errors = (x12: string) => validateX12(x12).findings.filter((f) => f.severity === 'error').map((f) => [f.code, f.segmentId, f.loopId]);

  it('refuses a 2320 without its required OI and a 2430 without its required DTP*573', () => {
    const broken = file().replace('OI***W***Y~', '').replace('CAS*CO*45*1.5~DTP*573*D8*20260415~', 'CAS*CO*45*1.5~');
    const found = errors(broken);
    expect(found).toContainEqual(['SEG_MISSING', 'OI', '2320']);
    expect(found).toContainEqual(['SEG_MISSING', 'DTP', '2430']);
  });

  it('refuses a 2320 without its 2330B and an SVD without its procedure', () => {
    const broken = file().replace('NM1*PR*2*THIRD PLAN*****PI*THIRD1~', '').replace('SVD*DEMO1*6*HC:36415**1*2~', 'SVD*DEMO1*6***1*2~');
    const found = errors(broken);
    expect(found).toContainEqual(['LOOP_MISSING', 'NM1', '2320']);
    expect(found).toContainEqual(['ELEM_REQUIRED', 'SVD', '2430']);
  });
});
