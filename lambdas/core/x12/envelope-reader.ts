/**
 * Groups tokenised segments into interchanges, functional groups and
 * transaction sets. Nothing here is fatal: broken envelopes become warnings
 * with stable codes and the position of the segment concerned, and whatever
 * can be kept is kept.
 */
import { X12_WARNING } from './reader-codes.js';
import { safeSegmentId } from './segment.js';
import type { Tokens } from './tokenise.js';
import type { Delimiters, FunctionalGroup, Interchange, ParsedX12, Segment, TransactionSet, X12Warning } from './types.js';

/** Interchange-level segments that are legitimate between ISA and GS. */
const INTERCHANGE_LEVEL = new Set(['TA1']);

export function buildEnvelopes(tokens: Tokens): ParsedX12 {
  const builder = new EnvelopeBuilder(tokens.warnings);
  for (const segment of tokens.segments) {
    const delimiters = tokens.interchangeDelimiters.get(segment.position);
    builder.accept(segment, delimiters);
  }
  builder.finish();
  return { interchanges: builder.interchanges, warnings: builder.warnings };
}

class EnvelopeBuilder {
  readonly interchanges: Interchange[] = [];
  private interchange: Interchange | undefined;
  private group: FunctionalGroup | undefined;
  private transaction: TransactionSet | undefined;
  /** First segment of the current run of segments outside the envelope, and the run length. */
  private stray: { segment: Segment; count: number } | undefined;

  constructor(readonly warnings: X12Warning[]) {}

  accept(segment: Segment, delimiters: Delimiters | undefined): void {
    switch (segment.id) {
      case 'ISA':
        this.openInterchange(segment, delimiters);
        return;
      case 'IEA':
        this.closeInterchange(segment);
        return;
      case 'GS':
        this.openGroup(segment);
        return;
      case 'GE':
        this.closeGroup(segment);
        return;
      case 'ST':
        this.openTransaction(segment);
        return;
      case 'SE':
        this.closeTransaction(segment);
        return;
      default:
        this.body(segment);
    }
  }

  finish(): void {
    this.flushStray();
    this.endInterchange();
  }

  private openInterchange(isa: Segment, delimiters: Delimiters | undefined): void {
    this.flushStray();
    this.endInterchange();
    this.interchange = {
      // The tokeniser records delimiters for every ISA it reads.
      delimiters: delimiters ?? { element: '*', component: ':', segment: '~' },
      controlNumber: value(isa, 13),
      version: value(isa, 12),
      isa,
      groups: [],
    };
    this.interchanges.push(this.interchange);
  }

  private closeInterchange(iea: Segment): void {
    const interchange = this.interchange;
    if (!interchange) {
      this.strayed(iea);
      return;
    }
    this.flushStray();
    this.endGroup();
    interchange.iea = iea;
    this.compareCount(iea, X12_WARNING.IEA_COUNT, interchange.groups.length, 'IEA01', 'functional groups');
    this.compareControl(iea, value(iea, 2), interchange.controlNumber, 'IEA02', 'ISA13');
    this.interchange = undefined;
  }

  private openGroup(gs: Segment): void {
    const interchange = this.interchange;
    if (!interchange) {
      this.strayed(gs);
      return;
    }
    this.flushStray();
    this.endGroup();
    this.group = {
      functionalId: value(gs, 1),
      controlNumber: value(gs, 6),
      version: value(gs, 8),
      gs,
      transactions: [],
    };
    interchange.groups.push(this.group);
  }

  private closeGroup(ge: Segment): void {
    const group = this.group;
    if (!group) {
      this.strayed(ge);
      return;
    }
    this.flushStray();
    this.endTransaction();
    group.ge = ge;
    this.compareCount(ge, X12_WARNING.GE_COUNT, group.transactions.length, 'GE01', 'transaction sets');
    this.compareControl(ge, value(ge, 2), group.controlNumber, 'GE02', 'GS06');
    this.group = undefined;
  }

  private openTransaction(st: Segment): void {
    const group = this.group;
    if (!group) {
      this.strayed(st);
      return;
    }
    this.flushStray();
    this.endTransaction();
    this.transaction = {
      type: value(st, 1),
      controlNumber: value(st, 2),
      version: value(st, 3) || group.version,
      st,
      segments: [],
    };
    group.transactions.push(this.transaction);
  }

  private closeTransaction(se: Segment): void {
    const transaction = this.transaction;
    if (!transaction) {
      this.strayed(se);
      return;
    }
    this.flushStray();
    transaction.se = se;
    this.compareCount(se, X12_WARNING.SE_COUNT, transaction.segments.length + 2, 'SE01', 'segments from ST to SE');
    this.compareControl(se, value(se, 2), transaction.controlNumber, 'SE02', 'ST02');
    this.transaction = undefined;
  }

  private body(segment: Segment): void {
    if (this.transaction) {
      this.transaction.segments.push(segment);
      return;
    }
    if (this.interchange && !this.group && INTERCHANGE_LEVEL.has(segment.id)) {
      this.flushStray();
      this.warn(X12_WARNING.INTERCHANGE_SEGMENT_IGNORED, `${segment.id} is an interchange-level segment this reader does not keep`, segment);
      return;
    }
    this.strayed(segment);
  }

  /** Ends whatever is open at the transaction level, reporting the missing SE. */
  private endTransaction(): void {
    if (!this.transaction) return;
    this.warn(X12_WARNING.MISSING_TRAILER, 'transaction set has no SE trailer', this.transaction.st, 'SE');
    this.transaction = undefined;
  }

  private endGroup(): void {
    this.endTransaction();
    if (!this.group) return;
    this.warn(X12_WARNING.MISSING_TRAILER, 'functional group has no GE trailer', this.group.gs, 'GE');
    this.group = undefined;
  }

  private endInterchange(): void {
    this.endGroup();
    if (!this.interchange) return;
    this.warn(X12_WARNING.MISSING_TRAILER, 'interchange has no IEA trailer', this.interchange.isa, 'IEA');
    this.interchange = undefined;
  }

  private strayed(segment: Segment): void {
    if (this.stray) this.stray.count++;
    else this.stray = { segment, count: 1 };
  }

  /** One warning per run of stray segments keeps a badly broken 50 MB file from producing a warning per line. */
  private flushStray(): void {
    const stray = this.stray;
    if (!stray) return;
    this.stray = undefined;
    const level = this.transaction ? 'transaction set' : this.group ? 'functional group (outside ST/SE)' : this.interchange ? 'interchange (outside GS/GE)' : 'input (outside ISA/IEA)';
    const id = safeSegmentId(stray.segment.id) ?? 'malformed';
    const what = stray.count === 1 ? `${id} segment` : `${stray.count} segments starting with a ${id} segment`;
    this.warn(X12_WARNING.SEGMENT_OUTSIDE_ENVELOPE, `${what} found in the ${level}; not kept`, stray.segment);
  }

  private compareCount(segment: Segment, code: string, counted: number, element: string, what: string): void {
    const declared = value(segment, 1);
    if (!/^\d+$/.test(declared)) {
      this.warn(code, `${element} is not a number (counted ${counted} ${what})`, segment);
    } else if (Number(declared) !== counted) {
      this.warn(code, `${element} is ${Number(declared)} but ${counted} ${what} were counted`, segment);
    }
  }

  private compareControl(segment: Segment, trailer: string, header: string, trailerElement: string, headerElement: string): void {
    if (trailer !== header) {
      this.warn(X12_WARNING.CONTROL_MISMATCH, `${trailerElement} does not match ${headerElement}`, segment);
    }
  }

  private warn(code: string, message: string, segment: Segment, segmentId: string | undefined = safeSegmentId(segment.id)): void {
    const warning: X12Warning = { code, message, position: segment.position };
    if (segmentId !== undefined) warning.segmentId = segmentId;
    this.warnings.push(warning);
  }
}

function value(segment: Segment, index: number): string {
  return (segment.elements[index] ?? '').trim();
}
