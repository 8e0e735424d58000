import { describe, expect, it } from 'vitest';
import { balance, balanceClaim, balancePayment, claimChecks, isBalanced, PaymentBalance } from '../../../../lambdas/core/x12/835/balance.js';
import { Remittance } from '../../../../lambdas/core/x12/835/model.js';
import { read835 } from '../../../../lambdas/core/x12/835/read-835.js';
import { FULL, interchange835, PAYER_A, PAYER_B, positionOf, transactions } from './fixtures.js';

function remittances(bodies: string[][]) {
  return transactions(interchange835(bodies)).map(({ tx, delimiters }) => read835(tx, delimiters).remittance);
}

const replace = (body: string[], prefix: string, segment: string) => body.map((s) => (s.startsWith(prefix) ? segment : s));

describe('balance on balanced remittances', () => {
  it('passes every line, claim and payment check of the hand-written file', () => {
    const [a, b] = remittances([PAYER_A, PAYER_B]);
    const results = balance(a!);
    // 2 + 1 + 1 lines, 3 claims, 1 payment.
    expect(results.map((r) => r.check)).toEqual(['line', 'line', 'claim', 'line', 'claim', 'line', 'claim', 'payment']);
    expect(results.every((r) => r.ok === true && r.differenceCents === 0)).toBe(true);
    expect(isBalanced(results)).toBe(true);
    expect(isBalanced(balance(b!))).toBe(true);
  });

  it('reports the figures: claim PCN-003 counts claim-level and line-level CAS, the payment subtracts PLB', () => {
    const [a] = remittances([PAYER_A]);
    const results = balance(a!);
    // 100.50 = 72.50 + 7.00 + 3.00 + 18.00 (worked by hand in fixtures.ts)
    expect(results.find((r) => r.check === 'claim' && r.claimId === 'PCN-003')).toMatchObject({
      ok: true,
      expected: '100.50',
      actual: '100.50',
      difference: '0.00',
      expectedCents: 10050,
    });
    // 242.50 = 180.00 + 0.00 + 72.50 − (12.25 + (−2.25))
    expect(results.find((r) => r.check === 'payment')).toMatchObject({ ok: true, expected: '242.50', actual: '242.50' });
  });

  it('adds cents exactly where binary floating point would not (0.10 + 0.20)', () => {
    const model = Remittance.parse({
      payment: { handlingCode: 'I', totalPaid: '0.30', creditDebit: 'C', method: 'CHK' },
      trace: { traceNumber: 'T1' },
      payer: { name: 'P' },
      payee: { name: 'Q' },
      claims: [
        { patientControlNumber: 'A', statusCode: '1', charge: '0.10', paid: '0.10' },
        { patientControlNumber: 'B', statusCode: '1', charge: '0.20', paid: '0.20' },
      ],
    });
    expect(balancePayment(model)).toMatchObject({ ok: true, actualCents: 30 });
  });
});

describe('balance on unbalanced remittances', () => {
  it('reports each broken check with expected, actual, difference, position and claim id', () => {
    // PCN-001 pays 170 instead of 180, and its second line claims 65 paid instead of 60.
    const body = replace(
      replace(PAYER_A, 'CLP*PCN-001', 'CLP*PCN-001*1*300*170*20*12*ICN0001*11*1'),
      'SVC*HC:36415',
      'SVC*HC:36415*100*65**1',
    );
    const text = interchange835([body]);
    const [a] = remittances([body]);
    const failed = balance(a!).filter((r) => r.ok !== true);
    expect(failed).toEqual([
      expect.objectContaining({
        check: 'line',
        ok: false,
        claimId: 'PCN-001',
        lineNumber: 2,
        expected: '100.00', // SVC02
        actual: '105.00', // 65 + 40
        difference: '-5.00',
        position: positionOf(text, 'SVC*HC:36415'),
      }),
      expect.objectContaining({
        check: 'claim',
        ok: false,
        claimId: 'PCN-001',
        expected: '300.00',
        actual: '290.00', // 170 + 60 + 20 + 40
        difference: '10.00',
        position: positionOf(text, 'CLP*PCN-001'),
      }),
      expect.objectContaining({
        check: 'payment',
        ok: false,
        expected: '242.50',
        actual: '232.50', // 170 + 0 + 72.50 − 10.00
        difference: '10.00',
        differenceCents: 1000,
        position: positionOf(text, 'BPR*'),
      }),
    ]);
  });

  it('treats BPR03 D as money owed by the provider', () => {
    const [b] = remittances([replace(PAYER_B, 'BPR*', 'BPR*I*5*D*NON************20240316')]);
    const withRecoupment = { ...b!, providerAdjustments: [{ providerId: 'X', fiscalPeriodDate: '2024-12-31', items: [{ reason: 'WO', amount: '5.00' }] }] };
    // −5.00 stated (debit); 0.00 − 5.00 from the parts.
    expect(balancePayment(withRecoupment)).toMatchObject({ ok: true, expected: '-5.00', actual: '-5.00' });
  });
});

describe('balance when a term is missing', () => {
  it('is not-evaluable (never zero) when a CAS amount is empty, and names the missing term', () => {
    const body = replace(PAYER_A, 'CAS*CO*45*18', 'CAS*CO*45*');
    const [a] = remittances([body]);
    const results = balance(a!);
    const line = results.find((r) => r.check === 'line' && r.claimId === 'PCN-003');
    expect(line).toMatchObject({ ok: 'not-evaluable', expected: '100.50', missing: ['CAS amount (CO-45)'] });
    expect(line!.actual).toBeUndefined();
    expect(line!.difference).toBeUndefined();
    expect(results.find((r) => r.check === 'claim' && r.claimId === 'PCN-003')!.ok).toBe('not-evaluable');
    // The payment check does not use CAS: it stays evaluable and balanced.
    expect(results.find((r) => r.check === 'payment')!.ok).toBe(true);
    expect(isBalanced(results)).toBe(false);
  });

  it('is not-evaluable for the claim and the payment when CLP04 is empty', () => {
    const [b] = remittances([replace(PAYER_B, 'CLP*', 'CLP*PCN-004*1*80**80*MB*ICN0004')]);
    expect(balanceClaim(b!.claims[0]!)).toMatchObject({ ok: 'not-evaluable', expected: '80.00', missing: ['CLP04'] });
    expect(balancePayment(b!)).toMatchObject({ ok: 'not-evaluable', expected: '0.00', missing: ['CLP04'] });
  });

  it('still reports the parts when only the stated total is missing', () => {
    const [b] = remittances([replace(PAYER_B, 'BPR*', 'BPR*H**C*NON************20240316')]);
    const result = balancePayment(b!);
    expect(result).toMatchObject({ ok: 'not-evaluable', actual: '0.00', missing: ['BPR02'] });
    expect(result.expected).toBeUndefined();
  });
});

describe('balance on reversals and from running sums', () => {
  it('balances a reversal (CLP02 22) with negative CLP03/CLP04/CAS, and finds a reversal off by a cent', () => {
    const [full] = remittances([FULL]);
    const reversal = full!.claims.find((c) => c.statusCode === '22')!;
    // −500.00 = −485.50 + (−10.00) + (−4.50); lines −300.00 = −285.50 − 10.00 − 4.50 and −200.00 = −200.00
    expect(claimChecks(reversal).map((r) => [r.check, r.ok, r.expectedCents, r.actualCents])).toEqual([
      ['line', true, -30_000, -30_000],
      ['line', true, -20_000, -20_000],
      ['claim', true, -50_000, -50_000],
    ]);
    const body = FULL.map((s) => (s === 'CAS*CO*45*-10' ? 'CAS*CO*45*-10.01' : s));
    const [off] = remittances([body]);
    const offChecks = claimChecks(off!.claims.find((c) => c.statusCode === '22')!);
    // −300.00 − (−285.50 − 10.01 − 4.50) = +0.01
    expect(offChecks.map((r) => [r.check, r.ok, r.differenceCents])).toEqual([
      ['line', false, 1],
      ['line', true, 0],
      ['claim', false, 1],
    ]);
  });

  it('PaymentBalance fed claim by claim and PLB by PLB equals balancePayment, including missing terms', () => {
    const [full] = remittances([FULL]);
    const [missing] = remittances([replace(PAYER_B, 'CLP*', 'CLP*PCN-004*1*80**80*MB*ICN0004')]);
    for (const remittance of [full!, missing!]) {
      const running = new PaymentBalance();
      for (const claim of remittance.claims) running.addClaim(claim);
      for (const plb of remittance.providerAdjustments) running.addProviderAdjustment(plb);
      expect(running.result(remittance.payment)).toEqual(balancePayment(remittance));
    }
    // 590 = 600 + 485.50 − 485.50 + 0 − 10.00 (ΣPLB of FULL)
    expect(balancePayment(full!)).toMatchObject({ ok: true, expectedCents: 59_000, actualCents: 59_000 });
    expect(balancePayment(missing!).missing).toEqual(['CLP04']);
  });
});
