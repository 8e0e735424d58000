/**
 * The 999 writer and reader agree (write → read gives the model back), the
 * writer refuses what the guide cannot express, and the reader's error policy:
 * X12Error for what matching needs, warnings for the rest, no IK404 values.
 */
import { describe, expect, it } from 'vitest';
import { acceptGroup, withGroupStatus } from '../../../../lambdas/core/x12/999/build-ack.js';
import type { FunctionalGroupAck } from '../../../../lambdas/core/x12/999/model.js';
import { read999, read999File } from '../../../../lambdas/core/x12/999/read-999.js';
import { write999 } from '../../../../lambdas/core/x12/999/write-999.js';
import { X12Error } from '../../../../lambdas/core/x12/errors.js';
import { readX12 } from '../../../../lambdas/core/x12/reader.js';
import { group, interchange } from '../x12-fixtures.js';
import { ACK_OPTIONS, comparable, groupAck } from './fixtures.js';

function only999(text: string) {
  const parsed = readX12(text);
  const interchange = parsed.interchanges[0]!;
  const tx = interchange.groups[0]!.transactions[0]!;
  return { parsed, tx, delimiters: interchange.delimiters };
}

/** A 999 interchange around the given segments between ST and SE. */
function ack999(body: string[]): string {
  return interchange(group([body], { type: '999', version: '005010X231A1' }).map((s) => s.replace(/^GS\*HC/, 'GS*FA')));
}

function readError(body: string[]): X12Error {
  const { tx, delimiters } = only999(ack999(body));
  try {
    read999(tx, delimiters);
  } catch (error) {
    if (error instanceof X12Error) return error;
    throw error;
  }
  throw new Error('read999 did not throw');
}

describe('write999 → read999', () => {
  it('gives back the model it wrote, with the envelope the guide asks for', () => {
    const ack = groupAck();
    const text = write999([ack, acceptGroup(readX12(interchange(group([['BHT*0019*00*1*20240115*1200*CH']]))).interchanges[0]!.groups[0]!)], ACK_OPTIONS);
    const parsed = readX12(text);
    expect(parsed.warnings).toEqual([]);
    const g = parsed.interchanges[0]!.groups[0]!;
    expect([g.functionalId, g.version, g.controlNumber]).toEqual(['FA', '005010X231A1', '731']);
    expect(g.transactions.map((t) => [t.type, t.controlNumber, t.version])).toEqual([
      ['999', '0001', '005010X231A1'],
      ['999', '0002', '005010X231A1'],
    ]);
    const { acks, warnings } = read999File(parsed);
    expect(warnings).toEqual([]);
    expect(acks).toHaveLength(1);
    expect(acks[0]!.interchangeControlNumber).toBe('000000731');
    expect(acks[0]!.groupControlNumber).toBe('731');
    expect(comparable(acks[0]!.acks[0]!)).toEqual(comparable(ack));
    expect(acks[0]!.acks[1]).toMatchObject({ groupControlNumber: '1', status: 'accepted', counts: { included: 1, received: 1, accepted: 1 } });
  });

  it('writes business unit context before segment context, and IK4 after the IK3 contexts', () => {
    const text = write999([groupAck()], { ...ACK_OPTIONS, lineBreak: '\n' });
    const lines = text.split('~\n');
    const sv1 = lines.indexOf('IK3*SV1*29*2400*8');
    expect(lines.slice(sv1, sv1 + 5)).toEqual([
      'IK3*SV1*29*2400*8',
      'CTX*CLM01:ACME-26-0002',
      'CTX*SITUATIONAL TRIGGER*CLM*23*2300*5:3*1325',
      'IK4*1:2*234*7',
      'CTX*SITUATIONAL TRIGGER*SV1*29**1:1:1',
    ]);
    expect(lines).toContain('AK9*P*3*3*2');
  });

  it('keeps a status code that agrees with the status (M is a rejection) and refuses one that does not', () => {
    const ack = groupAck();
    ack.transactions[1]!.statusCode = 'M';
    const { tx, delimiters } = only999(write999([ack], ACK_OPTIONS));
    expect(read999(tx, delimiters).ack.transactions[1]).toMatchObject({ status: 'rejected', statusCode: 'M' });
    ack.transactions[1]!.statusCode = 'A';
    expect(() => write999([ack], ACK_OPTIONS)).toThrowError(expect.objectContaining({ code: 'X999-WRITE-INVALID', element: 'IK501' }));
  });
});

describe('withGroupStatus', () => {
  const tx = (status: FunctionalGroupAck['transactions'][number]['status']) => ({
    transactionType: '837',
    controlNumber: '0001',
    status,
    errorCodes: [],
    segmentErrors: [],
  });
  const base = (statuses: Array<'accepted' | 'accepted_with_errors' | 'rejected'>, groupErrors: string[] = []) =>
    withGroupStatus({ functionalId: 'HC', groupControlNumber: '1', counts: {}, groupErrors, transactions: statuses.map(tx) });

  it('derives AK901 and the counts from the transaction sets', () => {
    expect(base(['accepted', 'accepted'])).toMatchObject({ status: 'accepted', counts: { included: 2, received: 2, accepted: 2 } });
    expect(base(['accepted', 'accepted_with_errors']).status).toBe('accepted_with_errors');
    expect(base(['accepted', 'rejected'])).toMatchObject({ status: 'partially_accepted', counts: { accepted: 1 } });
    expect(base(['rejected']).status).toBe('rejected');
    expect(base(['accepted'], ['1']).status).toBe('rejected');
  });
});

describe('write999 refuses models the guide cannot express', () => {
  const cases: Array<[string, (ack: FunctionalGroupAck) => void, string]> = [
    ['no status', (a) => (a.transactions[0]!.status = undefined), 'IK501'],
    ['IK302 zero', (a) => (a.transactions[1]!.segmentErrors[0]!.position = 0), 'IK302'],
    ['bad segment id', (a) => (a.transactions[1]!.segmentErrors[0]!.segmentId = 'clm'), 'IK301'],
    ['six IK5 codes', (a) => (a.transactions[1]!.errorCodes = ['1', '2', '3', '4', '5', '6']), 'IK502'],
    ['unknown business unit', (a) => (a.transactions[1]!.segmentErrors[0]!.contexts[0]!.name = 'PATIENT'), 'CTX01'],
    ['AK202 too short', (a) => (a.transactions[0]!.controlNumber = '1'), 'AK202'],
    ['AK101 not a guide code', (a) => (a.functionalId = 'XX'), 'AK101'],
    ['missing counts', (a) => (a.counts = {}), 'AK902'],
  ];
  it.each(cases)('%s', (_label, spoil, element) => {
    const ack = groupAck();
    spoil(ack);
    expect(() => write999([ack], ACK_OPTIONS)).toThrowError(expect.objectContaining({ code: 'X999-WRITE-INVALID', element }));
  });
});

describe('read999 error policy', () => {
  it('throws typed errors with positions for what matching needs', () => {
    // ISA 1, GS 2, ST 3: the first body segment is at 4.
    expect(readError(['AK2*837*0001', 'IK5*A', 'AK9*A*1*1*1'])).toMatchObject({ code: 'X999-MISSING-SEGMENT', position: 4 });
    expect(readError(['AK1*HC', 'AK9*A*0*0*0'])).toMatchObject({ code: 'X999-MISSING-ELEMENT', position: 4, element: 'AK102' });
    expect(readError(['AK1*HC*1', 'AK2*837*0001', 'IK5*Q', 'AK9*A*1*1*1'])).toMatchObject({ code: 'X999-BAD-CODE', position: 6, element: 'IK501' });
    expect(readError(['AK1*HC*1', 'IK3*CLM*5**8', 'AK9*R*1*1*0'])).toMatchObject({ code: 'X999-OUT-OF-LOOP', position: 5 });
    expect(readError(['AK1*HC*1', 'AK2*837*0001', 'IK3*CLM*X**8', 'IK5*R', 'AK9*R*1*1*0'])).toMatchObject({ code: 'X999-BAD-POSITION', position: 6, element: 'IK302' });
    expect(readError(['AK1*HC*1', 'AK2*837', 'IK5*A', 'AK9*A*1*1*1'])).toMatchObject({ code: 'X999-MISSING-ELEMENT', element: 'AK202' });
  });

  it('warns (never guesses) when IK5 or AK9 is missing, and on counts that are not numbers', () => {
    const { tx, delimiters } = only999(ack999(['AK1*HC*1', 'AK2*837*0001', 'AK2*837*0002', 'IK5*A']));
    const { ack, warnings } = read999(tx, delimiters);
    expect(ack.transactions.map((t) => t.status)).toEqual([undefined, 'accepted']);
    expect(ack.status).toBeUndefined();
    expect(warnings.map((w) => [w.code, w.position])).toEqual([
      ['X999-MISSING-SEGMENT', 5],
      ['X999-MISSING-SEGMENT', 8],
    ]);
    const counts = only999(ack999(['AK1*HC*1', 'AK2*837*0001', 'IK5*A', 'AK9*A*one*1']));
    const read = read999(counts.tx, counts.delimiters);
    expect(read.ack.counts).toEqual({ included: undefined, received: 1, accepted: undefined });
    expect(read.warnings.map((w) => w.code)).toEqual(['X999-BAD-NUMBER', 'X999-BAD-NUMBER']);
  });

  it('never keeps or repeats the IK404 bad value', () => {
    const secret = 'JANEDOE19800101';
    const { tx, delimiters } = only999(
      ack999(['AK1*HC*1', 'AK2*837*0001', 'IK3*NM1*9*2010BA*8', `IK4*3**6*${secret}`, `IK4*X**6*${secret}`, 'IK5*R*5', 'AK9*R*1*1*0', `${secret}*1`]),
    );
    const result = read999(tx, delimiters);
    expect(result.ack.transactions[0]!.segmentErrors[0]!.elementErrors).toEqual([
      { position: { element: 3 }, errorCode: '6', contexts: [], filePosition: 7 },
    ]);
    expect(JSON.stringify(result)).not.toContain(secret);
    expect(result.warnings.map((w) => w.code)).toEqual(['X999-BAD-ELEMENT-POSITION', 'X999-UNEXPECTED-SEGMENT']);
  });

  it('refuses a transaction set that is not a 999', () => {
    const parsed = readX12(interchange(group([['BHT*0019*00*1*20240115*1200*CH']])));
    const interchange0 = parsed.interchanges[0]!;
    expect(() => read999(interchange0.groups[0]!.transactions[0]!, interchange0.delimiters)).toThrowError(
      expect.objectContaining({ code: 'X999-NOT-999', element: 'ST01' }),
    );
    expect(read999File(parsed)).toMatchObject({ acks: [], warnings: [{ code: 'X999-UNEXPECTED-SEGMENT', segmentId: 'ST' }] });
  });

  it('reads the ack in any delimiter set', () => {
    const text = write999([groupAck()], { ...ACK_OPTIONS, delimiters: { element: '|', component: '>', repetition: '!', segment: '\n' } });
    const { tx, delimiters } = only999(text);
    expect(comparable(read999(tx, delimiters).ack)).toEqual(comparable(groupAck()));
  });
});
