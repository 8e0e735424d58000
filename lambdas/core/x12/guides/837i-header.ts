/**
 * 005010X223A2 837I: ST/SE. The BHT header and the 1000A submitter and
 * 1000B receiver loops are the same as the 837P's and are shared from
 * 837p-header.ts.
 */
import { seg } from './define.js';

export const X223A2 = '005010X223A2';

export const ST_837I = seg('ST', 'Transaction Set Header', 'R', 1, { use: 'RRR', codes: { 1: ['837'], 3: [X223A2] } });
export const SE_837I = seg('SE', 'Transaction Set Trailer', 'R', 1, { use: 'RR' });

export { BHT_837, LOOP_1000A, LOOP_1000B } from './837p-header.js';
