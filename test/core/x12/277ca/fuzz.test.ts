/**
 * read277CA on mutated acknowledgments (ours and the public samples, 277CA
 * and 277) returns a model or throws an X12Error; never anything else.
 * FUZZ_SEED explores others.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { read277CA } from '../../../../lambdas/core/x12/277ca/read-277ca.js';
import { write277CA } from '../../../../lambdas/core/x12/277ca/write-277ca.js';
import { ACK_OPTIONS } from '../999/fixtures.js';
import { fuzzReader } from '../ack-fuzz.js';
import { ack277 } from './fixtures.js';

const SEED = Number(process.env.FUZZ_SEED ?? 277_2026);
const SAMPLES = fileURLToPath(new URL('../../../../../shared/samples/x12/277CA/', import.meta.url));

describe(`read277CA fuzz (seed ${SEED})`, () => {
  it('throws nothing but X12Error on mutated 277s', () => {
    const seeds = [write277CA([ack277()], ACK_OPTIONS)];
    if (existsSync(SAMPLES)) for (const file of readdirSync(SAMPLES)) seeds.push(readFileSync(join(SAMPLES, file), 'latin1'));
    const counts = fuzzReader(seeds, '277', read277CA, { seed: SEED, rounds: 3000 });
    expect(counts.read).toBeGreaterThan(100);
    expect(counts.rejected).toBeGreaterThan(10);
  });
});
