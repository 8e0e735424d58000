import { describe, expect, it } from 'vitest';
import { Claim } from '../../../lambdas/core/claim/model.js';
import type { ClaimStatus } from '../../../lambdas/core/claim/state-machine.js';
import { planPosting, type PaymentContext } from '../../../lambdas/core/remittance/plan-posting.js';
import type { ClaimPosting } from '../../../lambdas/core/remittance/posting-record.js';
import { ClaimPaymentInfo, type RemittanceInput } from '../../../lambdas/core/x12/835/model.js';
import { sampleClaimInput } from '../../fixtures/claims.js';

type ClpInput = NonNullable<RemittanceInput['claims']>[number];
const clp = (input: Partial<ClpInput>) =>
  ClaimPaymentInfo.parse({ patientControlNumber: 'PCN-1001', statusCode: '1', charge: '140.50', paid: '100.00', ...input });

const claim = Claim.parse(sampleClaimInput());
const ctx: PaymentContext = {
  remittanceId: 'R1',
  file: 'tenants/acme-billing/inbound/835/a.835',
  payerName: 'EXAMPLE HEALTH PLAN',
  payerId: '1999999999',
  traceNumber: 'TRACE1',
  paymentMethod: 'CHK',
  paymentDate: '2026-04-01',
  postedAt: '2026-04-02T00:00:00.000Z',
};
const plan = (input: Partial<ClpInput>, status: ClaimStatus = 'accepted', postings: ClaimPosting[] = [], occurrence = 1) =>
  planPosting({ status, claim, postings }, clp(input), occurrence, ctx);

const line = (lineItemControlNumber: string | undefined, code: string, charge: string, paid: string, adjustments: ClpInput['adjustments'], extra: object = {}) => ({
  procedure: { qualifier: 'HC', code, modifiers: code === '99213' ? ['25'] : [] },
  charge,
  paid,
  serviceDate: '2026-03-02',
  adjustments,
  ...(lineItemControlNumber ? { lineControlNumber: lineItemControlNumber } : {}),
  ...extra,
});

describe('planPosting', () => {
  it('records the claim and each line: paid, allowed, adjustments by group and CARC, remarks, the check', () => {
    const result = plan({
      paid: '100.00',
      patientResponsibility: '20.00',
      payerClaimControlNumber: 'ICN-77',
      serviceLines: [
        line('L1', '99213', '125.00', '85.00', [
          { group: 'CO', reason: '45', amount: '20.00' },
          { group: 'PR', reason: '3', amount: '20.00' },
        ], { allowed: '105.00', remarks: [{ qualifier: 'HE', value: 'N130' }] }),
        line(undefined, '36415', '15.50', '15.00', [{ group: 'CO', reason: '45', amount: '0.50' }], { allowed: '15.00' }),
      ],
    });
    expect(result.status).toBe('paid');
    expect(result.unmatchedLines).toEqual([]);
    expect(result.posting).toMatchObject({
      postingId: 'R1:1',
      traceNumber: 'TRACE1',
      paymentMethod: 'CHK',
      paymentDate: '2026-04-01',
      claimStatusCode: '1',
      payerClaimControlNumber: 'ICN-77',
      charge: '140.50',
      paid: '100.00',
      patientResponsibility: '20.00',
      allowed: '120.00',
      adjustments: [],
    });
    expect(result.posting.lines).toEqual([
      {
        line: 1,
        matchedBy: 'line-control-number',
        procedureCode: '99213',
        modifiers: ['25'],
        serviceDate: '2026-03-02',
        charge: '125.00',
        paid: '85.00',
        allowed: '105.00',
        adjustments: [
          { group: 'CO', reason: '45', amount: '20.00' },
          { group: 'PR', reason: '3', amount: '20.00' },
        ],
        remarks: ['N130'],
      },
      {
        line: 2,
        matchedBy: 'procedure-date-units',
        procedureCode: '36415',
        modifiers: [],
        serviceDate: '2026-03-02',
        charge: '15.50',
        paid: '15.00',
        allowed: '15.00',
        adjustments: [{ group: 'CO', reason: '45', amount: '0.50' }],
        remarks: [],
      },
    ]);
    expect(result.payment).toMatchObject({ adjusted: '20.50', patientResponsibility: '20.00', paid: '100.00' });
  });

  it('leaves allowed unknown when a line lacks AMT*B6, and sums PR when CLP05 is absent', () => {
    const result = plan({
      paid: '120.50',
      serviceLines: [
        line('L1', '99213', '125.00', '105.00', [{ group: 'PR', reason: '2', amount: '20.00' }], { allowed: '125.00' }),
        line(undefined, '36415', '15.50', '15.50', []),
      ],
    });
    expect(result.posting.allowed).toBeUndefined();
    expect(result.posting.patientResponsibility).toBe('20.00');
  });

  it('is partially paid on a non-contractual reduction, denied on CLP02 4 or nothing paid', () => {
    expect(plan({ paid: '90.50', adjustments: [{ group: 'CO', reason: '97', amount: '50.00' }] }).status).toBe('partially_paid');
    expect(plan({ statusCode: '4', paid: '0', adjustments: [{ group: 'CO', reason: '50', amount: '140.50' }] }).status).toBe('denied');
    expect(plan({ paid: '0.00', adjustments: [{ group: 'CO', reason: '29', amount: '140.50' }] }).status).toBe('denied');
  });

  it('is paid, not denied, when nothing is paid because it all went to the deductible', () => {
    const result = plan({ paid: '0.00', patientResponsibility: '100.00', adjustments: [{ group: 'CO', reason: '45', amount: '40.50' }, { group: 'PR', reason: '1', amount: '100.00' }] });
    expect(result.status).toBe('paid');
  });

  it('reports SVCs that match no line of the claim with their position', () => {
    const result = plan({ serviceLines: [line('NOPE', '99999', '140.50', '100.00', [{ group: 'CO', reason: '45', amount: '40.50' }], { position: 42 })] });
    expect(result.unmatchedLines).toEqual([{ svc: 0, position: 42, reason: expect.stringMatching(/REF\*6R names no line/) }]);
    expect(result.posting.lines[0]?.line).toBeUndefined();
  });

  it('forwards on CLP02 19-21 and 23', () => {
    for (const code of ['19', '20', '21', '23']) expect(plan({ statusCode: code }).status).toBe('forwarded');
  });

  it('reverses the latest open posting with the same CLP07, then a new claim payment corrects the claim', () => {
    const first = plan({ payerClaimControlNumber: 'ICN-1' }).posting;
    const other = { ...plan({ payerClaimControlNumber: 'ICN-2' }, 'paid', [], 2).posting };
    const reversal = plan({ statusCode: '22', charge: '-140.50', paid: '-100.00', payerClaimControlNumber: 'ICN-1' }, 'paid', [first, other], 3);
    expect(reversal.status).toBe('reversed');
    expect(reversal.posting.reverses).toBe(first.postingId);
    expect(reversal.posting.paid).toBe('-100.00');

    const correction = plan({ statusCode: '1', paid: '110.00', payerClaimControlNumber: 'ICN-3' }, 'reversed', [first, other, reversal.posting], 4);
    expect(correction.status).toBe('corrected');
    expect(correction.posting.reverses).toBeUndefined();
    expect(plan({ statusCode: '1' }, 'corrected').status).toBe('corrected');
  });

  it('combines the parts of a split claim (several CLPs for it in one remittance)', () => {
    const first = plan({ payerClaimControlNumber: 'ICN-A' }).posting;
    const deniedPart = plan({ statusCode: '4', paid: '0', payerClaimControlNumber: 'ICN-B', adjustments: [{ group: 'CO', reason: '50', amount: '140.50' }] }, 'paid', [first], 2);
    expect(deniedPart.status).toBe('partially_paid');
    const paidPart = plan({ payerClaimControlNumber: 'ICN-C' }, 'paid', [first], 2);
    expect(paidPart.status).toBe('paid');
    // In a later remittance the new claim payment decides alone (e.g. paid on appeal after a denial).
    const denial = plan({ statusCode: '4', paid: '0', adjustments: [{ group: 'CO', reason: '50', amount: '140.50' }] }).posting;
    const appeal = planPosting({ status: 'denied', claim, postings: [denial] }, clp({ payerClaimControlNumber: 'ICN-D' }), 1, { ...ctx, remittanceId: 'R2' });
    expect(appeal.status).toBe('paid');
  });

  it('keeps the status of a predetermination (CLP02 25) as a note', () => {
    expect(plan({ statusCode: '25', paid: '0' }, 'accepted').status).toBe('accepted');
  });
});
