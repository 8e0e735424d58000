/**
 * The 837 HL hierarchy: 2000A billing provider (HL03 20) -> 2000B subscriber
 * (22) -> 2000C patient (23), linked by HL02 parent ids. A claim belongs to the
 * HL it follows; its parties are found by walking the parent chain.
 */
import type { Segment } from '../types.js';
import type { LoopRecord } from './claim-draft.js';

export const HL_BILLING = '20';
export const HL_SUBSCRIBER = '22';
export const HL_PATIENT = '23';

export interface HlNode {
  id: string;
  parentId?: string;
  level: string;
  hl: Segment;
  /** Guide loop id of the level: 2000A, 2000B or 2000C. */
  loop: string;
  /** Segments of the 2000 level itself (PRV, CUR, SBR, PAT), in order. */
  segments: Segment[];
  /** Its 2010 name loops (2010AA/AB/AC, 2010BA/BB, 2010CA). */
  parties: LoopRecord[];
}

export interface Ancestry {
  billing?: HlNode;
  subscriber?: HlNode;
  patient?: HlNode;
  /** Levels that were not reachable through HL02 and were taken from the latest HL of that level instead. */
  guessed: string[];
}

export class HlTree {
  private readonly byId = new Map<string, HlNode>();
  private readonly latestByLevel = new Map<string, HlNode>();
  readonly nodes: HlNode[] = [];

  add(node: HlNode): void {
    // A repeated HL01 is a defect of the file; the later node wins for children that follow it.
    this.byId.set(node.id, node);
    this.latestByLevel.set(node.level, node);
    this.nodes.push(node);
  }

  /**
   * Parties of a claim under `node`. Walks HL02 parents (guarding against
   * cycles); a billing provider or subscriber missing from the chain is taken
   * from the latest HL of that level, and reported through `guessed`.
   */
  ancestry(node: HlNode): Ancestry {
    const found: Ancestry = { guessed: [] };
    const seen = new Set<HlNode>();
    let current: HlNode | undefined = node;
    while (current && !seen.has(current)) {
      seen.add(current);
      if (current.level === HL_PATIENT) found.patient ??= current;
      else if (current.level === HL_SUBSCRIBER) found.subscriber ??= current;
      else if (current.level === HL_BILLING) found.billing ??= current;
      current = current.parentId === undefined ? undefined : this.byId.get(current.parentId);
    }
    if (!found.subscriber) {
      found.subscriber = this.latestByLevel.get(HL_SUBSCRIBER);
      found.guessed.push(HL_SUBSCRIBER);
    }
    if (!found.billing) {
      found.billing = this.latestByLevel.get(HL_BILLING);
      found.guessed.push(HL_BILLING);
    }
    return found;
  }
}
