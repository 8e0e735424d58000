/**
 * The 277CA writer and reader agree, dispositions follow the rule
 * (A1/A2 accepted, A3/A4/A6/A7/A8 rejected, a rejection at a level rejects
 * every claim under it), the writer refuses what the guide cannot express and
 * the reader's error policy holds.
 */
import { describe, expect, it } from 'vitest';
import { dispositionOf, type Ack277CAInput, type ClaimStatus } from '../../../../lambdas/core/x12/277ca/model.js';
import { read277CA, read277CAFile } from '../../../../lambdas/core/x12/277ca/read-277ca.js';
import { write277CA } from '../../../../lambdas/core/x12/277ca/write-277ca.js';
import { X12Error } from '../../../../lambdas/core/x12/errors.js';
import { readX12 } from '../../../../lambdas/core/x12/reader.js';
import { interchange } from '../x12-fixtures.js';
import { ACK_OPTIONS } from '../999/fixtures.js';
import { ack277, treeOf } from './fixtures.js';

function readOne(text: string) {
  const parsed = readX12(text);
  expect(parsed.warnings).toEqual([]);
  const i = parsed.interchanges[0]!;
  return read277CA(i.groups[0]!.transactions[0]!, i.delimiters);
}

/** A 277 interchange around the segments between ST and SE. */
function tx277(body: string[], version = '005010X214'): string {
  return interchange([
    `GS*HN*SENDER*RECEIVER*20240115*1200*1*X*${version}`,
    `ST*277*0001*${version}`,
    ...body,
    `SE*${body.length + 2}*0001`,
    'GE*1*1',
  ]);
}

function readError(body: string[]): X12Error {
  try {
    readOne(tx277(body));
  } catch (error) {
    if (error instanceof X12Error) return error;
    throw error;
  }
  throw new Error('read277CA did not throw');
}

const HEAD = ['BHT*0085*08*B1*20240115*1200*TH', 'HL*1**20*1', 'NM1*PR*2*PAYER*****PI*P1', 'TRN*1*T1', 'HL*2*1*21*1', 'NM1*41*2*SUB*****46*S1', 'TRN*2*42', 'STC*A1:19:PR*20240115*WQ*10'];

describe('write277CA → read277CA', () => {
  it('gives back the tree it wrote', () => {
    const model = ack277();
    const { ack, warnings } = readOne(write277CA([model], ACK_OPTIONS));
    expect(warnings).toEqual([]);
    expect(ack.version).toBe('005010X214');
    expect(treeOf(ack)).toEqual(treeOf({ ...model, claims: [] }));
  });

  it('derives claim dispositions, with the level that rejected them, and matching ids', () => {
    const { ack } = readOne(write277CA([ack277()], ACK_OPTIONS));
    expect(ack.claims.map((c) => [c.patientControlNumber, c.disposition, c.rejectedAt, c.billedAmount])).toEqual([
      ['ACME-26-0001', 'accepted', undefined, '100.00'],
      ['ACME-26-0002', 'rejected', 'claim', '150.50'],
      ['ACME-26-0003', 'rejected', 'provider', '175.00'],
    ]);
    expect(ack.claims[0]).toMatchObject({ payerClaimId: 'PCN900001', clearinghouseTraceNumber: 'CH1', payerId: 'SBX01', informationReceiverId: 'CFDEMO01', billingProviderId: '1234567893' });
    expect(ack.claims[1]!.lines).toMatchObject([{ lineItemControlNumber: 'L2-1', disposition: 'rejected', charge: '150.50' }]);
    expect(ack.sources[0]!.receivers[0]!.providers.map((p) => p.disposition)).toEqual(['accepted', 'rejected']);
  });

  it('a rejection at the receiver level rejects every claim', () => {
    const model = ack277();
    model.sources[0]!.receivers[0]!.statuses[0]!.category = 'A3';
    model.sources[0]!.receivers[0]!.providers[1]!.statuses[0]!.category = 'A1';
    const { ack } = readOne(write277CA([model], ACK_OPTIONS));
    expect(ack.claims.map((c) => [c.disposition, c.rejectedAt])).toEqual([
      ['rejected', 'receiver'],
      ['rejected', 'claim'],
      ['rejected', 'receiver'],
    ]);
  });
});

describe('dispositionOf', () => {
  const s = (category: string, additional: string[] = []): ClaimStatus => ({ category, status: '0', additional: additional.map((c) => ({ category: c, status: '0' })) });
  it('follows the issue: A1/A2 accepted, A3/A4/A6/A7/A8 rejected, others pending; a rejection wins', () => {
    for (const c of ['A1', 'A2']) expect(dispositionOf([s(c)])).toBe('accepted');
    for (const c of ['A3', 'A4', 'A6', 'A7', 'A8']) expect(dispositionOf([s(c)])).toBe('rejected');
    for (const c of ['A0', 'A5', 'E0', 'P1']) expect(dispositionOf([s(c)])).toBe('pending');
    expect(dispositionOf([])).toBe('pending');
    expect(dispositionOf([s('A1'), s('A7')])).toBe('rejected');
    expect(dispositionOf([s('A1', ['A6'])])).toBe('rejected');
  });
});

describe('write277CA refuses models the guide cannot express', () => {
  const cases: Array<[string, (a: Ack277CAInput) => void, string]> = [
    ['receiver without status', (a) => (a.sources[0]!.receivers[0]!.statuses = []), 'STC01'],
    ['claim status without date', (a) => (a.sources[0]!.receivers[0]!.providers[0]!.claims[0]!.statuses[0]!.effectiveDate = undefined), 'STC02'],
    ['claim without service date', (a) => (a.sources[0]!.receivers[0]!.providers[0]!.claims[0]!.serviceDates = undefined), 'DTP03'],
    ['line accepted with WQ', (a) => (a.sources[0]!.receivers[0]!.providers[0]!.claims[1]!.lines[0]!.statuses[0]!.action = 'WQ'), 'STC03'],
    ['patient that is an organisation', (a) => (a.sources[0]!.receivers[0]!.providers[0]!.claims[0]!.patient.entityType = '2'), 'NM102'],
    ['amount with three decimals', (a) => (a.sources[0]!.receivers[0]!.providers[0]!.claims[0]!.statuses[0]!.amount = '1.005'), 'STC04'],
    ['impossible date', (a) => (a.transactionDate = '2026-02-30'), 'BHT04'],
    ['two receivers', (a) => a.sources[0]!.receivers.push(a.sources[0]!.receivers[0]!), 'HL03'],
    ['empty patient control number', (a) => (a.sources[0]!.receivers[0]!.providers[0]!.claims[0]!.patientControlNumber = '~*'), 'TRN02'],
  ];
  it.each(cases)('%s', (_label, spoil, element) => {
    const model = ack277();
    spoil(model);
    expect(() => write277CA([model], ACK_OPTIONS)).toThrowError(expect.objectContaining({ code: 'X277-WRITE-INVALID', element }));
  });
});

describe('read277CA error policy', () => {
  it('throws typed errors with positions for a broken hierarchy and missing identifiers', () => {
    // ISA 1, GS 2, ST 3, BHT 4.
    expect(readError(['BHT*0085*08*B1*20240115*1200*TH', 'HL*1**19*1'])).toMatchObject({ code: 'X277-HIERARCHY', position: 5 });
    expect(readError([...HEAD, 'HL*3*2*19*1', 'NM1*85*2*P*****XX*1', 'TRN*1*0', 'HL*4*3*PT', 'NM1*QC*1*DOE', 'TRN*2'])).toMatchObject({
      code: 'X277-MISSING-ELEMENT',
      position: 17,
      element: 'TRN02',
    });
    expect(readError([...HEAD, 'STC*A1**20240115'])).toMatchObject({ code: 'X277-MISSING-ELEMENT', position: 12, element: 'STC01' });
    expect(readError([...HEAD, 'SVC*HC:99213*10'])).toMatchObject({ code: 'X277-HIERARCHY', position: 12 });
    expect(readError([...HEAD, 'HL*3'])).toMatchObject({ code: 'X277-MISSING-ELEMENT', element: 'HL03' });
  });

  it('warns on bad dates, amounts, unknown levels and misplaced segments, never echoing values', () => {
    const secret = 'SECRET99';
    const { ack, warnings } = readOne(
      tx277([
        'BHT*0085*08*B1*2024011X*1200*TH',
        'HL*1**20*1',
        'NM1*PR*2*PAYER*****PI*P1',
        'TRN*1*T1',
        `REF*EA*${secret}`,
        'HL*2*1*21*1',
        'NM1*41*2*SUB*****46*S1',
        'TRN*2*42',
        `STC*A1:19*${secret}*WQ*${secret}`,
        'HL*3*2*19*1',
        'NM1*85*2*P*****XX*1',
        'TRN*1*0',
        'HL*4*9*PT',
        'NM1*QC*1*DOE****MI*M1',
        'TRN*2*C1',
        'STC*A2:20*20240115*WQ*10',
        'DTP*472*D8*2024',
        'HL*5*3*ZZ',
        `NM1*ZZ*1*${secret}`,
      ]),
    );
    expect(ack.claims).toMatchObject([{ patientControlNumber: 'C1', disposition: 'accepted' }]);
    expect(ack.claims[0]!.serviceDates).toBeUndefined();
    expect(warnings.map((w) => [w.code, w.position])).toEqual([
      ['X277-BAD-DATE', 4],
      ['X277-UNEXPECTED-SEGMENT', 8],
      ['X277-BAD-DATE', 12],
      ['X277-BAD-AMOUNT', 12],
      ['X277-HL-PARENT', 16],
      ['X277-BAD-DATE', 20],
      ['X277-UNKNOWN-LEVEL', 21],
    ]);
    expect(JSON.stringify(warnings)).not.toContain(secret);
  });

  it('refuses a transaction set that is not a 277 and skips it in a file', () => {
    const parsed = readX12(interchange(['GS*HC*S*R*20240115*1200*1*X*005010X222A1', 'ST*837*0001*005010X222A1', 'SE*2*0001', 'GE*1*1']));
    const i = parsed.interchanges[0]!;
    expect(() => read277CA(i.groups[0]!.transactions[0]!, i.delimiters)).toThrowError(expect.objectContaining({ code: 'X277-NOT-277', element: 'ST01' }));
    expect(read277CAFile(parsed)).toMatchObject({ acks: [], warnings: [{ code: 'X277-UNEXPECTED-SEGMENT', segmentId: 'ST' }] });
  });

  it('reads a 277 claim status response (X212) as far as it agrees, with one warning', () => {
    const { ack, warnings } = readOne(
      tx277(
        ['BHT*0010*08*B1*20240115*1200*DG', ...HEAD.slice(1), 'HL*3*2*19*1', 'NM1*1P*2*P*****XX*1', 'HL*4*3*22*0', 'NM1*IL*1*DOE****MI*M1', 'TRN*2*C9', 'STC*F1:65*20240115**10*10', 'DTP*472*D8*20240101'],
        '005010X212',
      ),
    );
    expect(warnings.map((w) => w.code)).toEqual(['X277-NOT-277CA']);
    expect(ack.claims).toMatchObject([{ patientControlNumber: 'C9', disposition: 'pending', serviceDates: { from: '2024-01-01' } }]);
  });
});
