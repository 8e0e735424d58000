import { describe, expect, it } from 'vitest';
import { check837P } from '../../../../lambdas/core/x12/837/check-837p.js';
import { claim, fullClaim, LINE_RENDERER, PROVIDER_B, tag } from '../837p-fixtures.js';
import { elementsOf, expectRefused, linePart, write } from './helpers.js';

describe('837P 2400 service lines, 2410 drug identification, 2420A line rendering provider', () => {
  const segments = write([fullClaim()]);

  it('writes SV109, DTP*472 and the other line dates in guide order, then REF*6R', () => {
    const line = linePart(segments, 'FULL-0001', 1);
    expect(line.map(tag)).toEqual([
      'LX', 'SV1', 'DTP*472', 'DTP*471', 'DTP*607', 'DTP*463', 'DTP*461', 'DTP*304', 'DTP*011', 'DTP*455', 'DTP*454', 'REF*6R',
    ]);
    expect(elementsOf(line, 'SV1')).toEqual(['HC:99213', '125', 'UN', '1', '', '', '1:12', '', 'Y']);
  });

  it('writes SV103 MJ, the NDC as LIN*N4, CTP quantity and unit, REF*XZ, then 2420A with its taxonomy', () => {
    const line = linePart(segments, 'FULL-0001', 2);
    expect(line.map(tag)).toEqual(['LX', 'SV1', 'DTP*472', 'REF*6R', 'LIN*', 'CTP', 'REF*XZ', 'NM1*82', 'PRV*PE']);
    expect(elementsOf(line, 'SV1')).toEqual(['HC:J1756', '15.5', 'MJ', '30', '', '', '2']);
    expect(elementsOf(line, 'LIN')).toEqual(['', 'N4', '00517234001']);
    expect(elementsOf(line, 'CTP')).toEqual(['', '', '', '10.5', 'ML']);
    expect(elementsOf(line, 'REF', 'XZ')).toEqual(['XZ', 'RX-1']);
    expect(elementsOf(line, 'NM1', '82')).toEqual(['82', '1', 'NURSEWELL', 'AVERY', '', '', '', 'XX', '2380914673']);
  });

  it('leaves 2420A out when the line is rendered by the claim-level rendering provider (or the billing provider)', () => {
    const lines = fullClaim().serviceLines.map((l) => ({ ...l, renderingProvider: PROVIDER_B }));
    const same = write([fullClaim({ serviceLines: lines })]);
    expect(linePart(same, 'FULL-0001', 2).some((s) => s.id === 'NM1')).toBe(false);
    const base = claim();
    const billingRenders = claim({ serviceLines: [{ ...base.serviceLines[0]!, renderingProvider: { ...base.billingProvider } }] });
    expect(linePart(write([billingRenders]), 'WT-0001', 1).some((s) => s.id === 'NM1')).toBe(false);
    const other = claim({ serviceLines: [{ ...base.serviceLines[0]!, renderingProvider: LINE_RENDERER }] });
    expect(linePart(write([other]), 'WT-0001', 1).map(tag)).toContain('NM1*82');
  });

  it('refuses DA units, a zero drug quantity and a prescription number X12 would alter', () => {
    const lines = fullClaim().serviceLines;
    expectRefused({ serviceLines: [{ ...lines[0]!, unitBasis: 'DA' }] }, ['UNIT_BASIS_NOT_PROFESSIONAL']);
    const drug = lines[1]!.drug!;
    expectRefused({ serviceLines: [{ ...lines[1]!, drug: { ...drug, quantity: '0.000' } }] }, ['DRUG_QUANTITY_NOT_POSITIVE']);
    expectRefused({ serviceLines: [{ ...lines[1]!, drug: { ...drug, prescriptionNumber: 'RX*1' } }] }, ['IDENTIFIER_NOT_X12_SAFE']);
    expectRefused({ serviceLines: [{ ...lines[0]!, dates: { shipped: '1850-01-01' } }] }, ['DATE_BEFORE_1900']);
    expect(check837P(fullClaim())).toEqual([]);
  });
});
