/**
 * The public 835 samples in ../shared/samples/x12/835: every file either
 * parses with the balancing results below or yields a typed X12Error with its
 * position. The figures in EXPECTED were computed from the raw files
 * independently of the product code (a throwaway script summing the amounts
 * of BPR02, CLP03/04, SVC02/03, CAS and PLB per ST, checked by hand) and are
 * written here as literals. The streaming reader must give the same results
 * as the in-memory one for every sample, at several chunk sizes.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fromCents, toCents } from '../../../../lambdas/core/money.js';
import { chunked, inMemory, streamed, type TransactionOutcome } from './stream-helpers.js';

const DIR = fileURLToPath(new URL('../../../../../shared/samples/x12/835', import.meta.url));
// Acknowledgements a validator may have left beside the samples (.997/.999/.ta1) are not 835s.
const FILES = existsSync(DIR) ? readdirSync(DIR).filter((f) => !/\.(997|999|ta1)$/i.test(f)).sort() : [];

interface Figures {
  /** BPR02 as stated. */
  bpr02: string;
  /** ΣCLP04, or 'not-evaluable' when a CLP04 is empty. */
  sumClp04: string;
  /** ΣPLB amounts (positive reduces the payment). */
  sumPlb: string;
  payment: boolean | 'not-evaluable';
  claims: number;
  unbalancedClaims: string[];
  unbalancedLines: number;
  notEvaluableClaims: string[];
  /** Positions of SVC segments joined with ">" although ISA16 is ":" (read with warning X835-COMPONENT-SEPARATOR). */
  componentSeparator?: number[];
}
type Expected = { transactions: Figures[] } | { error: { code: string; position: number; element?: string } };

const row = (bpr02: string, sumClp04: string, sumPlb: string, payment: Figures['payment'], claims: number, extra: Partial<Figures> = {}): Figures => ({
  bpr02,
  sumClp04,
  sumPlb,
  payment,
  claims,
  unbalancedClaims: [],
  unbalancedLines: 0,
  notEvaluableClaims: [],
  ...extra,
});

const PROFEE = row('45.75', '45.75', '0.00', true, 3);

/** Keyed by the part of the file name after the repository prefix. */
const EXPECTED: Record<string, Expected> = {
  // 4010, BOM, indented; the CV PLB of -1.27 is not in BPR02: 5.75 ≠ 5.75 − (−1.27). CR-group reversals balance at −42.58/−86.76.
  '835___4010__Example1_GripElements.txt': { transactions: [row('5.75', '5.75', '-1.27', false, 9)] },
  // The same plus "CLP*090909*22" without amounts: that claim and the payment are not evaluable.
  '835___5010__Example1.txt': { transactions: [row('5.75', 'not-evaluable', '-1.27', 'not-evaluable', 10, { notEvaluableClaims: ['090909'] })] },
  'demo-file__demo.835': { transactions: [row('150000.00', '149998.73', '-1.27', true, 2)] },
  'cob-contractural-adjustment.835': { transactions: [row('34.00', '34.00', '0.00', true, 1, { componentSeparator: [21] })] },
  'managed-care.835': { transactions: [row('945.00', '945.00', '0.00', true, 2)] },
  'secondary-payment.835': { transactions: [row('1222.00', '1222.00', '0.00', true, 2, { componentSeparator: [29, 34] })] },
  // "SVC*HC*24599.00*...": SVC01 has a qualifier and no code.
  'tertiary-payment.835': { error: { code: 'X835-MISSING-ELEMENT', position: 20, element: 'SVC01' } },
  '835_mult_loops.txt': { transactions: [row('0.00', '0.00', '0.00', true, 1)] },
  '835__no_plb_sample.txt': { transactions: [row('0.00', '0.00', '0.00', true, 3)] },
  // PLB 72 −14, WO 14, B2 −14: ΣPLB = −14 but BPR02 is 0.
  '835__plb_sample.txt': { transactions: [row('0.00', '0.00', '-14.00', false, 3)] },
  '835__sample.txt': {
    transactions: [row('0.00', '0.00', '0.00', true, 1), row('0.00', '0.00', '0.00', true, 1), row('1812.27', '0.00', '-1812.27', true, 1)],
  },
  // 72232 charged, nothing paid, no CAS: the claim does not balance.
  'sample_no_cas.txt': {
    transactions: [
      row('0.00', '0.00', '0.00', true, 1, { unbalancedClaims: ['77777777'] }),
      row('0.00', '0.00', '0.00', true, 1),
      row('1812.27', '0.00', '-1812.27', true, 1),
    ],
  },
  'sample_services.txt': { transactions: [row('391.05', '395.00', '3.95', true, 2)] },
  '5010-835-example-1.txt': { transactions: [row('1790.00', '1790.00', '0.00', true, 3)] },
  '5010-835-example-2.txt': { transactions: [row('100.00', '100.00', '0.00', true, 2)] },
  '5010-835-example-3.txt': { transactions: [row('57.44', '57.44', '0.00', true, 2)] },
  'tests__835-example-2.txt': { transactions: [row('12345.67', '200.02', '0.00', false, 1), row('12000.65', '12000.65', '0.00', true, 1)] },
  'tests__835-example.txt': { transactions: [row('12345.67', '12200.67', '-361.19', false, 2)] },
  'emedny_sample.txt': { transactions: [PROFEE] },
  'united_healthcare_legacy_sample.txt': { transactions: [row('349.99', '349.99', '0.00', true, 2)] },
  'multi-line-not-delimited.edi': { transactions: [PROFEE] },
  // 156 interchanges, each the profee transaction set.
  'profee-multiple.edi': { transactions: Array.from({ length: 156 }, () => PROFEE) },
  '835__profee.edi': { transactions: [PROFEE] },
};

function expectedFor(file: string): Expected {
  const keys = Object.keys(EXPECTED).filter((key) => file.endsWith(key));
  if (keys.length !== 1) throw new Error(`no single expectation for ${file}`);
  return EXPECTED[keys[0]!]!;
}

/** The figures of one transaction set as the product computed them. */
function figuresOf(tx: TransactionOutcome): Figures | { error: { code: string; position?: number; element?: string } } {
  if ('error' in tx) return { error: { code: tx.error.code, position: tx.error.position, element: tx.error.element } };
  const { remittance, checks, warnings } = tx;
  const paid = remittance.claims.map((c) => c.paid);
  const plb = remittance.providerAdjustments.flatMap((p) => p.items.map((i) => toCents(i.amount ?? '0')));
  const payment = checks.find((c) => c.check === 'payment')!;
  const separator = warnings.filter((w) => w.code === 'X835-COMPONENT-SEPARATOR').map((w) => w.position!);
  return {
    bpr02: remittance.payment.totalPaid!,
    sumClp04: paid.some((p) => p === undefined) ? 'not-evaluable' : fromCents(paid.reduce((s, p) => s + toCents(p!), 0)),
    sumPlb: fromCents(plb.reduce((s, a) => s + a, 0)),
    payment: payment.ok,
    claims: remittance.claims.length,
    unbalancedClaims: checks.filter((c) => c.check === 'claim' && c.ok === false).map((c) => c.claimId!),
    unbalancedLines: checks.filter((c) => c.check === 'line' && c.ok === false).length,
    notEvaluableClaims: checks.filter((c) => c.check === 'claim' && c.ok === 'not-evaluable').map((c) => c.claimId!),
    ...(separator.length > 0 ? { componentSeparator: separator } : {}),
  };
}

describe.skipIf(FILES.length === 0)('835 samples (needs ../shared/samples/x12/835)', () => {
  it('has an expectation for each of the 23 samples', () => {
    expect(FILES).toHaveLength(23);
    for (const file of FILES) expect(() => expectedFor(file), file).not.toThrow();
  });

  it.each(FILES)('%s: balancing figures or the typed error, as computed independently', (file) => {
    const outcome = inMemory(readFileSync(join(DIR, file)));
    expect(outcome.fatal).toBeUndefined();
    const expected = expectedFor(file);
    const actual = outcome.transactions.map(figuresOf);
    if ('error' in expected) {
      expect(actual).toEqual([expected]);
      return;
    }
    expect(actual).toEqual(expected.transactions);
    for (const tx of outcome.transactions) {
      if ('error' in tx) continue;
      const payment = tx.checks.find((c) => c.check === 'payment')!;
      // The payment check's parts are ΣCLP04 − ΣPLB, and its difference is BPR02 minus them.
      if (payment.ok !== 'not-evaluable') {
        expect(payment.actualCents).toBe(payment.expectedCents! - payment.differenceCents!);
      } else {
        expect(payment.missing).toContain('CLP04');
      }
      // Every check names where it is.
      for (const check of tx.checks) expect(check.position).toBeGreaterThan(0);
    }
  });

  describe.each([1, 7, 64, 65536])('streaming in chunks of %i bytes', (size) => {
    it.each(FILES)('%s: same models, warnings, checks, errors and positions as in memory', async (file) => {
      const bytes = readFileSync(join(DIR, file));
      const memory = inMemory(bytes);
      const stream = await streamed(chunked(bytes, size));
      expect(stream.fatal).toEqual(memory.fatal);
      expect(stream.findings).toEqual(memory.findings);
      expect(stream.transactions).toEqual(memory.transactions);
    });
  });
});
