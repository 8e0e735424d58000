import { describe, expect, it } from 'vitest';
import type { ClaimInput } from '../../../../lambdas/core/claim/model.js';
import { write837I } from '../../../../lambdas/core/x12/837i/write-837i.js';
import { ATTENDING, claim, el, inpatientInput, outpatientInput, receiver, REFERRING, RENDERING, splitX12, tenant, text, wholeClaim } from './837i-fixtures.js';

const createdAt = new Date('2026-10-01T17:05:00Z');
const segmentsOf = (input: ClaimInput) => wholeClaim(splitX12(write837I({ claims: [claim(input)], tenant, receiver, controlNumber: 12, createdAt })), input.claimId);
/** From the first 2310 NM1 up to the first LX. */
const providerLoops = (input: ClaimInput) => {
  const all = segmentsOf(input);
  const start = all.findIndex((s) => s.id === 'NM1');
  return all.slice(start, all.findIndex((s) => s.id === 'LX')).map(text);
};
const lines = (input: ClaimInput) => {
  const all = segmentsOf(input);
  return all.slice(all.findIndex((s) => s.id === 'LX')).map(text);
};

describe('2310A-F claim providers', () => {
  it('writes attending (with PRV*AT), operating, other operating, rendering, service facility and referring in order', () => {
    const input = inpatientInput({
      renderingProvider: RENDERING,
      referringProvider: REFERRING,
      serviceFacility: { name: 'Annex Surgery Center', npi: '1224965446', address: { line1: '5 Annex Rd', city: 'Springfield', state: 'IL', postalCode: '62704' } },
    });
    expect(providerLoops(input)).toEqual([
      'NM1*71*1*ATTEND*ADA****XX*2872229382',
      'PRV*AT*PXC*207RC0000X',
      'NM1*72*1*OPERATE*OTTO****XX*1094129081',
      'NM1*ZZ*1*ASSIST*AVA****XX*2772654200',
      'NM1*82*1*RENDER*RAE****XX*1976726814',
      'NM1*77*2*ANNEX SURGERY CENTER*****XX*1224965446',
      'N3*5 ANNEX RD',
      'N4*SPRINGFIELD*IL*62704',
      'NM1*DN*1*REFER*REX****XX*2625489762',
    ]);
  });

  it('leaves out 2310D when the rendering provider is the attending provider, and the facility NPI when unknown', () => {
    const input = outpatientInput({
      renderingProvider: ATTENDING,
      serviceFacility: { name: 'Annex', address: { line1: '5 Annex Rd', city: 'Springfield', state: 'IL', postalCode: '62704' } },
    });
    const loops = providerLoops(input);
    expect(loops.filter((s) => s.startsWith('NM1*82'))).toEqual([]);
    expect(loops).toContain('NM1*77*2*ANNEX');
  });
});

describe('2400 service lines', () => {
  it('writes LX, SV2 with revenue code, unit basis DA and SV207, and REF*6R; no DTP*472 without a line date', () => {
    expect(lines(inpatientInput())).toEqual([
      'LX*1',
      'SV2*0120**8000*DA*4',
      'LX*2',
      'SV2*0360**12000*UN*1',
      'REF*6R*L2',
      'LX*3',
      'SV2*0250**345.67*UN*12**45.67',
    ]);
  });

  it('writes the HCPCS composite with up to four modifiers, DTP*472 and the 2410 drug loop', () => {
    expect(lines(outpatientInput())).toEqual([
      'LX*1',
      'SV2*0450*HC:99284:25*650*UN*1',
      'DTP*472*D8*20260410',
      'REF*6R*OL1',
      'LX*2',
      'SV2*0320*HC:73110:RT:TC:59:XU*210*UN*1',
      'DTP*472*D8*20260410',
      'LX*3',
      'SV2*0636*HC:J1100*12.4*UN*1.5',
      'DTP*472*D8*20260410',
      'LIN**N4*00641037721',
      'CTP****4*ML',
      'REF*XZ*RX77',
    ]);
  });

  it('writes a date range as RD8 and a line rendering provider (2420C) only when it differs from the claim one', () => {
    const base = outpatientInput();
    const input = outpatientInput({
      institutional: { ...base.institutional!, statementTo: '2026-04-12' },
      renderingProvider: RENDERING,
      serviceLines: [
        { revenueCode: '0510', procedureCode: '99213', charge: '100', units: 1, serviceDate: '2026-04-10', serviceDateEnd: '2026-04-12', renderingProvider: REFERRING },
        { revenueCode: '0510', procedureCode: '99213', charge: '100', units: 1, serviceDate: '2026-04-10', serviceDateEnd: '2026-04-10', renderingProvider: RENDERING },
      ],
    });
    expect(lines(input)).toEqual([
      'LX*1',
      'SV2*0510*HC:99213*100*UN*1',
      'DTP*472*RD8*20260410-20260412',
      'NM1*82*1*REFER*REX****XX*2625489762',
      'LX*2',
      'SV2*0510*HC:99213*100*UN*1',
      'DTP*472*D8*20260410',
    ]);
  });

  it('numbers LX from 1 and sums SV203 into CLM02 for many lines', () => {
    const input = outpatientInput({
      serviceLines: Array.from({ length: 40 }, (_, i) => ({ revenueCode: '0300', procedureCode: '80053', charge: `${i}.05`, units: 1, serviceDate: '2026-04-10' })),
    });
    const all = segmentsOf(input);
    expect(all.filter((s) => s.id === 'LX').map((s) => el(s, 1))).toEqual(Array.from({ length: 40 }, (_, i) => String(i + 1)));
    // Σ i + 0.05 for i = 0..39 = 780 + 2.00
    expect(el(all[0], 2)).toBe('782');
  });
});
