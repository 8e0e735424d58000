/**
 * Streaming 835 reading: chunks of a file in, events out, so a large file is
 * never held whole. Per transaction set it holds the header, the claim being
 * read and running sums; everything else is handed out as soon as it is read.
 *
 * Events, in file order, per ST..SE:
 *   remittance-start (at the first CLP, or at the end of a set without claims)
 *   claim × n        (each CLP loop with its line and claim balancing checks)
 *   remittance-end   (PLB items, the payment check, claim count, warnings)
 * and `error` events:
 *   - severity 'error': something was not read. Scope 'transaction': the set
 *     is abandoned from the named segment to its SE (no remittance-end comes
 *     for it; reading goes on with the next ST). Scope 'file': the input
 *     cannot be read on (the stream ends).
 *   - severity 'warning': an envelope defect the in-memory reader reports as a
 *     warning (SE/GE/IEA counts, control numbers, missing trailers, segments
 *     outside the envelope, malformed segment ids). Nothing was skipped; one
 *     about a transaction set comes right after its remittance-end.
 *
 * The loop logic is Remittance835Reader's, shared with read835: models,
 * warnings, errors and segment positions equal those of parseX12 + read835 on
 * the same input, and the payment check equals balancePayment.
 */
import { X12Error } from '../errors.js';
import { X12_FATAL } from '../reader-codes.js';
import { EnvelopeTracker, type EnvelopeLevel, type OpenTransaction } from '../stream/envelope-tracker.js';
import { SegmentStream, type ChunkSource } from '../stream/segment-stream.js';
import type { Segment, X12Warning } from '../types.js';
import { claimChecks, type BalanceResult } from './balance.js';
import type { ClaimPaymentInfo, HeaderNumber, ProviderAdjustment, RemittanceHeader } from './model.js';
import { Remittance835Reader } from './remittance-reader.js';

export type { RemittanceHeader } from './model.js';

/** Where the transaction set sits: ISA, GS and ST identification. */
export interface Stream835Envelope {
  /** ISA13. */
  interchangeControlNumber: string;
  /** ISA05/ISA06. */
  sender: { qualifier: string; id: string };
  /** ISA07/ISA08. */
  receiver: { qualifier: string; id: string };
  /** GS06. */
  groupControlNumber: string;
  /** ST02. */
  transactionControlNumber: string;
  /** ST03, else GS08. */
  version: string;
}

export interface RemittanceStartEvent {
  type: 'remittance-start';
  envelope: Stream835Envelope;
  header: RemittanceHeader;
}

export interface ClaimEvent {
  type: 'claim';
  claim: ClaimPaymentInfo;
  /** 1-based index of the CLP within its transaction set. */
  ordinal: number;
  /** The claim's line checks, then its claim check (as balance() orders them). */
  checks: BalanceResult[];
}

export interface RemittanceEndEvent {
  type: 'remittance-end';
  providerAdjustments: ProviderAdjustment[];
  /** BPR02 against ΣCLP04 − ΣPLB, from running sums (equals balancePayment of the whole remittance). */
  payment: BalanceResult;
  claimCount: number;
  /** Loop 2000 LX/TS3/TS2 of the set (known only once the set is read). */
  headerNumbers: HeaderNumber[];
  /** The 835 reader's warnings for the set (as read835 returns them). */
  warnings: X12Warning[];
}

export type Stream835Scope = EnvelopeLevel;

export interface Stream835ErrorEvent {
  type: 'error';
  /** Code, message (never data values), segment position and, where one is to blame, the element. */
  error: X12Error;
  scope: Stream835Scope;
  severity: 'error' | 'warning';
}

export type Stream835Event = RemittanceStartEvent | ClaimEvent | RemittanceEndEvent | Stream835ErrorEvent;

/** Reads 835 transaction sets from chunks of text or bytes (any size). Never throws for its input; rethrows a failure of `chunks` itself. */
export async function* stream835(chunks: ChunkSource): AsyncGenerator<Stream835Event, void, undefined> {
  const source = new WatchedSource(chunks);
  const queue: Stream835Event[] = [];
  const tokens = new SegmentStream(source, (warning) => queue.push(warningEvent(warning, 'file')));
  const tracker = new EnvelopeTracker(new TransactionDriver(queue));
  try {
    // Batches spare an await per segment; events still go out as soon as a segment completes them.
    for await (const batch of tokens.batches()) {
      for (const segment of batch.segments) {
        tracker.accept(segment, batch.delimiters);
        if (queue.length > 0) yield* drain(queue);
      }
    }
    tracker.finish();
    yield* drain(queue);
  } catch (error) {
    if (source.failed) throw error;
    yield* drain(queue);
    yield { type: 'error', error: asX12Error(error), scope: 'file', severity: 'error' };
  }
}

/** Runs one Remittance835Reader per ST and turns its output into events. */
class TransactionDriver {
  private reader: Remittance835Reader | undefined;
  private envelope: Stream835Envelope | undefined;

  constructor(private readonly queue: Stream835Event[]) {}

  transactionStart(tx: OpenTransaction): void {
    this.reader = undefined;
    const envelope = envelopeOf(tx);
    this.envelope = envelope;
    const delimiters = tx.interchange.delimiters;
    this.guard(() => {
      // The tokeniser records delimiters for every ISA; a transaction set always sits in an interchange.
      if (!delimiters) throw new X12Error(X12_FATAL.INTERNAL, 'no delimiters for the transaction set', tx.st.position, 'ST');
      this.reader = new Remittance835Reader(tx, delimiters, {
        header: (header) => this.queue.push({ type: 'remittance-start', envelope, header }),
        claim: (claim, ordinal) => this.queue.push({ type: 'claim', claim, ordinal, checks: claimChecks(claim) }),
      });
    });
  }

  transactionSegment(seg: Segment): void {
    const reader = this.reader;
    if (reader) this.guard(() => reader.accept(seg));
  }

  transactionEnd(): void {
    const reader = this.reader;
    this.reader = undefined;
    if (!reader) return;
    this.guard(() => {
      const summary = reader.finish();
      this.queue.push({
        type: 'remittance-end',
        providerAdjustments: summary.providerAdjustments,
        payment: summary.payment,
        claimCount: summary.claimCount,
        headerNumbers: summary.headerNumbers,
        warnings: summary.warnings,
      });
    });
  }

  warning(warning: X12Warning, level: EnvelopeLevel): void {
    this.queue.push(warningEvent(warning, level));
  }

  /** An X12Error of the set abandons it: its remaining segments are skipped up to its SE. */
  private guard(step: () => void): void {
    try {
      step();
    } catch (error) {
      this.reader = undefined;
      this.queue.push({ type: 'error', error: asX12Error(error), scope: 'transaction', severity: 'error' });
    }
  }
}

function envelopeOf(tx: OpenTransaction): Stream835Envelope {
  const isa = tx.interchange.isa;
  const text = (index: number) => (isa.elements[index] ?? '').trim();
  return {
    interchangeControlNumber: tx.interchange.controlNumber,
    sender: { qualifier: text(5), id: text(6) },
    receiver: { qualifier: text(7), id: text(8) },
    groupControlNumber: tx.group.controlNumber,
    transactionControlNumber: tx.controlNumber,
    version: tx.version,
  };
}

function warningEvent(warning: X12Warning, scope: EnvelopeLevel): Stream835ErrorEvent {
  return { type: 'error', error: new X12Error(warning.code, warning.message, warning.position, warning.segmentId), scope, severity: 'warning' };
}

function* drain(queue: Stream835Event[]): Generator<Stream835Event, void, undefined> {
  while (queue.length > 0) yield queue.shift()!;
}

/** A defect of the reader is reported, not thrown; only its kind is named, as a message could quote file content. */
function asX12Error(error: unknown): X12Error {
  if (error instanceof X12Error) return error;
  const kind = error instanceof Error ? error.name : typeof error;
  return new X12Error(X12_FATAL.INTERNAL, `the 835 reader failed unexpectedly (${kind})`);
}

/** Passes the caller's chunks through and remembers whether the caller's iterable itself failed. */
class WatchedSource implements AsyncIterable<string | Uint8Array> {
  failed = false;

  constructor(private readonly chunks: ChunkSource) {}

  async *[Symbol.asyncIterator](): AsyncGenerator<string | Uint8Array, void, undefined> {
    const iterator = this.chunks[Symbol.asyncIterator]();
    let done = false;
    try {
      for (;;) {
        let next: IteratorResult<string | Uint8Array>;
        try {
          next = await iterator.next();
        } catch (error) {
          this.failed = true;
          done = true;
          throw error;
        }
        if (next.done) {
          done = true;
          return;
        }
        yield next.value;
      }
    } finally {
      // A consumer that stops early (break) closes the caller's stream too.
      if (!done) await iterator.return?.();
    }
  }
}
