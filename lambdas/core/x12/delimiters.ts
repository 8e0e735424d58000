/**
 * Reads the delimiters of an interchange from its ISA header.
 *
 * ISA is meant to be fixed width (106 characters), but real files pad it
 * wrongly, so ISA16 is found by counting 16 element separators instead of by
 * offset. The segment terminator is the character after ISA16; when that is
 * whitespace we look past it, because some files put the terminator at the
 * start of the next line ("...*:\n~GS*...").
 */
import { X12Error } from './errors.js';
import { isAlphanumeric, isWhitespace } from './decode.js';
import { X12_FATAL } from './reader-codes.js';
import type { Delimiters } from './types.js';

/** A padded ISA is 106 characters; allow generous sloppiness but never scan the whole file. */
const MAX_ISA_LENGTH = 512;
const LINE_BREAKS = /[\r\n]/g;

export interface IsaHeader {
  delimiters: Delimiters;
  /** ISA00..ISA16 as raw text (ISA16 is the component separator). */
  elements: string[];
  /** Index just after the ISA's terminator (or after ISA16 for newline-terminated files). */
  end: number;
}

/** True when `text` holds "ISA" followed by a plausible element separator at `index`. */
export function startsIsa(text: string, index: number): boolean {
  if (text.charCodeAt(index) !== 0x49 || text.charCodeAt(index + 1) !== 0x53 || text.charCodeAt(index + 2) !== 0x41) {
    return false;
  }
  const separator = text.charCodeAt(index + 3);
  return !Number.isNaN(separator) && !isAlphanumeric(separator) && !isWhitespace(separator);
}

/** Newline as terminator: the reader then splits on any run of CR/LF. */
export function isNewlineTerminator(delimiters: Delimiters): boolean {
  return delimiters.segment === '\n' || delimiters.segment === '\r';
}

export function readIsaHeader(text: string, start: number, position: number): IsaHeader {
  const fail = (code: string, message: string): X12Error => new X12Error(code, message, position, 'ISA');

  if (!startsIsa(text, start)) {
    throw fail(X12_FATAL.DELIMITERS, 'the character after "ISA" is not a usable element separator');
  }
  const element = text.charAt(start + 3);

  const limit = Math.min(text.length, start + MAX_ISA_LENGTH);
  let found = 0;
  let index = start + 3;
  for (; index < limit; index++) {
    if (text.charAt(index) === element && ++found === 16) break;
  }
  if (found < 16) {
    throw fail(X12_FATAL.ISA_SHORT, `ISA has ${found} of its 16 element separators`);
  }

  const componentIndex = index + 1;
  if (componentIndex >= text.length) throw fail(X12_FATAL.ISA_SHORT, 'ISA16 (component separator) is missing');
  const component = text.charAt(componentIndex);
  const componentCode = component.charCodeAt(0);
  if (component === element || isAlphanumeric(componentCode) || isWhitespace(componentCode)) {
    throw fail(X12_FATAL.DELIMITERS, 'ISA16 is not a usable component separator');
  }

  const terminator = findTerminator(text, componentIndex + 1, element, component);
  if (!terminator) throw fail(X12_FATAL.DELIMITERS, 'no segment terminator follows ISA16');

  let isa = text.slice(start, componentIndex + 1);
  // A file wrapped at a fixed width may break the ISA itself; X12 data never holds CR/LF.
  if (terminator.segment !== '\n') isa = isa.replace(LINE_BREAKS, '');
  const elements = isa.split(element);
  const repetition = repetitionOf(elements[11], element, component, terminator.segment);
  const delimiters: Delimiters = { element, component, segment: terminator.segment };
  if (repetition !== undefined) delimiters.repetition = repetition;
  return { delimiters, elements, end: terminator.end };
}

function findTerminator(
  text: string,
  from: number,
  element: string,
  component: string,
): { segment: string; end: number } | undefined {
  if (from >= text.length) return undefined;
  const first = text.charAt(from);
  const firstCode = first.charCodeAt(0);
  if (!isWhitespace(firstCode)) {
    if (isAlphanumeric(firstCode) || first === element || first === component) return undefined;
    return { segment: first, end: from + 1 };
  }
  let index = from;
  let sawNewline = false;
  while (index < text.length && isWhitespace(text.charCodeAt(index))) {
    const code = text.charCodeAt(index);
    if (code === 0x0a || code === 0x0d) sawNewline = true;
    index++;
  }
  const next = text.charCodeAt(index);
  // "...*:\n~GS": the terminator leads the next line.
  if (!Number.isNaN(next) && !isAlphanumeric(next) && text.charAt(index) !== element && text.charAt(index) !== component) {
    return { segment: text.charAt(index), end: index + 1 };
  }
  if (sawNewline) return { segment: '\n', end: from };
  return undefined;
}

/** ISA11 is a repetition separator only in 00501-style headers; 00401 has the letter "U" there. */
function repetitionOf(isa11: string | undefined, element: string, component: string, segment: string): string | undefined {
  if (isa11 === undefined || isa11.length !== 1) return undefined;
  const code = isa11.charCodeAt(0);
  if (isAlphanumeric(code) || isWhitespace(code)) return undefined;
  if (isa11 === element || isa11 === component || isa11 === segment) return undefined;
  return isa11;
}
