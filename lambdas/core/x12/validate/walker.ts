/**
 * Walks the segments of one transaction set through a guide's loop table,
 * the standard X12 way: for each segment, try the rest of the current loop
 * (its segments and child loops, in guide order), then the enclosing loops
 * outward. Consecutive entries that start with the same segment id (the
 * DTP/REF series, sibling NM1 loops) may come in any order among
 * themselves, as in the base standard where they share one position.
 *
 * A segment that matches nowhere is reported and skipped; the walk goes on.
 * Skipped required entries are reported at the segment that passed them.
 */
import type { Guide, GuideLoop, GuideNode, GuideSegment } from '../guides/types.js';
import { safeSegmentId } from '../segment.js';
import type { Delimiters, Segment } from '../types.js';
import { FINDING, type ClaimRef, type FindingCode } from './findings.js';
import { checkSegment } from './segment-check.js';

export interface WalkFinding {
  code: FindingCode;
  message: string;
  position: number;
  loopId: string;
  segmentId?: string;
  element?: string;
  claimId?: string;
  hl?: string;
  /** Default error. */
  severity?: 'warning';
}

interface Frame {
  loop: GuideLoop;
  /** Index of the last matched child (-1 before any). */
  index: number;
  /** Uses (segments) or repeats (loops) per child in this instance. */
  counts: number[];
  /** Children already reported missing in this instance. */
  reported?: Set<number>;
  hl?: string;
  claimId?: string;
}

interface LastHl {
  id: string;
  loopId: string;
  childCode: string;
  position: number;
  hadChild: boolean;
}

export interface WalkResult {
  findings: WalkFinding[];
  claims: ClaimRef[];
}

export function walkTransaction(guide: Guide, segments: readonly Segment[], delimiters: Delimiters, endPosition: number): WalkResult {
  return new Walker(guide, delimiters).run(segments, endPosition);
}

class Walker {
  private readonly findings: WalkFinding[] = [];
  private readonly claims: ClaimRef[] = [];
  private readonly stack: Frame[];
  private hlCount = 0;
  private lastHl: LastHl | undefined;

  constructor(
    private readonly guide: Guide,
    private readonly delimiters: Delimiters,
  ) {
    this.stack = [{ loop: guide.body, index: -1, counts: guide.body.children.map(() => 0) }];
  }

  run(segments: readonly Segment[], endPosition: number): WalkResult {
    for (const segment of segments) this.accept(segment);
    while (this.stack.length > 0) this.pop(endPosition);
    this.finishHl();
    return { findings: this.findings, claims: this.claims };
  }

  private accept(segment: Segment): void {
    const match = this.find(segment);
    if (!match) {
      const id = safeSegmentId(segment.id);
      this.report(FINDING.SEG_UNEXPECTED, id ? `segment ${id} is not expected here (unknown qualifier, wrong place or wrong order)` : 'segment with a malformed id is not expected here', segment.position, id);
      return;
    }
    while (this.stack.length - 1 > match.depth) this.pop(segment.position);
    const frame = this.top();
    const child = frame.loop.children[match.index] as GuideNode;
    const groupFrom = groupStart(frame.loop, match.index);
    if (groupFrom > frame.index) {
      const from = frame.index < 0 ? 0 : groupStart(frame.loop, frame.index);
      this.reportMissing(frame, from - 1, groupFrom, segment.position);
    }
    // Sibling loops that share a trigger id may come in any order, but a required one
    // placed before the matched one in the guide and not seen yet is reported here, at
    // the segment that passed it (as pyx12 does), rather than when the parent closes.
    if (child.kind === 'loop') this.reportMissing(frame, Math.max(groupFrom, frame.index + 1) - 1, match.index, segment.position, true);
    frame.index = match.index;
    frame.counts[match.index] = (frame.counts[match.index] ?? 0) + 1;
    const uses = frame.counts[match.index] ?? 0;

    if (child.kind === 'segment') {
      if (uses > child.max) this.report(FINDING.SEG_REPEAT, `${child.id} (${child.name}) is used more than ${child.max} time(s)`, segment.position, child.id);
      this.checkElements(segment, child);
      return;
    }

    const trigger = child.children[0] as GuideSegment;
    if (uses > child.max) this.report(FINDING.LOOP_REPEAT, `loop ${child.id} (${child.name}) repeats more than ${child.max} time(s)`, segment.position, trigger.id, undefined, child.id);
    const next: Frame = { loop: child, index: 0, counts: child.children.map((_, i) => (i === 0 ? 1 : 0)) };
    this.stack.push(next);
    if (child.id === this.guide.claimLoop) this.openClaim(next, segment);
    if (child.hierarchical) this.openHl(next, segment);
    if (child.sequence !== undefined) {
      const counter = (segment.elements[child.sequence] ?? '').trim();
      if (/^\d+$/.test(counter) && Number(counter) !== uses) {
        this.report(FINDING.LOOP_SEQUENCE, `${trigger.id}${pad(child.sequence)} does not number loop ${child.id} repeats 1, 2, 3...`, segment.position, trigger.id, `${trigger.id}${pad(child.sequence)}`);
      }
    }
    this.checkElements(segment, trigger);
  }

  /** Where the segment fits: the deepest frame (innermost loop) that has a matching entry at or after its position. */
  private find(segment: Segment): { depth: number; index: number } | undefined {
    for (let depth = this.stack.length - 1; depth >= 0; depth--) {
      const frame = this.stack[depth] as Frame;
      const children = frame.loop.children;
      const isRoot = depth === 0;
      let from = frame.index < 0 ? 0 : groupStart(frame.loop, frame.index);
      if (!isRoot) from = Math.max(from, 1);
      for (let i = from; i < children.length; i++) {
        if (matches(children[i] as GuideNode, segment, this.delimiters)) return { depth, index: i };
      }
    }
    return undefined;
  }

  private pop(position: number): void {
    const frame = this.stack.pop();
    if (!frame) return;
    const from = frame.index < 0 ? -1 : groupStart(frame.loop, frame.index) - 1;
    // The popped frame's own context (loop, claim, hl) applies to what is missing in it.
    this.stack.push(frame);
    this.reportMissing(frame, from, frame.loop.children.length, position);
    this.stack.pop();
  }

  /** Required children strictly between `after` and `before` that never appeared in this instance. */
  private reportMissing(frame: Frame, after: number, before: number, position: number, loopsOnly = false): void {
    const children = frame.loop.children;
    for (let i = Math.max(after + 1, 0); i < before && i < children.length; i++) {
      const child = children[i] as GuideNode;
      if (child.usage !== 'R' || (frame.counts[i] ?? 0) > 0 || frame.reported?.has(i)) continue;
      if (loopsOnly && child.kind !== 'loop') continue;
      (frame.reported ??= new Set()).add(i);
      if (child.kind === 'segment') {
        this.report(FINDING.SEG_MISSING, `required segment ${child.id} (${child.name}) is missing in loop ${frame.loop.id}`, position, child.id, undefined, frame.loop.id);
      } else {
        this.report(FINDING.LOOP_MISSING, `required loop ${child.id} (${child.name}) is missing`, position, (child.children[0] as GuideSegment).id, undefined, frame.loop.id);
      }
    }
  }

  private checkElements(segment: Segment, spec: GuideSegment): void {
    for (const issue of checkSegment(segment, spec, this.delimiters)) {
      this.report(issue.code, issue.message, segment.position, spec.id, issue.element);
    }
  }

  private openClaim(frame: Frame, segment: Segment): void {
    const claimId = (segment.elements[this.guide.claimIdElement ?? 1] ?? '').trim();
    frame.claimId = claimId;
    const hls = this.stack.flatMap((f) => (f.hl !== undefined ? [f.hl] : []));
    this.claims.push({ claimId, position: segment.position, hls });
  }

  private openHl(frame: Frame, segment: Segment): void {
    const id = (segment.elements[1] ?? '').trim();
    const parent = (segment.elements[2] ?? '').trim();
    const childCode = (segment.elements[4] ?? '').trim();
    frame.hl = id;
    this.hlCount++;
    if (id !== String(this.hlCount)) {
      this.report(FINDING.HL_COUNT, `HL01 should be ${this.hlCount} (hierarchical levels are numbered 1, 2, 3... in the transaction set)`, segment.position, 'HL', 'HL01');
    }
    const enclosing = this.stack.slice(0, -1).reverse().find((f) => f.hl !== undefined);
    if (enclosing && parent !== enclosing.hl) {
      this.report(FINDING.HL_PARENT, 'HL02 does not point to the enclosing hierarchical level', segment.position, 'HL', 'HL02');
    }
    const last = this.lastHl;
    if (last) {
      const isChild = enclosing?.hl === last.id;
      if (isChild) last.hadChild = true;
      if (last.childCode === '0' && isChild) {
        this.report(FINDING.HL_CHILD, 'HL04 is 0 (no child levels) but a child level follows', last.position, 'HL', 'HL04', undefined, last);
      }
      if (last.childCode === '1' && !last.hadChild) {
        this.report(FINDING.HL_CHILD, 'HL04 is 1 (has child levels) but no child level follows', last.position, 'HL', 'HL04', undefined, last);
      }
    }
    this.lastHl = { id, loopId: frame.loop.id, childCode, position: segment.position, hadChild: false };
  }

  private finishHl(): void {
    const last = this.lastHl;
    if (last && last.childCode === '1' && !last.hadChild) {
      this.report(FINDING.HL_CHILD, 'HL04 is 1 (has child levels) but no child level follows', last.position, 'HL', 'HL04', undefined, last);
    }
  }

  private top(): Frame {
    return this.stack[this.stack.length - 1] as Frame;
  }

  private report(code: FindingCode, message: string, position: number, segmentId?: string, element?: string, loopId?: string, hl?: LastHl): void {
    const finding: WalkFinding = { code, message, position, loopId: loopId ?? this.stack[this.stack.length - 1]?.loop.id ?? this.guide.body.id };
    if (segmentId) finding.segmentId = segmentId;
    if (element) finding.element = element;
    // HL04 disagreeing with the levels that follow is not flagged by pyx12 and harmless to payers: a warning.
    if (code === FINDING.HL_CHILD) finding.severity = 'warning';
    if (hl) {
      // About an earlier HL: attribute it to that level, not to where the walk is now.
      finding.hl = hl.id;
      finding.loopId = hl.loopId;
    } else {
      for (let i = this.stack.length - 1; i >= 0; i--) {
        const frame = this.stack[i] as Frame;
        if (finding.claimId === undefined && frame.claimId !== undefined) finding.claimId = frame.claimId;
        if (finding.hl === undefined && frame.hl !== undefined) finding.hl = frame.hl;
      }
    }
    this.findings.push(finding);
  }
}

function triggerId(node: GuideNode): string {
  return node.kind === 'segment' ? node.id : triggerId(node.children[0] as GuideNode);
}

const GROUP_STARTS = new WeakMap<GuideLoop, number[]>();

/** First index of the run of consecutive children that start with the same segment id as child `index`. */
function groupStart(loop: GuideLoop, index: number): number {
  let starts = GROUP_STARTS.get(loop);
  if (!starts) {
    starts = [];
    loop.children.forEach((child, i) => {
      const previous = i > 0 ? loop.children[i - 1] : undefined;
      starts!.push(previous && triggerId(previous) === triggerId(child) ? (starts![i - 1] ?? i) : i);
    });
    GROUP_STARTS.set(loop, starts);
  }
  return starts[index] ?? index;
}

function matches(node: GuideNode, segment: Segment, delimiters: Delimiters): boolean {
  const spec = node.kind === 'segment' ? node : (node.children[0] as GuideSegment);
  if (spec.id !== segment.id) return false;
  const qualifier = spec.qualifier;
  if (!qualifier) return true;
  const raw = segment.elements[qualifier.element] ?? '';
  const value = qualifier.component === undefined ? raw : (raw.split(delimiters.component)[qualifier.component - 1] ?? '');
  return qualifier.codes.includes(value.trim());
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
