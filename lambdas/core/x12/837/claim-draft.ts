/**
 * What the 837P reader collects for one claim (2300 loop and its 2400 lines)
 * before it is turned into a canonical claim.
 */
import type { Segment } from '../types.js';
import type { NameLoop } from './entities.js';
import type { Ancestry } from './hl-tree.js';

export interface LineDraft {
  lx: Segment;
  sv1?: Segment;
  /** DTP*472 of the 2400 loop. */
  dtp472?: Segment;
  /** 2400 REF segments (6R line item control number, ...). */
  refs: Segment[];
}

export interface ClaimDraft {
  clm: Segment;
  ancestry: Ancestry;
  /** 2300 REF segments (F8, G1, ...). */
  refs: Segment[];
  his: Segment[];
  /** A claim-level DTP*472, used for lines that carry no date of their own. */
  dtp472?: Segment;
  /** 2310A NM1*DN. */
  referring?: NameLoop;
  /** 2310B NM1*82 (+ PRV). */
  rendering?: NameLoop;
  lines: LineDraft[];
}
