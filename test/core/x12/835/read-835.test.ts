import { describe, expect, it } from 'vitest';
import { X12Error } from '../../../../lambdas/core/x12/errors.js';
import { read835 } from '../../../../lambdas/core/x12/835/read-835.js';
import { interchange835, PAYER_A, PAYER_B, positionOf, transactions } from './fixtures.js';

function readAll(text: string) {
  return transactions(text).map(({ tx, delimiters }) => read835(tx, delimiters));
}

function readError(body: string[]): X12Error {
  const [only] = transactions(interchange835([body]));
  try {
    read835(only!.tx, only!.delimiters);
  } catch (error) {
    if (error instanceof X12Error) return error;
    throw error;
  }
  throw new Error('read835 did not throw');
}

const replace = (body: string[], prefix: string, segment: string) => body.map((s) => (s.startsWith(prefix) ? segment : s));

describe('read835 on hand-written 835s', () => {
  const text = interchange835([PAYER_A, PAYER_B]);
  const [a, b] = readAll(text);

  it('reads one remittance per ST, without warnings for conformant input', () => {
    expect(a).toBeDefined();
    expect(b).toBeDefined();
    expect(a!.warnings).toEqual([]);
    expect(b!.warnings).toEqual([]);
    expect(a!.remittance.controlNumber).toBe('0001');
    expect(b!.remittance.controlNumber).toBe('0002');
  });

  it('reads the payment, trace, payer and payee', () => {
    const r = a!.remittance;
    expect(r.payment).toMatchObject({ handlingCode: 'I', totalPaid: '242.50', creditDebit: 'C', method: 'CHK', date: '2024-03-15' });
    expect(r.payment.position).toBe(positionOf(text, 'BPR*I'));
    expect(r.trace).toMatchObject({ typeCode: '1', traceNumber: 'CHK10001', payerId: '1123456789' });
    expect(r.receiverId).toBe('CLINICRECV');
    expect(r.productionDate).toBe('2024-03-14');
    expect(r.payer.name).toBe('ACME HEALTH PLAN');
    expect(r.payer.address).toEqual({ lines: ['1 PAYER PLAZA', 'SUITE 9'], city: 'HARTFORD', state: 'CT', postalCode: '06101' });
    expect(r.payer.references).toEqual([{ qualifier: '2U', value: 'ACME01' }]);
    expect(r.payer.contacts.map((c) => c.function)).toEqual(['CX', 'BL']);
    expect(r.payer.contacts[1]!.communications).toEqual([
      { qualifier: 'TE', value: '8005550100' },
      { qualifier: 'EM', value: 'EDI@ACME.EXAMPLE' },
    ]);
    expect(r.payee).toMatchObject({ name: 'SMITH CLINIC', npi: '1234567893', tin: '123456789' });
    expect(r.payee.identifier).toEqual({ qualifier: 'XX', value: '1234567893' });
  });

  it('reads every CLP with its position, amounts and claim-level CAS triples', () => {
    const claims = a!.remittance.claims;
    expect(claims.map((c) => c.patientControlNumber)).toEqual(['PCN-001', 'PCN-002', 'PCN-003']);
    expect(claims.map((c) => c.position)).toEqual([
      positionOf(text, 'CLP*PCN-001'),
      positionOf(text, 'CLP*PCN-002'),
      positionOf(text, 'CLP*PCN-003'),
    ]);
    expect(claims[0]).toMatchObject({
      lxNumber: '1',
      statusCode: '1',
      charge: '300.00',
      paid: '180.00',
      patientResponsibility: '20.00',
      filingIndicator: '12',
      payerClaimControlNumber: 'ICN0001',
      facilityTypeCode: '11',
      frequencyCode: '1',
    });
    expect(claims[1]!.statusCode).toBe('4');
    // CAS*PR*1*7**2*3: two triples, the quantity left empty.
    expect(claims[2]!.adjustments).toEqual([
      { group: 'PR', reason: '1', amount: '7.00', quantity: undefined, position: positionOf(text, 'CAS*PR*1*7') },
      { group: 'PR', reason: '2', amount: '3.00', quantity: undefined, position: positionOf(text, 'CAS*PR*1*7') },
    ]);
  });

  it('keeps patient names in the model only, with the rendering provider, references and dates', () => {
    const claim = a!.remittance.claims[0]!;
    expect(claim.patient).toMatchObject({ last: 'DOE', first: 'JANE', middle: 'Q', identifier: { qualifier: 'MI', value: 'M123' } });
    expect(claim.renderingProvider).toMatchObject({ entityType: '1', last: 'HOUSE', identifier: { qualifier: 'XX', value: '1497758544' } });
    expect(claim.references).toEqual([{ qualifier: '1L', value: 'GRP77' }]);
    expect(claim.dates).toEqual([
      { qualifier: '232', date: '2024-03-01' },
      { qualifier: '233', date: '2024-03-01' },
    ]);
  });

  it('reads service lines: composite procedure, amounts, dates, line CAS, REF*6R, AMT*B6, LQ', () => {
    const [first, second] = a!.remittance.claims[0]!.serviceLines;
    expect(first).toMatchObject({
      procedure: { qualifier: 'HC', code: '99213', modifiers: ['25'] },
      charge: '200.00',
      paid: '120.00',
      units: '1',
      serviceDate: '2024-03-01',
      lineControlNumber: 'L1',
      allowed: '140.00',
      position: positionOf(text, 'SVC*HC:99213'),
    });
    expect(first!.adjustments.map((x) => [x.group, x.reason, x.amount])).toEqual([
      ['CO', '45', '60.00'],
      ['PR', '3', '20.00'],
    ]);
    expect(second!.remarks).toEqual([{ qualifier: 'HE', value: 'N130' }]);
    const denied = a!.remittance.claims[1]!.serviceLines[0]!;
    expect(denied).toMatchObject({ serviceDate: '2024-03-02', serviceDateEnd: '2024-03-03', units: '2' });
    expect(denied.adjustments).toMatchObject([{ group: 'CO', reason: '50', amount: '150.00', quantity: '2' }]);
  });

  it('reads PLB pairs with composite reason:reference and signed amounts', () => {
    expect(a!.remittance.providerAdjustments).toEqual([
      {
        providerId: '1234567893',
        fiscalPeriodDate: '2024-12-31',
        items: [
          { reason: 'WO', reference: 'ICN0009', amount: '12.25' },
          { reason: 'L6', reference: undefined, amount: '-2.25' },
        ],
        position: positionOf(text, 'PLB*'),
      },
    ]);
  });

  it('reads the second ST independently', () => {
    const r = b!.remittance;
    expect(r.payment).toMatchObject({ handlingCode: 'H', totalPaid: '0.00', method: 'NON' });
    expect(r.payer.name).toBe('MEDICARE PART B');
    expect(r.claims).toHaveLength(1);
    expect(r.claims[0]).toMatchObject({ patientControlNumber: 'PCN-004', paid: '0.00', filingIndicator: 'MB' });
    expect(r.providerAdjustments).toEqual([]);
  });

  it('accepts X12 decimals without a leading zero or with trailing zeros', () => {
    const body = replace(replace(PAYER_B, 'SVC*', 'SVC*HC:99211*80.000*.0**1'), 'CLP*', 'CLP*PCN-004*1*80.*0*80*MB*ICN0004');
    const [read] = readAll(interchange835([body]));
    expect(read!.remittance.claims[0]!.charge).toBe('80.00');
    expect(read!.remittance.claims[0]!.serviceLines[0]).toMatchObject({ charge: '80.00', paid: '0.00' });
  });
});

describe('read835 errors and warnings', () => {
  it('refuses a malformed amount with code, position and element, without echoing the value', () => {
    const body = replace(PAYER_A, 'CLP*PCN-002', 'CLP*PCN-002*4*15O.OO*0*0*12*ICN0002*11*1');
    const error = readError(body);
    expect(error.code).toBe('X835-BAD-AMOUNT');
    expect(error.element).toBe('CLP03');
    expect(error.segmentId).toBe('CLP');
    expect(error.position).toBe(positionOf(interchange835([body]), 'CLP*PCN-002'));
    expect(error.message).not.toContain('15O');
    expect(error.describe()).toContain('CLP03');
  });

  it('refuses an amount with a third decimal digit that is not zero (CAS amount)', () => {
    const error = readError(replace(PAYER_A, 'CAS*CO*45*18', 'CAS*CO*45*18.125'));
    expect(error.code).toBe('X835-BAD-AMOUNT');
    expect(error.element).toBe('CAS03');
  });

  it('names the second triple of a CAS segment', () => {
    const error = readError(replace(PAYER_A, 'CAS*PR*1*7', 'CAS*PR*1*7**2*x'));
    expect(error.element).toBe('CAS06');
  });

  it('refuses missing BPR, TRN and payee', () => {
    expect(readError(PAYER_A.slice(1)).code).toBe('X835-MISSING-SEGMENT');
    expect(readError(PAYER_A.filter((s) => !s.startsWith('TRN'))).segmentId).toBe('TRN');
    const noPayee = PAYER_A.filter((s, i) => !(s.startsWith('N1*PE') || (i > 10 && i < 14)));
    const error = readError(noPayee);
    expect(error.code).toBe('X835-MISSING-SEGMENT');
    expect(error.message).toContain('N1*PE');
  });

  it('refuses an SVC before any CLP and an unknown CAS group', () => {
    expect(readError(['SVC*HC:99213*1*1', ...PAYER_B]).code).toBe('X835-MISSING-SEGMENT');
    const early = [...PAYER_B.slice(0, 9), 'SVC*HC:99213*1*1', ...PAYER_B.slice(9)];
    expect(readError(early).code).toBe('X835-SVC-OUTSIDE-CLAIM');
    const badGroup = readError(replace(PAYER_B, 'CAS*', 'CAS*XX*1*80'));
    expect([badGroup.code, badGroup.element]).toEqual(['X835-BAD-CODE', 'CAS01']);
  });

  it('keeps an empty amount as undefined and warns, without inventing a zero', () => {
    const body = replace(PAYER_B, 'CLP*', 'CLP*PCN-004*1*80**80*MB*ICN0004');
    const [read] = readAll(interchange835([body]));
    expect(read!.remittance.claims[0]!.paid).toBeUndefined();
    expect(read!.warnings).toEqual([
      expect.objectContaining({ code: 'X835-MISSING-AMOUNT', segmentId: 'CLP', position: positionOf(interchange835([body]), 'CLP*') }),
    ]);
  });

  it('warns on a bad date, an unknown segment and a missing PER*BL, never quoting names or values', () => {
    const body = PAYER_A.filter((s) => !s.startsWith('PER*BL'))
      .map((s) => (s.startsWith('DTM*232') ? 'DTM*232*20240231' : s))
      .concat();
    body.splice(20, 0, 'ZZZ*DOE*JANE');
    const [read] = readAll(interchange835([body]));
    const codes = read!.warnings.map((w) => w.code).sort();
    expect(codes).toEqual(['X835-BAD-DATE', 'X835-MISSING-SEGMENT', 'X835-UNEXPECTED-SEGMENT']);
    const messages = read!.warnings.map((w) => w.message).join(' ');
    for (const value of ['DOE', 'JANE', '20240231', 'M123']) expect(messages).not.toContain(value);
    expect(read!.remittance.claims[0]!.dates.map((d) => d.qualifier)).toEqual(['233']);
  });

  it('warns on a second N1*PE and keeps the first payee with its own references', () => {
    const body = [...PAYER_B.slice(0, 8), 'N1*PE*OTHER CLINIC*XX*1111111112', 'REF*TJ*999999999', ...PAYER_B.slice(8)];
    const text = interchange835([body]);
    const [read] = readAll(text);
    expect(read!.remittance.payee).toMatchObject({ name: 'SMITH CLINIC', npi: '1234567893', references: [] });
    expect(read!.warnings).toEqual([
      expect.objectContaining({ code: 'X835-REPEATED-LOOP', position: positionOf(text, 'N1*PE*OTHER') }),
    ]);
  });

  it('refuses a transaction set that is not an 835', () => {
    const [only] = transactions(interchange835([PAYER_B]));
    expect(() => read835({ ...only!.tx, type: '837' }, only!.delimiters)).toThrow(X12Error);
  });
});
