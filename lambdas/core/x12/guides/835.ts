/**
 * The 005010X221A1 835 Health Care Claim Payment/Advice, as a table:
 * header (BPR, TRN, CUR, REF, DTM, 1000A, 1000B), detail (2000 > 2100 >
 * 2110) and summary (PLB).
 */
import { HEADER_835, LOOP_1000A_835, LOOP_1000B_835, PLB_835, SE_835, ST_835, X221A1 } from './835-header.js';
import { LOOP_2000_835 } from './835-2000.js';
import type { Guide, GuideLoop } from './types.js';

const body: GuideLoop = {
  kind: 'loop',
  id: 'ST',
  name: '835 Health Care Claim Payment/Advice',
  usage: 'R',
  max: 1,
  children: [...HEADER_835, LOOP_1000A_835, LOOP_1000B_835, LOOP_2000_835, PLB_835],
};

export const GUIDE_835: Guide = {
  transaction: '835',
  version: X221A1,
  name: '835 Health Care Claim Payment/Advice (005010X221A1)',
  functionalId: 'HP',
  st: ST_835,
  se: SE_835,
  body,
  claimLoop: '2100',
  claimIdElement: 1,
};
