/**
 * read835 on every loop and segment of 005010X221A1 beyond the posting core
 * (fixture FULL), the ">" component separator leniency, negative reversals,
 * PLB with several pairs, and segments out of place.
 */
import { describe, expect, it } from 'vitest';
import { balance } from '../../../../lambdas/core/x12/835/balance.js';
import { read835 } from '../../../../lambdas/core/x12/835/read-835.js';
import { X12Error } from '../../../../lambdas/core/x12/errors.js';
import { FULL, interchange835, PAYER_B, positionOf, transactions } from './fixtures.js';

const text = interchange835([FULL]);
const [only] = transactions(text);
const { remittance, warnings } = read835(only!.tx, only!.delimiters);
const [inpatient, outpatient, reversal, denied] = remittance.claims;

function readBody(body: string[]) {
  const [tx] = transactions(interchange835([body]));
  return read835(tx!.tx, tx!.delimiters);
}

describe('read835: the whole 835', () => {
  it('reads FULL without warnings', () => {
    expect(warnings).toEqual([]);
    expect(remittance.claims.map((c) => [c.patientControlNumber, c.statusCode])).toEqual([
      ['INPAT-1', '19'],
      ['OUTPAT-2', '1'],
      ['OUTPAT-2', '22'],
      ['DENIED-4', '4'],
    ]);
  });

  it('header: CUR, REF*EV and REF*F2, DTM*405, the payer address abroad, RDM of the payee', () => {
    expect(remittance.currency).toEqual({ entityCode: 'PR', currencyCode: 'CAD', exchangeRate: undefined, position: positionOf(text, 'CUR*') });
    expect(remittance.receiverId).toBe('RECV01');
    expect(remittance.versionId).toBe('V1');
    expect(remittance.references).toBeUndefined();
    expect(remittance.productionDate).toBe('2024-03-14');
    expect(remittance.trace).toMatchObject({ traceNumber: 'EFT0001', payerId: '1512345678', supplementalCode: 'SUPP01' });
    expect(remittance.payment.bank).toMatchObject({ senderDfiId: '999999992', receiverAccount: '98765' });
    expect(remittance.payer.identifier).toEqual({ qualifier: 'XV', value: 'ACME123' });
    expect(remittance.payer.address).toEqual({ lines: ['1 PAYER PLAZA'], city: 'TORONTO', state: 'ON', postalCode: 'M5V2T6', country: 'CA' });
    expect(remittance.payer.references).toEqual([
      { qualifier: '2U', value: 'ACME01' },
      { qualifier: 'NF', value: 'NAIC1' },
    ]);
    expect(remittance.payer.contacts.map((c) => c.function)).toEqual(['CX', 'BL', 'IC']);
    expect(remittance.payee.references.map((r) => r.qualifier)).toEqual(['TJ', 'PQ']);
    expect(remittance.payee.deliveryMethod).toEqual({ code: 'EM', name: 'REMIT OFFICE', communicationNumber: 'REMIT@SMITH.EXAMPLE', position: positionOf(text, 'RDM*') });
  });

  it('loop 2000: LX with TS3 (5010 amounts by element) and TS2', () => {
    expect(remittance.headerNumbers).toEqual([
      {
        lxNumber: '1',
        position: positionOf(text, 'LX*1'),
        ts3: {
          providerId: '1234567893',
          facilityTypeCode: '11',
          fiscalPeriodDate: '2024-12-31',
          claimCount: '1',
          totalCharge: '1000.00',
          mspPayerAmount: '100.00',
          nonLabChargeAmount: '200.00',
          hcpcsReportedChargeAmount: '300.00',
          hcpcsPayableAmount: '250.00',
          position: positionOf(text, 'TS3*'),
        },
        ts2: {
          drgAmount: '5000.00',
          federalSpecificAmount: '4000.00',
          hospitalSpecificAmount: '0.00',
          disproportionateShareAmount: '100.00',
          capitalAmount: '50.00',
          indirectMedicalEducationAmount: '25.00',
          outlierDayCount: '2',
          dayOutlierAmount: '75.00',
          costOutlierAmount: '0.00',
          position: positionOf(text, 'TS2*'),
        },
      },
      { lxNumber: '2', position: positionOf(text, 'LX*2') },
    ]);
    expect(remittance.claims.map((c) => c.lxNumber)).toEqual(['1', '2', '2', '2']);
  });

  it('CLP11-13, the NM1 names of loop 2100 (74, TT, PR, GB) and the claim contact', () => {
    expect(inpatient).toMatchObject({ drgCode: '470', drgWeight: '1.2345', dischargeFraction: '0.75', patientStatusCode: undefined });
    expect(inpatient!.correctedInsured).toMatchObject({ entityType: '1', last: 'DOE', first: 'JANET', identifier: { qualifier: 'C', value: 'M2' } });
    expect(inpatient!.crossoverCarrier).toEqual({ name: 'MEDIGAP PLAN', identifier: { qualifier: 'PI', value: 'MG01' }, position: positionOf(text, 'NM1*TT') });
    expect(inpatient!.correctedPriorityPayer).toEqual({ name: 'OTHER PLAN', identifier: { qualifier: 'PI', value: 'OP01' }, position: positionOf(text, 'NM1*PR*2') });
    expect(inpatient!.otherSubscriber).toMatchObject({ last: 'ROE', identifier: { qualifier: 'MI', value: 'GB01' } });
    expect(inpatient!.contacts).toEqual([
      { function: 'CX', name: 'CLAIMS DESK', communications: [{ qualifier: 'TE', value: '8005550102' }, { qualifier: 'EX', value: '123' }] },
    ]);
    expect(inpatient!.dates.map((d) => d.qualifier)).toEqual(['232', '233', '050']);
    expect(inpatient!.amounts).toEqual([{ qualifier: 'AU', amount: '700.00' }]);
    expect(inpatient!.quantities).toEqual([
      { qualifier: 'CA', quantity: '5' },
      { qualifier: 'NE', quantity: '1' },
    ]);
  });

  it('MIA: every amount by element, counts as read, remark codes MIA05 then MIA20-23', () => {
    expect(inpatient!.inpatient).toEqual({
      coveredDaysOrVisits: '5',
      ppsOperatingOutlierAmount: '10.00',
      lifetimePsychiatricDays: '0',
      drgAmount: '500.00',
      costReportDayCount: '3',
      remarkCodes: ['MA01', 'MA02', 'MA03'],
      position: positionOf(text, 'MIA*'),
    });
  });

  it('MOA: reimbursement rate, HCPCS payable amount and remark codes', () => {
    expect(outpatient!.outpatient).toEqual({ reimbursementRate: '0.8', hcpcsPayableAmount: '400.00', remarkCodes: ['MA01', 'N130'], position: positionOf(text, 'MOA*') });
  });

  it('loop 2110: SVC06/SVC07, 6R and other REF, allowed and other AMT, QTY, LQ HE and RX', () => {
    const [first, second] = outpatient!.serviceLines;
    expect(first).toMatchObject({
      procedure: { qualifier: 'HC', code: '99213', modifiers: ['25'] },
      originalProcedure: { qualifier: 'HC', code: '99214', modifiers: [] },
      originalUnits: '2',
      lineControlNumber: 'L1',
      references: [{ qualifier: 'LU', value: 'LOC1' }],
      allowed: '290.00',
      amounts: [{ qualifier: 'KH', amount: '5.00' }],
      quantities: [{ qualifier: 'ZK', quantity: '1.5' }],
      remarks: [
        { qualifier: 'HE', value: 'N130' },
        { qualifier: 'RX', value: 'RX1' },
      ],
    });
    expect(second).toMatchObject({ procedure: { qualifier: 'NU', code: '0450' }, serviceDate: '2024-03-03', serviceDateEnd: '2024-03-04', lineControlNumber: 'L2' });
  });

  it('a reversal (CLP02 22) keeps its negative amounts, and every check of FULL balances', () => {
    expect(reversal).toMatchObject({ charge: '-500.00', paid: '-485.50', patientResponsibility: '-4.50', frequencyCode: '8' });
    expect(reversal!.serviceLines[0]!.adjustments.map((a) => a.amount)).toEqual(['-10.00', '-4.50']);
    const checks = balance(remittance);
    expect(checks.filter((c) => c.ok !== true)).toEqual([]);
    const reversed = checks.find((c) => c.check === 'claim' && c.position === reversal!.position)!;
    expect([reversed.expectedCents, reversed.actualCents]).toEqual([-50_000, -50_000]);
    expect(denied!.serviceLines[0]!.adjustments[0]).toMatchObject({ group: 'CO', reason: '50', amount: '150.00', quantity: '2' });
  });

  it('PLB: every pair of every PLB, with reference ids and signs; the payment subtracts them', () => {
    expect(remittance.providerAdjustments.map((p) => p.items)).toEqual([
      [
        { reason: 'WO', reference: 'ICN0009', amount: '12.25' },
        { reason: 'L6', reference: undefined, amount: '-2.25' },
        { reason: 'FB', reference: 'REF1', amount: '5.00' },
        { reason: 'CS', reference: 'ADJ2', amount: '-10.00' },
        { reason: '72', reference: undefined, amount: '1.50' },
        { reason: 'J1', reference: undefined, amount: '0.50' },
      ],
      [{ reason: 'IR', reference: undefined, amount: '3.00' }],
    ]);
    const payment = balance(remittance).at(-1)!;
    // 590 = 600 − 10
    expect(payment).toMatchObject({ check: 'payment', ok: true, expectedCents: 59_000, actualCents: 59_000 });
  });
});

describe('read835: leniency and misplaced segments', () => {
  it('reads SVC01 joined with ">" when ISA16 is ":" and warns X835-COMPONENT-SEPARATOR', () => {
    const body = PAYER_B.map((s) => (s.startsWith('SVC*') ? 'SVC*HC>99211>25*80*0**1' : s));
    const { remittance: read, warnings: found } = readBody(body);
    expect(read.claims[0]!.serviceLines[0]!.procedure).toEqual({ qualifier: 'HC', code: '99211', modifiers: ['25'], description: undefined });
    expect(found).toEqual([expect.objectContaining({ code: 'X835-COMPONENT-SEPARATOR', segmentId: 'SVC', position: positionOf(interchange835([body]), 'SVC*') })]);
  });

  it('does not split on ">" without a known qualifier in front, nor when ISA16 is present', () => {
    const unknown = PAYER_B.map((s) => (s.startsWith('SVC*') ? 'SVC*ZZ>99211*80*0**1' : s));
    expect(() => readBody(unknown)).toThrow(expect.objectContaining({ code: 'X835-MISSING-ELEMENT', element: 'SVC01' }));
    const mixed = PAYER_B.map((s) => (s.startsWith('SVC*') ? 'SVC*HC:A>B*80*0**1' : s));
    expect(readBody(mixed).remittance.claims[0]!.serviceLines[0]!.procedure.code).toBe('A>B');
  });

  it('warns on out-of-place supplemental segments and on a QTY without its quantity, and keeps the remittance', () => {
    const body = [...PAYER_B];
    body.splice(3, 0, 'MIA*1');
    body.splice(body.indexOf('LX*1') + 1, 0, 'CUR*PR*USD');
    body.push('TS3*1*11*20241231*1*80', 'QTY*ZZ', 'NM1*XX*1*X');
    const { warnings: found } = readBody(body);
    expect(found.map((w) => [w.code, w.segmentId])).toEqual([
      ['X835-UNEXPECTED-SEGMENT', 'MIA'],
      ['X835-UNEXPECTED-SEGMENT', 'CUR'],
      ['X835-UNEXPECTED-SEGMENT', 'TS3'],
      // After TS3 (misplaced) the reader is still in the service line: a line QTY, but QTY02 is missing.
      ['X835-MISSING-ELEMENT', 'QTY'],
      ['X835-UNEXPECTED-SEGMENT', 'NM1'],
    ]);
  });

  it('drops a count that is not a number with X835-BAD-NUMBER, and refuses a MIA amount that is not one', () => {
    const body = [...PAYER_B.slice(0, 10), 'MIA*X1', ...PAYER_B.slice(10)];
    const { remittance: read, warnings: found } = readBody(body);
    expect(read.claims[0]!.inpatient).toEqual({ remarkCodes: [], position: expect.any(Number) });
    expect(found.map((w) => w.code)).toEqual(['X835-BAD-NUMBER']);
    const bad = [...PAYER_B.slice(0, 10), 'MIA*1*1O', ...PAYER_B.slice(10)];
    let error: unknown;
    try {
      readBody(bad);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(X12Error);
    expect((error as X12Error).element).toBe('MIA02');
    expect((error as X12Error).message).not.toContain('1O');
  });

  it('keeps header REF and DTM other than EV/F2/405 in references/dates', () => {
    const body = [...PAYER_B.slice(0, 2), 'REF*ZZ*OTHER', 'DTM*009*20240101', ...PAYER_B.slice(2)];
    const { remittance: read, warnings: found } = readBody(body);
    expect(read.references).toEqual([{ qualifier: 'ZZ', value: 'OTHER' }]);
    expect(read.dates).toEqual([{ qualifier: '009', date: '2024-01-01' }]);
    expect(found).toEqual([]);
  });
});
