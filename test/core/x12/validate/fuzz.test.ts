/**
 * The validator must never throw: random text behind a real ISA, and random
 * truncations and mutations of our writer's output and of the shared samples
 * all give a report (never an INTERNAL finding). Deterministic: set
 * FUZZ_SEED to explore other inputs.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FINDING, claimsWithErrors, validateX12 } from '../../../../lambdas/core/x12/validate/index.js';
import { baseText } from './validate-fixtures.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20240611);
const SAMPLES = fileURLToPath(new URL('../../../../../shared/samples/x12/837P/', import.meta.url));

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
const SPECIAL = ['*', ':', '^', '~', '\n', ' ', '\u0000', 'ISA', 'IEA*1*1~', 'GS*HC*', 'ST*837*1*005010X222A1~', 'SE*', 'HL*9*9*22*1~', 'CLM*', 'LX*', 'NM1*85*', 'HI*', '~~', '**'];

function mutate(text: string): string {
  const at = int(text.length + 1);
  switch (int(5)) {
    case 0:
      return text.slice(0, at) + String.fromCharCode(int(256)) + text.slice(at + 1);
    case 1:
      return text.slice(0, at) + SPECIAL[int(SPECIAL.length)] + text.slice(at);
    case 2:
      return text.slice(0, at) + text.slice(at + 1 + int(60));
    case 3:
      return text.slice(0, at) + text.slice(at, at + int(300)) + text.slice(at);
    default:
      return text.slice(0, at);
  }
}

function check(input: string, label: string): void {
  let report: ReturnType<typeof validateX12>;
  try {
    report = validateX12(input);
    claimsWithErrors(report);
  } catch (error) {
    throw new Error(`validateX12 threw on ${label} (seed ${SEED}): ${String(error)}`);
  }
  expect(report.findings.filter((f) => f.code === FINDING.INTERNAL), `${label} (seed ${SEED})`).toEqual([]);
}

describe('validateX12 never throws', () => {
  it('on mutations of a conformant 837P', () => {
    const base = baseText();
    for (let i = 0; i < 600; i++) {
      let text = base;
      for (let m = 0, n = 1 + int(4); m < n; m++) text = mutate(text);
      check(text, `mutation ${i}`);
    }
  });

  it('on random text behind a real ISA', () => {
    const isa = baseText().slice(0, 106);
    for (let i = 0; i < 300; i++) {
      let body = '';
      while (body.length < 400) body += next() < 0.4 ? SPECIAL[int(SPECIAL.length)] : String.fromCharCode(32 + int(95));
      check(isa + body, `random ${i}`);
    }
  });

  describe.skipIf(!existsSync(SAMPLES))('on mutations of the shared 837P samples (needs ../shared/samples)', () => {
    it('never throws', () => {
      const files = existsSync(SAMPLES) ? readdirSync(SAMPLES).filter((f) => !f.includes('many_claims') && !f.includes('multiple_transactions')) : [];
      for (const file of files) {
        const text = readFileSync(`${SAMPLES}${file}`, 'latin1');
        for (let i = 0; i < 8; i++) check(mutate(mutate(text)), `${file} #${i}`);
      }
    });
  });
});
