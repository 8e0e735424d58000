/**
 * The 837I, 835, 999 and 277CA guide tables on the public samples in
 * ../shared/samples/x12, against the verdicts of an independent validator
 * (pyx12) in INDEX.tsv: files it found conformant give zero errors here and
 * are validated by our guide for their type; files where it names an error
 * ("Line:N", the 1-based segment number, as our positions count) give an
 * error at that segment or next to it. pyx12 reports a wrong SE01 at the ST
 * of its set ("ST:4"); we report it at the SE.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FINDING, validateX12 } from '../../../../lambdas/core/x12/validate/index.js';

const SAMPLES = fileURLToPath(new URL('../../../../../shared/samples/x12/', import.meta.url));
const INDEX = `${SAMPLES}INDEX.tsv`;

/** Sample type -> the guide version conformant samples of that type are validated with. */
const TYPES: Record<string, readonly string[]> = {
  '837I': ['005010X223A2'],
  '835': ['005010X221A1'],
  '999': ['005010X231A1', '005010X231'],
  '277CA': ['005010X214'],
};

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
    })
    .filter((row) => row.type in TYPES);
}

describe.skipIf(!existsSync(INDEX))('837I/835/999/277CA guide tables on the shared X12 samples (needs ../shared/samples/x12)', () => {
  const all = existsSync(INDEX) ? rows() : [];
  const ok = all.filter((row) => row.verdict === 'OK');
  const bad = all.filter((row) => / errors$/.test(row.verdict) && /Line:\d+/.test(row.firstError));

  it('has samples of every type', () => {
    for (const type of Object.keys(TYPES)) expect(all.filter((row) => row.type === type).length, type).toBeGreaterThan(0);
    expect(ok.length).toBeGreaterThanOrEqual(10);
    expect(bad.length).toBeGreaterThanOrEqual(30);
  });

  it.each(ok.map((row) => [row.file, row] as const))('%s: conformant per pyx12, zero errors here', (_file, row) => {
    const report = validateX12(readFileSync(`${SAMPLES}${row.file}`));
    expect(report.findings.filter((f) => f.severity === 'error').map((f) => `${f.position} ${f.code} ${f.loopId} ${f.element ?? f.segmentId}: ${f.message}`)).toEqual([]);
    expect(report.transactions.length).toBeGreaterThan(0);
    for (const tx of report.transactions) expect(TYPES[row.type]).toContain(tx.guide);
  });

  it.each(bad.map((row) => [row.file, row] as const))('%s: an error where pyx12 names one', (_file, row) => {
    const report = validateX12(readFileSync(`${SAMPLES}${row.file}`));
    const errors = report.findings.filter((f) => f.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    if (/ ST:4 - SE count/.test(row.firstError)) {
      expect(errors.some((f) => f.code === FINDING.SE_COUNT)).toBe(true);
      return;
    }
    const line = Number(/Line:(\d+)/.exec(row.firstError)?.[1]);
    const near = errors.filter((f) => f.position !== undefined && Math.abs(f.position - line) <= 1);
    expect(near.map((f) => f.code), `pyx12: ${row.firstError}`).not.toEqual([]);
  });
});
