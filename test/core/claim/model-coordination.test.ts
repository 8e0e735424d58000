/**
 * The coordination-of-benefits fields of the canonical claim: shapes,
 * defaults and limits (balancing is the 837 checks' job, see
 * test/core/x12/837p/coordination.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { Claim, type ClaimInput } from '../../../lambdas/core/claim/model.js';
import { claimInput } from '../x12/837p-fixtures.js';

type CoverageInput = NonNullable<ClaimInput['otherCoverages']>[number];

const COVERAGE: CoverageInput = {
  responsibility: 'S',
  relationship: '18',
  claimFilingIndicator: 'CI',
  subscriber: { name: { last: 'Doe' }, memberId: 'M1' },
  payer: { name: 'Other Plan', payerId: 'OTH1' },
};

const issues = (input: ClaimInput) => {
  const parsed = Claim.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.path.join('.'));
};

describe('otherCoverages and line adjudications in the claim model', () => {
  it('accepts a coverage with defaults for OI03/OI06 and an adjudication with empty lists', () => {
    const claim = Claim.parse(claimInput({ otherCoverages: [{ ...COVERAGE, adjudication: { paid: '10.00', paymentDate: '2026-01-05' } }] }));
    expect(claim.otherCoverages).toEqual([
      { ...COVERAGE, benefitsAssigned: 'Y', releaseOfInformation: 'Y', adjudication: { paid: '10.00', paymentDate: '2026-01-05', adjustments: [] } },
    ]);
  });

  it('accepts a line adjudication with numbers as units and defaults the procedure qualifier to HC', () => {
    const base = claimInput();
    const claim = Claim.parse({
      ...base,
      otherCoverages: [{ ...COVERAGE, responsibility: 'P', adjudication: { paid: '0' } }],
      serviceLines: base.serviceLines.map((line) => ({ ...line, adjudications: [{ payerId: 'OTH1', paid: '-1.50', procedure: { code: '99213' }, units: 0, adjudicationDate: '2026-01-05' }] })),
    });
    expect(claim.serviceLines[0]?.adjudications).toEqual([
      { payerId: 'OTH1', paid: '-1.50', procedure: { qualifier: 'HC', code: '99213', modifiers: [] }, units: '0', adjustments: [], adjudicationDate: '2026-01-05' },
    ]);
  });

  it('refuses codes and amounts of the wrong shape, naming the field', () => {
    const base = claimInput();
    expect(
      issues({
        ...base,
        otherCoverages: [
          {
            ...COVERAGE,
            responsibility: 'X' as 'S',
            relationship: '18',
            adjudication: {
              paid: '10.001',
              adjustments: [{ group: 'ZZ' as 'CO', reason: 'A*1', amount: '1' }],
              outpatientRemarks: { remarks: ['n130'] },
            },
          },
        ],
        serviceLines: base.serviceLines.map((line) => ({ ...line, adjudications: [{ payerId: 'OTH-1', paid: '1', units: '1', adjudicationDate: '2026-13-01' }] })),
      }).sort(),
    ).toEqual(
      [
        'otherCoverages.0.responsibility',
        'otherCoverages.0.adjudication.paid',
        'otherCoverages.0.adjudication.adjustments.0.group',
        'otherCoverages.0.adjudication.adjustments.0.reason',
        'otherCoverages.0.adjudication.outpatientRemarks.remarks.0',
        'serviceLines.0.adjudications.0.payerId',
        'serviceLines.0.adjudications.0.adjudicationDate',
        'serviceLines.1.adjudications.0.payerId',
        'serviceLines.1.adjudications.0.adjudicationDate',
      ].sort(),
    );
  });

  it('holds at most 10 other coverages (2320) and 15 adjudications per line (2430)', () => {
    const base = claimInput();
    expect(issues({ ...base, otherCoverages: Array.from({ length: 11 }, () => COVERAGE) })).toEqual(['otherCoverages']);
    const adjudication = { payerId: 'OTH1', paid: '1', procedure: { code: '99213' }, units: '1', adjudicationDate: '2026-01-05' };
    const [first, ...rest] = base.serviceLines;
    expect(issues({ ...base, serviceLines: [{ ...first!, adjudications: Array.from({ length: 16 }, () => adjudication) }, ...rest] })).toEqual(['serviceLines.0.adjudications']);
  });
});
