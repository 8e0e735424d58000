/**
 * What the 837 walker collects before anything is mapped: the segments of
 * each loop, grouped the way the guides nest them. The builders then take
 * the segments they map (see Taken); whatever no builder took is reported,
 * so nothing is dropped without a warning.
 */
import type { Segment } from '../types.js';
import type { Kind837 } from './loops-837.js';
import type { Ancestry } from './hl-tree.js';

/** One occurrence of a loop: its opening segment (NM1, LIN, ...) first, then its other segments in order. */
export interface LoopRecord {
  /** Guide loop id, e.g. "2010AA", "2310B", "2410". */
  loop: string;
  segments: Segment[];
}

export interface LineDraft {
  lx: Segment;
  /** 2400 segments after LX (SV1/SV2, DTP, REF, ...), in order. */
  segments: Segment[];
  /** 2410 drug identification (LIN, CTP, REF). */
  drug?: LoopRecord;
  /** 2420 line provider loops. */
  parties: LoopRecord[];
  /** 2430 line adjudications (SVD, CAS, DTP, AMT), one record per SVD. */
  adjudications: LoopRecord[];
}

/** One 2320 other subscriber loop: its SBR, the 2320 segments after it, and its 2330A-I name loops. */
export interface OtherSubscriberDraft {
  sbr: Segment;
  /** CAS, AMT, OI, MIA, MOA, in order. */
  segments: Segment[];
  /** 2330A other subscriber, 2330B other payer (2330C-I are skipped by the walker). */
  parties: LoopRecord[];
}

export interface ClaimDraft {
  kind: Kind837;
  clm: Segment;
  ancestry: Ancestry;
  /** 2300 segments after CLM (DTP, REF, HI, ...), in order. */
  segments: Segment[];
  /** 2310 provider and location loops. */
  parties: LoopRecord[];
  /** 2320 other subscriber loops. */
  otherSubscribers: OtherSubscriberDraft[];
  lines: LineDraft[];
}
