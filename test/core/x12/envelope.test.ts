import { describe, expect, it } from 'vitest';
import { InterchangeWriter, type InterchangeHeader } from '../../../lambdas/core/x12/envelope.js';
import { X12Error } from '../../../lambdas/core/x12/errors.js';
import { el, splitX12 } from './837p-fixtures.js';

const header: InterchangeHeader = {
  senderQualifier: 'ZZ',
  senderId: 'SENDER1',
  receiverQualifier: '30',
  receiverId: 'RECEIVER22',
  controlNumber: 42,
  createdAt: new Date('2026-03-09T14:07:00Z'),
  usage: 'T',
};

const group = (controlNumber: number) => ({
  functionalId: 'HC',
  senderCode: 'SENDER1',
  receiverCode: 'RECEIVER22',
  controlNumber,
  version: '005010X222A1',
  createdAt: header.createdAt,
});

describe('ISA', () => {
  it('is exactly 106 characters with its terminator, with fixed-width fields', () => {
    const x = new InterchangeWriter(header);
    const text = x.finish();
    const isa = text.slice(0, text.indexOf('~') + 1);
    expect(isa).toHaveLength(106);
    const f = isa.slice(0, -1).split('*');
    expect(f).toHaveLength(17);
    expect(f.slice(1, 5)).toEqual(['00', ' '.repeat(10), '00', ' '.repeat(10)]);
    expect(f[5]).toBe('ZZ');
    expect(f[6]).toBe('SENDER1        ');
    expect(f[7]).toBe('30');
    expect(f[8]).toBe('RECEIVER22     ');
    expect(f[9]).toBe('260309');
    expect(f[10]).toBe('1407');
    expect(f[11]).toBe('^');
    expect(f[12]).toBe('00501');
    expect(f[13]).toBe('000000042');
    expect(f[14]).toBe('0');
    expect(f[15]).toBe('T');
    expect(f[16]).toBe(':');
  });

  it('carries custom delimiters in byte 4, ISA11 and ISA16 and stays 106 long', () => {
    const x = new InterchangeWriter(
      { ...header, usage: 'P', acknowledgmentRequested: true },
      { delimiters: { element: '|', component: '>', repetition: '!', segment: '\n' } },
    );
    const text = x.finish();
    const isa = text.slice(0, text.indexOf('\n') + 1);
    expect(isa).toHaveLength(106);
    expect(isa[3]).toBe('|');
    const f = isa.slice(0, -1).split('|');
    expect([f[11], f[14], f[15], f[16]]).toEqual(['!', '1', 'P', '>']);
  });

  it('takes wall-clock time in the given zone', () => {
    const x = new InterchangeWriter({ ...header, createdAt: new Date('2026-01-01T03:15:00Z'), timeZone: 'America/Chicago' });
    x.beginGroup({ ...group(7), createdAt: new Date('2026-01-01T03:15:00Z'), timeZone: 'America/Chicago' });
    x.endGroup();
    const segments = splitX12(x.finish());
    expect([el(segments[0], 9), el(segments[0], 10)]).toEqual(['251231', '2115']);
    expect([el(segments[1], 4), el(segments[1], 5)]).toEqual(['20251231', '2115']);
  });

  it.each([
    [{ senderId: 'A'.repeat(16) }, 'ENVELOPE_FIELD_TOO_LONG'],
    [{ receiverId: 'B'.repeat(16) }, 'ENVELOPE_FIELD_TOO_LONG'],
    [{ controlNumber: 0 }, 'INVALID_CONTROL_NUMBER'],
    [{ controlNumber: 1_000_000_000 }, 'INVALID_CONTROL_NUMBER'],
    [{ controlNumber: 1.5 }, 'INVALID_CONTROL_NUMBER'],
    [{ senderQualifier: 'Z' }, 'INVALID_QUALIFIER'],
    [{ timeZone: 'Mars/Olympus' }, 'INVALID_TIME_ZONE'],
  ])('refuses %o', (override, code) => {
    expect(() => new InterchangeWriter({ ...header, ...override })).toThrow(expect.objectContaining({ code }));
  });
});

describe('GS/ST trailers', () => {
  it('computes SE01, GE01 and IEA01 from what was written', () => {
    const x = new InterchangeWriter(header);
    x.beginGroup(group(101));
    x.beginTransaction('837', '0001', '005010X222A1');
    for (let i = 1; i <= 5; i++) x.out.segment('LX', String(i));
    x.endTransaction();
    x.beginTransaction('837', '0002', '005010X222A1');
    x.out.segment('LX', '1');
    x.endTransaction();
    x.endGroup();
    x.beginGroup(group(102));
    x.beginTransaction('837', '000000003');
    x.endTransaction();
    x.endGroup();
    const segments = splitX12(x.finish());

    const ids = segments.map((s) => s.id);
    expect(ids).toEqual(['ISA', 'GS', 'ST', 'LX', 'LX', 'LX', 'LX', 'LX', 'SE', 'ST', 'LX', 'SE', 'GE', 'GS', 'ST', 'SE', 'GE', 'IEA']);
    // Each SE01 equals the number of segments from its ST to itself, counted in the output.
    segments.forEach((segment, index) => {
      if (segment.id !== 'SE') return;
      const st = segments.slice(0, index).map((s) => s.id).lastIndexOf('ST');
      expect(Number(el(segment, 1))).toBe(index - st + 1);
      expect(el(segment, 2)).toBe(el(segments[st], 2));
    });
    const ges = segments.filter((s) => s.id === 'GE');
    expect(ges.map((s) => [el(s, 1), el(s, 2)])).toEqual([['2', '101'], ['1', '102']]);
    const gs = segments.filter((s) => s.id === 'GS');
    expect(gs.map((s) => el(s, 6))).toEqual(['101', '102']);
    expect(el(gs[0], 7)).toBe('X');
    expect(el(gs[0], 8)).toBe('005010X222A1');
    const iea = segments.at(-1);
    expect([el(iea, 1), el(iea, 2)]).toEqual(['2', '000000042']);
  });

  it('refuses envelopes out of order and bad ST02', () => {
    const x = new InterchangeWriter(header);
    expect(() => x.beginTransaction('837', '0001')).toThrow(X12Error);
    x.beginGroup(group(1));
    expect(() => x.beginGroup(group(2))).toThrow(X12Error);
    expect(() => x.endTransaction()).toThrow(X12Error);
    expect(() => x.beginTransaction('837', '001')).toThrow(expect.objectContaining({ code: 'INVALID_CONTROL_NUMBER' }));
    x.beginTransaction('837', '0001');
    expect(() => x.endGroup()).toThrow(X12Error);
    x.endTransaction();
    expect(() => x.finish()).toThrow(X12Error);
    x.endGroup();
    x.finish();
    expect(() => x.finish()).toThrow(X12Error);
  });

  it('refuses GS application codes that are too short once sanitised', () => {
    const x = new InterchangeWriter(header);
    expect(() => x.beginGroup({ ...group(1), senderCode: 'A*' })).toThrow(expect.objectContaining({ code: 'INVALID_APPLICATION_CODE' }));
  });
});
