import { describe, expect, it } from 'vitest';
import { balance, isBalanced } from '../../../../lambdas/core/x12/835/balance.js';
import { Remittance, type RemittanceInput } from '../../../../lambdas/core/x12/835/model.js';
import { read835 } from '../../../../lambdas/core/x12/835/read-835.js';
import { write835, type Write835Options } from '../../../../lambdas/core/x12/835/write-835.js';
import { X12Error } from '../../../../lambdas/core/x12/errors.js';
import { interchange835, PAYER_A, PAYER_B, transactions } from './fixtures.js';

const OPTIONS: Write835Options = {
  senderQualifier: 'ZZ',
  senderId: 'PAYERSENDER',
  receiverQualifier: 'ZZ',
  receiverId: 'CLINICRECV',
  controlNumber: 42,
  createdAt: new Date('2024-03-15T14:30:00Z'),
};

function readBack(text: string) {
  return transactions(text).map(({ tx, delimiters }) => read835(tx, delimiters));
}

/** The model without segment positions (they depend on the file, not on the content). */
function withoutPositions(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutPositions);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).filter(([key, v]) => key !== 'position' && v !== undefined).map(([key, v]) => [key, withoutPositions(v)]),
    );
  }
  return value;
}

const minimal = (overrides: Partial<RemittanceInput> = {}) =>
  Remittance.parse({
    payment: { handlingCode: 'I', totalPaid: '10.00', creditDebit: 'C', method: 'CHK', date: '2024-03-15' },
    trace: { traceNumber: 'T1', payerId: '1999999999' },
    payer: {
      name: 'PAYER',
      address: { lines: ['1 ST'], city: 'CITY', state: 'NY', postalCode: '10001' },
      contacts: [{ function: 'BL', communications: [{ qualifier: 'TE', value: '5555550100' }] }],
    },
    payee: { name: 'CLINIC', identifier: { qualifier: 'XX', value: '1234567893' } },
    claims: [
      {
        patientControlNumber: 'C1',
        statusCode: '1',
        charge: '10.00',
        paid: '10.00',
        filingIndicator: '12',
        payerClaimControlNumber: 'ICN1',
        patient: { last: 'DOE', first: 'JANE' },
      },
    ],
    ...overrides,
  });

describe('write835', () => {
  it('round-trips the hand-written remittances: read → write → read gives the same model', () => {
    const original = readBack(interchange835([PAYER_A, PAYER_B])).map((r) => r.remittance);
    const text = write835(original, OPTIONS);
    const again = readBack(text);
    expect(again.map((r) => r.warnings)).toEqual([[], []]);
    expect(withoutPositions(again.map((r) => r.remittance))).toEqual(withoutPositions(original));
    expect(again.every((r) => isBalanced(balance(r.remittance)))).toBe(true);
  });

  it('writes a counted envelope: 106-character ISA, GS*HP, SE/GE/IEA counts that match the text', () => {
    const original = readBack(interchange835([PAYER_A, PAYER_B])).map((r) => r.remittance);
    const text = write835(original, { ...OPTIONS, lineBreak: '\n' });
    const segments = text.split('~\n').filter((s) => s !== '');
    expect(segments[0]!.length + 1).toBe(106);
    expect(segments[0]).toMatch(/^ISA\*00\*\s{10}\*00\*\s{10}\*ZZ\*PAYERSENDER {4}\*ZZ\*CLINICRECV {5}\*240315\*1430\*\^\*00501\*000000042\*0\*T\*:$/);
    expect(segments[1]).toBe('GS*HP*PAYERSENDER*CLINICRECV*20240315*1430*42*X*005010X221A1');
    // Count ST..SE inclusive by hand for each transaction set.
    const starts = segments.flatMap((s, i) => (s.startsWith('ST*') ? [i] : []));
    for (const start of starts) {
      const end = segments.findIndex((s, i) => i > start && s.startsWith('SE*'));
      const [, count, control] = segments[end]!.split('*');
      expect(Number(count)).toBe(end - start + 1);
      expect(control).toBe(segments[start]!.split('*')[2]);
      // ST03 is not used in 005010X221A1.
      expect(segments[start]!.split('*')).toHaveLength(3);
    }
    expect(segments.at(-2)).toBe(`GE*${starts.length}*42`);
    expect(segments.at(-1)).toBe('IEA*1*000000042');
  });

  it('removes delimiters from data values', () => {
    const model = minimal();
    model.payer.name = 'ACME*HEALTH~PLAN:^';
    const text = write835([model], OPTIONS);
    expect(text).toContain('N1*PR*ACMEHEALTHPLAN~');
    expect(readBack(text)[0]!.remittance.payer.name).toBe('ACMEHEALTHPLAN');
  });

  it('splits more than six CAS triples or PLB pairs over several segments, grouped by group code', () => {
    const model = minimal();
    const claim = model.claims[0]!;
    claim.charge = '17.00';
    claim.adjustments = [
      ...Array.from({ length: 7 }, (_, i) => ({ group: 'CO' as const, reason: String(100 + i), amount: '1.00' })),
      { group: 'PR' as const, reason: '1', amount: '0' },
    ];
    model.payment.totalPaid = '3.00';
    model.providerAdjustments = [
      { providerId: '1234567893', fiscalPeriodDate: '2024-12-31', items: Array.from({ length: 7 }, () => ({ reason: 'WO', amount: '1.00' })) },
    ];
    const text = write835([model], OPTIONS);
    expect(text.match(/CAS\*CO\*/g)).toHaveLength(2);
    expect(text.match(/CAS\*PR\*/g)).toHaveLength(1);
    expect(text.match(/PLB\*/g)).toHaveLength(2);
    const [read] = readBack(text);
    expect(read!.remittance.claims[0]!.adjustments).toHaveLength(8);
    // 17 = 10 + 7 × 1 + 0; 3 = 10 − 7 × 1
    expect(isBalanced(balance(read!.remittance))).toBe(true);
  });

  it('refuses a model missing what the guide requires, naming the element, and never writes zero for it', () => {
    const missingPaid = minimal();
    missingPaid.claims[0]!.paid = undefined;
    expect(() => write835([missingPaid], OPTIONS)).toThrow(expect.objectContaining({ code: 'X835-WRITE-MISSING', element: 'CLP04' }));

    const noTechnicalContact = minimal();
    noTechnicalContact.payer.contacts = [];
    expect(() => write835([noTechnicalContact], OPTIONS)).toThrow(expect.objectContaining({ element: 'PER01' }));

    const emptyAfterCleaning = minimal();
    emptyAfterCleaning.claims[0]!.payerClaimControlNumber = '**';
    expect(() => write835([emptyAfterCleaning], OPTIONS)).toThrow(expect.objectContaining({ element: 'CLP07' }));

    const badAmount = minimal();
    badAmount.claims[0]!.charge = '1O.00';
    const error = (() => {
      try {
        write835([badAmount], OPTIONS);
      } catch (e) {
        return e as X12Error;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(X12Error);
    expect(error!.element).toBe('CLP03');
    expect(error!.message).not.toContain('1O');

    expect(() => write835([], OPTIONS)).toThrow(X12Error);
  });
});
