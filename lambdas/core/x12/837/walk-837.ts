/**
 * Walks the segments of one 837 transaction set once, keeping track of the
 * HL node and of the loop it is in, and collects each claim (2300 with its
 * 2320 other subscribers and their 2330A/2330B loops, its 2400 lines with
 * their 2430 line adjudications, and the HL chain above it) as a ClaimDraft.
 * Loops the canonical claim does not carry (2330C-I other payer providers,
 * 2440 forms, unknown name loops) are skipped with one warning per
 * occurrence. Header loops (BHT, 1000A submitter, 1000B receiver) are passed
 * over quietly: claims leave under the tenant's own envelope and submitter.
 */
import { element, safeSegmentId } from '../segment.js';
import type { Segment, X12Warning } from '../types.js';
import type { ClaimDraft, LineDraft, LoopRecord, OtherSubscriberDraft } from './claim-draft.js';
import { X837_WARNING } from './codes.js';
import { HL_BILLING, HL_PATIENT, HL_SUBSCRIBER, HlTree, type HlNode } from './hl-tree.js';
import { CLAIM_NAME_LOOPS, HL_NAME_LOOPS, KNOWN_SEGMENTS, LINE_NAME_LOOPS, OTHER_SUBSCRIBER_NAME_LOOPS, type Kind837 } from './loops-837.js';

const HL_LOOPS: Readonly<Record<string, string>> = { [HL_BILLING]: '2000A', [HL_SUBSCRIBER]: '2000B', [HL_PATIENT]: '2000C' };
const SERVICE_SEGMENTS = new Set(['SV1', 'SV2']);

export interface WalkCallbacks {
  /** Called for each claim as soon as its last segment has been seen. */
  claim(draft: ClaimDraft): void;
  warn(warning: X12Warning): void;
}

export class Walker837 {
  readonly tree = new HlTree();
  private node: HlNode | undefined;
  private claim: ClaimDraft | undefined;
  private line: LineDraft | undefined;
  /** The 2320 being read (until the first LX of the claim). */
  private other: OtherSubscriberDraft | undefined;
  private loop = 'header';
  /** Where the next ordinary segment goes; undefined while in the header or in a skipped loop. */
  private target: Segment[] | undefined;

  constructor(
    private readonly kind: Kind837,
    private readonly on: WalkCallbacks,
  ) {}

  accept(segment: Segment): void {
    if (!KNOWN_SEGMENTS[this.kind].has(segment.id)) {
      this.warn(X837_WARNING.UNKNOWN_SEGMENT, `segment has no place in an ${this.label()} (loop ${this.loop}); not read`, segment);
      return;
    }
    switch (segment.id) {
      case 'HL': return this.hl(segment);
      case 'CLM': return this.clm(segment);
      case 'LX': return this.lx(segment);
      case 'SBR': return this.sbr(segment);
      case 'NM1': return this.nm1(segment);
      case 'LIN': return this.lin(segment);
      case 'SVD': return this.svd(segment);
      case 'LQ': return this.lineLoop(segment, '2440', 'form identification');
      default:
        if (SERVICE_SEGMENTS.has(segment.id) && (this.loop !== '2400' || this.line?.segments.some((s) => SERVICE_SEGMENTS.has(s.id)))) {
          this.warn(X837_WARNING.UNEXPECTED_SEGMENT, `${segment.id} outside a 2400 line (after LX) is not read`, segment);
          return;
        }
        this.target?.push(segment);
    }
  }

  finish(): void {
    this.endClaim();
  }

  private label(): string {
    return this.kind === 'professional' ? '837P' : '837I';
  }

  private hl(hl: Segment): void {
    this.endClaim();
    const id = element(hl, 1) ?? '';
    const parentId = element(hl, 2);
    const level = element(hl, 3) ?? '';
    const loop = HL_LOOPS[level];
    const node: HlNode = { id, level, hl, loop: loop ?? 'HL', segments: [], parties: [] };
    if (parentId !== undefined) node.parentId = parentId;
    this.tree.add(node);
    this.node = node;
    if (loop) {
      this.loop = loop;
      this.target = node.segments;
    } else {
      this.loop = 'HL';
      this.target = undefined;
      this.warn(X837_WARNING.UNKNOWN_HL_LEVEL, 'HL03 is not 20, 22 or 23; the level and its loops are not read', hl);
    }
  }

  private clm(clm: Segment): void {
    this.endClaim();
    const node = this.node;
    const ancestry = node ? this.tree.ancestry(node) : { guessed: [HL_SUBSCRIBER, HL_BILLING] };
    if (ancestry.guessed.length > 0) {
      this.warn(
        X837_WARNING.HL_PARENT,
        `claim's HL chain (HL02) does not reach HL03 ${ancestry.guessed.join(' and ')}; the latest such HL is used`,
        clm,
      );
    }
    this.claim = { kind: this.kind, clm, ancestry, segments: [], parties: [], otherSubscribers: [], lines: [] };
    this.loop = '2300';
    this.target = this.claim.segments;
  }

  private lx(lx: Segment): void {
    const claim = this.claim;
    if (!claim) {
      this.warn(X837_WARNING.UNEXPECTED_SEGMENT, 'LX before any CLM is not read', lx);
      return;
    }
    this.line = { lx, segments: [], parties: [], adjudications: [] };
    this.other = undefined;
    claim.lines.push(this.line);
    this.loop = '2400';
    this.target = this.line.segments;
  }

  private sbr(sbr: Segment): void {
    if (this.claim && !this.line) {
      const other: OtherSubscriberDraft = { sbr, segments: [], parties: [] };
      this.claim.otherSubscribers.push(other);
      this.other = other;
      this.loop = '2320';
      this.target = other.segments;
      return;
    }
    if (this.claim || this.node?.level !== HL_SUBSCRIBER || this.loop !== '2000B') {
      this.warn(X837_WARNING.UNEXPECTED_SEGMENT, `SBR outside a 2000B subscriber level (loop ${this.loop}) is not read`, sbr);
      return;
    }
    this.target?.push(sbr);
  }

  private nm1(nm1: Segment): void {
    const code = element(nm1, 1) ?? '';
    if (this.line) {
      const loop = LINE_NAME_LOOPS[this.kind][code];
      if (loop) this.line.parties.push(this.open(loop, nm1));
      else this.skip(nm1, '2420', 'line provider loop of an entity code this guide does not define');
      return;
    }
    if (this.claim) {
      const other = this.other;
      if (other) {
        const loop = OTHER_SUBSCRIBER_NAME_LOOPS[this.kind][code];
        if (loop === '2330A' || loop === '2330B') other.parties.push(this.open(loop, nm1));
        else if (loop) this.skip(nm1, loop, 'other payer provider identification');
        else this.skip(nm1, '2330', 'other subscriber name loop of an entity code this guide does not define');
        return;
      }
      const loop = CLAIM_NAME_LOOPS[this.kind][code];
      if (loop) this.claim.parties.push(this.open(loop, nm1));
      else this.skip(nm1, '2310', 'claim provider loop of an entity code this guide does not define');
      return;
    }
    const node = this.node;
    if (!node) return; // 1000A submitter / 1000B receiver: replaced by the tenant's own.
    const loop = HL_NAME_LOOPS[node.level]?.[code];
    if (loop) node.parties.push(this.open(loop, nm1));
    else this.skip(nm1, `${node.loop}`, 'name loop of an entity code this guide does not define');
  }

  private lin(lin: Segment): void {
    const line = this.line;
    if (!line || line.drug) {
      this.warn(X837_WARNING.UNEXPECTED_SEGMENT, 'LIN outside a 2400 line, or a second LIN in one line, is not read', lin);
      this.target = undefined;
      return;
    }
    line.drug = this.open('2410', lin);
  }

  /** SVD opens a 2430 line adjudication of the current line. */
  private svd(svd: Segment): void {
    if (!this.line) {
      this.warn(X837_WARNING.UNEXPECTED_SEGMENT, 'SVD outside a 2400 service line is not read', svd);
      this.target = undefined;
      return;
    }
    this.line.adjudications.push(this.open('2430', svd));
  }

  private lineLoop(segment: Segment, loop: string, what: string): void {
    if (!this.line) {
      this.warn(X837_WARNING.UNEXPECTED_SEGMENT, `${segment.id} outside a 2400 service line is not read`, segment);
      this.target = undefined;
      return;
    }
    this.skip(segment, loop, what);
  }

  private open(loop: string, first: Segment): LoopRecord {
    const record: LoopRecord = { loop, segments: [first] };
    this.loop = loop;
    this.target = record.segments;
    return record;
  }

  /** One warning for the loop occurrence; its segments are not collected. */
  private skip(first: Segment, loop: string, what: string): void {
    this.loop = loop;
    this.target = undefined;
    this.warn(X837_WARNING.UNMAPPED_LOOP, `loop ${loop} (${what}) is not carried by the canonical claim`, first);
  }

  private endClaim(): void {
    const draft = this.claim;
    if (!draft) return;
    this.claim = undefined;
    this.line = undefined;
    this.other = undefined;
    this.target = undefined;
    this.on.claim(draft);
  }

  private warn(code: string, message: string, segment: Segment): void {
    const warning: X12Warning = { code, message, position: segment.position };
    const segmentId = safeSegmentId(segment.id);
    if (segmentId !== undefined) warning.segmentId = segmentId;
    this.on.warn(warning);
  }
}
