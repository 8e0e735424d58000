/**
 * Reads an 837P transaction set (005010X222A1; 004010X098A1 files are read
 * the same way as far as they agree) into canonical claims.
 *
 * It walks the segments once, keeping track of the HL node and of the loop it
 * is in, because the same segment (NM1, N3, REF, DTP, ...) means something
 * different in every loop. Loops it does not map (pay-to, service facility,
 * other subscriber 2320/2330, line-level providers, ...) are passed over
 * without touching the parties it does map.
 */
import type { ClaimInput } from '../../claim/model.js';
import { element, safeSegmentId } from '../segment.js';
import type { Delimiters, ParsedX12, Segment, TransactionSet, X12Warning } from '../types.js';
import { buildClaim } from './build-claim.js';
import type { ClaimDraft, LineDraft } from './claim-draft.js';
import { X837_WARNING } from './codes.js';
import { nameLoop, type NameLoop } from './entities.js';
import { HL_BILLING, HL_PATIENT, HL_SUBSCRIBER, HlTree, type HlNode } from './hl-tree.js';
import { KNOWN_837P_SEGMENTS } from './segments-837p.js';

export interface Read837Context {
  tenantId: string;
  delimiters: Delimiters;
}

export interface Read837Result {
  /** Claims in file order; `position` is that of the CLM segment. */
  claims: Array<{ claim: ClaimInput; position: number }>;
  warnings: X12Warning[];
}

type Loop =
  | 'header'
  | '2000A' | '2010AA' | '2010A-other'
  | '2000B' | '2010BA' | '2010BB' | '2010B-other'
  | '2000C' | '2010CA' | '2010C-other'
  | 'HL-other'
  | '2300' | '2310A' | '2310B' | '2310-other' | '2320' | '2330'
  | '2400' | '2410' | '2420' | '2430' | '2440';

const LINE_LOOPS: ReadonlySet<Loop> = new Set(['2400', '2410', '2420', '2430', '2440']);
const OTHER_SUBSCRIBER_LOOPS: ReadonlySet<Loop> = new Set(['2320', '2330']);

export function read837P(tx: TransactionSet, ctx: Read837Context): Read837Result {
  const reader = new Reader837P(ctx);
  for (const segment of tx.segments) reader.accept(segment);
  return reader.finish();
}

class Reader837P {
  private readonly tree = new HlTree();
  private readonly claims: Read837Result['claims'] = [];
  private readonly warnings: X12Warning[] = [];
  private node: HlNode | undefined;
  private loop: Loop = 'header';
  /** The name loop whose N3/N4/DMG/REF/PRV we are collecting, when it is one we map. */
  private party: NameLoop | undefined;
  private claim: ClaimDraft | undefined;
  private line: LineDraft | undefined;

  constructor(private readonly ctx: Read837Context) {}

  accept(segment: Segment): void {
    switch (segment.id) {
      case 'HL': return this.hl(segment);
      case 'NM1': return this.nm1(segment);
      case 'N3': case 'N4': case 'DMG': return this.partyDetail(segment);
      case 'REF': return this.ref(segment);
      case 'PRV': return this.prv(segment);
      case 'SBR': return this.sbr(segment);
      case 'PAT': return this.pat(segment);
      case 'CLM': return this.clm(segment);
      case 'HI': return this.hi(segment);
      case 'DTP': return this.dtp(segment);
      case 'LX': return this.lx(segment);
      case 'SV1': return this.sv1(segment);
      case 'LIN': case 'CTP': return this.lineSubLoop(segment, '2410');
      case 'SVD': return this.lineSubLoop(segment, '2430');
      case 'LQ': case 'FRM': return this.lineSubLoop(segment, '2440');
      default:
        if (!KNOWN_837P_SEGMENTS.has(segment.id)) {
          this.warn(X837_WARNING.UNKNOWN_SEGMENT, 'segment has no place in an 837P', segment);
        }
    }
  }

  finish(): Read837Result {
    this.endClaim();
    return { claims: this.claims, warnings: this.warnings };
  }

  private hl(hl: Segment): void {
    this.endClaim();
    const id = element(hl, 1) ?? '';
    const parentId = element(hl, 2);
    const level = element(hl, 3) ?? '';
    const node: HlNode = parentId === undefined ? { id, level, hl } : { id, parentId, level, hl };
    this.tree.add(node);
    this.node = node;
    this.party = undefined;
    if (level === HL_BILLING) this.loop = '2000A';
    else if (level === HL_SUBSCRIBER) this.loop = '2000B';
    else if (level === HL_PATIENT) this.loop = '2000C';
    else {
      this.loop = 'HL-other';
      this.warn(X837_WARNING.UNKNOWN_HL_LEVEL, 'HL03 is not 20, 22 or 23', hl);
    }
  }

  private nm1(nm1: Segment): void {
    const code = element(nm1, 1);
    this.party = undefined;
    const claim = this.claim;
    if (claim) {
      if (LINE_LOOPS.has(this.loop)) {
        this.loop = '2420';
      } else if (OTHER_SUBSCRIBER_LOOPS.has(this.loop)) {
        this.loop = '2330';
      } else if (code === 'DN' && !claim.referring) {
        this.loop = '2310A';
        this.party = claim.referring = nameLoop(nm1);
      } else if (code === '82' && !claim.rendering) {
        this.loop = '2310B';
        this.party = claim.rendering = nameLoop(nm1);
      } else {
        this.loop = '2310-other';
      }
      return;
    }
    const node = this.node;
    if (!node) return; // 1000A submitter / 1000B receiver.
    if (node.level === HL_BILLING) {
      if (code === '85' && !node.party) {
        this.loop = '2010AA';
        this.party = node.party = nameLoop(nm1);
      } else {
        this.loop = '2010A-other';
      }
    } else if (node.level === HL_SUBSCRIBER) {
      if (code === 'IL' && !node.party) {
        this.loop = '2010BA';
        this.party = node.party = nameLoop(nm1);
      } else if (code === 'PR' && !node.payer) {
        this.loop = '2010BB';
        this.party = node.payer = nameLoop(nm1);
      } else {
        this.loop = '2010B-other';
      }
    } else if (node.level === HL_PATIENT) {
      if (code === 'QC' && !node.party) {
        this.loop = '2010CA';
        this.party = node.party = nameLoop(nm1);
      } else {
        this.loop = '2010C-other';
      }
    }
  }

  private partyDetail(segment: Segment): void {
    const party = this.party;
    if (!party) return;
    if (segment.id === 'N3') party.n3 ??= segment;
    else if (segment.id === 'N4') party.n4 ??= segment;
    else party.dmg ??= segment;
  }

  private ref(ref: Segment): void {
    if (this.party) this.party.refs.push(ref);
    else if (this.loop === '2300' && this.claim) this.claim.refs.push(ref);
    else if (this.loop === '2400' && this.line) this.line.refs.push(ref);
  }

  private prv(prv: Segment): void {
    if (this.party) this.party.prv ??= prv;
    else if (this.loop === '2000A' && this.node) this.node.prv ??= prv;
  }

  private sbr(sbr: Segment): void {
    if (this.claim) {
      // 2320 other subscriber: its NM1s must not overwrite the claim's parties.
      this.loop = '2320';
      this.party = undefined;
      return;
    }
    const node = this.node;
    if (node?.level !== HL_SUBSCRIBER || node.sbr) {
      this.warn(X837_WARNING.UNEXPECTED_SEGMENT, 'SBR outside a 2000B subscriber loop is not read', sbr);
      return;
    }
    node.sbr = sbr;
    const responsibility = element(sbr, 1);
    if (responsibility !== undefined && responsibility !== 'P') {
      this.warn(X837_WARNING.PAYER_RESPONSIBILITY, 'SBR01 is not P; the claim is read as if the payer were primary', sbr);
    }
  }

  private pat(pat: Segment): void {
    const node = this.node;
    if (this.claim || !node) {
      this.warn(X837_WARNING.UNEXPECTED_SEGMENT, 'PAT outside a 2000B/2000C loop is not read', pat);
      return;
    }
    // 005010 also has a PAT in 2000B (death/pregnancy details): not a relationship.
    if (node.level === HL_PATIENT) node.pat ??= pat;
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
    this.claim = { clm, ancestry, refs: [], his: [], lines: [] };
    this.loop = '2300';
    this.party = undefined;
  }

  private hi(hi: Segment): void {
    if (!this.claim || this.line || OTHER_SUBSCRIBER_LOOPS.has(this.loop)) {
      this.warn(X837_WARNING.UNEXPECTED_SEGMENT, 'HI outside the 2300 claim loop is not read', hi);
      return;
    }
    this.claim.his.push(hi);
  }

  private dtp(dtp: Segment): void {
    if (element(dtp, 1) !== '472') return;
    if (this.loop === '2400' && this.line) this.line.dtp472 ??= dtp;
    else if (this.loop === '2300' && this.claim) this.claim.dtp472 ??= dtp;
  }

  private lx(lx: Segment): void {
    const claim = this.claim;
    if (!claim) {
      this.warn(X837_WARNING.UNEXPECTED_SEGMENT, 'LX before any CLM is not read', lx);
      return;
    }
    this.line = { lx, refs: [] };
    claim.lines.push(this.line);
    this.loop = '2400';
    this.party = undefined;
  }

  private sv1(sv1: Segment): void {
    if (this.loop !== '2400' || !this.line || this.line.sv1) {
      this.warn(X837_WARNING.UNEXPECTED_SEGMENT, 'SV1 outside a 2400 line (after LX) is not read', sv1);
      return;
    }
    this.line.sv1 = sv1;
  }

  private lineSubLoop(segment: Segment, loop: Loop): void {
    if (!this.line) {
      this.warn(X837_WARNING.UNEXPECTED_SEGMENT, `${segment.id} outside a 2400 service line is not read`, segment);
      return;
    }
    this.loop = loop;
    this.party = undefined;
  }

  private endClaim(): void {
    const draft = this.claim;
    if (!draft) return;
    this.claim = undefined;
    this.line = undefined;
    const claim = buildClaim(draft, {
      tenantId: this.ctx.tenantId,
      delimiters: this.ctx.delimiters,
      warn: (warning) => this.warnings.push(warning),
    });
    this.claims.push({ claim, position: draft.clm.position });
  }

  private warn(code: string, message: string, segment: Segment): void {
    const warning: X12Warning = { code, message, position: segment.position };
    const segmentId = safeSegmentId(segment.id);
    if (segmentId !== undefined) warning.segmentId = segmentId;
    this.warnings.push(warning);
  }
}

/** Version ids of the institutional and dental 837 guides (005010 and 004010). */
const NON_PROFESSIONAL = /X223|X096|X224|X097/;
const TRANSACTION_TYPE = /^\d{3}$/;

/**
 * Reads the professional 837 claims of every interchange, group and
 * transaction set in a parsed file. Other transaction sets (and 837I/837D)
 * are skipped with a warning. The reader's own warnings stay in `parsed`.
 */
export function read837(parsed: ParsedX12, tenantId: string): Read837Result {
  const result: Read837Result = { claims: [], warnings: [] };
  for (const interchange of parsed.interchanges) {
    for (const group of interchange.groups) {
      for (const tx of group.transactions) {
        const where = { position: tx.st.position, segmentId: 'ST' };
        if (tx.type !== '837') {
          const type = TRANSACTION_TYPE.test(tx.type) ? tx.type : 'of unknown type';
          result.warnings.push({ code: X837_WARNING.NOT_837, message: `transaction set ${type} is not an 837; skipped`, ...where });
          continue;
        }
        if (NON_PROFESSIONAL.test(tx.version)) {
          result.warnings.push({ code: X837_WARNING.NOT_PROFESSIONAL, message: 'institutional or dental 837 (by its version); skipped', ...where });
          continue;
        }
        const read = read837P(tx, { tenantId, delimiters: interchange.delimiters });
        // A loop, not push(...spread): a large file has more claims than a call has argument slots.
        for (const claim of read.claims) result.claims.push(claim);
        for (const warning of read.warnings) result.warnings.push(warning);
      }
    }
  }
  return result;
}
