/**
 * Coordination of benefits in the 837I: 2320 (no SBR05, no OI04; AMT*EAF
 * before AMT*A8; MIA then MOA) with 2330A/2330B after the 2310 loops, 2430
 * after each line's 2420C with SVD04 (the line's revenue code unless the
 * payer adjudicated another), and the 837I refusals of what it has no place
 * for.
 */
import { describe, expect, it } from 'vitest';
import type { ClaimInput } from '../../../../lambdas/core/claim/model.js';
import { submissionFindings } from '../../../../lambdas/core/claim/submission-checks.js';
import { write837I } from '../../../../lambdas/core/x12/837i/write-837i.js';
import { check837I } from '../../../../lambdas/core/x12/837i/check-837i.js';
import { validateX12 } from '../../../../lambdas/core/x12/validate/index.js';
import { claim, outpatientInput, receiver, splitX12, tenant, text, wholeClaim } from './837i-fixtures.js';

type CoverageInput = NonNullable<ClaimInput['otherCoverages']>[number];

/** The prior payer's adjudication of the outpatient fixture (650.00, 210.00, 12.40). */
const PRIOR: CoverageInput = {
  responsibility: 'P',
  relationship: '18',
  groupNumber: 'GRP1',
  claimFilingIndicator: 'MA',
  subscriber: { name: { last: 'Patient', first: 'Pat' }, memberId: 'MEM123456' },
  payer: { name: 'Medicare A', payerId: 'MCRA1', claimControlNumber: 'ICN77' },
  adjudication: {
    paid: '548',
    remainingPatientLiability: '120',
    nonCoveredAmount: '12.4',
    adjustments: [{ group: 'OA', reason: '23', amount: '20' }],
    inpatient: { coveredDays: '0', drgAmount: '0', costReportDays: '1', ppsCapitalExceptionAmount: '2', remarks: ['N130', 'MA01'] },
    outpatientRemarks: { remarks: ['N4'] },
  },
};

function secondaryInput(overrides: Partial<ClaimInput> = {}): ClaimInput {
  const base = outpatientInput({ claimId: 'ISEC-1', payer: { name: 'Medigap Plan', payerId: 'GAP01', responsibility: 'S', claimFilingIndicator: 'CI' } });
  const adjudications: Array<NonNullable<ClaimInput['serviceLines'][number]['adjudications']>> = [
    [{ payerId: 'MCRA1', paid: '450', procedure: { code: '99284', modifiers: ['25'] }, units: '1', adjustments: [{ group: 'CO', reason: '45', amount: '100' }, { group: 'PR', reason: '1', amount: '100' }], adjudicationDate: '2026-05-02' }],
    [{ payerId: 'MCRA1', paid: '118', revenueCode: '0321', units: '1', adjustments: [{ group: 'CO', reason: '45', amount: '72' }, { group: 'PR', reason: '2', amount: '20' }], adjudicationDate: '2026-05-02' }],
    [{ payerId: 'MCRA1', paid: '0', procedure: { qualifier: 'HP', code: 'J1100' }, units: '1.5', adjustments: [{ group: 'CO', reason: '97', amount: '12.4' }], adjudicationDate: '2026-05-02' }],
  ];
  return {
    ...base,
    otherCoverages: [PRIOR],
    serviceLines: base.serviceLines.map((line, index) => ({ ...line, adjudications: adjudications[index] })),
    ...overrides,
  };
}

describe('837I 2320/2330A/2330B and 2430', () => {
  it('writes the prior payer after the 2310 loops: SBR, CAS, AMT*D/EAF/A8, OI, MIA, MOA, 2330A, 2330B', () => {
    const segments = wholeClaim(splitX12(write837I({ claims: [claim(secondaryInput())], tenant, receiver, controlNumber: 5, createdAt: new Date('2026-05-10T12:00:00Z') })), 'ISEC-1');
    const all = segments.map(text);
    const from = all.indexOf('SBR*P*18*GRP1******MA');
    expect(all[from - 1]).toBe('PRV*AT*PXC*207RC0000X'); // the 2310A attending provider's taxonomy
    expect(all.slice(from, all.indexOf('LX*1'))).toEqual([
      'SBR*P*18*GRP1******MA',
      'CAS*OA*23*20',
      'AMT*D*548',
      'AMT*EAF*120',
      'AMT*A8*12.4',
      'OI***Y***Y',
      // MIA01 covered days, MIA04 DRG amount, MIA05 and MIA20 remarks, MIA15 cost report days, MIA24 capital exception.
      'MIA*0***0*N130**********1*****MA01****2',
      'MOA***N4',
      'NM1*IL*1*PATIENT*PAT****MI*MEM123456',
      'NM1*PR*2*MEDICARE A*****PI*MCRA1',
      'REF*F8*ICN77',
    ]);
    const line = (n: number) => all.slice(all.indexOf(`LX*${n}`), n < 3 ? all.indexOf(`LX*${n + 1}`) : undefined);
    expect(line(1).filter((s) => /^(SVD|CAS|DTP\*573)/.test(s))).toEqual(['SVD*MCRA1*450*HC:99284:25*0450*1', 'CAS*CO*45*100', 'CAS*PR*1*100', 'DTP*573*D8*20260502']);
    // Adjudicated under another revenue code, without a procedure (SVD03 is situational on the 837I).
    expect(line(2).filter((s) => s.startsWith('SVD'))).toEqual(['SVD*MCRA1*118**0321*1']);
    expect(line(3).filter((s) => s.startsWith('SVD'))).toEqual(['SVD*MCRA1*0*HP:J1100*0636*1.5']);
  });

  it('puts MIA remarks in MIA05 and MIA20-23', () => {
    const input = secondaryInput();
    input.otherCoverages = [{ ...PRIOR, adjudication: { ...PRIOR.adjudication!, inpatient: { coveredDays: '3', remarks: ['N130', 'MA01', 'N4', 'M15', 'N19'] } } }];
    const all = splitX12(write837I({ claims: [claim(input)], tenant, receiver, controlNumber: 5, createdAt: new Date('2026-05-10T12:00:00Z') })).map(text);
    expect(all).toContain(`MIA*3****N130${'*'.repeat(15)}MA01*N4*M15*N19`);
  });

  it('passes our validator with zero errors', () => {
    const file = write837I({ claims: [claim(secondaryInput())], tenant, receiver, controlNumber: 5, createdAt: new Date('2026-05-10T12:00:00Z') });
    expect(validateX12(file).findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('refuses what the 837I has no place for, under X837I rule ids', () => {
    const input = secondaryInput({ otherCoverages: [{ ...PRIOR, insuranceTypeCode: '12', patientSignatureSource: 'P' }] });
    expect(check837I(claim(input)).map((p) => [p.code, p.path])).toEqual([
      ['COB_FIELD_NOT_USED', 'otherCoverages[0].insuranceTypeCode'],
      ['COB_FIELD_NOT_USED', 'otherCoverages[0].patientSignatureSource'],
    ]);
    const findings = submissionFindings(claim(input)).filter((f) => f.ruleId.includes('COB'));
    expect(findings.map((f) => f.ruleId)).toEqual(['X837I-COB-FIELD-NOT-USED', 'X837I-COB-FIELD-NOT-USED']);
    expect(findings.every((f) => f.fix === 'Remove the field.')).toBe(true);
  });

  it('balances the lines and the claim per payer as the 837P does', () => {
    const input = secondaryInput();
    input.serviceLines[1]!.adjudications![0]!.paid = '117.99';
    expect(check837I(claim(input)).map((p) => p.code)).toEqual(['COB_LINE_UNBALANCED', 'COB_CLAIM_UNBALANCED']);
  });
});
