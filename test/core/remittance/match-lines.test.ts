import { describe, expect, it } from 'vitest';
import { lineControlNumbers } from '../../../lambdas/core/claim/line-control.js';
import { Claim } from '../../../lambdas/core/claim/model.js';
import { matchServiceLines } from '../../../lambdas/core/remittance/match-lines.js';
import { ServicePayment, type ServicePayment as Svc } from '../../../lambdas/core/x12/835/model.js';
import { sampleClaimInput } from '../../fixtures/claims.js';

const claim = Claim.parse(
  sampleClaimInput({
    serviceLines: [
      { procedureCode: '99213', modifiers: ['25'], units: 1, charge: '125.00', serviceDate: '2026-03-02', diagnosisPointers: [1], lineItemControlNumber: 'A1' },
      { procedureCode: '36415', units: 1, charge: '15.50', serviceDate: '2026-03-02', diagnosisPointers: [1] },
      { procedureCode: '36415', units: 1, charge: '15.50', serviceDate: '2026-03-02', diagnosisPointers: [1] },
      { procedureCode: '97110', modifiers: ['GP', '59'], units: 3, charge: '90.00', serviceDate: '2026-03-03', diagnosisPointers: [1] },
    ],
  }),
);

const svc = (input: Partial<Svc> & { code: string; modifiers?: string[] }): Svc =>
  ServicePayment.parse({
    procedure: { qualifier: 'HC', code: input.code, modifiers: input.modifiers ?? [] },
    charge: '1.00',
    paid: '1.00',
    serviceDate: '2026-03-02',
    ...input,
  });

describe('lineControlNumbers', () => {
  it('keeps given REF*6R values and numbers the other lines', () => {
    expect(lineControlNumbers(claim)).toEqual(['A1', '2', '3', '4']);
  });

  it('does not hand out a number a given line already uses', () => {
    const lines = [{ lineItemControlNumber: '2' }, {}, {}] as Claim['serviceLines'];
    expect(lineControlNumbers({ serviceLines: lines })).toEqual(['2', 'L2', '3']);
  });
});

describe('matchServiceLines', () => {
  it('matches by the REF*6R echo first, whatever the procedure says', () => {
    const result = matchServiceLines(claim, [svc({ code: '99214', lineControlNumber: 'A1' }), svc({ code: '36415', lineControlNumber: '3' })]);
    expect(result).toEqual([
      { line: 1, matchedBy: 'line-control-number' },
      { line: 3, matchedBy: 'line-control-number' },
    ]);
  });

  it('gives two identical services on one day one line each', () => {
    const result = matchServiceLines(claim, [svc({ code: '36415' }), svc({ code: '36415' })]);
    expect(result.map((r) => r.line)).toEqual([2, 3]);
    expect(result.every((r) => r.matchedBy === 'procedure-date-units')).toBe(true);
  });

  it('compares the submitted procedure (SVC06) when the payer restated it, modifiers in any order', () => {
    const restated = svc({
      code: '97112',
      originalProcedure: { qualifier: 'HC', code: '97110', modifiers: ['59', 'GP'] },
      serviceDate: '2026-03-03',
      units: '3',
    });
    expect(matchServiceLines(claim, [restated])).toEqual([{ line: 4, matchedBy: 'procedure-date-units' }]);
  });

  it('uses SVC07 original units, and falls back to procedure and date when exactly one line fits', () => {
    const paidFewer = svc({ code: '97110', modifiers: ['GP', '59'], serviceDate: '2026-03-03', units: '2', originalUnits: '3' });
    expect(matchServiceLines(claim, [paidFewer])[0]).toEqual({ line: 4, matchedBy: 'procedure-date-units' });
    const noSvc07 = svc({ code: '97110', modifiers: ['GP', '59'], serviceDate: '2026-03-03', units: '2' });
    expect(matchServiceLines(claim, [noSvc07])[0]).toEqual({ line: 4, matchedBy: 'procedure-date' });
  });

  it('reads an absent SVC05 as one unit', () => {
    expect(matchServiceLines(claim, [svc({ code: '99213', modifiers: ['25'] })])[0]?.line).toBe(1);
  });

  it('leaves a line unmatched with a reason when nothing fits: other date, other modifier, unknown 6R', () => {
    const result = matchServiceLines(claim, [
      svc({ code: '99213', modifiers: ['25'], serviceDate: '2026-03-09' }),
      svc({ code: '99213' }),
      svc({ code: '12345', lineControlNumber: 'ZZ9' }),
    ]);
    expect(result.map((r) => r.line)).toEqual([undefined, undefined, undefined]);
    expect(result[2]?.reason).toMatch(/REF\*6R names no line/);
    expect(result[0]?.reason).toMatch(/no REF\*6R/);
  });

  it('does not guess between two equal candidates when units differ', () => {
    const result = matchServiceLines(claim, [svc({ code: '36415', units: '2' })]);
    expect(result[0]?.line).toBeUndefined();
  });

  it('matches institutional lines paid by revenue code (SVC01 qualifier NU)', () => {
    const inst = {
      institutional: undefined,
      serviceLines: [
        { revenueCode: '0300', units: '1', charge: '50.00', serviceDate: '2026-03-02', modifiers: [], unitBasis: 'UN', diagnosisPointers: [] },
        { revenueCode: '0450', procedureCode: '99283', units: '1', charge: '400.00', serviceDate: '2026-03-02', modifiers: [], unitBasis: 'UN', diagnosisPointers: [] },
      ] as Claim['serviceLines'],
    };
    const byRevenue = ServicePayment.parse({ procedure: { qualifier: 'NU', code: '0300' }, charge: '50.00', paid: '40.00', serviceDate: '2026-03-02' });
    const byHcpcs = ServicePayment.parse({ procedure: { qualifier: 'HC', code: '99283' }, revenueCode: '0450', charge: '400.00', paid: '300.00', serviceDate: '2026-03-02' });
    expect(matchServiceLines(inst, [byRevenue, byHcpcs]).map((r) => r.line)).toEqual([1, 2]);
  });
});
