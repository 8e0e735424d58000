/**
 * 005010X222A1 837P hierarchical levels: 2000A billing provider (with
 * 2010AA/AB/AC), 2000B subscriber (2010BA/BB) and 2000C patient (2010CA).
 * The claim loop (2300) hangs under 2000B and 2000C; see 837p-2300.ts.
 */
import {
  CLAIM_FILING,
  INSURANCE_TYPE,
  ORG,
  PATIENT_RELATIONSHIP,
  PAYER_RESPONSIBILITY,
  PERSON,
  PERSON_OR_ORG,
} from './code-lists.js';
import { contact, n3, n4, phoneContact, ref } from './common-segments.js';
import { loop, MANY, seg } from './define.js';
import type { GuideLoop } from './types.js';

const LOOP_2010AA = loop('2010AA', 'Billing Provider Name', 'R', 1, [
  seg('NM1', 'Billing Provider Name', 'R', 1, { q: ['85'], use: 'RRRSSNSRR', codes: { 2: PERSON_OR_ORG, 8: ['XX'] } }),
  n3('Billing Provider Address', 'R'),
  n4('Billing Provider City, State, ZIP Code', 'R'),
  ref('Billing Provider Tax Identification', 'R', 1, ['EI', 'SY']),
  ref('Billing Provider UPIN/License Information', 'S', 2, ['0B', '1G']),
  contact('Billing Provider Contact Information', 'S', 2),
]);

const LOOP_2010AB = loop('2010AB', 'Pay-to Address Name', 'S', 1, [
  seg('NM1', 'Pay-to Address Name', 'S', 1, { q: ['87'], use: 'RR', codes: { 2: PERSON_OR_ORG } }),
  n3('Pay-to Address', 'R'),
  n4('Pay-to Address City, State, ZIP Code', 'R'),
]);

const LOOP_2010AC = loop('2010AC', 'Pay-to Plan Name', 'S', 1, [
  seg('NM1', 'Pay-to Plan Name', 'S', 1, { q: ['PE'], use: 'RRRNNNNRR', codes: { 2: ORG, 8: ['PI', 'XV'] } }),
  n3('Pay-to Plan Address', 'R'),
  n4('Pay-to Plan City, State, ZIP Code', 'R'),
  ref('Pay-to Plan Secondary Identification', 'S', 1, ['2U', 'FY', 'NF']),
  ref('Pay-To Plan Tax Identification Number', 'R', 1, ['EI']),
]);

const LOOP_2010BA = loop('2010BA', 'Subscriber Name', 'R', 1, [
  seg('NM1', 'Subscriber Name', 'R', 1, { q: ['IL'], use: 'RRRSSNSSS', codes: { 2: PERSON_OR_ORG, 8: ['II', 'MI'] } }),
  n3('Subscriber Address', 'S'),
  n4('Subscriber City, State, ZIP Code', 'S'),
  seg('DMG', 'Subscriber Demographic Information', 'S', 1, { use: 'RRR', codes: { 1: ['D8'], 3: ['F', 'M', 'U'] } }),
  ref('Subscriber Secondary Identification', 'S', 1, ['SY']),
  ref('Property and Casualty Claim Number', 'S', 1, ['Y4']),
  phoneContact('Property and Casualty Subscriber Contact Information', 'S'),
]);

const LOOP_2010BB = loop('2010BB', 'Payer Name', 'R', 1, [
  seg('NM1', 'Payer Name', 'R', 1, { q: ['PR'], use: 'RRRNNNNRR', codes: { 2: ORG, 8: ['PI', 'XV'] } }),
  n3('Payer Address', 'S'),
  n4('Payer City, State, ZIP Code', 'S'),
  ref('Payer Secondary Identification', 'S', MANY, ['2U', 'EI', 'FY', 'NF']),
  ref('Billing Provider Secondary Identification', 'S', 2, ['G2', 'LU']),
]);

const LOOP_2010CA = loop('2010CA', 'Patient Name', 'R', 1, [
  seg('NM1', 'Patient Name', 'R', 1, { q: ['QC'], use: 'RRRSSNS', codes: { 2: PERSON } }),
  n3('Patient Address', 'R'),
  n4('Patient City, State, ZIP Code', 'R'),
  seg('DMG', 'Patient Demographic Information', 'R', 1, { use: 'RRR', codes: { 1: ['D8'], 3: ['F', 'M', 'U'] } }),
  ref('Property and Casualty Claim Number', 'S', 1, ['Y4']),
  ref('Property and Casualty Patient Identifier', 'S', 1, ['1W', 'SY']),
  phoneContact('Property and Casualty Patient Contact Information', 'S'),
]);

const PAT_CODES = { 5: ['D8'], 7: ['01'], 9: ['Y'] };

export function hierarchy(claim: GuideLoop): GuideLoop {
  const patient = loop(
    '2000C',
    'Patient Hierarchical Level',
    'S',
    MANY,
    [
      seg('HL', 'Patient Hierarchical Level', 'R', 1, { q: ['23'], use: 'RRRR', codes: { 4: ['0'] } }),
      seg('PAT', 'Patient Information', 'R', 1, { use: 'RNNNSSSSS', codes: { 1: PATIENT_RELATIONSHIP, ...PAT_CODES } }),
      LOOP_2010CA,
      claim,
    ],
    { hierarchical: true },
  );

  const subscriber = loop(
    '2000B',
    'Subscriber Hierarchical Level',
    'R',
    MANY,
    [
      seg('HL', 'Subscriber Hierarchical Level', 'R', 1, { q: ['22'], use: 'RRRR', codes: { 4: ['0', '1'] } }),
      seg('SBR', 'Subscriber Information', 'R', 1, {
        use: 'RSSSSNNNS',
        codes: { 1: PAYER_RESPONSIBILITY, 2: ['18'], 5: INSURANCE_TYPE, 9: CLAIM_FILING },
      }),
      seg('PAT', 'Patient Information', 'S', 1, { use: 'NNNNSSSSS', codes: PAT_CODES }),
      LOOP_2010BA,
      LOOP_2010BB,
      claim,
      patient,
    ],
    { hierarchical: true },
  );

  return loop(
    '2000A',
    'Billing Provider Hierarchical Level',
    'R',
    MANY,
    [
      seg('HL', 'Billing Provider Hierarchical Level', 'R', 1, { q: ['20'], use: 'RNRR', codes: { 4: ['1'] } }),
      seg('PRV', 'Billing Provider Specialty Information', 'S', 1, { q: ['BI'], use: 'RRR', codes: { 2: ['PXC'] } }),
      seg('CUR', 'Foreign Currency Information', 'S', 1, { q: ['85'], use: 'RR' }),
      LOOP_2010AA,
      LOOP_2010AB,
      LOOP_2010AC,
      subscriber,
    ],
    { hierarchical: true },
  );
}
