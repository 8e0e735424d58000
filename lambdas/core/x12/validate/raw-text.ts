/**
 * Checks that need the raw text, which the tolerant reader normalises away:
 * segments indented with spaces or tabs. Line breaks after a terminator are
 * common and accepted; spaces before a segment id are padding inside the
 * data stream and not conformant.
 *
 * Positions are counted like the tokeniser counts them (blank chunks are not
 * segments; with a line-break terminator every non-blank line is one).
 */
import { decodeInput, skipWhitespace } from '../decode.js';
import type { Delimiters } from '../types.js';

/** At most this many positions are reported: a fully indented file needs one finding per segment at worst, but not more. */
const LIMIT = 1000;

export function leadingSpacePositions(input: string | Uint8Array, delimiters: Delimiters): number[] {
  const terminator = delimiters.segment;
  if (terminator === ' ' || terminator === '\t') return [];
  let text: string;
  try {
    text = decodeInput(input);
  } catch {
    return [];
  }
  if (terminator === '\n' || terminator === '\r') return indentedLines(text);
  const positions: number[] = [];
  let position = 0;
  let index = skipWhitespace(text, 0);
  while (index < text.length && positions.length < LIMIT) {
    let end = text.indexOf(terminator, index);
    if (end === -1) end = text.length;
    let start = index;
    while (start < end && (text[start] === '\r' || text[start] === '\n')) start++;
    if (text.slice(start, end).trim() !== '') {
      position++;
      const first = text[start];
      if (first === ' ' || first === '\t') positions.push(position);
    }
    index = end + 1;
  }
  return positions;
}

function indentedLines(text: string): number[] {
  const positions: number[] = [];
  let position = 0;
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (line.trim() === '') continue;
    position++;
    if ((line[0] === ' ' || line[0] === '\t') && positions.length < LIMIT) positions.push(position);
  }
  return positions;
}
