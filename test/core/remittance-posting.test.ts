import { describe, expect, it } from 'vitest';
import { decidePosting } from '../../lambdas/core/remittance/posting.js';
import { ClaimPaymentInfo, type RemittanceInput } from '../../lambdas/core/x12/835/model.js';

type ClpInput = NonNullable<RemittanceInput['claims']>[number];
const clp = (input: Partial<ClpInput>) =>
  ClaimPaymentInfo.parse({ patientControlNumber: 'PCN-1', statusCode: '1', charge: '200.00', paid: '150.00', ...input });

describe('decidePosting', () => {
  it('pays in full when the only reductions are contractual and patient responsibility', () => {
    const decision = decidePosting(
      clp({
        paid: '130.00',
        patientResponsibility: '20.00',
        serviceLines: [
          {
            procedure: { qualifier: 'HC', code: '99213' },
            charge: '200.00',
            paid: '130.00',
            adjustments: [
              { group: 'CO', reason: '45', amount: '50.00' },
              { group: 'PR', reason: '3', amount: '20.00' },
            ],
          },
        ],
      }),
      'R1',
      '2026-11-01T00:00:00.000Z',
    );
    expect(decision.status).toBe('paid');
    expect(decision.payment).toMatchObject({ charge: '200.00', paid: '130.00', adjusted: '50.00', patientResponsibility: '20.00' });
    expect(decision.payment.adjustments).toEqual([
      { group: 'CO', reason: '45', amount: '50.00', line: 1 },
      { group: 'PR', reason: '3', amount: '20.00', line: 1 },
    ]);
  });

  it('is partially paid when a non-contractual reduction appears', () => {
    const decision = decidePosting(
      clp({ paid: '150.00', adjustments: [{ group: 'CO', reason: '97', amount: '50.00' }] }),
      'R1',
      'now',
    );
    expect(decision.status).toBe('partially_paid');
  });

  it('denies on CLP02 4 or a zero payment, reverses on CLP02 22', () => {
    expect(decidePosting(clp({ statusCode: '4', paid: '0' }), 'R', 'now').status).toBe('denied');
    expect(decidePosting(clp({ paid: '0.00', adjustments: [{ group: 'CO', reason: '50', amount: '200.00' }] }), 'R', 'now').status).toBe('denied');
    expect(decidePosting(clp({ statusCode: '22', charge: '-200.00', paid: '-150.00' }), 'R', 'now').status).toBe('reversed');
  });
});
