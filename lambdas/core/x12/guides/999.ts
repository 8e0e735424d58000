/**
 * The 005010X231A1 999 Implementation Acknowledgment, as a table: AK1, one
 * 2000 loop per acknowledged transaction set (AK2, 2100 segment errors with
 * their contexts and 2110 element errors, IK5), AK9.
 */
import { loop, MANY, seg } from './define.js';
import type { Guide, GuideLoop } from './types.js';

export const X231A1 = '005010X231A1';
export const X231 = '005010X231';

const SE_999 = seg('SE', 'Transaction Set Trailer', 'R', 1, { use: 'RR' });

/** IK304 implementation segment syntax error codes. */
const SEGMENT_ERROR = ['1', '2', '3', '4', '5', '6', '7', '8', 'I4', 'I6', 'I7', 'I8', 'I9'];
/** IK403 implementation data element syntax error codes. */
const ELEMENT_ERROR = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', 'I10', 'I11', 'I12', 'I13', 'I6', 'I9'];
/** IK502-506 implementation transaction set syntax error codes. */
const TRANSACTION_ERROR = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '15', '16', '17', '18', '19', '23', '24', '25', '26', '27', 'I5', 'I6'];
/** AK905-909 functional group syntax error codes. */
const GROUP_ERROR = ['1', '2', '3', '4', '5', '6', '10', '11', '12', '13', '14', '15', '16', '17', '18', '19', '23', '24', '25', '26'];
/** CTX01-1 of the business unit context: which identifier names the claim or member. */
const BUSINESS_UNIT = ['CLM01', 'ENT01', 'NM109', 'PATIENT NAME NM109', 'SUBSCRIBER NAME NM109', 'SUBSCRIBER NUMBER REF02', 'TRN02'];

/** CTX naming the segment (and element) whose presence made the erroneous one required. */
function situationalTrigger(name: string, max: number) {
  return seg('CTX', name, 'S', max, { q: ['SITUATIONAL TRIGGER'], use: 'R(RN)RRSS(RSS)S(RN)' });
}

/** IK304 (the error code) is required by X231A1, situational in the base X231. */
function body(version: string, errorCodeUsage: 'R' | 'S'): GuideLoop {
  const segmentErrorLoop = loop('2100', 'Error Identification', 'S', MANY, [
    seg('IK3', 'Error Identification', 'S', 1, { use: `RRS${errorCodeUsage}`, codes: { 4: SEGMENT_ERROR } }),
    situationalTrigger('Segment Context', 9),
    seg('CTX', 'Business Unit Identifier', 'S', 1, { q: BUSINESS_UNIT, use: 'R(RR)' }),
    loop('2110', 'Implementation Data Element Note', 'S', MANY, [
      seg('IK4', 'Implementation Data Element Note', 'S', 1, { use: 'R(RSS)SRS', codes: { 3: ELEMENT_ERROR } }),
      situationalTrigger('Element Context', 10),
    ]),
  ]);

  const transactionLoop = loop('2000', 'Transaction Set Response Header', 'S', MANY, [
    seg('AK2', 'Transaction Set Response Header', 'S', 1, { use: 'RRS', codes: { 1: ['270', '271', '276', '277', '278', '820', '834', '835', '837'] } }),
    segmentErrorLoop,
    seg('IK5', 'Transaction Set Response Trailer', 'R', 1, {
      use: 'RSSSSS',
      codes: { 1: ['A', 'E', 'M', 'R', 'W', 'X'], 2: TRANSACTION_ERROR, 3: TRANSACTION_ERROR, 4: TRANSACTION_ERROR, 5: TRANSACTION_ERROR, 6: TRANSACTION_ERROR },
    }),
  ]);

  return {
    kind: 'loop',
    id: 'ST',
    name: `999 Implementation Acknowledgment (${version})`,
    usage: 'R',
    max: 1,
    children: [
      seg('AK1', 'Functional Group Response Header', 'R', 1, { use: 'RRR', codes: { 1: ['BE', 'FA', 'HB', 'HC', 'HI', 'HN', 'HP', 'HR', 'HS', 'RA'] } }),
      transactionLoop,
      seg('AK9', 'Functional Group Response Trailer', 'R', 1, {
        use: 'RRRRSSSSS',
        codes: { 1: ['A', 'E', 'M', 'P', 'R', 'W', 'X'], 5: GROUP_ERROR, 6: GROUP_ERROR, 7: GROUP_ERROR, 8: GROUP_ERROR, 9: GROUP_ERROR },
      }),
    ],
  };
}

export const GUIDE_999: Guide = {
  transaction: '999',
  version: X231A1,
  name: '999 Implementation Acknowledgment (005010X231A1)',
  functionalId: 'FA',
  st: seg('ST', 'Transaction Set Header', 'R', 1, { use: 'RRR', codes: { 1: ['999'], 3: [X231A1] } }),
  se: SE_999,
  body: body(X231A1, 'R'),
};

/** The base 005010X231 999 (before the A1 errata): the same table with IK304 situational. */
export const GUIDE_999_X231: Guide = {
  transaction: '999',
  version: X231,
  name: '999 Implementation Acknowledgment (005010X231)',
  functionalId: 'FA',
  st: seg('ST', 'Transaction Set Header', 'R', 1, { use: 'RRR', codes: { 1: ['999'], 3: [X231] } }),
  se: SE_999,
  body: body(X231, 'S'),
};
