/**
 * Chunks of input (bytes or text, any size) to text, for the streaming
 * tokeniser. It follows decodeInput (../decode.ts) chunk by chunk: bytes are
 * UTF-8 while they are valid UTF-8 and Latin-1 (windows-1252, as TextDecoder
 * names it) from the first chunk that is not; a byte-order mark at the start
 * is dropped. A multi-byte character split across chunks is held back until
 * it is complete.
 *
 * One documented difference: decodeInput reads a whole file as Latin-1 when
 * any byte of it is not UTF-8, while a stream cannot go back, so text before
 * the first invalid chunk stays UTF-8. Only the characters of data values
 * differ (never delimiters, which are ASCII), so segments and positions do not.
 */
import { X12Error } from '../errors.js';
import { X12_FATAL } from '../reader-codes.js';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const latin1 = new TextDecoder('latin1');
const EMPTY = new Uint8Array(0);

/** Enough characters to see two byte-order marks or a Latin-1-decoded one ("ï»¿"). */
const HEAD = 4;
const BOM = 0xfeff;
const MOJIBAKE_BOM = '\u00EF\u00BB\u00BF';

export async function* decodeChunks(chunks: AsyncIterable<unknown>): AsyncGenerator<string, void, undefined> {
  const decoder = new ChunkDecoder();
  let head: string | undefined = '';
  let bytesFirst: boolean | undefined;
  for await (const chunk of chunks) {
    let text: string;
    if (typeof chunk === 'string') text = decoder.flush() + chunk;
    else if (chunk instanceof Uint8Array) text = decoder.push(chunk);
    else throw new X12Error(X12_FATAL.INPUT, 'input chunks must be strings or Uint8Arrays');
    bytesFirst ??= typeof chunk !== 'string';
    if (head !== undefined) {
      head += text;
      if (head.length < HEAD) continue;
      text = stripHead(head, bytesFirst && decoder.isUtf8);
      head = undefined;
    }
    if (text !== '') yield text;
  }
  let rest = decoder.flush();
  if (head !== undefined) rest = stripHead(head + rest, bytesFirst === true && decoder.isUtf8);
  if (rest !== '') yield rest;
}

/**
 * decodeInput's byte-order mark handling: TextDecoder drops one UTF-8 BOM from
 * bytes, then one U+FEFF or one BOM decoded as Latin-1 is removed.
 */
function stripHead(text: string, decodedAsUtf8: boolean): string {
  let out = decodedAsUtf8 && text.charCodeAt(0) === BOM ? text.slice(1) : text;
  if (out.charCodeAt(0) === BOM) out = out.slice(1);
  else if (out.startsWith(MOJIBAKE_BOM)) out = out.slice(MOJIBAKE_BOM.length);
  return out;
}

class ChunkDecoder {
  private pending: Uint8Array = EMPTY;
  private utf8Mode = true;

  get isUtf8(): boolean {
    return this.utf8Mode;
  }

  push(bytes: Uint8Array): string {
    const all = concat(this.pending, bytes);
    this.pending = EMPTY;
    if (!this.utf8Mode) return latin1.decode(all);
    const cut = completeLength(all);
    try {
      const text = utf8.decode(all.subarray(0, cut));
      this.pending = all.slice(cut);
      return text;
    } catch {
      this.utf8Mode = false;
      return latin1.decode(all);
    }
  }

  flush(): string {
    const rest = this.pending;
    this.pending = EMPTY;
    if (rest.length === 0) return '';
    if (this.utf8Mode) {
      try {
        return utf8.decode(rest);
      } catch {
        this.utf8Mode = false;
      }
    }
    return latin1.decode(rest);
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/** Length of `bytes` without a trailing incomplete UTF-8 sequence (at most three bytes are held back). */
function completeLength(bytes: Uint8Array): number {
  let lead = bytes.length - 1;
  let continuation = 0;
  while (lead >= 0 && continuation < 3 && ((bytes[lead] ?? 0) & 0xc0) === 0x80) {
    lead--;
    continuation++;
  }
  if (lead < 0) return bytes.length;
  const first = bytes[lead] ?? 0;
  const needed = first >= 0xf0 ? 4 : first >= 0xe0 ? 3 : first >= 0xc0 ? 2 : 1;
  return bytes.length - lead < needed ? lead : bytes.length;
}
