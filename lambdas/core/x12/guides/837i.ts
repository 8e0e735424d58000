/**
 * The 005010X223A2 837 Health Care Claim: Institutional, as a table.
 * Header (BHT, 1000A, 1000B) and detail (2000A > 2000B > [2000C] with the
 * 2300 claim under the subscriber or patient level), as in the 837P.
 */
import { BHT_837, LOOP_1000A, LOOP_1000B, SE_837I, ST_837I, X223A2 } from './837i-header.js';
import { hierarchy } from './837i-2000.js';
import { claimLoop } from './837i-2300.js';
import { otherSubscriberLoop } from './837i-2320.js';
import { serviceLineLoop } from './837i-2400.js';
import type { Guide, GuideLoop } from './types.js';

const claim = claimLoop(otherSubscriberLoop(), serviceLineLoop());

const body: GuideLoop = {
  kind: 'loop',
  id: 'ST',
  name: '837 Institutional',
  usage: 'R',
  max: 1,
  children: [BHT_837, LOOP_1000A, LOOP_1000B, hierarchy(claim)],
};

export const GUIDE_837I: Guide = {
  transaction: '837',
  version: X223A2,
  name: '837 Institutional (005010X223A2)',
  functionalId: 'HC',
  st: ST_837I,
  se: SE_837I,
  body,
  claimLoop: '2300',
  claimIdElement: 1,
};
