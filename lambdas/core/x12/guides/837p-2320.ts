/**
 * 005010X222A1 837P other subscriber information (2320) and the other
 * payer's names and identifiers (2330A-G).
 */
import { ADJUSTMENT_GROUP, CLAIM_FILING, INSURANCE_TYPE, ORG, PAYER_RESPONSIBILITY, PERSON, PERSON_OR_ORG } from './code-lists.js';
import { amt, dtp, n3, n4, ref } from './common-segments.js';
import { loop, seg } from './define.js';
import type { GuideLoop, GuideSegment } from './types.js';

/** Individual relationship codes of 2320 SBR02 (18 = self). */
const RELATIONSHIP = ['01', '18', '19', '20', '21', '39', '40', '53', 'G8'];

export function adjustment(name: string): GuideSegment {
  return seg('CAS', name, 'S', 5, { use: 'RRR' + 'S'.repeat(16), codes: { 1: ADJUSTMENT_GROUP } });
}

export function otherSubscriberLoop(): GuideLoop {
  return loop('2320', 'Other Subscriber Information', 'S', 10, [
    seg('SBR', 'Other Subscriber Information', 'S', 1, {
      use: 'RRSSSNNNR',
      codes: { 1: PAYER_RESPONSIBILITY, 2: RELATIONSHIP, 5: INSURANCE_TYPE, 9: CLAIM_FILING },
    }),
    adjustment('Claim Level Adjustments'),
    // The 837P lists A8 before EAF (the 837I the other way round); AMTs share one position, so either order passes.
    amt('Coordination of Benefits (COB) Payer Paid Amount', 'S', ['D']),
    amt('Coordination of Benefits (COB) Total Non-Covered Amount', 'S', ['A8']),
    amt('Remaining Patient Liability', 'S', ['EAF']),
    seg('OI', 'Other Insurance Coverage Information', 'R', 1, { use: 'NNRSNR', codes: { 3: ['N', 'W', 'Y'], 4: ['P'], 6: ['I', 'Y'] } }),
    seg('MOA', 'Outpatient Adjudication Information', 'S', 1, { use: 'SSSSSSSSS' }),
    loop('2330A', 'Other Subscriber Name', 'R', 1, [
      seg('NM1', 'Other Subscriber Name', 'R', 1, { q: ['IL'], use: 'RRRSSNSRR', codes: { 2: PERSON_OR_ORG, 8: ['II', 'MI'] } }),
      n3('Other Subscriber Address', 'S'),
      n4('Other Subscriber City, State, ZIP Code', 'S'),
      ref('Other Subscriber Secondary Identification', 'S', 1, ['SY']),
    ]),
    loop('2330B', 'Other Payer Name', 'R', 1, [
      seg('NM1', 'Other Payer Name', 'R', 1, { q: ['PR'], use: 'RRRNNNNRR', codes: { 2: ORG, 8: ['PI', 'XV'] } }),
      n3('Other Payer Address', 'S'),
      n4('Other Payer City, State, ZIP Code', 'S'),
      dtp('Claim Check or Remittance Date', 'S', 1, ['573']),
      ref('Other Payer Secondary Identifier', 'S', 2, ['2U', 'EI', 'FY', 'NF']),
      ref('Other Payer Prior Authorization Number', 'S', 1, ['G1']),
      ref('Other Payer Referral Number', 'S', 1, ['9F']),
      ref('Other Payer Claim Adjustment Indicator', 'S', 1, ['T4'], ['Y']),
      ref('Other Payer Claim Control Number', 'S', 1, ['F8']),
    ]),
    loop('2330C', 'Other Payer Referring Provider', 'S', 2, [
      seg('NM1', 'Other Payer Referring Provider', 'S', 1, { q: ['DN', 'P3'], use: 'RR', codes: { 2: PERSON } }),
      ref('Other Payer Referring Provider Secondary Identification', 'R', 3, ['0B', '1G', 'G2']),
    ]),
    loop('2330D', 'Other Payer Rendering Provider', 'S', 1, [
      seg('NM1', 'Other Payer Rendering Provider', 'S', 1, { q: ['82'], use: 'RR', codes: { 2: PERSON_OR_ORG } }),
      ref('Other Payer Rendering Provider Secondary Identification', 'R', 3, ['0B', '1G', 'G2', 'LU']),
    ]),
    loop('2330E', 'Other Payer Service Facility Location', 'S', 1, [
      seg('NM1', 'Other Payer Service Facility Location', 'S', 1, { q: ['77'], use: 'RR', codes: { 2: ORG } }),
      ref('Other Payer Service Facility Location Secondary Identification', 'R', 3, ['0B', 'G2', 'LU']),
    ]),
    loop('2330F', 'Other Payer Supervising Provider', 'S', 1, [
      seg('NM1', 'Other Payer Supervising Provider', 'S', 1, { q: ['DQ'], use: 'RR', codes: { 2: PERSON } }),
      ref('Other Payer Supervising Provider Secondary Identification', 'R', 3, ['0B', '1G', 'G2', 'LU']),
    ]),
    loop('2330G', 'Other Payer Billing Provider', 'S', 1, [
      seg('NM1', 'Other Payer Billing Provider', 'S', 1, { q: ['85'], use: 'RR', codes: { 2: PERSON_OR_ORG } }),
      ref('Other Payer Billing Provider Secondary Identification', 'R', 2, ['G2', 'LU']),
    ]),
  ]);
}

