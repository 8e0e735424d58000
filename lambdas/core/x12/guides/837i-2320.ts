/**
 * 005010X223A2 837I other subscriber information (2320) and the other
 * payer's names and provider identifiers (2330A-I).
 */
import { CLAIM_FILING, ORG, PAYER_RESPONSIBILITY, PERSON, PERSON_OR_ORG } from './code-lists.js';
import { amt, dtp, n3, n4, ref } from './common-segments.js';
import { adjustment } from './837p-2320.js';
import { loop, seg } from './define.js';
import type { GuideLoop } from './types.js';

/** Individual relationship codes of 2320 SBR02 (18 = self). */
const RELATIONSHIP = ['01', '18', '19', '20', '21', '39', '40', '53', 'G8'];

/** 2330C-I: one other-payer provider, named only by entity (its ids are in the REFs). */
function otherPayerProvider(id: string, name: string, entity: string, person: boolean, refMax: number, refCodes: readonly string[]): GuideLoop {
  return loop(id, name, 'S', 1, [
    seg('NM1', name, 'S', 1, { q: [entity], use: 'RR', codes: { 2: person ? PERSON : ORG } }),
    ref(`${name} Secondary Identification`, 'R', refMax, refCodes),
  ]);
}

const PROVIDER_REF = ['0B', '1G', 'G2', 'LU'];

export function otherSubscriberLoop(): GuideLoop {
  return loop('2320', 'Other Subscriber Information', 'S', 10, [
    seg('SBR', 'Other Subscriber Information', 'S', 1, {
      use: 'RRSSNNNNS',
      codes: { 1: PAYER_RESPONSIBILITY, 2: RELATIONSHIP, 9: CLAIM_FILING },
    }),
    adjustment('Claim Level Adjustments'),
    amt('Coordination of Benefits (COB) Payer Paid Amount', 'S', ['D']),
    amt('Remaining Patient Liability', 'S', ['EAF']),
    amt('Coordination of Benefits (COB) Total Non-Covered Amount', 'S', ['A8']),
    seg('OI', 'Other Insurance Coverage Information', 'R', 1, { use: 'NNRNNR', codes: { 3: ['N', 'W', 'Y'], 6: ['I', 'Y'] } }),
    seg('MIA', 'Inpatient Adjudication Information', 'S', 1, { use: `RN${'S'.repeat(22)}` }),
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
    otherPayerProvider('2330C', 'Other Payer Attending Provider', '71', true, 4, PROVIDER_REF),
    otherPayerProvider('2330D', 'Other Payer Operating Physician', '72', true, 4, PROVIDER_REF),
    otherPayerProvider('2330E', 'Other Payer Other Operating Physician', 'ZZ', true, 4, PROVIDER_REF),
    otherPayerProvider('2330F', 'Other Payer Service Facility Location', '77', false, 3, ['0B', 'G2', 'LU']),
    otherPayerProvider('2330G', 'Other Payer Rendering Provider Name', '82', true, 4, PROVIDER_REF),
    otherPayerProvider('2330H', 'Other Payer Referring Provider', 'DN', true, 3, ['0B', '1G', 'G2']),
    otherPayerProvider('2330I', 'Other Payer Billing Provider', '85', false, 2, ['G2', 'LU']),
  ]);
}
