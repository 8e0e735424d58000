import { describe, expect, it } from 'vitest';
import { adjudicate } from '../../../../bin/local/payer-sandbox/adjudicate.js';
import { balance, isBalanced } from '../../../../lambdas/core/x12/835/balance.js';
import { read835 } from '../../../../lambdas/core/x12/835/read-835.js';
import { write835 } from '../../../../lambdas/core/x12/835/write-835.js';
import { transactions } from './fixtures.js';
import { CLAIMS, OPTS } from './sandbox-fixtures.js';
import { Claim } from '../../../../lambdas/core/claim/model.js';
import { inpatientInput } from '../837i/837i-fixtures.js';

describe('payer sandbox adjudication', () => {
  const remittance = adjudicate(CLAIMS, OPTS);
  const byId = (id: string) => remittance.claims.find((c) => c.patientControlNumber === id)!;
  const adj = (adjustments: Array<{ group: string; reason: string; amount?: string }>) =>
    adjustments.map((a) => `${a.group}-${a.reason} ${a.amount}`);

  it('applies the fee schedule and coinsurance (20 % of allowed) line by line', () => {
    const c = byId(CLAIMS[0]!.claimId);
    expect(c.statusCode).toBe('1');
    const [l1, l2, l3] = c.serviceLines;
    // allowed 92.00: CO-45 58.00, PR-2 18.40, paid 73.60
    expect(l1).toMatchObject({ charge: '150.00', allowed: '92.00', paid: '73.60', lineControlNumber: 'A-1' });
    expect(adj(l1!.adjustments)).toEqual(['CO-45 58.00', 'PR-2 18.40']);
    // charged under the fee: allowed = charge, no CO-45; PR-2 0.40
    expect(l2).toMatchObject({ charge: '2.00', allowed: '2.00', paid: '1.60' });
    expect(adj(l2!.adjustments)).toEqual(['PR-2 0.40']);
    // 2 units × 8.00 = 16.00 allowed: CO-45 14.00, PR-2 3.20
    expect(l3).toMatchObject({ allowed: '16.00', paid: '12.80' });
    expect(c).toMatchObject({ charge: '182.00', paid: '88.00', patientResponsibility: '22.00' });
  });

  it('takes the 40.00 deductible from the first covered lines and denies uncovered codes with CO-96', () => {
    const c = byId(CLAIMS[1]!.claimId);
    expect(c.statusCode).toBe('1');
    const [covered, uncovered] = c.serviceLines;
    expect(adj(covered!.adjustments)).toEqual(['CO-45 70.00', 'PR-1 40.00']);
    expect(covered!.paid).toBe('90.00');
    expect(uncovered).toMatchObject({ charge: '45.00', paid: '0.00' });
    expect(uncovered!.allowed).toBeUndefined();
    expect(adj(uncovered!.adjustments)).toEqual(['CO-96 45.00']);
  });

  it('charges the 25.00 copay once, rounds decimal units, and names patient, insured and rendering provider', () => {
    const c = byId(CLAIMS[2]!.claimId);
    const [therapy, visit] = c.serviceLines;
    // 29.00 × 1.5 = 43.50 allowed; CO-45 16.50; copay 25.00 → paid 18.50
    expect(therapy).toMatchObject({ allowed: '43.50', paid: '18.50', units: '1.5' });
    expect(adj(therapy!.adjustments)).toEqual(['CO-45 16.50', 'PR-3 25.00']);
    // 99212 fee 57.00 > 50.00: paid in full, no copay on the second line
    expect(visit).toMatchObject({ allowed: '50.00', paid: '50.00', adjustments: [] });
    expect(c.patient).toMatchObject({ last: 'DOE', first: 'JIMMY', identifier: { qualifier: 'MI', value: 'MEM001' } });
    expect(c.insured).toMatchObject({ first: 'JANE' });
    expect(c.renderingProvider).toMatchObject({ entityType: '1', identifier: { qualifier: 'XX', value: '1497758544' } });
  });

  it('denies claims whose id ends in 7 (CO-50) and claims with nothing covered (CO-96), all lines zero-paid', () => {
    for (const [id, reason] of [
      ['CLM-2017', '50'],
      ['CLM-3001', '96'],
    ] as const) {
      const c = byId(id);
      expect(c).toMatchObject({ statusCode: '4', paid: '0.00', patientResponsibility: '0.00' });
      expect(c.serviceLines.every((l) => l.paid === '0.00' && l.adjustments.every((a) => a.group === 'CO' && a.reason === reason))).toBe(true);
    }
    expect(byId('CLM-2017').serviceLines[0]!.lineControlNumber).toBe('D-1');
  });

  it('fills the payment and control numbers deterministically', () => {
    expect(remittance.payment).toMatchObject({ handlingCode: 'I', method: 'CHK', creditDebit: 'C', date: '2026-11-02' });
    // 88.00 + 90.00 + (18.50 + 50.00) + 0 + 0
    expect(remittance.payment.totalPaid).toBe('246.50');
    expect(remittance.trace.traceNumber).toBe('SBXTRACE0001');
    expect(remittance.trace.payerId).toMatch(/^1\d{9}$/);
    expect(remittance.claims.every((c) => /^SBX[0-9A-F]{12}$/.test(c.payerClaimControlNumber!))).toBe(true);
    expect(new Set(remittance.claims.map((c) => c.payerClaimControlNumber)).size).toBe(CLAIMS.length);
    expect(remittance.claims.every((c) => c.filingIndicator === '12')).toBe(true);
    expect(adjudicate(CLAIMS, OPTS)).toEqual(remittance);
  });

  it('sends a notification without payment when nothing is paid', () => {
    const nothing = adjudicate([CLAIMS[3]!], OPTS);
    expect(nothing.payment).toMatchObject({ handlingCode: 'H', method: 'NON', totalPaid: '0.00' });
  });

  it('balances on every check after adjudicate → write835 → read835, and echoes REF*6R per line', () => {
    const text = write835([remittance], {
      senderQualifier: 'ZZ',
      senderId: 'SANDBOXPAYER',
      receiverQualifier: 'ZZ',
      receiverId: 'CFDEMO01',
      controlNumber: 7,
      createdAt: OPTS.checkDate,
    });
    expect(write835([adjudicate(CLAIMS, OPTS)], { senderQualifier: 'ZZ', senderId: 'SANDBOXPAYER', receiverQualifier: 'ZZ', receiverId: 'CFDEMO01', controlNumber: 7, createdAt: OPTS.checkDate })).toBe(text);
    const [only] = transactions(text);
    const { remittance: read, warnings } = read835(only!.tx, only!.delimiters);
    expect(warnings).toEqual([]);
    const results = balance(read);
    const lineCount = CLAIMS.reduce((n, c) => n + c.serviceLines.length, 0);
    expect(results).toHaveLength(lineCount + CLAIMS.length + 1);
    expect(results.filter((r) => r.ok !== true)).toEqual([]);
    expect(isBalanced(results)).toBe(true);
    // Every 837 line control number comes back on its line.
    const sent = CLAIMS.flatMap((c) => c.serviceLines.map((l) => l.lineItemControlNumber).filter(Boolean));
    const echoed = read.claims.flatMap((c) => c.serviceLines.map((l) => l.lineControlNumber).filter(Boolean));
    expect(echoed).toEqual(sent);
    expect((text.match(/REF\*6R\*/g) ?? []).length).toBe(sent.length);
  });
});

describe('payer sandbox adjudication of institutional claims', () => {
  it('prices lines without a covered HCPCS code by revenue code per unit, pays them under SVC01 NU, and balances', () => {
    const inpatient = Claim.parse(inpatientInput());
    const remittance = adjudicate([inpatient], OPTS);
    const [paid] = remittance.claims;
    const [room, theatre, pharmacy] = paid!.serviceLines;
    // 0120: 4 days x 950.00 = 3800.00 allowed of 8000.00; 0360: 1800.00 of 12000.00;
    // 0250: 12 units x 40.00 = 480.00 is above the 345.67 charged, so the charge is allowed.
    expect(room).toMatchObject({ procedure: { qualifier: 'NU', code: '0120' }, charge: '8000.00', allowed: '3800.00' });
    expect(theatre).toMatchObject({ procedure: { qualifier: 'NU', code: '0360' }, allowed: '1800.00', lineControlNumber: 'L2' });
    expect(pharmacy).toMatchObject({ procedure: { qualifier: 'NU', code: '0250' }, allowed: '345.67' });
    const text = write835([remittance], { senderQualifier: 'ZZ', senderId: 'SANDBOXPAYER', receiverQualifier: 'ZZ', receiverId: 'CFDEMO01', controlNumber: 8, createdAt: OPTS.checkDate });
    const [only] = transactions(text);
    const { remittance: read } = read835(only!.tx, only!.delimiters);
    expect(isBalanced(balance(read))).toBe(true);
    expect(read.claims[0]!.serviceLines.map((l) => l.procedure.code)).toEqual(['0120', '0360', '0250']);
  });
});
