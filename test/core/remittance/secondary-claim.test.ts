/**
 * buildSecondaryClaim: the primary payer's 835 claim payment (built here as
 * the 835 model) turns the primary claim into the secondary claim, with the
 * coordination loops the guides ask for; or into problems, never a patched
 * claim. Every built claim passes the claim schema and the 837 guide checks,
 * writes, reads back equal, and passes our validator (and pyx12 when
 * CLAIMFLOW_X12_VALIDATOR names it).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Claim, type ClaimInput } from '../../../lambdas/core/claim/model.js';
import { buildSecondaryClaim, type PrimaryAdjudication, type SecondaryClaimResult } from '../../../lambdas/core/remittance/secondary-claim.js';
import { ClaimPaymentInfo, type ServicePayment } from '../../../lambdas/core/x12/835/model.js';
import { check837P } from '../../../lambdas/core/x12/837/check-837p.js';
import { read837 } from '../../../lambdas/core/x12/837/read-837.js';
import { write837P } from '../../../lambdas/core/x12/837/write-837p.js';
import { check837I } from '../../../lambdas/core/x12/837i/check-837i.js';
import { write837I } from '../../../lambdas/core/x12/837i/write-837i.js';
import { readX12 } from '../../../lambdas/core/x12/reader.js';
import { validateX12 } from '../../../lambdas/core/x12/validate/index.js';
import { claimInput, DEPENDENT, tenantConfig } from '../x12/837p-fixtures.js';
import { outpatientInput } from '../x12/837i/837i-fixtures.js';
import { canonical } from '../x12/read-837/normalise.js';

const tenant = tenantConfig();
const receiver = tenant.receivers[0]!;

/** The secondary coverage of the fixtures: another plan, another insured. */
const SECONDARY = {
  responsibility: 'S' as const,
  relationship: '01' as const,
  groupNumber: 'SECGRP9',
  claimFilingIndicator: 'CI' as const,
  subscriber: { name: { last: 'Spousetest', first: 'Kim' }, memberId: 'SEC778899', address: { line1: '9 Home St', city: 'Springfield', state: 'IL', postalCode: '62704' } },
  payer: { name: 'Second Health Plan', payerId: 'SECND1', priorAuthorization: 'SECAUTH1' },
};
const TERTIARY = {
  responsibility: 'T' as const,
  relationship: '18' as const,
  claimFilingIndicator: 'MC' as const,
  subscriber: { name: { last: 'Parenttest', first: 'Lee' }, memberId: 'MCD000111' },
  payer: { name: 'State Medicaid', payerId: 'MCD01' },
};

function professionalPrimary(overrides: Partial<ClaimInput> = {}): Claim {
  return Claim.parse(
    claimInput({
      claimId: 'PRI-1',
      payer: { name: 'Demo Payer', payerId: 'DEMO1', claimFilingIndicator: 'CI', responsibility: 'P' },
      priorAuthorization: 'PRIAUTH1',
      indicators: { patientSignatureSource: 'P' },
      otherCoverages: [SECONDARY, TERTIARY],
      ...overrides,
    }),
  );
}

/** An 835 SVC: procedure, charge, payment, CAS. */
function svc(code: string, charge: string, paid: string, adjustments: Array<[string, string, string]>, extra: Partial<ServicePayment> = {}): ServicePayment {
  return {
    procedure: { qualifier: 'HC', code, modifiers: [] },
    charge,
    paid,
    adjustments: adjustments.map(([group, reason, amount]) => ({ group: group as 'CO', reason, amount })),
    references: [],
    amounts: [],
    remarks: [],
    ...extra,
  };
}

function clp(fields: Partial<ClaimPaymentInfo> & { serviceLines: ServicePayment[] }): ClaimPaymentInfo {
  return ClaimPaymentInfo.parse({ patientControlNumber: 'PRI-1', statusCode: '1', payerClaimControlNumber: 'ICN-2026-001', ...fields });
}

/** The professional fixture's lines are 125.00 and 15.50: the payer allowed 100.00 and 12.00, the patient owes 20.00 and 2.00. */
function professionalAdjudication(overrides: Partial<PrimaryAdjudication> = {}): PrimaryAdjudication {
  const lines = [
    svc('99213', '125', '80', [['CO', '45', '25'], ['PR', '2', '20']], { procedure: { qualifier: 'HC', code: '99213', modifiers: ['25'] } }),
    svc('36415', '15.5', '10', [['CO', '45', '3.5'], ['PR', '2', '2']]),
  ];
  return {
    payerName: 'DEMO PAYER INC',
    payerId: 'DEMO1',
    paymentDate: '2026-04-15',
    clp: clp({ charge: '140.50', paid: '90.00', patientResponsibility: '22.00', serviceLines: lines, outpatient: { remarkCodes: ['MA01', 'N130'], hcpcsPayableAmount: '90.00' } }),
    lines: lines.map((line) => [line]),
    ...overrides,
  };
}

function built(result: SecondaryClaimResult): Claim {
  if (!result.ok) throw new Error(`expected a claim, got ${result.problems.map((p) => p.code).join(', ')}`);
  return result.claim;
}

function codes(result: SecondaryClaimResult): Array<[string, number | undefined]> {
  return result.ok ? [] : result.problems.map((p) => [p.code, p.line]);
}

function write(claims: Claim[]): string {
  const input = { claims, tenant, receiver, controlNumber: 7, createdAt: new Date('2026-05-01T12:00:00Z') };
  return claims[0]?.claimType === 'institutional' ? write837I(input) : write837P(input);
}

/** The built claim passes the schema and the guide checks, writes, reads back equal and validates with zero errors. */
function expectWritable(claim: Claim): string {
  expect(Claim.safeParse(claim).success).toBe(true);
  expect((claim.claimType === 'institutional' ? check837I(claim) : check837P(claim)).map((p) => p.code)).toEqual([]);
  const text = write([claim]);
  const read = read837(readX12(text), claim.tenantId);
  expect(read.warnings).toEqual([]);
  expect(canonical(Claim.parse(read.claims[0]?.claim))).toEqual(canonical(claim));
  expect(validateX12(text).findings.filter((f) => f.severity === 'error')).toEqual([]);
  return text;
}

const written: Array<{ name: string; text: string }> = [];

describe('buildSecondaryClaim: professional', () => {
  it('bills the secondary coverage with the primary payer as 2320 P, its claim and line adjudications (patient is another insured\'s spouse)', () => {
    const primary = professionalPrimary();
    const claim = built(buildSecondaryClaim(primary, professionalAdjudication(), 'PRI-1-S'));
    expect(claim).toMatchObject({ claimId: 'PRI-1-S', frequencyCode: '1', claimType: 'professional', placeOfService: '11' });
    expect(claim.payer).toEqual({ name: 'Second Health Plan', payerId: 'SECND1', claimFilingIndicator: 'CI', responsibility: 'S' });
    // Relationship 01: the spouse holds the secondary plan; the patient is the primary's subscriber.
    expect(claim.subscriber).toEqual({ memberId: 'SEC778899', name: { last: 'Spousetest', first: 'Kim' }, address: SECONDARY.subscriber.address, groupNumber: 'SECGRP9' });
    expect(claim.patient).toEqual({ relationship: '01', name: { last: 'Parenttest', first: 'Lee' }, birthDate: '1980-01-31', sex: 'F', address: primary.subscriber.address });
    // Payer-specific references move with their payer.
    expect(claim.priorAuthorization).toBe('SECAUTH1');
    expect(claim.otherCoverages).toEqual([
      {
        responsibility: 'P',
        relationship: '18',
        groupNumber: 'GRP1',
        claimFilingIndicator: 'CI',
        subscriber: { name: { last: 'Parenttest', first: 'Lee' }, memberId: 'MBR0001', address: primary.subscriber.address },
        payer: { name: 'DEMO PAYER INC', payerId: 'DEMO1', priorAuthorization: 'PRIAUTH1', claimControlNumber: 'ICN-2026-001' },
        benefitsAssigned: 'Y',
        patientSignatureSource: 'P',
        releaseOfInformation: 'Y',
        adjudication: {
          paid: '90.00',
          remainingPatientLiability: '22.00',
          adjustments: [],
          outpatientRemarks: { hcpcsPayable: '90.00', remarks: ['MA01', 'N130'] },
        },
      },
      { ...TERTIARY, benefitsAssigned: 'Y', releaseOfInformation: 'Y' },
    ]);
    expect(claim.serviceLines.map((line) => line.adjudications)).toEqual([
      [
        {
          payerId: 'DEMO1',
          paid: '80.00',
          procedure: { qualifier: 'HC', code: '99213', modifiers: ['25'] },
          units: '1',
          adjustments: [
            { group: 'CO', reason: '45', amount: '25.00' },
            { group: 'PR', reason: '2', amount: '20.00' },
          ],
          adjudicationDate: '2026-04-15',
        },
      ],
      [
        {
          payerId: 'DEMO1',
          paid: '10.00',
          procedure: { qualifier: 'HC', code: '36415', modifiers: [] },
          units: '1',
          adjustments: [
            { group: 'CO', reason: '45', amount: '3.50' },
            { group: 'PR', reason: '2', amount: '2.00' },
          ],
          adjudicationDate: '2026-04-15',
        },
      ],
    ]);
    // The clinical content is the primary's.
    expect(claim.diagnoses).toEqual(primary.diagnoses);
    expect(claim.billingProvider).toEqual(primary.billingProvider);
    expect(claim.serviceLines.map(({ adjudications: _a, ...line }) => line)).toEqual(primary.serviceLines);
    const text = expectWritable(claim);
    written.push({ name: 'professional-spouse', text });
    // 2320 SBR*P with AMT*D, 2330B with REF*F8; no 2330B DTP*573 beside the 2430 dates.
    expect(text).toContain('SBR*P*18*GRP1******CI~');
    expect(text).toContain('AMT*D*90~');
    expect(text).toContain('REF*F8*ICN-2026-001~');
    expect(text).not.toMatch(/PI\*DEMO1~DTP\*573/);
    expect(text).toContain('SVD*DEMO1*80*HC:99213:25**1~CAS*CO*45*25~CAS*PR*2*20~DTP*573*D8*20260415~');
  });

  it('makes the patient the subscriber when they hold the secondary plan themselves (relationship 18)', () => {
    // The primary's patient is a dependent child; the child's own plan is secondary.
    const primary = professionalPrimary({ patient: DEPENDENT, otherCoverages: [{ ...SECONDARY, relationship: '18', subscriber: { name: { last: 'Kidtest', first: 'Sam' }, memberId: 'KID555' } }] });
    const claim = built(buildSecondaryClaim(primary, professionalAdjudication(), 'PRI-1-S'));
    expect(claim.patient).toBeUndefined();
    expect(claim.subscriber).toEqual({ memberId: 'KID555', name: { last: 'Kidtest', first: 'Sam' }, birthDate: '2015-06-01', sex: 'M', address: DEPENDENT.address, groupNumber: 'SECGRP9' });
    // The primary coverage: the child is the primary subscriber's child.
    expect(claim.otherCoverages?.[0]).toMatchObject({ responsibility: 'P', relationship: '19', subscriber: { memberId: 'MBR0001' } });
    expect(claim.otherCoverages).toHaveLength(1);
    written.push({ name: 'professional-self', text: expectWritable(claim) });
  });

  it('keeps a dependent patient under another insured of the secondary plan (relationship 19)', () => {
    const primary = professionalPrimary({ patient: DEPENDENT, otherCoverages: [{ ...SECONDARY, relationship: '19' }] });
    const claim = built(buildSecondaryClaim(primary, professionalAdjudication(), 'PRI-1-S'));
    expect(claim.patient).toEqual({ ...DEPENDENT, relationship: '19' });
    expect(claim.subscriber.memberId).toBe('SEC778899');
    written.push({ name: 'professional-dependent', text: expectWritable(claim) });
  });

  it('gives an unbundled line one 2430 per 835 service line, naming the line (SVD06), balancing together', () => {
    // Line 1 (125.00) came back as two procedures; line 2 as one, paid in full.
    const split = [
      svc('99212', '125', '50', [['CO', '45', '20']], { originalProcedure: { qualifier: 'HC', code: '99213', modifiers: ['25'] } }),
      svc('G0438', '0', '40', [['PR', '3', '15']], { originalProcedure: { qualifier: 'HC', code: '99213', modifiers: ['25'] }, units: '2.000' }),
    ];
    const whole = svc('36415', '15.5', '15.5', []);
    const adjudication: PrimaryAdjudication = {
      ...professionalAdjudication(),
      clp: clp({ charge: '140.5', paid: '105.50', serviceLines: [...split, whole] }),
      lines: [split, [whole]],
    };
    const claim = built(buildSecondaryClaim(professionalPrimary(), adjudication, 'PRI-1-S'));
    expect(claim.serviceLines[0]?.adjudications?.map((a) => [a.procedure?.code, a.paid, a.units, a.bundledLineNumber])).toEqual([
      ['99212', '50.00', '1', 1],
      ['G0438', '40.00', '2', 1],
    ]);
    expect(claim.serviceLines[1]?.adjudications).toEqual([
      { payerId: 'DEMO1', paid: '15.50', procedure: { qualifier: 'HC', code: '36415', modifiers: [] }, units: '1', adjustments: [], adjudicationDate: '2026-04-15' },
    ]);
    expect(claim.otherCoverages?.[0]?.adjudication?.paid).toBe('105.50');
    written.push({ name: 'professional-unbundled', text: expectWritable(claim) });
  });

  it('carries claim-level adjustments (2320 CAS) that come off the line payments', () => {
    const lines = [svc('99213', '125', '100', [['CO', '45', '25']]), svc('36415', '15.5', '15.5', [])];
    const adjudication: PrimaryAdjudication = {
      ...professionalAdjudication(),
      // CLP04 = 115.50 line payments − 5.00 claim-level OA 23.
      clp: clp({ charge: '140.50', paid: '110.50', adjustments: [{ group: 'OA', reason: '23', amount: '5' }], serviceLines: lines }),
      lines: lines.map((line) => [line]),
    };
    const claim = built(buildSecondaryClaim(professionalPrimary(), adjudication, 'PRI-1-S'));
    expect(claim.otherCoverages?.[0]?.adjudication).toMatchObject({ paid: '110.50', adjustments: [{ group: 'OA', reason: '23', amount: '5.00' }] });
    const text = expectWritable(claim);
    expect(text).toContain('CAS*OA*23*5~AMT*D*110.5~');
    written.push({ name: 'professional-claim-cas', text });
  });

  it('builds the secondary claim when the primary denied everything (the secondary may still pay)', () => {
    const lines = [svc('99213', '125', '0', [['PR', '96', '125']]), svc('36415', '15.5', '0', [['PR', '96', '15.5']])];
    const adjudication: PrimaryAdjudication = { ...professionalAdjudication(), clp: clp({ statusCode: '4', charge: '140.5', paid: '0', serviceLines: lines }), lines: lines.map((l) => [l]) };
    const claim = built(buildSecondaryClaim(professionalPrimary(), adjudication, 'PRI-1-S'));
    expect(claim.otherCoverages?.[0]?.adjudication?.paid).toBe('0.00');
    const text = expectWritable(claim);
    expect(text).toContain('AMT*D*0~');
    written.push({ name: 'professional-denied', text });
  });

  it('falls back to the line\'s own code when SVC01 is not a code SVD03 carries (an NDC), and restates a recoded procedure as adjudicated', () => {
    const lines = [
      svc('99214', '125', '100', [['CO', '45', '25']], { originalProcedure: { qualifier: 'HC', code: '99213', modifiers: [] } }),
      svc('00641037721', '15.5', '15.5', [], { procedure: { qualifier: 'N4', code: '00641037721', modifiers: [] } }),
    ];
    const adjudication: PrimaryAdjudication = { ...professionalAdjudication(), clp: clp({ charge: '140.5', paid: '115.5', serviceLines: lines }), lines: lines.map((l) => [l]) };
    const claim = built(buildSecondaryClaim(professionalPrimary(), adjudication, 'PRI-1-S'));
    expect(claim.serviceLines.map((l) => l.adjudications?.[0]?.procedure)).toEqual([
      { qualifier: 'HC', code: '99214', modifiers: [] },
      { qualifier: 'HC', code: '36415', modifiers: [] },
    ]);
    written.push({ name: 'professional-recoded', text: expectWritable(claim) });
  });
});

describe('buildSecondaryClaim: the tertiary claim after the secondary', () => {
  it('adds the secondary payer\'s adjudication beside the primary\'s and bills the tertiary coverage', () => {
    const secondary = built(buildSecondaryClaim(professionalPrimary(), professionalAdjudication(), 'PRI-1-S'));
    // The secondary paid 16.00 and 1.60 of what the primary left to the patient; OA-23 covers the rest of each line.
    const lines = [
      svc('99213', '125', '16', [['OA', '23', '105'], ['PR', '2', '4']], { procedure: { qualifier: 'HC', code: '99213', modifiers: ['25'] } }),
      svc('36415', '15.5', '1.6', [['OA', '23', '13.5'], ['PR', '2', '0.4']]),
    ];
    const adjudication: PrimaryAdjudication = {
      payerName: 'SECOND HEALTH PLAN',
      payerId: 'SECND1',
      paymentDate: '2026-05-20',
      clp: clp({ patientControlNumber: 'PRI-1-S', statusCode: '2', charge: '140.50', paid: '17.60', patientResponsibility: '4.40', payerClaimControlNumber: 'SEC-ICN-9', serviceLines: lines }),
      lines: lines.map((line) => [line]),
    };
    const tertiary = built(buildSecondaryClaim(secondary, adjudication, 'PRI-1-T'));
    expect(tertiary.payer).toMatchObject({ payerId: 'MCD01', responsibility: 'T', claimFilingIndicator: 'MC' });
    expect(tertiary.otherCoverages?.map((c) => [c.responsibility, c.payer.payerId, c.adjudication?.paid, c.payer.claimControlNumber])).toEqual([
      ['P', 'DEMO1', '90.00', 'ICN-2026-001'],
      ['S', 'SECND1', '17.60', 'SEC-ICN-9'],
    ]);
    expect(tertiary.serviceLines.map((line) => line.adjudications?.map((a) => `${a.payerId}:${a.paid}:${a.adjudicationDate}`))).toEqual([
      ['DEMO1:80.00:2026-04-15', 'SECND1:16.00:2026-05-20'],
      ['DEMO1:10.00:2026-04-15', 'SECND1:1.60:2026-05-20'],
    ]);
    const text = expectWritable(tertiary);
    written.push({ name: 'professional-tertiary', text });
    expect(text).toContain('SBR*T*');
    expect(text).toContain('SBR*S*01*SECGRP9******CI~');
    expect(text).toContain('AMT*D*17.6~');
    // Nothing comes after the tertiary in this scheme.
    expect(codes(buildSecondaryClaim(tertiary, { ...adjudication, payerId: 'MCD01', clp: { ...adjudication.clp, patientControlNumber: 'PRI-1-T' } }, 'PRI-1-X'))).toContainEqual(['NO-SECONDARY', undefined]);
  });
});

describe('buildSecondaryClaim: institutional', () => {
  function institutionalPrimary(): Claim {
    return Claim.parse(outpatientInput({ claimId: 'PRI-1', otherCoverages: [{ ...SECONDARY, relationship: '18', subscriber: { name: { last: 'Patient', first: 'Pat' }, memberId: 'SELF2' } }] }));
  }
  // Lines: 0450 99284 650.00; 0320 73110 210.00; 0636 J1100 12.40.
  function institutionalAdjudication(): PrimaryAdjudication {
    const lines = [
      svc('99284', '650', '400', [['CO', '45', '150'], ['PR', '1', '100']], { revenueCode: '0450', procedure: { qualifier: 'HC', code: '99284', modifiers: ['25'] } }),
      // Adjudicated under another revenue code, given as NU with no procedure.
      svc('0321', '210', '168', [['CO', '45', '42']], { procedure: { qualifier: 'NU', code: '0321', modifiers: [] } }),
      svc('J1100', '12.4', '0', [['CO', '97', '12.4']], { revenueCode: '0636', units: '1.5' }),
    ];
    return {
      payerName: 'DEMO PAYER',
      payerId: 'DEMO1',
      paymentDate: '2026-05-02',
      clp: clp({
        charge: '872.40',
        paid: '568',
        patientResponsibility: '100',
        serviceLines: lines,
        inpatient: { coveredDaysOrVisits: '0', ppsOperatingOutlierAmount: '5', drgAmount: '0', remarkCodes: ['N130'] },
        outpatient: { reimbursementRate: '.80', remarkCodes: [] },
      }),
      lines: lines.map((line) => [line]),
    };
  }

  it('builds an 837I secondary claim with MIA/MOA, SVD04 revenue codes and the patient as subscriber', () => {
    const primary = institutionalPrimary();
    const claim = built(buildSecondaryClaim(primary, institutionalAdjudication(), 'PRI-1-S'));
    expect(claim.claimType).toBe('institutional');
    expect(claim.institutional).toEqual(primary.institutional);
    expect(claim.patient).toBeUndefined();
    expect(claim.subscriber).toMatchObject({ memberId: 'SELF2', birthDate: '1950-02-03', sex: 'F' });
    expect(claim.otherCoverages?.[0]?.adjudication).toEqual({
      paid: '568.00',
      remainingPatientLiability: '100.00',
      adjustments: [],
      outpatientRemarks: { reimbursementRate: '0.8', remarks: [] },
      // MIA02 (PPS operating outlier) has no place in the 837I.
      inpatient: { coveredDays: '0', drgAmount: '0.00', remarks: ['N130'] },
    });
    expect(claim.otherCoverages?.[0]).not.toHaveProperty('patientSignatureSource');
    expect(claim.serviceLines.map((l) => [l.adjudications?.[0]?.procedure?.code, l.adjudications?.[0]?.revenueCode, l.adjudications?.[0]?.units])).toEqual([
      ['99284', undefined, '1'],
      ['73110', '0321', '1'],
      ['J1100', undefined, '1.5'],
    ]);
    const text = expectWritable(claim);
    expect(text).toContain('MIA*0***0*N130~MOA*0.8~');
    expect(text).toContain('SVD*DEMO1*168*HC:73110:RT:TC:59:XU*0321*1~');
    written.push({ name: 'institutional', text });
  });
});

describe('buildSecondaryClaim: problems instead of a claim', () => {
  it('refuses a claim without a secondary coverage', () => {
    const result = buildSecondaryClaim(professionalPrimary({ otherCoverages: [TERTIARY] }), professionalAdjudication(), 'PRI-1-S');
    expect(codes(result)).toEqual([['NO-SECONDARY', undefined]]);
  });

  it('refuses a secondary claim id that is no claim id, or is the primary\'s', () => {
    expect(codes(buildSecondaryClaim(professionalPrimary(), professionalAdjudication(), ' bad id'))).toEqual([['INVALID-CLAIM-ID', undefined]]);
    expect(codes(buildSecondaryClaim(professionalPrimary(), professionalAdjudication(), 'X'.repeat(39)))).toEqual([['INVALID-CLAIM-ID', undefined]]);
    expect(codes(buildSecondaryClaim(professionalPrimary(), professionalAdjudication(), 'PRI-1'))).toEqual([['INVALID-CLAIM-ID', undefined]]);
  });

  it('names a line no 835 service line was matched to', () => {
    const adjudication = professionalAdjudication();
    const result = buildSecondaryClaim(professionalPrimary(), { ...adjudication, lines: [adjudication.lines[0], undefined] }, 'PRI-1-S');
    expect(codes(result)).toEqual([['LINE-UNADJUDICATED', 2]]);
  });

  it('refuses a line whose payment and adjustments miss its charge by a cent, and does not patch it', () => {
    const lines = [svc('99213', '125', '80', [['CO', '45', '25'], ['PR', '2', '19.99']]), svc('36415', '15.5', '10', [['CO', '45', '3.5'], ['PR', '2', '2']])];
    const adjudication: PrimaryAdjudication = { ...professionalAdjudication(), clp: clp({ charge: '140.5', paid: '90', serviceLines: lines }), lines: lines.map((l) => [l]) };
    const result = buildSecondaryClaim(professionalPrimary(), adjudication, 'PRI-1-S');
    // The claim no longer balances either: CLM02 140.50 against 90 + 50.49.
    expect(codes(result)).toEqual([['COB-LINE-UNBALANCED', 1], ['COB-CLAIM-UNBALANCED', undefined]]);
  });

  it('refuses a claim payment that does not balance to the lines (CLP04 against Σ SVC03 − claim CAS)', () => {
    const adjudication = professionalAdjudication();
    const result = buildSecondaryClaim(professionalPrimary(), { ...adjudication, clp: { ...adjudication.clp, paid: '91.00' } }, 'PRI-1-S');
    expect(codes(result)).toEqual([['COB-CLAIM-UNBALANCED', undefined]]);
  });

  it('refuses an 835 that adjudicated another charge, another claim, a reversal, or has no payment date', () => {
    const adjudication = professionalAdjudication();
    expect(codes(buildSecondaryClaim(professionalPrimary(), { ...adjudication, clp: { ...adjudication.clp, charge: '150.50' } }, 'PRI-1-S'))).toEqual([['CLAIM-CHARGE-MISMATCH', undefined]]);
    expect(codes(buildSecondaryClaim(professionalPrimary(), { ...adjudication, clp: { ...adjudication.clp, patientControlNumber: 'OTHER' } }, 'PRI-1-S'))).toEqual([['CLAIM-MISMATCH', undefined]]);
    expect(codes(buildSecondaryClaim(professionalPrimary(), { ...adjudication, clp: { ...adjudication.clp, statusCode: '22' } }, 'PRI-1-S'))).toEqual([['NOT-ADJUDICATED', undefined]]);
    const { paymentDate: _date, ...undated } = adjudication;
    expect(codes(buildSecondaryClaim(professionalPrimary(), undated, 'PRI-1-S'))).toEqual([['NO-PAYMENT-DATE', undefined]]);
  });

  it('names an amount the 835 left empty instead of reading it as zero', () => {
    const adjudication = professionalAdjudication();
    const { paid: _paid, ...unpaid } = adjudication.lines[1]![0]!;
    const result = buildSecondaryClaim(professionalPrimary(), { ...adjudication, lines: [adjudication.lines[0], [unpaid as ServicePayment]] }, 'PRI-1-S');
    expect(codes(result)).toEqual([['AMOUNT-MISSING', 2]]);
  });

  it('never puts names, member ids or amounts in its messages', () => {
    const adjudication = professionalAdjudication();
    const results = [
      buildSecondaryClaim(professionalPrimary({ otherCoverages: [TERTIARY] }), adjudication, 'PRI-1-S'),
      buildSecondaryClaim(professionalPrimary(), { ...adjudication, clp: { ...adjudication.clp, paid: '91.00' } }, 'PRI-1-S'),
      buildSecondaryClaim(professionalPrimary(), { ...adjudication, lines: [undefined, undefined] }, 'PRI-1-S'),
    ];
    for (const result of results) {
      expect(result.ok).toBe(false);
      if (!result.ok) for (const p of result.problems) expect(p.message).not.toMatch(/Parenttest|Spousetest|MBR0001|SEC778899|PRI-1|91|125/);
    }
  });
});

const VALIDATOR = process.env.CLAIMFLOW_X12_VALIDATOR ?? '';

describe.skipIf(!VALIDATOR || !existsSync(VALIDATOR))('built secondary claims pass the validator (set CLAIMFLOW_X12_VALIDATOR)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'claimflow-secondary-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('every file written in this suite is valid', () => {
    expect(written.length).toBeGreaterThanOrEqual(8);
    const paths = written.map(({ name, text }) => {
      const path = join(dir, `${name}.837`);
      writeFileSync(path, text);
      return path;
    });
    let report = '';
    let status = 0;
    try {
      report = execFileSync(VALIDATOR, paths, { encoding: 'utf8' });
    } catch (error) {
      const failed = error as { status?: number; stdout?: string; stderr?: string };
      status = failed.status ?? -1;
      report = `${failed.stdout ?? ''}${failed.stderr ?? ''}`;
    }
    expect(report.split('\n').filter((line) => line !== '' && !line.endsWith(': VALID'))).toEqual([]);
    expect(status).toBe(0);
  });
});
