/**
 * Shared fuzzing for the transaction readers of acknowledgments (999, 277CA):
 * mutated files are tokenised, and every transaction set of the type is read;
 * the reader must return or throw an X12Error, nothing else.
 */
import { expect } from 'vitest';
import { X12Error } from '../../../lambdas/core/x12/errors.js';
import { parseX12 } from '../../../lambdas/core/x12/reader.js';
import type { Delimiters, TransactionSet } from '../../../lambdas/core/x12/types.js';

/** mulberry32: small, fast, deterministic. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOKENS = ['*', ':', '^', '~', '|', '\n', ' ', '', 'HL', 'STC', 'TRN', 'AK2', 'IK3', 'IK4', 'IK5', 'CTX', 'AK9', 'SVC', 'A7', 'PT', '19', '0', '-1', '99999999999999999999'];

/** One random edit of an X12 text, biased to element-level damage the readers must survive. */
export function mutate(text: string, next: () => number): string {
  const int = (max: number) => Math.floor(next() * max);
  const at = int(text.length + 1);
  switch (int(6)) {
    case 0:
      return text.slice(0, at) + String.fromCharCode(int(128)) + text.slice(at + 1);
    case 1:
      return text.slice(0, at) + TOKENS[int(TOKENS.length)]! + text.slice(at);
    case 2:
      return text.slice(0, at) + text.slice(at + 1 + int(30));
    case 3:
      return text.slice(0, at) + text.slice(at, at + int(120)) + text.slice(at);
    case 4: {
      // Swap two segments: loops out of order.
      const parts = text.split('~');
      const i = 3 + int(Math.max(1, parts.length - 6));
      const j = 3 + int(Math.max(1, parts.length - 6));
      [parts[i], parts[j]] = [parts[j] ?? '', parts[i] ?? ''];
      return parts.join('~');
    }
    default: {
      // Empty one element.
      const stars = [...text.matchAll(/\*/g)].map((m) => m.index);
      const from = stars[int(stars.length)] ?? 0;
      const end = text.slice(from + 1).search(/[*~]/);
      return end < 0 ? text : text.slice(0, from + 1) + text.slice(from + 1 + end);
    }
  }
}

export function fuzzReader(
  seeds: readonly string[],
  type: string,
  read: (tx: TransactionSet, delimiters: Delimiters) => unknown,
  options: { seed: number; rounds: number },
): { read: number; rejected: number } {
  const next = random(options.seed);
  const counts = { read: 0, rejected: 0 };
  for (let round = 0; round < options.rounds; round++) {
    let text = seeds[round % seeds.length]!;
    const edits = 1 + Math.floor(next() * 4);
    for (let e = 0; e < edits; e++) text = mutate(text, next);
    const parsed = parseX12(text);
    if (!parsed.ok) continue;
    for (const interchange of parsed.value.interchanges) {
      for (const group of interchange.groups) {
        for (const tx of group.transactions) {
          if (tx.type !== type) continue;
          try {
            read(tx, interchange.delimiters);
            counts.read++;
          } catch (error) {
            expect(error, `round ${round} (seed ${options.seed})`).toBeInstanceOf(X12Error);
            expect((error as X12Error).code).toMatch(/^X(999|277)-[A-Z0-9-]+$/);
            counts.rejected++;
          }
        }
      }
    }
  }
  return counts;
}
