/**
 * Runs the reader over every public X12 sample in ../shared/samples/x12 (see
 * its README): each file is read or refused with a positioned X12Error, and
 * the 837P files that the implementation-guide validator passed give exactly
 * the claim counts INDEX.tsv lists.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { read837 } from '../../../lambdas/core/x12/837/read-837p.js';
import { X12Error } from '../../../lambdas/core/x12/errors.js';
import { parseX12 } from '../../../lambdas/core/x12/reader.js';

const SAMPLES = fileURLToPath(new URL('../../../../shared/samples/x12/', import.meta.url));
const present = existsSync(SAMPLES);

interface IndexRow {
  type: string;
  file: string;
  claims: number;
  verdict: string;
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...listFiles(path));
    else out.push(path);
  }
  return out;
}

function readIndex(): IndexRow[] {
  const lines = readFileSync(join(SAMPLES, 'INDEX.tsv'), 'utf8').trim().split('\n');
  const header = lines[0]!.split('\t');
  const column = (name: string): number => header.indexOf(name);
  return lines.slice(1).map((line) => {
    const cells = line.split('\t');
    return {
      type: cells[column('type')] ?? '',
      file: cells[column('file')] ?? '',
      claims: Number(cells[column('claims')]),
      verdict: cells[column('ig_validator_verdict')] ?? '',
    };
  });
}

describe.skipIf(!present)('X12 samples (needs ../shared/samples/x12)', () => {
  const files = present ? listFiles(SAMPLES).filter((path) => !path.endsWith('INDEX.tsv')) : [];

  it('finds the samples', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it('reads every sample, or refuses it with a coded, positioned X12Error', () => {
    const failures: string[] = [];
    for (const path of files) {
      const result = parseX12(readFileSync(path));
      const name = relative(SAMPLES, path);
      if (result.ok) {
        const { interchanges } = result.value;
        if (interchanges.length === 0) failures.push(`${name}: no interchange`);
        for (const ic of interchanges) {
          if (ic.isa.elements.length !== 17) failures.push(`${name}: ISA has ${ic.isa.elements.length - 1} elements`);
        }
        for (const warning of result.value.warnings) {
          if (!/^X12-[A-Z-]+$/.test(warning.code) || typeof warning.position !== 'number') failures.push(`${name}: bad warning ${warning.code}`);
        }
      } else {
        expect(result.error).toBeInstanceOf(X12Error);
        if (typeof result.error.position !== 'number' || result.error.code === 'X12-INTERNAL') {
          failures.push(`${name}: ${result.error.code} without position`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('reads every sample to the last segment: each interchange that has an IEA ends with it', () => {
    for (const path of files) {
      const result = parseX12(readFileSync(path));
      if (!result.ok) continue;
      for (const ic of result.value.interchanges) {
        if (!ic.iea) continue;
        expect(ic.iea.elements[0], relative(SAMPLES, path)).toBe('IEA');
        const groups = Number(ic.iea.elements[1]);
        // IEA01 agrees with what was read unless the reader also said it does not.
        const mismatch = result.value.warnings.some((w) => w.code === 'X12-IEA-COUNT' && w.position === ic.iea!.position);
        if (!mismatch) expect(ic.groups.length, relative(SAMPLES, path)).toBe(groups);
      }
    }
  });

  const rows = present ? readIndex() : [];
  const ok837p = rows.filter((row) => row.type === '837P' && row.verdict === 'OK');

  it('has validator-approved 837P samples to check', () => {
    expect(ok837p.length).toBeGreaterThan(0);
  });

  for (const row of ok837p) {
    it(`reads ${row.claims} claim(s) from ${row.file}`, () => {
      const result = parseX12(readFileSync(join(SAMPLES, row.file)));
      if (!result.ok) throw result.error;
      const { claims } = read837(result.value, 'sample-tenant');
      expect(claims).toHaveLength(row.claims);
      for (const { claim, position } of claims) {
        expect(claim.claimId).toMatch(/\S/);
        expect(position).toBeGreaterThan(3);
        expect(claim.totalCharge).toMatch(/^\d+\.\d{2}$/);
        expect(claim.serviceLines.length).toBeGreaterThan(0);
        for (const line of claim.serviceLines) {
          expect(line.charge).toMatch(/^\d+\.\d{2}$/);
          expect(line.procedureCode).toMatch(/^[A-Z0-9]{5}$/);
        }
        expect(claim.billingProvider.npi).toMatch(/^\d{10}$/);
        expect(claim.subscriber.memberId).toMatch(/\S/);
        expect(claim.payer.payerId).toMatch(/\S/);
      }
    });
  }

  it('reads the claim count INDEX.tsv lists for every 837P sample it can read', () => {
    const mismatches: string[] = [];
    for (const row of rows.filter((r) => r.type === '837P')) {
      const result = parseX12(readFileSync(join(SAMPLES, row.file)));
      if (!result.ok) continue;
      const count = read837(result.value, 'sample-tenant').claims.length;
      if (count !== row.claims) mismatches.push(`${row.file}: read ${count}, INDEX ${row.claims}`);
    }
    expect(mismatches).toEqual([]);
  });
});
