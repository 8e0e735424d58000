/**
 * The 005010X214 277CA Health Care Claim Acknowledgment, as a table:
 * BHT, then the hierarchy 2000A information source (HL 20) > 2000B
 * information receiver (HL 21) > 2000C billing provider (HL 19) > 2000D
 * patient (HL PT), each level with its name (2100x) and its trace and
 * status loop (2200x); claim lines (2220D) under 2200D.
 */
import { ORG, PERSON, PERSON_OR_ORG } from './code-lists.js';
import { dtp, ref } from './common-segments.js';
import { loop, MANY, seg } from './define.js';
import { amount, CLAIM_STATUS, LINE_STATUS, PROVIDER_STATUS, quantity, RECEIVER_STATUS } from './277ca-status.js';
import type { Guide, GuideLoop } from './types.js';

export const X214 = '005010X214';

function trace(name: string, usage: 'R' | 'S', qualifier: string) {
  return seg('TRN', name, usage, 1, { q: [qualifier], use: 'RR' });
}

const serviceLine = loop('2220D', 'Service Line Information', 'S', MANY, [
  seg('SVC', 'Service Line Information', 'S', 1, {
    // SVC01 procedure, SVC02 charge, SVC04 revenue code, SVC07 units.
    use: 'R(RRSSSSSN)RNSNNS',
    codes: { '1-1': ['AD', 'ER', 'HC', 'HP', 'IV', 'NU', 'WK'] },
  }),
  LINE_STATUS,
  ref('Service Line Item Identification', 'S', 1, ['FJ']),
  ref('Pharmacy Prescription Number', 'S', 1, ['XZ']),
  dtp('Service Line Date', 'S', 1, ['472'], ['D8', 'RD8']),
]);

const patient = loop(
  '2000D',
  'Patient Level',
  'R',
  MANY,
  [
    seg('HL', 'Patient Level', 'R', 1, { q: ['PT'], use: 'RRR' }),
    loop('2100D', 'Patient Name', 'R', 1, [
      seg('NM1', 'Patient Name', 'R', 1, { q: ['QC'], use: 'RRRSSNSRR', codes: { 2: PERSON, 8: ['II', 'MI'] } }),
    ]),
    loop('2200D', 'Claim Status Tracking Number', 'S', MANY, [
      trace('Claim Status Tracking Number', 'S', '2'),
      CLAIM_STATUS,
      ref('Payer Claim Control Number', 'S', 1, ['1K']),
      ref('Clearinghouse Trace Number', 'S', 1, ['D9']),
      ref('Institutional Bill Type Identification', 'S', 1, ['BLT']),
      ref('Medical Record Identification', 'S', 1, ['EA']),
      dtp('Claim Level Service Date', 'R', 1, ['472'], ['D8', 'RD8']),
      serviceLine,
    ]),
  ],
  { hierarchical: true },
);

const provider = loop(
  '2000C',
  'Billing Provider of Service Level',
  'R',
  MANY,
  [
    seg('HL', 'Billing Provider of Service Level', 'R', 1, { q: ['19'], use: 'RRRR', codes: { 4: ['1'] } }),
    loop('2100C', 'Billing Provider Name', 'R', 1, [
      seg('NM1', 'Billing Provider Name', 'R', 1, { q: ['85'], use: 'RRRSSNSRR', codes: { 2: PERSON_OR_ORG, 8: ['FI', 'SV', 'XX'] } }),
    ]),
    loop('2200C', 'Provider of Service Information Trace Identifier', 'R', 1, [
      trace('Provider of Service Information Trace Identifier', 'R', '1'),
      PROVIDER_STATUS,
      ref('Provider Secondary Identifier', 'S', 1, ['0B', '1G', 'G2', 'LU', 'SY', 'TJ']),
      quantity('Total Accepted Quantity', 'QA'),
      quantity('Total Rejected Quantity', 'QC'),
      amount('Total Accepted Amount', 'YU'),
      amount('Total Rejected Amount', 'YY'),
    ]),
    patient,
  ],
  { hierarchical: true },
);

const receiver = loop(
  '2000B',
  'Information Receiver Level',
  'R',
  MANY,
  [
    seg('HL', 'Information Receiver Level', 'R', 1, { q: ['21'], use: 'RRRR', codes: { 4: ['0', '1'] } }),
    loop('2100B', 'Information Receiver Name', 'R', 1, [
      seg('NM1', 'Information Receiver Name', 'R', 1, { q: ['41'], use: 'RRRSSNNRR', codes: { 2: PERSON_OR_ORG, 8: ['46'] } }),
    ]),
    loop('2200B', 'Information Receiver Trace Identifier', 'R', 1, [
      trace('Information Receiver Trace Identifier', 'R', '2'),
      RECEIVER_STATUS,
      quantity('Total Accepted Quantity', '90'),
      quantity('Total Rejected Quantity', 'AA'),
      amount('Total Accepted Amount', 'YU'),
      amount('Total Rejected Amount', 'YY'),
    ]),
    provider,
  ],
  { hierarchical: true },
);

const source = loop(
  '2000A',
  'Information Source Level',
  'R',
  MANY,
  [
    seg('HL', 'Information Source Level', 'R', 1, { q: ['20'], use: 'RNRR', codes: { 4: ['1'] } }),
    loop('2100A', 'Information Source Name', 'R', 1, [
      seg('NM1', 'Information Source Name', 'R', 1, { q: ['AY', 'PR'], use: 'RRRNNNNRR', codes: { 2: ORG, 8: ['46', 'FI', 'PI', 'XV'] } }),
    ]),
    loop('2200A', 'Transmission Receipt Control Identifier', 'R', MANY, [
      trace('Transmission Receipt Control Identifier', 'R', '1'),
      dtp('Information Source Receipt Date', 'R', 1, ['050']),
      dtp('Information Source Process Date', 'R', 1, ['009']),
    ]),
    receiver,
  ],
  { hierarchical: true },
);

const body: GuideLoop = {
  kind: 'loop',
  id: 'ST',
  name: '277CA Health Care Claim Acknowledgment',
  usage: 'R',
  max: 1,
  children: [
    seg('BHT', 'Beginning of Hierarchical Transaction', 'R', 1, { use: 'RRRRRR', codes: { 1: ['0085'], 2: ['08'], 6: ['TH'] } }),
    source,
  ],
};

export const GUIDE_277CA: Guide = {
  transaction: '277',
  version: X214,
  name: '277CA Health Care Claim Acknowledgment (005010X214)',
  functionalId: 'HN',
  st: seg('ST', 'Transaction Set Header', 'R', 1, { use: 'RRR', codes: { 1: ['277'], 3: [X214] } }),
  se: seg('SE', 'Transaction Set Trailer', 'R', 1, { use: 'RR' }),
  body,
  claimLoop: '2200D',
  claimIdElement: 2,
};
