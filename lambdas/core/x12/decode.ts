/**
 * Turns reader input into text. Bytes are read as UTF-8 when they are valid
 * UTF-8 and as Latin-1 otherwise: real files carry accented names in either,
 * and a lossless single-byte fallback never fails.
 */
import { X12Error } from './errors.js';
import { X12_FATAL } from './reader-codes.js';
import type { Delimiters } from './types.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });
const latin1 = new TextDecoder('latin1');

/** A UTF-8 byte-order mark that was decoded as Latin-1 somewhere upstream. */
const MOJIBAKE_BOM = '\u00EF\u00BB\u00BF';

export function decodeInput(input: unknown): string {
  if (typeof input === 'string') return stripBom(input);
  if (input instanceof Uint8Array) {
    let text: string;
    try {
      text = utf8.decode(input);
    } catch {
      text = latin1.decode(input);
    }
    // TextDecoder drops a UTF-8 BOM itself, but not after a Latin-1 fallback.
    return stripBom(text);
  }
  throw new X12Error(X12_FATAL.INPUT, 'input must be a string or a Uint8Array');
}

function stripBom(text: string): string {
  if (text.charCodeAt(0) === 0xfeff) return text.slice(1);
  if (text.startsWith(MOJIBAKE_BOM)) return text.slice(MOJIBAKE_BOM.length);
  return text;
}

/** Whitespace that may pad segments: space, tab, CR, LF, VT, FF. */
export function isWhitespace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d);
}

/**
 * Whitespace that pads a segment: whitespace that is not one of the
 * interchange's own delimiters (a file may use a space or a tab as one).
 */
export function isPadding(code: number, delimiters: Delimiters | undefined): boolean {
  if (!isWhitespace(code)) return false;
  if (!delimiters) return true;
  const char = String.fromCharCode(code);
  return char !== delimiters.element && char !== delimiters.component && char !== delimiters.repetition;
}

/** Index of the first character at or after `from` that is not padding. */
export function skipPadding(text: string, from: number, delimiters: Delimiters | undefined): number {
  let index = from;
  while (index < text.length && isPadding(text.charCodeAt(index), delimiters)) index++;
  return index;
}

/** `end` moved back over trailing padding, not before `start`. */
export function trimEnd(text: string, start: number, end: number, delimiters: Delimiters): number {
  let index = end;
  while (index > start && isPadding(text.charCodeAt(index - 1), delimiters)) index--;
  return index;
}

export function isAlphanumeric(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/** Index of the first character that is not whitespace, or text.length. */
export function skipWhitespace(text: string, from: number): number {
  let index = from;
  while (index < text.length && isWhitespace(text.charCodeAt(index))) index++;
  return index;
}

/**
 * True when the text at `from` looks like binary data rather than a text file
 * that merely lacks an ISA: NUL bytes, or many control characters.
 */
export function looksBinary(text: string, from: number): boolean {
  const end = Math.min(text.length, from + 512);
  let control = 0;
  for (let index = from; index < end; index++) {
    const code = text.charCodeAt(index);
    if (code === 0) return true;
    if ((code < 0x20 && !isWhitespace(code)) || code === 0x7f || code === 0xfffd) control++;
  }
  return control * 10 > end - from;
}
