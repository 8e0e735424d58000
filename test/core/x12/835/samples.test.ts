/**
 * The public 835 samples in ../shared/samples/x12/835: every file either
 * yields remittances with balancing results, or a typed X12Error with a
 * position. For a few files the balancing figures are recomputed here from the
 * raw text (plain string splitting, no model) and compared with balance().
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { balance, type BalanceResult } from '../../../../lambdas/core/x12/835/balance.js';
import { read835 } from '../../../../lambdas/core/x12/835/read-835.js';
import { X12Error } from '../../../../lambdas/core/x12/errors.js';
import { parseX12 } from '../../../../lambdas/core/x12/reader.js';

const DIR = fileURLToPath(new URL('../../../../../shared/samples/x12/835', import.meta.url));
// Acknowledgements a validator may have left beside the samples (.997/.999/.ta1) are not 835s.
const FILES = existsSync(DIR) ? readdirSync(DIR).filter((f) => !/\.(997|999|ta1)$/i.test(f)).sort() : [];

interface FileOutcome {
  file: string;
  parseError?: X12Error;
  transactions: Array<{ results?: BalanceResult[]; error?: X12Error; claims?: number }>;
}

function run(file: string): FileOutcome {
  const parsed = parseX12(readFileSync(join(DIR, file)));
  if (!parsed.ok) return { file, parseError: parsed.error, transactions: [] };
  const outcome: FileOutcome = { file, transactions: [] };
  for (const ic of parsed.value.interchanges) {
    for (const group of ic.groups) {
      for (const tx of group.transactions) {
        if (tx.type !== '835') continue;
        try {
          const { remittance } = read835(tx, ic.delimiters);
          outcome.transactions.push({ results: balance(remittance), claims: remittance.claims.length });
        } catch (error) {
          if (!(error instanceof X12Error)) throw error;
          outcome.transactions.push({ error });
        }
      }
    }
  }
  return outcome;
}

/** "12.5" → 1250 by string handling only (no model, no money.ts). */
function cents(text: string): number {
  const match = /^(-?)(\d*)(?:\.(\d*))?$/.exec(text.trim());
  if (!match) throw new Error(`not an amount: ${text}`);
  const value = Number(match[2] || '0') * 100 + Number(((match[3] ?? '') + '00').slice(0, 2));
  return match[1] ? -value : value;
}

interface RawFigures {
  bpr02: number;
  claims: Array<{ id: string; clp03: number; clp04: number; casTotal: number }>;
  plbTotal: number;
}

/** Per ST: BPR02, each CLP's CLP03/CLP04 with every CAS amount up to the next CLP, and ΣPLB amounts. */
function rawFigures(text: string): RawFigures[] {
  const start = text.indexOf('ISA');
  const element = text[start + 3]!;
  const terminator = text[start + 105]!;
  const segments = text
    .slice(start)
    .split(terminator)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => s.split(element));
  const out: RawFigures[] = [];
  let current: RawFigures | undefined;
  for (const seg of segments) {
    const [id] = seg;
    if (id === 'ST') out.push((current = { bpr02: 0, claims: [], plbTotal: 0 }));
    else if (!current) continue;
    else if (id === 'BPR') current.bpr02 = cents(seg[2]!);
    else if (id === 'CLP') current.claims.push({ id: seg[1]!, clp03: cents(seg[3]!), clp04: cents(seg[4]!), casTotal: 0 });
    else if (id === 'CAS') {
      const claim = current.claims.at(-1)!;
      for (const index of [3, 6, 9, 12, 15, 18]) if (seg[index]) claim.casTotal += cents(seg[index]);
    } else if (id === 'PLB') {
      for (const index of [4, 6, 8, 10, 12, 14]) if (seg[index]) current.plbTotal += cents(seg[index]);
    }
  }
  return out;
}

describe.skipIf(FILES.length === 0)('835 samples (needs ../shared/samples/x12/835)', () => {
  it.each(FILES)('%s yields balancing results or a typed X12Error with a position', (file) => {
    const outcome = run(file);
    if (outcome.parseError) {
      expect(outcome.parseError.code).toMatch(/\S/);
      expect(outcome.parseError.position).toBeGreaterThan(0);
      return;
    }
    expect(outcome.transactions.length).toBeGreaterThan(0);
    for (const tx of outcome.transactions) {
      if (tx.error) {
        expect(tx.error.code).toMatch(/^X835-/);
        expect(tx.error.position).toBeGreaterThan(0);
        continue;
      }
      const results = tx.results!;
      expect(results.filter((r) => r.check === 'payment')).toHaveLength(1);
      expect(results.filter((r) => r.check === 'claim')).toHaveLength(tx.claims!);
      for (const r of results) {
        expect(r.position).toBeGreaterThan(0);
        if (r.ok === 'not-evaluable') expect(r.missing!.length).toBeGreaterThan(0);
        else expect(r.ok).toBe(r.differenceCents === 0);
      }
    }
  });

  // Files with a known shape: a conformant example, a multi-ST file, a file with a PLB and an unbalanced payment.
  const FIGURE_FILES = [
    'jdavisp3-TigerShark__tests__5010-835-example-1.txt',
    'tastypackets-x12-parser__test__test-files__835__profee.edi',
    'databricks-industry-solutions-x12-edi-parser__sampledata__835__sample.txt',
    'databricks-industry-solutions-x12-edi-parser__sampledata__835__plb_sample.txt',
  ].filter((file) => FILES.includes(file));

  it.each(FIGURE_FILES)('%s: balance() matches figures summed from the raw text', (file) => {
    const raw = rawFigures(readFileSync(join(DIR, file), 'utf8'));
    const outcome = run(file);
    expect(outcome.transactions).toHaveLength(raw.length);
    outcome.transactions.forEach((tx, index) => {
      const figures = raw[index]!;
      const results = tx.results!;
      const claims = results.filter((r) => r.check === 'claim');
      expect(claims.map((r) => r.claimId)).toEqual(figures.claims.map((c) => c.id));
      claims.forEach((result, i) => {
        const c = figures.claims[i]!;
        expect(result.expectedCents).toBe(c.clp03);
        expect(result.actualCents).toBe(c.clp04 + c.casTotal);
        expect(result.ok).toBe(c.clp03 === c.clp04 + c.casTotal);
      });
      const payment = results.find((r) => r.check === 'payment')!;
      const parts = figures.claims.reduce((sum, c) => sum + c.clp04, 0) - figures.plbTotal;
      expect(payment.expectedCents).toBe(figures.bpr02);
      expect(payment.actualCents).toBe(parts);
      expect(payment.differenceCents).toBe(figures.bpr02 - parts);
    });
  });

  it('finds the imbalances the raw figures show (not everything balances)', () => {
    const file = 'databricks-industry-solutions-x12-edi-parser__sampledata__835__plb_sample.txt';
    if (!FILES.includes(file)) return;
    const raw = rawFigures(readFileSync(join(DIR, file), 'utf8'));
    const results = run(file).transactions.flatMap((t) => t.results ?? []);
    const rawUnbalancedPayments = raw.filter((f) => f.bpr02 !== f.claims.reduce((s, c) => s + c.clp04, 0) - f.plbTotal).length;
    expect(rawUnbalancedPayments).toBeGreaterThan(0);
    expect(results.filter((r) => r.check === 'payment' && r.ok === false)).toHaveLength(rawUnbalancedPayments);
  });
});
