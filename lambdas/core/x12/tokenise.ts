/**
 * Splits decoded text into segments in one linear pass. Each ISA (there may be
 * several, each with its own delimiters) re-reads the delimiters from its own
 * header. Whitespace around segments (CR/LF after terminators, indentation,
 * blank lines) is padding, unless it is itself a delimiter.
 */
import { X12Error } from './errors.js';
import { looksBinary, skipPadding, trimEnd } from './decode.js';
import { isNewlineTerminator, readIsaHeader, startsIsa } from './delimiters.js';
import { X12_FATAL, X12_WARNING } from './reader-codes.js';
import { isSegmentId } from './segment.js';
import type { Delimiters, Segment, X12Warning } from './types.js';

export interface Tokens {
  segments: Segment[];
  /** Delimiters of each interchange, keyed by the position of its ISA. */
  interchangeDelimiters: Map<number, Delimiters>;
  warnings: X12Warning[];
}

const LINE_BREAKS = /[\r\n]/g;

export function tokenise(text: string, start: number): Tokens {
  const segments: Segment[] = [];
  const interchangeDelimiters = new Map<number, Delimiters>();
  const warnings: X12Warning[] = [];
  const length = text.length;

  let delimiters: Delimiters | undefined;
  let newlineMode = false;
  let reportedLineBreak = false;
  let index = start;

  while (index < length) {
    index = skipPadding(text, index, delimiters);
    if (index >= length) break;
    const position = segments.length + 1;

    if (startsIsa(text, index)) {
      const header = readIsaHeader(text, index, position);
      delimiters = header.delimiters;
      newlineMode = isNewlineTerminator(delimiters);
      segments.push({ id: 'ISA', elements: header.elements, position });
      interchangeDelimiters.set(position, delimiters);
      index = header.end;
      continue;
    }
    if (!delimiters) {
      // Only reachable for the very first segment: the caller positions us on the ISA.
      const code = looksBinary(text, index) ? X12_FATAL.BINARY : X12_FATAL.NO_ISA;
      throw new X12Error(code, 'the input does not start with an ISA segment', position);
    }

    const end = newlineMode ? nextNewline(text, index) : indexOrEnd(text, delimiters.segment, index);
    const rawEnd = trimEnd(text, index, end, delimiters);
    const next = end + 1;
    if (rawEnd === index) {
      index = next;
      continue;
    }
    let raw = text.slice(index, rawEnd);
    // Some senders wrap files at a fixed width, breaking lines inside segments.
    // X12 data never holds CR/LF, so they are dropped (reported once per file).
    if (!newlineMode && (raw.includes('\n') || raw.includes('\r'))) {
      raw = raw.replace(LINE_BREAKS, '');
      if (!reportedLineBreak) {
        reportedLineBreak = true;
        warnings.push({ code: X12_WARNING.LINE_BREAK_IN_SEGMENT, message: 'line breaks inside segments were removed (wrapped file?)', position });
      }
    }
    const elements = raw.split(delimiters.element);
    const id = elements[0] ?? '';
    if (!isSegmentId(id)) {
      warnings.push({
        code: X12_WARNING.BAD_SEGMENT_ID,
        message: 'segment id is not 2-3 upper-case letters or digits starting with a letter',
        position,
      });
    }
    segments.push({ id, elements, position });
    index = next;
  }

  return { segments, interchangeDelimiters, warnings };
}

function indexOrEnd(text: string, terminator: string, from: number): number {
  const found = text.indexOf(terminator, from);
  return found === -1 ? text.length : found;
}

function nextNewline(text: string, from: number): number {
  let index = from;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (code === 0x0a || code === 0x0d) return index;
    index++;
  }
  return index;
}
