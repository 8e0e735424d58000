/**
 * Which guide validates a transaction set: ST01 plus the implementation
 * convention reference (ST03, or GS08 when ST03 is absent).
 * Add new guides here.
 */
import { GUIDE_837P } from './837p.js';
import { GUIDE_837I } from './837i.js';
import { GUIDE_835 } from './835.js';
import { GUIDE_999, GUIDE_999_X231 } from './999.js';
import { GUIDE_277CA } from './277ca.js';
import type { Guide } from './types.js';

const GUIDES: readonly Guide[] = [GUIDE_837P, GUIDE_837I, GUIDE_835, GUIDE_999, GUIDE_999_X231, GUIDE_277CA];

const BY_KEY = new Map(GUIDES.map((guide) => [`${guide.transaction}:${guide.version}`, guide]));

export function findGuide(transaction: string, version: string): Guide | undefined {
  return BY_KEY.get(`${transaction}:${version}`);
}

export function knownGuides(): readonly Guide[] {
  return GUIDES;
}
