/**
 * The 005010X222A1 837 Health Care Claim: Professional, as a table.
 * Header (BHT, 1000A, 1000B) and detail (2000A > 2000B > [2000C] with the
 * 2300 claim under the subscriber or patient level).
 */
import { BHT_837, LOOP_1000A, LOOP_1000B, SE_837P, ST_837P, X222A1 } from './837p-header.js';
import { hierarchy } from './837p-2000.js';
import { claimLoop } from './837p-2300.js';
import { otherSubscriberLoop } from './837p-2320.js';
import { serviceLineLoop } from './837p-2400.js';
import type { Guide, GuideLoop } from './types.js';

const claim = claimLoop(otherSubscriberLoop(), serviceLineLoop());

const body: GuideLoop = {
  kind: 'loop',
  id: 'ST',
  name: '837 Professional',
  usage: 'R',
  max: 1,
  children: [BHT_837, LOOP_1000A, LOOP_1000B, hierarchy(claim)],
};

export const GUIDE_837P: Guide = {
  transaction: '837',
  version: X222A1,
  name: '837 Professional (005010X222A1)',
  functionalId: 'HC',
  st: ST_837P,
  se: SE_837P,
  body,
  claimLoop: '2300',
  claimIdElement: 1,
};
