/**
 * The streaming tokeniser against the in-memory one (decodeInput + tokenise,
 * as parseX12 runs them): the same segments, elements, positions, delimiters
 * per interchange, warnings and fatal errors, whatever the chunk boundaries.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeInput, skipWhitespace } from '../../../../lambdas/core/x12/decode.js';
import { X12Error } from '../../../../lambdas/core/x12/errors.js';
import { parseX12 } from '../../../../lambdas/core/x12/reader.js';
import { SegmentStream } from '../../../../lambdas/core/x12/stream/segment-stream.js';
import { tokenise } from '../../../../lambdas/core/x12/tokenise.js';
import type { Delimiters, Segment, X12Warning } from '../../../../lambdas/core/x12/types.js';
import { chunked } from '../835/stream-helpers.js';

const SAMPLES = fileURLToPath(new URL('../../../../../shared/samples/x12/', import.meta.url));

interface Tokens {
  segments: Segment[];
  delimiters: Array<[number, Delimiters]>;
  warnings: X12Warning[];
  fatal?: { code: string; position?: number };
}

function inMemoryTokens(input: string | Uint8Array): Tokens {
  const parsed = parseX12(input);
  if (!parsed.ok) return { segments: [], delimiters: [], warnings: [], fatal: { code: parsed.error.code, position: parsed.error.position } };
  const text = decodeInput(input);
  const tokens = tokenise(text, skipWhitespace(text, 0));
  return { segments: tokens.segments, delimiters: [...tokens.interchangeDelimiters], warnings: tokens.warnings };
}

async function streamTokens(chunks: AsyncIterable<string | Uint8Array>): Promise<Tokens> {
  const out: Tokens = { segments: [], delimiters: [], warnings: [] };
  const stream = new SegmentStream(chunks, (warning) => out.warnings.push(warning));
  try {
    for await (const segment of stream) {
      out.segments.push(segment);
      if (segment.id === 'ISA') out.delimiters.push([segment.position, stream.delimiters!]);
    }
  } catch (error) {
    if (!(error instanceof X12Error)) throw error;
    return { segments: [], delimiters: [], warnings: [], fatal: { code: error.code, position: error.position } };
  }
  return out;
}

async function expectSame(input: string | Uint8Array, sizes: number[] = [1, 2, 3, 5, 7, 64, 106, 107, 65536]): Promise<Tokens> {
  const expected = inMemoryTokens(input);
  for (const size of sizes) {
    expect(await streamTokens(chunked(input, size)), `chunks of ${size}`).toEqual(expected);
  }
  return expected;
}

const ISA = (e = '*', c = ':', r = '^') =>
  ['ISA', '00', ' '.repeat(10), '00', ' '.repeat(10), 'ZZ', 'SENDER'.padEnd(15), 'ZZ', 'RECEIVER'.padEnd(15), '240101', '1200', r, '00501', '000000001', '0', 'T', c].join(e);

describe('SegmentStream matches the in-memory tokeniser', () => {
  it('splits the ISA at every offset: 106 characters, then a GS', async () => {
    const text = `${ISA()}~GS*HP*A*B*20240101*1200*1*X*005010X221A1~ST*835*0001~BPR*H*0*C*NON~SE*3*0001~GE*1*1~IEA*1*000000001~`;
    for (let cut = 1; cut < 120; cut++) {
      const chunks = (async function* () {
        yield text.slice(0, cut);
        yield text.slice(cut);
      })();
      expect(await streamTokens(chunks), `cut at ${cut}`).toEqual(inMemoryTokens(text));
    }
  });

  it('handles CR/LF after terminators, indentation and blank lines', async () => {
    const text = `  \r\n${ISA()}~\r\n  GS*HP*A*B*20240101*1200*1*X*005010X221A1~\r\n\r\n    ST*835*0001~\r\nSE*2*0001~\r\nGE*1*1~\r\nIEA*1*000000001~\r\n`;
    const tokens = await expectSame(text);
    expect(tokens.segments.map((s) => s.id)).toEqual(['ISA', 'GS', 'ST', 'SE', 'GE', 'IEA']);
  });

  it('reads several interchanges, each with its own delimiters', async () => {
    const first = `${ISA()}~GS*HP*A*B*20240101*1200*1*X*005010X221A1~GE*0*1~IEA*1*000000001~`;
    const second = `${ISA('|', '>', '!')}'\nGS|HP|A|B|20240101|1200|2|X|005010X221A1'\nGE|0|2'\nIEA|1|000000001'\n`;
    const tokens = await expectSame(first + second);
    expect(tokens.delimiters.map(([position, d]) => [position, d.element, d.component, d.segment])).toEqual([
      [1, '*', ':', '~'],
      [5, '|', '>', "'"],
    ]);
  });

  it('reads newline-terminated files and the terminator at the start of the next line', async () => {
    await expectSame(`${ISA()}\nGS*HP*A*B*20240101*1200*1*X*005010X221A1\r\nGE*0*1\nIEA*1*000000001\n`);
    await expectSame(`${ISA('|', '^', 'U')}\n~GS|HP|A|B|20240101|1200|1|X|004010X091A1\n~GE|0|1\n~IEA|1|000000001`);
  });

  it('reports wrapped lines and malformed segment ids as the file reader does', async () => {
    const text = `${ISA()}~GS*HP*A*B*2024\n0101*1200*1*X*005010X221A1~bad*1~GE*0*1~IEA*1*000000001`;
    const tokens = await expectSame(text);
    expect(tokens.warnings.map((w) => [w.code, w.position])).toEqual([
      ['X12-LINE-BREAK-IN-SEGMENT', 2],
      ['X12-BAD-SEGMENT-ID', 3],
    ]);
  });

  it('decodes bytes: a BOM split over chunks, a UTF-8 character split over chunks, Latin-1 input', async () => {
    const body = `${ISA()}~GS*HP*A*B*20240101*1200*1*X*005010X221A1~N1*PR*CAFÉ ÆRØ~GE*0*1~IEA*1*000000001~`;
    const utf8 = new TextEncoder().encode(`\uFEFF${body}`);
    const tokens = await expectSame(utf8);
    expect(tokens.segments[2]!.elements[2]).toBe('CAFÉ ÆRØ');
    // Latin-1 bytes: not UTF-8 anywhere, so both readers take the whole input as Latin-1.
    const latin1 = Uint8Array.from([...body].map((c) => c.charCodeAt(0)));
    expect((await expectSame(latin1)).segments[2]!.elements[2]).toBe('CAFÉ ÆRØ');
  });

  it('gives the same fatal errors: empty, not starting with an ISA, binary, short ISA, unusable delimiters', async () => {
    const cases: Array<[string | Uint8Array, string]> = [
      ['', 'X12-EMPTY'],
      [' \r\n\t ', 'X12-EMPTY'],
      ['\uFEFF', 'X12-EMPTY'],
      ['GS*HP*A*B~', 'X12-NO-ISA'],
      [new Uint8Array(600).fill(1), 'X12-BINARY'],
      ['ISA*00*', 'X12-ISA-SHORT'],
      [`${ISA().slice(0, -1)}`, 'X12-ISA-SHORT'],
      [`${ISA('*', 'A')}~GS`, 'X12-DELIMITERS'],
      [`${ISA()}~GS*HP~ISA*00*`, 'X12-ISA-SHORT'],
    ];
    for (const [input, code] of cases) {
      const tokens = await expectSame(input, [1, 4, 512, 65536]);
      expect(tokens.fatal?.code, String(input).slice(0, 20)).toBe(code);
      expect(tokens.fatal?.position).toBeGreaterThan(0);
    }
  });

  it('ends a file without a final terminator, and with trailing padding', async () => {
    await expectSame(`${ISA()}~GS*HP*A*B*20240101*1200*1*X*005010X221A1~GE*0*1~IEA*1*000000001`);
    await expectSame(`${ISA()}~GS*HP*A*B*20240101*1200*1*X*005010X221A1~~~GE*0*1~IEA*1*000000001~   \n\n`);
  });
});

describe.skipIf(!existsSync(SAMPLES))('SegmentStream on every X12 sample (needs ../shared/samples/x12)', () => {
  const files = existsSync(SAMPLES)
    ? readdirSync(SAMPLES)
        .filter((dir) => statSync(join(SAMPLES, dir)).isDirectory())
        .flatMap((dir) => readdirSync(join(SAMPLES, dir)).map((file) => join(dir, file)))
    : [];

  it.each(files)('%s', async (file) => {
    const bytes = readFileSync(join(SAMPLES, file));
    await expectSame(bytes, bytes.length > 100_000 ? [4096, 65536] : [1, 7, 64, 65536]);
  });
});
