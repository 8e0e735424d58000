/**
 * The envelope rules (ISA/IEA, GS/GE, ST/SE nesting, counts, control numbers,
 * missing trailers, segments outside the envelope), applied one segment at a
 * time without keeping the segments: a listener hears each envelope open and
 * close and each transaction-set segment, and gets the warnings, each tagged
 * with the envelope level it concerns. The one implementation of those rules:
 * the in-memory reader (envelope-reader.ts) builds its tree as a listener, the
 * 835 stream (stream-835.ts) reads transaction sets as they pass.
 */
import { X12_WARNING } from '../reader-codes.js';
import { safeSegmentId } from '../segment.js';
import type { Delimiters, Segment, X12Warning } from '../types.js';

/** Interchange-level segments that are legitimate between ISA and GS. */
const INTERCHANGE_LEVEL = new Set(['TA1']);

/** transaction: ST..SE; interchange: ISA..IEA and GS..GE; file: outside any interchange. */
export type EnvelopeLevel = 'transaction' | 'interchange' | 'file';

export interface OpenInterchange {
  isa: Segment;
  delimiters: Delimiters | undefined;
  /** ISA13. */
  controlNumber: string;
  /** ISA12. */
  version: string;
}

export interface OpenGroup {
  gs: Segment;
  /** GS01. */
  functionalId: string;
  /** GS06. */
  controlNumber: string;
  /** GS08. */
  version: string;
}

export interface OpenTransaction {
  st: Segment;
  /** ST01. */
  type: string;
  /** ST02. */
  controlNumber: string;
  /** ST03, else GS08. */
  version: string;
  interchange: OpenInterchange;
  group: OpenGroup;
}

export interface EnvelopeListener {
  interchangeStart?(interchange: OpenInterchange): void;
  /** The interchange ended: by its IEA, or (iea undefined) by a later ISA or the end of the input. */
  interchangeEnd?(iea: Segment | undefined): void;
  groupStart?(group: OpenGroup): void;
  /** The group ended: by its GE, or (ge undefined) by a later envelope segment or the end of the input. */
  groupEnd?(ge: Segment | undefined): void;
  transactionStart(tx: OpenTransaction): void;
  /** A segment between ST and SE. */
  transactionSegment(seg: Segment): void;
  /** The transaction set ended: by its SE, or (se undefined) by a later envelope segment or the end of the input. */
  transactionEnd(se: Segment | undefined): void;
  warning(warning: X12Warning, level: EnvelopeLevel): void;
}

export class EnvelopeTracker {
  private interchange: OpenInterchange | undefined;
  private group: (OpenGroup & { transactions: number }) | undefined;
  private transaction: (OpenTransaction & { segments: number }) | undefined;
  private groups = 0;
  private stray: { segment: Segment; count: number } | undefined;

  constructor(private readonly listener: EnvelopeListener) {}

  /** `delimiters`: those of the interchange the segment belongs to (used when it is an ISA). */
  accept(segment: Segment, delimiters: Delimiters | undefined): void {
    switch (segment.id) {
      case 'ISA':
        return this.openInterchange(segment, delimiters);
      case 'IEA':
        return this.closeInterchange(segment);
      case 'GS':
        return this.openGroup(segment);
      case 'GE':
        return this.closeGroup(segment);
      case 'ST':
        return this.openTransaction(segment);
      case 'SE':
        return this.closeTransaction(segment);
      default:
        return this.body(segment);
    }
  }

  /** The end of the input: closes whatever is open, reporting missing trailers. */
  finish(): void {
    this.flushStray();
    this.endInterchange();
  }

  private openInterchange(isa: Segment, delimiters: Delimiters | undefined): void {
    this.flushStray();
    this.endInterchange();
    this.interchange = { isa, delimiters, controlNumber: value(isa, 13), version: value(isa, 12) };
    this.groups = 0;
    this.listener.interchangeStart?.(this.interchange);
  }

  private closeInterchange(iea: Segment): void {
    if (!this.interchange) return this.strayed(iea);
    this.flushStray();
    this.endGroup();
    this.listener.interchangeEnd?.(iea);
    this.compareCount(iea, X12_WARNING.IEA_COUNT, this.groups, 'IEA01', 'functional groups', 'interchange');
    this.compareControl(iea, value(iea, 2), this.interchange.controlNumber, 'IEA02', 'ISA13', 'interchange');
    this.interchange = undefined;
  }

  private openGroup(gs: Segment): void {
    if (!this.interchange) return this.strayed(gs);
    this.flushStray();
    this.endGroup();
    this.group = { gs, functionalId: value(gs, 1), controlNumber: value(gs, 6), version: value(gs, 8), transactions: 0 };
    this.groups++;
    const { transactions: _count, ...groupInfo } = this.group;
    this.listener.groupStart?.(groupInfo);
  }

  private closeGroup(ge: Segment): void {
    const group = this.group;
    if (!group) return this.strayed(ge);
    this.flushStray();
    this.endTransaction();
    this.listener.groupEnd?.(ge);
    this.compareCount(ge, X12_WARNING.GE_COUNT, group.transactions, 'GE01', 'transaction sets', 'interchange');
    this.compareControl(ge, value(ge, 2), group.controlNumber, 'GE02', 'GS06', 'interchange');
    this.group = undefined;
  }

  private openTransaction(st: Segment): void {
    const group = this.group;
    const interchange = this.interchange;
    if (!group || !interchange) return this.strayed(st);
    this.flushStray();
    this.endTransaction();
    group.transactions++;
    const { transactions: _count, ...groupInfo } = group;
    this.transaction = {
      st,
      type: value(st, 1),
      controlNumber: value(st, 2),
      version: value(st, 3) || group.version,
      interchange,
      group: groupInfo,
      segments: 0,
    };
    this.listener.transactionStart(this.transaction);
  }

  private closeTransaction(se: Segment): void {
    const transaction = this.transaction;
    if (!transaction) return this.strayed(se);
    this.flushStray();
    this.transaction = undefined;
    // The transaction is handed over before its trailer is judged: a count that is off does not unmake what was read.
    this.listener.transactionEnd(se);
    this.compareCount(se, X12_WARNING.SE_COUNT, transaction.segments + 2, 'SE01', 'segments from ST to SE', 'transaction');
    this.compareControl(se, value(se, 2), transaction.controlNumber, 'SE02', 'ST02', 'transaction');
  }

  private body(segment: Segment): void {
    if (this.transaction) {
      this.transaction.segments++;
      this.listener.transactionSegment(segment);
      return;
    }
    if (this.interchange && !this.group && INTERCHANGE_LEVEL.has(segment.id)) {
      this.flushStray();
      this.warn(X12_WARNING.INTERCHANGE_SEGMENT_IGNORED, `${segment.id} is an interchange-level segment this reader does not keep`, segment, 'interchange');
      return;
    }
    this.strayed(segment);
  }

  private endTransaction(): void {
    const transaction = this.transaction;
    if (!transaction) return;
    this.transaction = undefined;
    this.listener.transactionEnd(undefined);
    this.warn(X12_WARNING.MISSING_TRAILER, 'transaction set has no SE trailer', transaction.st, 'transaction', 'SE');
  }

  private endGroup(): void {
    this.endTransaction();
    if (!this.group) return;
    this.listener.groupEnd?.(undefined);
    this.warn(X12_WARNING.MISSING_TRAILER, 'functional group has no GE trailer', this.group.gs, 'interchange', 'GE');
    this.group = undefined;
  }

  private endInterchange(): void {
    this.endGroup();
    if (!this.interchange) return;
    this.listener.interchangeEnd?.(undefined);
    this.warn(X12_WARNING.MISSING_TRAILER, 'interchange has no IEA trailer', this.interchange.isa, 'interchange', 'IEA');
    this.interchange = undefined;
  }

  private strayed(segment: Segment): void {
    if (this.stray) this.stray.count++;
    else this.stray = { segment, count: 1 };
  }

  /** One warning per run of stray segments keeps a badly broken file from producing a warning per line. */
  private flushStray(): void {
    const stray = this.stray;
    if (!stray) return;
    this.stray = undefined;
    const level = this.transaction ? 'transaction set' : this.group ? 'functional group (outside ST/SE)' : this.interchange ? 'interchange (outside GS/GE)' : 'input (outside ISA/IEA)';
    const id = safeSegmentId(stray.segment.id) ?? 'malformed';
    const what = stray.count === 1 ? `${id} segment` : `${stray.count} segments starting with a ${id} segment`;
    const scope: EnvelopeLevel = this.interchange ? 'interchange' : 'file';
    this.warn(X12_WARNING.SEGMENT_OUTSIDE_ENVELOPE, `${what} found in the ${level}; not kept`, stray.segment, scope);
  }

  private compareCount(segment: Segment, code: string, counted: number, element: string, what: string, level: EnvelopeLevel): void {
    const declared = value(segment, 1);
    if (!/^\d+$/.test(declared)) {
      this.warn(code, `${element} is not a number (counted ${counted} ${what})`, segment, level);
    } else if (Number(declared) !== counted) {
      this.warn(code, `${element} is ${Number(declared)} but ${counted} ${what} were counted`, segment, level);
    }
  }

  private compareControl(segment: Segment, trailer: string, header: string, trailerElement: string, headerElement: string, level: EnvelopeLevel): void {
    if (trailer !== header) this.warn(X12_WARNING.CONTROL_MISMATCH, `${trailerElement} does not match ${headerElement}`, segment, level);
  }

  private warn(code: string, message: string, segment: Segment, level: EnvelopeLevel, segmentId: string | undefined = safeSegmentId(segment.id)): void {
    const warning: X12Warning = { code, message, position: segment.position };
    if (segmentId !== undefined) warning.segmentId = segmentId;
    this.listener.warning(warning, level);
  }
}

function value(segment: Segment, index: number): string {
  return (segment.elements[index] ?? '').trim();
}
