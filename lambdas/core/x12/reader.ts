/**
 * The X12 reader: text or bytes in, interchanges/groups/transaction sets out.
 *
 * It is tolerant by design (BOM, CR/LF, indentation, newline terminators, any
 * delimiter set, several interchanges, missing trailers): structural defects
 * become warnings. Only input that cannot be read as X12 at all is fatal, and
 * then parseX12 returns an X12Error; it never throws.
 */
import { X12Error } from './errors.js';
import { decodeInput, looksBinary, skipWhitespace } from './decode.js';
import { startsIsa } from './delimiters.js';
import { buildEnvelopes } from './envelope-reader.js';
import { X12_FATAL } from './reader-codes.js';
import { tokenise } from './tokenise.js';
import type { ParsedX12 } from './types.js';

export type ParseX12Result = { ok: true; value: ParsedX12 } | { ok: false; error: X12Error };

export function parseX12(input: string | Uint8Array): ParseX12Result {
  try {
    return { ok: true, value: read(input) };
  } catch (error) {
    if (error instanceof X12Error) return { ok: false, error };
    // Only the kind of failure is reported: a message could quote file content.
    const kind = error instanceof Error ? error.name : typeof error;
    return { ok: false, error: new X12Error(X12_FATAL.INTERNAL, `the reader failed unexpectedly (${kind})`) };
  }
}

/** Like parseX12, but throws the X12Error. */
export function readX12(input: string | Uint8Array): ParsedX12 {
  const result = parseX12(input);
  if (!result.ok) throw result.error;
  return result.value;
}

function read(input: string | Uint8Array): ParsedX12 {
  const text = decodeInput(input);
  const start = skipWhitespace(text, 0);
  if (start >= text.length) throw new X12Error(X12_FATAL.EMPTY, 'the input is empty', 1);
  if (!startsIsa(text, start)) {
    const code = looksBinary(text, start) ? X12_FATAL.BINARY : X12_FATAL.NO_ISA;
    const message = code === X12_FATAL.BINARY ? 'the input is binary data, not X12 text' : 'the input does not start with an ISA segment';
    throw new X12Error(code, message, 1);
  }
  const parsed = buildEnvelopes(tokenise(text, start));
  // Array.prototype.sort is stable: warnings at one position keep their order.
  parsed.warnings.sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
  return parsed;
}
