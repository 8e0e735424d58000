/**
 * Groups tokenised segments into interchanges, functional groups and
 * transaction sets. Nothing here is fatal: broken envelopes become warnings
 * with stable codes and the position of the segment concerned, and whatever
 * can be kept is kept. The envelope rules themselves live in
 * stream/envelope-tracker.ts (shared with the streaming 835 reader); this
 * module only builds the tree from what the tracker reports.
 */
import { EnvelopeTracker, type EnvelopeListener, type OpenGroup, type OpenInterchange, type OpenTransaction } from './stream/envelope-tracker.js';
import type { Tokens } from './tokenise.js';
import type { FunctionalGroup, Interchange, ParsedX12, Segment, TransactionSet, X12Warning } from './types.js';

export function buildEnvelopes(tokens: Tokens): ParsedX12 {
  const builder = new EnvelopeBuilder(tokens.warnings);
  const tracker = new EnvelopeTracker(builder);
  for (const segment of tokens.segments) tracker.accept(segment, tokens.interchangeDelimiters.get(segment.position));
  tracker.finish();
  return { interchanges: builder.interchanges, warnings: builder.warnings };
}

class EnvelopeBuilder implements EnvelopeListener {
  readonly interchanges: Interchange[] = [];
  private interchange: Interchange | undefined;
  private group: FunctionalGroup | undefined;
  private transaction: TransactionSet | undefined;

  constructor(readonly warnings: X12Warning[]) {}

  interchangeStart(open: OpenInterchange): void {
    this.interchange = {
      // The tokeniser records delimiters for every ISA it reads.
      delimiters: open.delimiters ?? { element: '*', component: ':', segment: '~' },
      controlNumber: open.controlNumber,
      version: open.version,
      isa: open.isa,
      groups: [],
    };
    this.interchanges.push(this.interchange);
  }

  interchangeEnd(iea: Segment | undefined): void {
    if (this.interchange && iea) this.interchange.iea = iea;
    this.interchange = undefined;
  }

  groupStart(open: OpenGroup): void {
    this.group = { functionalId: open.functionalId, controlNumber: open.controlNumber, version: open.version, gs: open.gs, transactions: [] };
    this.interchange?.groups.push(this.group);
  }

  groupEnd(ge: Segment | undefined): void {
    if (this.group && ge) this.group.ge = ge;
    this.group = undefined;
  }

  transactionStart(open: OpenTransaction): void {
    this.transaction = { type: open.type, controlNumber: open.controlNumber, version: open.version, st: open.st, segments: [] };
    this.group?.transactions.push(this.transaction);
  }

  transactionSegment(segment: Segment): void {
    this.transaction?.segments.push(segment);
  }

  transactionEnd(se: Segment | undefined): void {
    if (this.transaction && se) this.transaction.se = se;
    this.transaction = undefined;
  }

  warning(warning: X12Warning): void {
    this.warnings.push(warning);
  }
}
