/**
 * The streaming tokeniser: chunks of any size in (a segment, even the ISA,
 * may be split across chunks), segments out. It applies the rules of the
 * in-memory reader (reader.ts and tokenise.ts) and gives the same segments,
 * elements, 1-based positions, delimiters per interchange, warnings and fatal
 * errors, while holding only the segment being read plus one chunk.
 *
 * Pure: callers pass the chunks (a file stream, an S3 body, strings in tests).
 * Fatal errors (no ISA, binary input, an unreadable ISA header) are thrown as
 * X12Error from the iteration; warnings go to `onWarning`. Segments come one
 * at a time ([Symbol.asyncIterator]) or, cheaper, in batches (batches()): all
 * complete segments of a chunk at once, cut so that a batch never spans two
 * interchanges.
 */
import { X12Error } from '../errors.js';
import { isWhitespace, looksBinary, skipPadding, skipWhitespace, trimEnd } from '../decode.js';
import { isNewlineTerminator, readIsaHeader, startsIsa } from '../delimiters.js';
import { X12_FATAL, X12_WARNING } from '../reader-codes.js';
import { isSegmentId } from '../segment.js';
import type { Delimiters, Segment, X12Warning } from '../types.js';
import { decodeChunks } from './decode-chunks.js';

/** readIsaHeader looks at most this far for ISA16 (delimiters.ts). */
const MAX_ISA_LENGTH = 512;
/** startsIsa needs "ISA" and the element separator. */
const ISA_PREFIX = 4;
const LINE_BREAKS = /[\r\n]/g;
/** next() needs more text before it can say what comes next. */
const MORE = Symbol('more');
/** next() has read the whole input. */
const DONE = Symbol('done');
const EMPTY_SEGMENT = Symbol('empty segment');

export type ChunkSource = AsyncIterable<string | Uint8Array>;

/** Segments of one interchange, with its delimiters. */
export interface SegmentBatch {
  delimiters: Delimiters;
  segments: Segment[];
}

export class SegmentStream implements AsyncIterable<Segment> {
  private current: Delimiters | undefined;

  constructor(
    private readonly chunks: ChunkSource,
    private readonly onWarning: (warning: X12Warning) => void = () => {},
  ) {}

  /** Delimiters of the interchange of the segment last yielded by [Symbol.asyncIterator] (set by each ISA). */
  get delimiters(): Delimiters | undefined {
    return this.current;
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Segment, void, undefined> {
    for await (const batch of this.batches()) {
      this.current = batch.delimiters;
      yield* batch.segments;
    }
  }

  async *batches(): AsyncGenerator<SegmentBatch, void, undefined> {
    const texts = decodeChunks(this.chunks)[Symbol.asyncIterator]();
    const tokeniser = new Tokeniser(this.onWarning);
    try {
      for (;;) {
        const next = await texts.next();
        if (next.done) tokeniser.end();
        else tokeniser.push(next.value);
        yield* tokeniser.drain();
        if (next.done) return;
      }
    } finally {
      // A consumer that stops early closes the chunk source as well.
      await texts.return();
    }
  }
}

/** The tokenising state between chunks: the unread text and where the reading stands. */
class Tokeniser {
  private buf = '';
  private index = 0;
  private eof = false;
  private started = false;
  private delimiters: Delimiters | undefined;
  private newlineMode = false;
  private reportedLineBreak = false;
  private count = 0;
  /** How much of buf after the segment start was already searched for its terminator. */
  private searched = 0;

  constructor(private readonly onWarning: (warning: X12Warning) => void) {}

  push(text: string): void {
    this.buf = this.buf.slice(this.index) + text;
    this.index = 0;
  }

  end(): void {
    this.eof = true;
  }

  /**
   * Every segment the text read so far completes, in batches that do not span
   * interchanges. A fatal error comes after the segments read before it.
   */
  *drain(): Generator<SegmentBatch, void, undefined> {
    let batch: Segment[] = [];
    let batchDelimiters = this.delimiters;
    try {
      for (;;) {
        const next = this.next();
        if (next === MORE || next === DONE) break;
        // Each ISA brings its own delimiters object: what came before belongs to the previous interchange.
        if (this.delimiters !== batchDelimiters) {
          if (batch.length > 0 && batchDelimiters) yield { delimiters: batchDelimiters, segments: batch };
          batch = [];
          batchDelimiters = this.delimiters;
        }
        batch.push(next);
      }
    } catch (error) {
      if (batch.length > 0 && batchDelimiters) yield { delimiters: batchDelimiters, segments: batch };
      throw error;
    }
    if (batch.length > 0 && batchDelimiters) yield { delimiters: batchDelimiters, segments: batch };
  }

  private next(): Segment | typeof MORE | typeof DONE {
    if (!this.started && !this.prelude()) return MORE;
    for (;;) {
      const segment = this.segment();
      if (segment !== EMPTY_SEGMENT) return segment;
    }
  }

  /** The next segment, or EMPTY_SEGMENT for a terminator with nothing before it ("~~"), which is skipped. */
  private segment(): Segment | typeof MORE | typeof DONE | typeof EMPTY_SEGMENT {
    const buf = this.buf;
    const at = skipPadding(buf, this.index, this.delimiters);
    this.index = at;
    if (at >= buf.length) return this.eof ? DONE : MORE;
    if (buf.length - at < ISA_PREFIX && !this.eof) return MORE;
    const position = this.count + 1;

    if (startsIsa(buf, at)) {
      if (!isaHeaderComplete(buf, at, this.eof)) return MORE;
      const header = readIsaHeader(buf, at, position);
      this.delimiters = header.delimiters;
      this.newlineMode = isNewlineTerminator(header.delimiters);
      this.count++;
      this.index = header.end;
      this.searched = 0;
      return { id: 'ISA', elements: header.elements, position };
    }
    const delimiters = this.delimiters;
    if (!delimiters) {
      // Unreachable after the prelude, kept as in tokenise.ts.
      const code = looksBinary(buf, at) ? X12_FATAL.BINARY : X12_FATAL.NO_ISA;
      throw new X12Error(code, 'the input does not start with an ISA segment', position);
    }

    const from = at + this.searched;
    const found = this.newlineMode ? nextNewline(buf, from) : buf.indexOf(delimiters.segment, from);
    if (found === -1 && !this.eof) {
      this.searched = buf.length - at;
      return MORE;
    }
    this.searched = 0;
    const end = found === -1 ? buf.length : found;
    const rawEnd = trimEnd(buf, at, end, delimiters);
    this.index = end + 1;
    if (rawEnd === at) return EMPTY_SEGMENT;
    let raw = buf.slice(at, rawEnd);
    // Wrapped files break lines inside segments; X12 data never holds CR/LF (reported once per file).
    if (!this.newlineMode && (raw.includes('\n') || raw.includes('\r'))) {
      raw = raw.replace(LINE_BREAKS, '');
      if (!this.reportedLineBreak) {
        this.reportedLineBreak = true;
        this.onWarning({ code: X12_WARNING.LINE_BREAK_IN_SEGMENT, message: 'line breaks inside segments were removed (wrapped file?)', position });
      }
    }
    const elements = raw.split(delimiters.element);
    const id = elements[0] ?? '';
    if (!isSegmentId(id)) {
      this.onWarning({
        code: X12_WARNING.BAD_SEGMENT_ID,
        message: 'segment id is not 2-3 upper-case letters or digits starting with a letter',
        position,
      });
    }
    this.count++;
    return { id, elements, position };
  }

  /** The prelude of reader.ts: the input must start (after whitespace) with an ISA. False while more text is needed. */
  private prelude(): boolean {
    const buf = this.buf;
    const start = skipWhitespace(buf, this.index);
    this.index = start;
    if (start >= buf.length) {
      if (this.eof) throw new X12Error(X12_FATAL.EMPTY, 'the input is empty', 1);
      return false;
    }
    if (buf.length - start < ISA_PREFIX && !this.eof) return false;
    if (startsIsa(buf, start)) {
      this.started = true;
      return true;
    }
    if (buf.length - start < MAX_ISA_LENGTH && !this.eof) return false;
    const code = looksBinary(buf, start) ? X12_FATAL.BINARY : X12_FATAL.NO_ISA;
    const message = code === X12_FATAL.BINARY ? 'the input is binary data, not X12 text' : 'the input does not start with an ISA segment';
    throw new X12Error(code, message, 1);
  }
}

/**
 * True when `buf` holds everything readIsaHeader looks at for the ISA at
 * `start` (so it answers as it would on the whole text): 16 element
 * separators (or 512 characters), ISA16, and the first non-blank character
 * after it, which is or follows the segment terminator.
 */
function isaHeaderComplete(buf: string, start: number, eof: boolean): boolean {
  if (eof) return true;
  const element = buf.charAt(start + 3);
  const limit = Math.min(buf.length, start + MAX_ISA_LENGTH);
  let found = 0;
  let index = start + 3;
  for (; index < limit; index++) {
    if (buf.charAt(index) === element && ++found === 16) break;
  }
  if (found < 16) return buf.length >= start + MAX_ISA_LENGTH;
  const component = index + 1;
  if (component >= buf.length) return false;
  let next = component + 1;
  while (next < buf.length && isWhitespace(buf.charCodeAt(next))) next++;
  return next < buf.length;
}

/** Index of the next CR or LF, or -1. */
function nextNewline(text: string, from: number): number {
  for (let index = from; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x0a || code === 0x0d) return index;
  }
  return -1;
}
