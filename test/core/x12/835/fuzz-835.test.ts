/**
 * Random mutations of 835 files never make the 835 readers throw anything but
 * X12Error: read835 throws X12Error or reads, balance() never throws, and
 * stream835 never throws at all (its errors are events) and never reports
 * X12-INTERNAL (a caught defect). For text mutations the streaming reader
 * must also agree with the in-memory one. Seeded; set FUZZ_SEED to explore.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { balance } from '../../../../lambdas/core/x12/835/balance.js';
import { read835 } from '../../../../lambdas/core/x12/835/read-835.js';
import { stream835 } from '../../../../lambdas/core/x12/835/stream-835.js';
import { X12Error } from '../../../../lambdas/core/x12/errors.js';
import { parseX12 } from '../../../../lambdas/core/x12/reader.js';
import { FULL, interchange835, PAYER_A, PAYER_B } from './fixtures.js';
import { chunked, inMemory, streamed } from './stream-helpers.js';

const SEED = Number(process.env.FUZZ_SEED ?? 835_2024);
const CASES = 200;
const DIR = fileURLToPath(new URL('../../../../../shared/samples/x12/835', import.meta.url));

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

const SPECIAL = ['*', ':', '>', '^', '~', '\n', '\r\n', ' ', '-', '.', '0', '9', '\u0000', 'é', 'ISA', 'SE', 'ST*835*9', 'CLP*X*1', 'SVC*HC', 'CAS*CO', 'PLB*1*20240101*WO', 'LX*1', 'MIA', 'MOA', 'TS3', 'N1*PE*X'];

const BASES: Array<[string, Uint8Array]> = [
  ['FULL', new TextEncoder().encode(interchange835([FULL, PAYER_A]))],
  ['PAYER_B', new TextEncoder().encode(interchange835([PAYER_B]))],
  ...(existsSync(DIR)
    ? readdirSync(DIR)
        .filter((f) => !f.includes('profee-multiple'))
        .map((f): [string, Uint8Array] => [f, new Uint8Array(readFileSync(join(DIR, f)))])
    : []),
];

function mutateBytes(input: Uint8Array): Uint8Array {
  let bytes = Array.from(input);
  for (let n = 1 + int(4); n > 0; n--) {
    const at = int(bytes.length + 1);
    switch (int(4)) {
      case 0:
        bytes[at] = int(256);
        break;
      case 1:
        bytes.splice(at, 1 + int(20));
        break;
      case 2:
        bytes.splice(at, 0, ...new TextEncoder().encode(pick(SPECIAL)));
        break;
      default:
        bytes = bytes.slice(0, Math.max(1, at));
    }
  }
  return Uint8Array.from(bytes);
}

function mutateText(input: string): string {
  let text = input;
  for (let n = 1 + int(4); n > 0; n--) {
    const at = int(text.length + 1);
    const choice = int(3);
    if (choice === 0) text = text.slice(0, at) + pick(SPECIAL) + text.slice(at);
    else if (choice === 1) text = text.slice(0, at) + text.slice(at + 1 + int(30));
    else {
      // Duplicate a segment somewhere else.
      const segments = text.split('~');
      const copy = pick(segments);
      segments.splice(int(segments.length), 0, copy);
      text = segments.join('~');
    }
  }
  return text;
}

function readInMemory(input: string | Uint8Array, label: string): void {
  const parsed = parseX12(input);
  if (!parsed.ok) {
    expect(parsed.error, label).toBeInstanceOf(X12Error);
    return;
  }
  for (const interchange of parsed.value.interchanges) {
    for (const group of interchange.groups) {
      for (const tx of group.transactions) {
        try {
          const { remittance } = read835(tx, interchange.delimiters);
          balance(remittance);
        } catch (error) {
          if (!(error instanceof X12Error)) throw new Error(`${label}: read835 threw ${String(error)}`);
          expect(error.position, label).toBeGreaterThan(0);
        }
      }
    }
  }
}

async function readStreaming(input: string | Uint8Array, label: string): Promise<void> {
  for await (const event of stream835(chunked(input, 1 + int(200)))) {
    if (event.type === 'error') {
      expect(event.error, label).toBeInstanceOf(X12Error);
      expect(event.error.code, label).not.toBe('X12-INTERNAL');
    }
  }
}

describe(`835 readers on mutated input (seed ${SEED})`, () => {
  it(`${CASES} byte mutations: only X12Error, from read835 and stream835`, async () => {
    for (let i = 0; i < CASES; i++) {
      const [name, base] = pick(BASES);
      const input = mutateBytes(base);
      const label = `${name} byte case ${i} (seed ${SEED})`;
      readInMemory(input, label);
      await readStreaming(input, label);
    }
  });

  it(`${CASES} text mutations: the streaming reader agrees with the in-memory one`, async () => {
    for (let i = 0; i < CASES; i++) {
      const [name, base] = pick(BASES);
      const input = mutateText(new TextDecoder('latin1').decode(base));
      const label = `${name} text case ${i} (seed ${SEED})`;
      readInMemory(input, label);
      const memory = inMemory(input);
      const stream = await streamed(chunked(input, 1 + int(100)));
      if (memory.fatal) {
        expect(stream.fatal, label).toEqual(memory.fatal);
        continue;
      }
      expect(stream.fatal, label).toBeUndefined();
      expect(stream.transactions, label).toEqual(memory.transactions);
      expect(stream.findings, label).toEqual(memory.findings);
    }
  });
});
