/**
 * 005010X221A1 835 Health Care Claim Payment/Advice: ST/SE, the header
 * (BPR, TRN, CUR, REF, DTM), the 1000A payer and 1000B payee loops, and the
 * provider adjustment (PLB) of the summary.
 */
import { COMMUNICATION, COMMUNICATION_OR_EXT } from './code-lists.js';
import { n3, n4, ref } from './common-segments.js';
import { loop, MANY, seg } from './define.js';

export const X221A1 = '005010X221A1';

/** ST03 is not used in the 835: its version is GS08's. */
export const ST_835 = seg('ST', 'Transaction Set Header', 'R', 1, { use: 'RRN', codes: { 1: ['835'] } });
export const SE_835 = seg('SE', 'Transaction Set Trailer', 'R', 1, { use: 'RR' });

const DFI_ID_QUALIFIER = ['01', '04'];

export const BPR_835 = seg('BPR', 'Financial Information', 'R', 1, {
  // BPR05-15: the payer's and payee's bank accounts (EFT only); BPR16 the check or EFT date.
  use: 'RRRRSSSSSSSSSSSR',
  codes: {
    1: ['C', 'D', 'H', 'I', 'P', 'U', 'X'],
    3: ['C', 'D'],
    4: ['ACH', 'BOP', 'CHK', 'FWT', 'NON'],
    5: ['CCP', 'CTX'],
    6: DFI_ID_QUALIFIER,
    8: ['DA'],
    12: DFI_ID_QUALIFIER,
    14: ['DA', 'SG'],
  },
});

export const TRN_835 = seg('TRN', 'Reassociation Trace Number', 'R', 1, { q: ['1'], use: 'RRRS' });

export const HEADER_835 = [
  BPR_835,
  TRN_835,
  seg('CUR', 'Foreign Currency Information', 'S', 1, { q: ['PR'], use: 'RR' }),
  ref('Receiver Identification', 'S', 1, ['EV']),
  ref('Version Identification', 'S', 1, ['F2']),
  seg('DTM', 'Production Date', 'S', 1, { q: ['405'], use: 'RR' }),
];

export const LOOP_1000A_835 = loop('1000A', 'Payer Identification', 'R', 1, [
  seg('N1', 'Payer Identification', 'R', 1, { q: ['PR'], use: 'RRSS', codes: { 3: ['XV'] } }),
  n3('Payer Address', 'R'),
  n4('Payer City, State, ZIP Code', 'R'),
  ref('Additional Payer Identification', 'S', 4, ['2U', 'EO', 'HI', 'NF']),
  seg('PER', 'Payer Business Contact Information', 'S', 1, {
    q: ['CX'],
    use: 'RSSSSSSS',
    codes: { 3: COMMUNICATION, 5: COMMUNICATION_OR_EXT, 7: ['EX'] },
  }),
  seg('PER', 'Payer Technical Contact Information', 'R', MANY, {
    q: ['BL'],
    use: 'RSSSSSSS',
    codes: { 3: ['EM', 'TE', 'UR'], 5: ['EM', 'EX', 'FX', 'TE', 'UR'], 7: ['EM', 'EX', 'FX', 'UR'] },
  }),
  seg('PER', 'Payer WEB Site', 'S', 1, { q: ['IC'], use: 'RNRR', codes: { 3: ['UR'] } }),
]);

export const LOOP_1000B_835 = loop('1000B', 'Payee Identification', 'R', 1, [
  seg('N1', 'Payee Identification', 'R', 1, { q: ['PE'], use: 'RRRR', codes: { 3: ['FI', 'XV', 'XX'] } }),
  n3('Payee Address', 'S'),
  n4('Payee City, State, ZIP Code', 'S'),
  ref('Payee Additional Identification', 'S', MANY, ['0B', 'D3', 'PQ', 'TJ']),
  seg('RDM', 'Remittance Delivery Method', 'S', 1, { use: 'RSS', codes: { 1: ['BM', 'EM', 'FT', 'OL'] } }),
]);

/** PLB03-1 .. PLB13-1 provider adjustment reason codes. */
const PROVIDER_ADJUSTMENT_REASON = [
  '50', '51', '72', '90', 'AH', 'AM', 'AP', 'B2', 'B3', 'BD', 'BN', 'C5', 'CR', 'CS', 'CT', 'CV', 'CW', 'DM', 'E3', 'FB', 'FC', 'GO', 'HM', 'IP', 'IR', 'IS',
  'J1', 'L3', 'L6', 'LE', 'LS', 'OA', 'OB', 'PI', 'PL', 'RA', 'RE', 'SL', 'TL', 'WO', 'WU',
];

export const PLB_835 = seg('PLB', 'Provider Adjustment', 'S', MANY, {
  // Up to six adjustments: PLB03/04 required, PLB05-14 in pairs.
  use: 'RRR(RS)RS(RS)SS(RS)SS(RS)SS(RS)SS(RS)S',
  codes: {
    '3-1': PROVIDER_ADJUSTMENT_REASON,
    '5-1': PROVIDER_ADJUSTMENT_REASON,
    '7-1': PROVIDER_ADJUSTMENT_REASON,
    '9-1': PROVIDER_ADJUSTMENT_REASON,
    '11-1': PROVIDER_ADJUSTMENT_REASON,
    '13-1': PROVIDER_ADJUSTMENT_REASON,
  },
});
