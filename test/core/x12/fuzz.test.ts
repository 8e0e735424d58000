/**
 * The reader must never throw and never hang: every input gives either a
 * ParsedX12 or a coded X12Error (and never the X12-INTERNAL code, which means
 * a reader defect was caught). Inputs: random bytes, random text behind a real
 * ISA, and truncations and mutations of hand-written and sample interchanges.
 * Deterministic: set FUZZ_SEED to explore other inputs.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { read837 } from '../../../lambdas/core/x12/837/read-837p.js';
import { X12Error } from '../../../lambdas/core/x12/errors.js';
import { parseX12 } from '../../../lambdas/core/x12/reader.js';
import { group, interchange, isaSegment, STANDARD, type FixtureDelimiters } from './x12-fixtures.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20240115);
const SAMPLES = fileURLToPath(new URL('../../../../shared/samples/x12/', import.meta.url));

/** mulberry32: small, fast, deterministic. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const next = random(SEED);
const int = (max: number): number => Math.floor(next() * max);
const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;

const SPECIAL = ['*', ':', '^', '~', '|', '>', '_', '\n', '\r', '\r\n', ' ', '\t', '\u0000', '\uFEFF', 'ISA', 'IEA', 'SE', 'ST', 'HL', 'CLM', 'SV1', 'é'];

function check(input: string | Uint8Array, label: string): void {
  let result: ReturnType<typeof parseX12>;
  try {
    result = parseX12(input);
  } catch (error) {
    throw new Error(`parseX12 threw on ${label} (seed ${SEED}): ${String(error)}`);
  }
  if (result.ok) {
    expect(() => read837(result.value, 'fuzz-tenant'), `read837 on ${label} (seed ${SEED})`).not.toThrow();
  } else {
    expect(result.error, label).toBeInstanceOf(X12Error);
    expect(result.error.code, `${label} (seed ${SEED})`).toMatch(/^X12-[A-Z-]+$/);
    expect(result.error.code, `${label} (seed ${SEED})`).not.toBe('X12-INTERNAL');
  }
}

function randomBytes(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = int(256);
  return bytes;
}

function randomText(length: number): string {
  let out = '';
  while (out.length < length) out += next() < 0.3 ? pick(SPECIAL) : String.fromCharCode(32 + int(95));
  return out;
}

function mutate(text: string): string {
  const at = int(text.length + 1);
  switch (int(5)) {
    case 0: // replace one character
      return text.slice(0, at) + String.fromCharCode(int(256)) + text.slice(at + 1);
    case 1: // insert a delimiter-ish token
      return text.slice(0, at) + pick(SPECIAL) + text.slice(at);
    case 2: // delete a range
      return text.slice(0, at) + text.slice(at + 1 + int(40));
    case 3: // duplicate a range
      return text.slice(0, at) + text.slice(at, at + int(200)) + text.slice(at);
    default: // swap two halves
      return text.slice(at) + text.slice(0, at);
  }
}

const CLAIM_BODY = [
  'BHT*0019*00*1*20240115*1200*CH', 'NM1*41*2*SUBMITTER*****46*S1', 'NM1*40*2*RECEIVER*****46*R1',
  'HL*1**20*1', 'PRV*BI*PXC*207Q00000X', 'NM1*85*2*CLINIC*****XX*1234567893', 'N3*1 MAIN ST', 'N4*AUSTIN*TX*78701', 'REF*EI*123456789',
  'HL*2*1*22*1', 'SBR*P**G1******CI', 'NM1*IL*1*DOE*JANE****MI*M1', 'N3*2 ELM ST', 'N4*AUSTIN*TX*78701', 'DMG*D8*19800101*F',
  'NM1*PR*2*PAYER*****PI*P1', 'HL*3*2*23*0', 'PAT*19', 'NM1*QC*1*DOE*JIM', 'N3*2 ELM ST', 'N4*AUSTIN*TX*78701', 'DMG*D8*20100101*M',
  'CLM*C1*100***11:B:1*Y*A*Y*Y', 'REF*G1*A1', 'HI*ABK:E119*ABF:I10', 'NM1*82*1*DOC*ANN****XX*1234567893', 'PRV*PE*PXC*207Q00000X',
  'LX*1', 'SV1*HC:99213:25*100*UN*1***1:2', 'DTP*472*RD8*20240101-20240102', 'REF*6R*L1',
];

const DELIMITERS: FixtureDelimiters[] = [
  STANDARD,
  { element: '|', component: '^', segment: '~' },
  { element: '~', component: '^', segment: '_' },
  { element: '*', component: '>', repetition: '^', segment: '\n' },
];

function seeds(): string[] {
  const out = DELIMITERS.map((delimiters) => interchange(group([CLAIM_BODY]), { delimiters, lineBreak: pick(['', '\n', '\r\n']) }));
  if (existsSync(SAMPLES)) {
    for (const dir of readdirSync(SAMPLES)) {
      const path = join(SAMPLES, dir);
      if (!statSync(path).isDirectory()) continue;
      // A few small samples of each kind keep the run short.
      const small = readdirSync(path).map((name) => join(path, name)).filter((file) => statSync(file).size < 4000).slice(0, 4);
      for (const file of small) out.push(readFileSync(file, 'latin1'));
    }
  }
  return out;
}

describe(`X12 reader fuzz (seed ${SEED})`, () => {
  it('survives random bytes', () => {
    for (let i = 0; i < 400; i++) check(randomBytes(int(600)), `random bytes #${i}`);
  });

  it('survives random bytes and text behind "ISA" and behind a valid ISA header', () => {
    for (let i = 0; i < 300; i++) {
      const separator = String.fromCharCode(33 + int(94));
      check(`ISA${separator}${randomText(int(300))}`, `ISA + random text #${i}`);
      const header = isaSegment(pick(DELIMITERS));
      check(header + randomText(int(800)), `valid ISA + random text #${i}`);
      const bytes = randomBytes(int(400));
      const withHeader = new Uint8Array(header.length + bytes.length);
      withHeader.set(new TextEncoder().encode(header));
      withHeader.set(bytes, header.length);
      check(withHeader, `valid ISA + random bytes #${i}`);
    }
  });

  it('survives every truncation of hand-written interchanges and random truncations of samples', () => {
    const texts = seeds();
    DELIMITERS.forEach((_, index) => {
      const text = texts[index]!;
      for (let cut = 0; cut <= text.length; cut++) check(text.slice(0, cut), `fixture ${index} cut at ${cut}`);
    });
    texts.slice(DELIMITERS.length).forEach((text, index) => {
      for (let i = 0; i < 40; i++) {
        const cut = int(text.length + 1);
        check(text.slice(0, cut), `sample ${index} cut at ${cut}`);
      }
    });
  });

  it('survives mutations of hand-written interchanges and samples', () => {
    const texts = seeds();
    for (let i = 0; i < 3000; i++) {
      let text = pick(texts);
      const rounds = 1 + int(6);
      for (let round = 0; round < rounds; round++) text = mutate(text);
      check(next() < 0.5 ? text : new TextEncoder().encode(text), `mutation #${i}`);
    }
  });
});
