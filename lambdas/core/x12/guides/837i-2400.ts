/**
 * 005010X223A2 837I service lines (2400) with drug identification (2410),
 * line physicians (2420A-D) and line adjudication (2430).
 */
import { PERSON, PROCEDURE_QUALIFIER } from './code-lists.js';
import { amt, dtp, ref } from './common-segments.js';
import { claimSupplementalInformation } from './837p-2300.js';
import { adjustment } from './837p-2320.js';
import { institutionalPricing } from './837i-2300.js';
import { loop, seg } from './define.js';
import type { GuideLoop } from './types.js';

/** SV202-1 / SVD03-1 product or service id qualifiers of the 837I (HP added to the 837P's). */
const INSTITUTIONAL_PROCEDURE_QUALIFIER = [...PROCEDURE_QUALIFIER, 'HP'];

/** 2420A-D: a line-level physician; REF04 may name the payer a G2 number belongs to. */
function linePhysician(id: string, name: string, entity: string, refCodes: readonly string[]): GuideLoop {
  return loop(id, name, 'S', 1, [
    seg('NM1', name, 'S', 1, { q: [entity], use: 'RRRSSNSSS', codes: { 2: PERSON, 8: ['XX'] } }),
    seg('REF', `${name} Secondary Identification`, 'S', 20, { q: refCodes, use: 'RRNS(RR)', codes: { '4-1': ['2U'] } }),
  ]);
}

const LINE_PROVIDER_REF = ['0B', '1G', 'G2', 'LU'];

export function serviceLineLoop(): GuideLoop {
  return loop(
    '2400',
    'Service Line Number',
    'R',
    999,
    [
      seg('LX', 'Service Line Number', 'R', 1, { use: 'R' }),
      seg('SV2', 'Institutional Service Line', 'R', 1, {
        // SV201 revenue code, SV202 procedure, SV203 charge, SV204/205 unit and quantity, SV207 non-covered charge.
        use: 'RS(RRSSSSSN)RRRNS',
        codes: { '2-1': INSTITUTIONAL_PROCEDURE_QUALIFIER, 4: ['DA', 'UN'] },
      }),
      claimSupplementalInformation('S', 10),
      dtp('Date - Service Date', 'S', 1, ['472'], ['D8', 'RD8']),
      ref('Line Item Control Number', 'S', 1, ['6R']),
      ref('Repriced Line Item Reference Number', 'S', 1, ['9B']),
      ref('Adjusted Repriced Line Item Reference Number', 'S', 1, ['9D']),
      amt('Service Tax Amount', 'S', ['GT']),
      amt('Facility Tax Amount', 'S', ['N8']),
      seg('NTE', 'Third Party Organization Notes', 'S', 1, { q: ['TPO'], use: 'RR' }),
      institutionalPricing('Line Pricing/Repricing Information', 'RRSSSSSSSSSSSSS'),
      loop('2410', 'Drug Identification', 'S', 1, [
        seg('LIN', 'Drug Identification', 'S', 1, { use: 'NRR', codes: { 2: ['N4'] } }),
        seg('CTP', 'Drug Quantity', 'R', 1, { use: 'NNNRR(R)', codes: { '5-1': ['F2', 'GR', 'ME', 'ML', 'UN'] } }),
        ref('Prescription or Compound Drug Association Number', 'S', 1, ['VY', 'XZ']),
      ]),
      linePhysician('2420A', 'Operating Physician Name', '72', LINE_PROVIDER_REF),
      linePhysician('2420B', 'Other Operating Physician Name', 'ZZ', LINE_PROVIDER_REF),
      linePhysician('2420C', 'Rendering Provider Name', '82', LINE_PROVIDER_REF),
      linePhysician('2420D', 'Referring Provider Name', 'DN', ['0B', '1G', 'G2']),
      loop('2430', 'Line Adjudication Information', 'S', 15, [
        seg('SVD', 'Line Adjudication Information', 'S', 1, {
          use: 'RRS(RRSSSSSN)RRS',
          codes: { '3-1': INSTITUTIONAL_PROCEDURE_QUALIFIER },
        }),
        adjustment('Line Adjustment'),
        dtp('Line Check or Remittance Date', 'R', 1, ['573']),
        amt('Remaining Patient Liability', 'S', ['EAF']),
      ]),
    ],
    { sequence: 1 },
  );
}
