/**
 * Reads one tokenised 277CA (005010X214) transaction set into the claim
 * acknowledgment model. It walks the HL hierarchy (20 information source,
 * 21 information receiver, 19 billing provider, PT patient) and the loops
 * under each level (2100 name, 2200 trace/status, 2220D service lines).
 *
 * 277 claim status responses (005010X212) share the layout down to the
 * provider; their subscriber/dependent levels (HL 22/23) are read as patient
 * levels, after one X277-NOT-277CA warning.
 *
 * Error policy (messages name segments and elements, never values):
 * - a broken hierarchy (a level with nothing to hang under), a claim without
 *   its patient control number (2200D TRN02), a status without its category
 *   or status code, a service line without SVC01 → X12Error;
 * - unreadable dates, amounts and quantities, HL02 mismatches, segments out
 *   of place or unknown → warnings.
 */
import { X12Error } from '../errors.js';
import { element, safeSegmentId } from '../segment.js';
import type { Delimiters, ParsedX12, Segment, TransactionSet, X12Warning } from '../types.js';
import { X277_ERROR, X277_WARNING } from './codes.js';
import {
  dispositionOf,
  flattenClaims,
  type Ack277CA,
  type ClaimAck,
  type LevelAck,
  type LineAck,
  type PartyName,
  type ProviderAck,
  type ReceiverAck,
  type SourceAck,
} from './model.js';
import { SegmentReader277 } from './read-277ca-segments.js';

export const X214 = '005010X214';

export interface Read277CAResult {
  ack: Ack277CA;
  warnings: X12Warning[];
}

export function read277CA(tx: TransactionSet, delimiters: Delimiters): Read277CAResult {
  return new Reader277(tx, delimiters).read();
}

/** Every 277 transaction set of a parsed file; others are skipped with a warning. */
export function read277CAFile(parsed: ParsedX12): { acks: Ack277CA[]; warnings: X12Warning[] } {
  const result: { acks: Ack277CA[]; warnings: X12Warning[] } = { acks: [], warnings: [] };
  for (const interchange of parsed.interchanges) {
    for (const group of interchange.groups) {
      for (const tx of group.transactions) {
        if (tx.type !== '277') {
          result.warnings.push({ code: X277_WARNING.UNEXPECTED_SEGMENT, message: 'transaction set is not a 277; skipped', position: tx.st.position, segmentId: 'ST' });
          continue;
        }
        const read = read277CA(tx, interchange.delimiters);
        result.acks.push(read.ack);
        for (const warning of read.warnings) result.warnings.push(warning);
      }
    }
  }
  return result;
}

type Level = 'header' | 'source' | 'receiver' | 'provider' | 'patient' | 'unknown';
/** Where in the level we are: its name loop (2100), its trace/status loop (2200), or a service line (2220D). */
type Part = 'name' | 'trace' | 'line';

const PATIENT_LEVELS = new Set(['PT', '22', '23']);
/** Segments of the 277 guides the model does not keep; read past without a warning. */
const KNOWN_UNMODELLED = new Set(['PER', 'DMG', 'N3', 'N4', 'PRV']);

class Reader277 {
  private readonly warnings: X12Warning[] = [];
  private readonly r: SegmentReader277;
  private readonly sources: SourceAck[] = [];
  private level: Level = 'header';
  private part: Part = 'name';
  private source?: SourceAck;
  private receiver?: ReceiverAck;
  private provider?: ProviderAck;
  private patient?: { name: PartyName; hlId?: string; position: number };
  private claim?: ClaimAck;
  private line?: LineAck;
  private warnedX212 = false;

  constructor(
    private readonly tx: TransactionSet,
    delimiters: Delimiters,
  ) {
    this.r = new SegmentReader277(delimiters, (code, message, seg) => this.warn(code, message, seg));
  }

  read(): Read277CAResult {
    const { tx } = this;
    if (tx.type !== '277') throw new X12Error(X277_ERROR.NOT_277, 'transaction set is not a 277 (ST01)', tx.st.position, 'ST', 'ST01');
    const ack: Ack277CA = { controlNumber: tx.controlNumber, sources: this.sources, claims: [], filePosition: tx.st.position };
    if (tx.version) ack.version = tx.version;
    if (tx.version && tx.version !== X214) this.notX214(tx.st, 'ST03 (or GS08) is not 005010X214');

    const [first, ...rest] = tx.segments;
    let body = tx.segments;
    if (first?.id === 'BHT') {
      body = rest;
      if (element(first, 1) !== '0085') this.notX214(first, 'BHT01 is not 0085');
      const referenceId = element(first, 3);
      if (referenceId) ack.referenceId = referenceId;
      if (element(first, 4) !== undefined) {
        const date = this.r.date(first, 4, 'BHT04');
        if (date) ack.transactionDate = date;
      }
      const time = element(first, 5);
      if (time) ack.transactionTime = time;
    } else {
      this.warnAt(X277_WARNING.MISSING_SEGMENT, 'BHT must be the first segment after ST', (first ?? tx.st).position, 'BHT');
    }

    for (const seg of body) this.accept(seg);
    this.settle();
    ack.claims = flattenClaims(this.sources);
    return { ack, warnings: this.warnings };
  }

  private accept(seg: Segment): void {
    if (seg.id === 'HL') return this.hl(seg);
    if (this.level === 'unknown') return;
    switch (seg.id) {
      case 'NM1':
        return this.nm1(seg);
      case 'TRN':
        return this.trn(seg);
      case 'STC': {
        const status = this.r.stc(seg);
        const holder = this.part === 'line' ? this.line : this.level === 'patient' ? this.claim : this.currentLevel();
        if (holder && this.part !== 'name') holder.statuses.push(status);
        else this.misplaced(seg);
        return;
      }
      case 'REF':
        return this.ref(seg);
      case 'DTP':
        return this.dtp(seg);
      case 'QTY':
      case 'AMT':
        return this.total(seg);
      case 'SVC': {
        if (!this.claim) throw new X12Error(X277_ERROR.HIERARCHY, 'SVC needs a claim (2200D TRN) before it', seg.position, 'SVC');
        this.line = { procedure: this.r.procedure(seg), statuses: [], disposition: 'pending', filePosition: seg.position };
        const charge = this.r.amount(seg, 2, 'SVC02');
        if (charge !== undefined) this.line.charge = charge;
        const revenueCode = element(seg, 4);
        if (revenueCode) this.line.revenueCode = revenueCode;
        const units = element(seg, 7);
        if (units) this.line.units = units;
        this.claim.lines.push(this.line);
        this.part = 'line';
        return;
      }
      default:
        if (!KNOWN_UNMODELLED.has(seg.id)) this.warn(X277_WARNING.UNEXPECTED_SEGMENT, `${nameOf(seg)} is not a 277CA segment`, seg);
    }
  }

  private hl(seg: Segment): void {
    const code = element(seg, 3);
    if (!code) throw new X12Error(X277_ERROR.MISSING_ELEMENT, 'HL03 (hierarchical level code) is required', seg.position, 'HL', 'HL03');
    const hlId = element(seg, 1);
    const parentId = element(seg, 2);
    this.part = 'name';
    this.claim = undefined;
    this.line = undefined;
    const base = (): LevelAck => ({ ...(hlId ? { hlId } : {}), name: {}, statuses: [], disposition: 'pending', filePosition: seg.position });
    if (code === '20') {
      this.source = { ...base(), receivers: [] };
      this.receiver = undefined;
      this.provider = undefined;
      this.patient = undefined;
      this.sources.push(this.source);
      this.level = 'source';
    } else if (code === '21') {
      const source = this.parent(seg, this.source, parentId, 'an information receiver (HL 21) needs an information source (HL 20) above it');
      this.receiver = { ...base(), totals: {}, providers: [] };
      this.provider = undefined;
      this.patient = undefined;
      source.receivers.push(this.receiver);
      this.level = 'receiver';
    } else if (code === '19') {
      const receiver = this.parent(seg, this.receiver, parentId, 'a billing provider (HL 19) needs an information receiver (HL 21) above it');
      this.provider = { ...base(), references: [], totals: {}, claims: [] };
      this.patient = undefined;
      receiver.providers.push(this.provider);
      this.level = 'provider';
    } else if (PATIENT_LEVELS.has(code)) {
      if (code !== 'PT') this.notX214(seg, 'HL03 22/23 (claim status response levels) read as the patient level');
      // A dependent (23) hangs under a subscriber (22), which is read as a patient level too.
      const expected = code === '23' && this.patient ? this.patient.hlId : this.provider?.hlId;
      this.parent(seg, this.provider, parentId, 'a patient (HL PT) needs a billing provider (HL 19) above it', expected);
      this.patient = { name: {}, position: seg.position, ...(hlId ? { hlId } : {}) };
      this.level = 'patient';
    } else {
      this.warn(X277_WARNING.UNKNOWN_LEVEL, 'HL03 is not a level of the 277CA; its segments are skipped', seg);
      this.level = 'unknown';
    }
  }

  private parent<T extends LevelAck>(seg: Segment, parent: T | undefined, parentId: string | undefined, message: string, expected = parent?.hlId): T {
    if (!parent) throw new X12Error(X277_ERROR.HIERARCHY, message, seg.position, 'HL', 'HL02');
    if (parentId !== expected) this.warn(X277_WARNING.HL_PARENT, 'HL02 does not name the level above; the latest one is used', seg);
    return parent;
  }

  private nm1(seg: Segment): void {
    if (this.part !== 'name') return this.misplaced(seg);
    const name = this.r.name(seg);
    if (this.level === 'patient' && this.patient) this.patient.name = name;
    else {
      const level = this.currentLevel();
      if (level) level.name = name;
      else this.misplaced(seg);
    }
  }

  private trn(seg: Segment): void {
    this.line = undefined;
    if (this.level === 'patient' && this.patient && this.provider) {
      const patientControlNumber = element(seg, 2);
      if (!patientControlNumber) {
        throw new X12Error(X277_ERROR.MISSING_ELEMENT, 'TRN02 (patient control number) is required in loop 2200D', seg.position, 'TRN', 'TRN02');
      }
      this.claim = { patientControlNumber, patient: this.patient.name, statuses: [], disposition: 'pending', lines: [], filePosition: seg.position };
      this.provider.claims.push(this.claim);
      this.part = 'trace';
      return;
    }
    const level = this.currentLevel();
    if (!level || this.part !== 'name') return this.misplaced(seg);
    const trace = element(seg, 2);
    if (trace) level.traceNumber = trace;
    this.part = 'trace';
  }

  private ref(seg: Segment): void {
    const qualifier = element(seg, 1);
    const value = element(seg, 2);
    if (!qualifier || !value) return this.warn(X277_WARNING.UNEXPECTED_SEGMENT, 'REF needs REF01 and REF02; skipped', seg);
    if (this.part === 'line' && this.line) {
      if (qualifier === 'FJ') this.line.lineItemControlNumber = value;
      // REF*XZ pharmacy prescription number: not modelled.
      return;
    }
    if (this.claim && this.part === 'trace') {
      if (qualifier === '1K') this.claim.payerClaimId = value;
      else if (qualifier === 'D9') this.claim.clearinghouseTraceNumber = value;
      else if (qualifier === 'BLT') this.claim.billType = value;
      else if (qualifier === 'EA') this.claim.medicalRecordNumber = value;
      return;
    }
    if (this.level === 'provider' && this.provider && this.part === 'trace') {
      this.provider.references.push({ qualifier, value });
      return;
    }
    this.misplaced(seg);
  }

  private dtp(seg: Segment): void {
    const qualifier = element(seg, 1);
    if (this.part === 'line' && this.line) {
      if (qualifier === '472') this.setDates(this.line, seg);
      return;
    }
    if (this.claim && this.part === 'trace') {
      if (qualifier === '472') this.setDates(this.claim, seg);
      return;
    }
    if (this.level === 'source' && this.source && this.part === 'trace') {
      const date = qualifier === '050' || qualifier === '009' ? this.r.period(seg)?.from : undefined;
      if (date && qualifier === '050') this.source.receivedDate = date;
      if (date && qualifier === '009') this.source.processDate = date;
      return;
    }
    this.misplaced(seg);
  }

  private setDates(target: { serviceDates?: { from: string; to?: string } }, seg: Segment): void {
    const period = this.r.period(seg);
    if (period) target.serviceDates = period;
  }

  private total(seg: Segment): void {
    const level = this.level === 'receiver' ? this.receiver : this.level === 'provider' ? this.provider : undefined;
    if (!level || this.part !== 'trace') return this.misplaced(seg);
    const qualifier = element(seg, 1);
    if (seg.id === 'QTY') {
      const quantity = this.r.quantity(seg);
      if (quantity === undefined) return;
      if (qualifier === '90' || qualifier === 'QA') level.totals.acceptedQuantity = quantity;
      else if (qualifier === 'AA' || qualifier === 'QC') level.totals.rejectedQuantity = quantity;
      return;
    }
    const amount = this.r.amount(seg, 2, 'AMT02');
    if (amount === undefined) return;
    if (qualifier === 'YU') level.totals.acceptedAmount = amount;
    else if (qualifier === 'YY') level.totals.rejectedAmount = amount;
  }

  /** Dispositions, billed amounts and the ids of the levels above each claim. */
  private settle(): void {
    for (const source of this.sources) {
      source.disposition = dispositionOf(source.statuses);
      for (const receiver of source.receivers) {
        receiver.disposition = dispositionOf(receiver.statuses);
        for (const provider of receiver.providers) {
          provider.disposition = dispositionOf(provider.statuses);
          for (const claim of provider.claims) {
            for (const line of claim.lines) line.disposition = dispositionOf(line.statuses);
            const own = dispositionOf(claim.statuses);
            const rejectedAbove =
              provider.disposition === 'rejected' ? 'provider' : receiver.disposition === 'rejected' ? 'receiver' : source.disposition === 'rejected' ? 'source' : undefined;
            if (own === 'rejected') claim.rejectedAt = 'claim';
            else if (rejectedAbove) claim.rejectedAt = rejectedAbove;
            claim.disposition = claim.rejectedAt ? 'rejected' : own;
            const billed = claim.statuses[0]?.amount;
            if (billed !== undefined) claim.billedAmount = billed;
            if (source.name.id) claim.payerId = source.name.id;
            if (receiver.name.id) claim.informationReceiverId = receiver.name.id;
            if (provider.name.id) claim.billingProviderId = provider.name.id;
          }
        }
      }
    }
  }

  private currentLevel(): LevelAck | undefined {
    if (this.level === 'source') return this.source;
    if (this.level === 'receiver') return this.receiver;
    if (this.level === 'provider') return this.provider;
    return undefined;
  }

  private notX214(seg: Segment, message: string): void {
    if (this.warnedX212) return;
    this.warnedX212 = true;
    this.warn(X277_WARNING.NOT_277CA, `not a 277CA: ${message}; read as far as it agrees`, seg);
  }

  private misplaced(seg: Segment): void {
    this.warn(X277_WARNING.UNEXPECTED_SEGMENT, `${nameOf(seg)} is not expected here (${this.level} level); skipped`, seg);
  }

  private warn(code: string, message: string, seg: Segment): void {
    this.warnAt(code, message, seg.position, safeSegmentId(seg.id));
  }

  private warnAt(code: string, message: string, position: number, segmentId: string | undefined): void {
    this.warnings.push(segmentId ? { code, message, position, segmentId } : { code, message, position });
  }
}

/** A malformed "segment id" may be a fragment of data: never put it in a message. */
function nameOf(seg: Segment): string {
  return safeSegmentId(seg.id) ?? 'a segment with a malformed id';
}
