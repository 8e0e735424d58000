/**
 * The public samples in ../shared/samples/x12 against the verdicts of an
 * independent validator (pyx12) in INDEX.tsv: files it found conformant
 * must give zero errors here, and where it found an error ("Line:N", the
 * 1-based segment number, as our positions count) we must report an error at
 * that segment. pyx12 reports a missing segment at the segment after the gap;
 * we do too, but allow two segments either way for those.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FINDING, validateX12 } from '../../../../lambdas/core/x12/validate/index.js';

const SAMPLES = fileURLToPath(new URL('../../../../../shared/samples/x12/', import.meta.url));
const INDEX = `${SAMPLES}INDEX.tsv`;

interface Row {
  type: string;
  file: string;
  verdict: string;
  firstError: string;
}

function rows(): Row[] {
  return readFileSync(INDEX, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [type = '', file = '', , , , verdict = '', firstError = ''] = line.split('\t');
      return { type, file, verdict, firstError };
    });
}

describe.skipIf(!existsSync(INDEX))('validateX12 on the shared X12 samples (needs ../shared/samples/x12)', () => {
  const all = existsSync(INDEX) ? rows() : [];

  it('never throws and never fails internally, on every sample of every type', () => {
    expect(all.length).toBeGreaterThan(100);
    for (const row of all) {
      const report = validateX12(readFileSync(`${SAMPLES}${row.file}`));
      expect(report.findings.filter((f) => f.code === FINDING.INTERNAL), row.file).toEqual([]);
      // Whatever 837P pyx12 rejected or could not read, we reject too (other types: their guides' own tests).
      if (row.type === '837P' && row.verdict !== 'OK') expect(report.errorCount, row.file).toBeGreaterThan(0);
    }
  });

  it('837P files pyx12 found conformant give zero errors', () => {
    const ok = all.filter((row) => row.type === '837P' && row.verdict === 'OK');
    expect(ok.length).toBeGreaterThanOrEqual(6);
    for (const row of ok) {
      const report = validateX12(readFileSync(`${SAMPLES}${row.file}`));
      expect(report.findings.filter((f) => f.severity === 'error').map((f) => `${f.position} ${f.code}: ${f.message}`), row.file).toEqual([]);
      expect(report.transactions.every((t) => t.guide === '005010X222A1'), row.file).toBe(true);
    }
  });

  it('known-bad 837P files give an error at the segment pyx12 names', () => {
    const bad = all.filter((row) => row.type === '837P' && / errors$/.test(row.verdict) && /Line:\d+/.test(row.firstError));
    expect(bad.length).toBeGreaterThanOrEqual(30);
    for (const row of bad) {
      const line = Number(/Line:(\d+)/.exec(row.firstError)?.[1]);
      const missing = /missing|not found/i.test(row.firstError);
      const errors = validateX12(readFileSync(`${SAMPLES}${row.file}`)).findings.filter((f) => f.severity === 'error');
      const at = errors.filter((f) => f.position !== undefined && Math.abs(f.position - line) <= (missing ? 2 : 0));
      expect(at.length, `${row.file}: expected an error at segment ${line} (${row.firstError})`).toBeGreaterThan(0);
    }
  });
});
