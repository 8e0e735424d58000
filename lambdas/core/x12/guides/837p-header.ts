/**
 * 005010X222A1 837P: ST/SE, the BHT header and the 1000A submitter and
 * 1000B receiver loops.
 */
import { COMMUNICATION, COMMUNICATION_OR_EXT, PERSON_OR_ORG } from './code-lists.js';
import { loop, seg } from './define.js';

export const X222A1 = '005010X222A1';

export const ST_837P = seg('ST', 'Transaction Set Header', 'R', 1, { use: 'RRR', codes: { 1: ['837'], 3: [X222A1] } });
export const SE_837P = seg('SE', 'Transaction Set Trailer', 'R', 1, { use: 'RR' });

export const BHT_837 = seg('BHT', 'Beginning of Hierarchical Transaction', 'R', 1, {
  use: 'RRRRRR',
  codes: { 1: ['0019'], 2: ['00', '18'], 6: ['31', 'CH', 'RP'] },
});

/** PER of the submitter (1000A): up to three numbers. */
export const SUBMITTER_PER = seg('PER', 'Submitter EDI Contact Information', 'R', 2, {
  q: ['IC'],
  use: 'RSRRSSSS',
  codes: { 3: COMMUNICATION, 5: COMMUNICATION_OR_EXT, 7: COMMUNICATION_OR_EXT },
});

export const LOOP_1000A = loop('1000A', 'Submitter Name', 'R', 1, [
  seg('NM1', 'Submitter Name', 'R', 1, { q: ['41'], use: 'RRRSSNNRR', codes: { 2: PERSON_OR_ORG, 8: ['46'] } }),
  SUBMITTER_PER,
]);

export const LOOP_1000B = loop('1000B', 'Receiver Name', 'R', 1, [
  seg('NM1', 'Receiver Name', 'R', 1, { q: ['40'], use: 'RRRNNNNRR', codes: { 2: ['2'], 8: ['46'] } }),
]);
