/**
 * read999 on mutated acknowledgments (ours and the public samples) returns a
 * model or throws an X12Error; never anything else. FUZZ_SEED explores others.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { read999 } from '../../../../lambdas/core/x12/999/read-999.js';
import { write999 } from '../../../../lambdas/core/x12/999/write-999.js';
import { fuzzReader } from '../ack-fuzz.js';
import { ACK_OPTIONS, groupAck } from './fixtures.js';

const SEED = Number(process.env.FUZZ_SEED ?? 999_2026);
const SAMPLES = fileURLToPath(new URL('../../../../../shared/samples/x12/999/', import.meta.url));

describe(`read999 fuzz (seed ${SEED})`, () => {
  it('throws nothing but X12Error on mutated 999s', () => {
    const seeds = [write999([groupAck()], ACK_OPTIONS)];
    if (existsSync(SAMPLES)) for (const file of readdirSync(SAMPLES)) seeds.push(readFileSync(join(SAMPLES, file), 'latin1'));
    const counts = fuzzReader(seeds, '999', read999, { seed: SEED, rounds: 3000 });
    // Both outcomes must occur, or the mutations are not reaching the reader.
    expect(counts.read).toBeGreaterThan(100);
    expect(counts.rejected).toBeGreaterThan(10);
  });
});
