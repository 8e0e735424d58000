/**
 * ISA/IEA, GS/GE and ST/SE: the envelopes around every X12 transaction we write.
 *
 * The trailer counts are never passed in: SE01 is the number of segments
 * written since ST (ST and SE included), GE01 the number of ST/SE pairs closed
 * in the group, IEA01 the number of groups closed in the interchange.
 *
 * The ISA is fixed width: 106 characters with its terminator (ISA02/04 are 10
 * wide, ISA06/08 15, ISA13 nine digits). Times are the wall clock of
 * `timeZone` (default UTC): ISA09 YYMMDD, ISA10 HHMM, GS04 CCYYMMDD, GS05 HHMM.
 */
import { X12Error } from './errors.js';
import { SegmentWriter, type SegmentWriterOptions } from './writer.js';
import { wallClock } from './timestamp.js';

export interface InterchangeHeader {
  /** ISA05, e.g. "ZZ". */
  senderQualifier: string;
  /** ISA06, up to 15 characters; padded with spaces. */
  senderId: string;
  /** ISA07. */
  receiverQualifier: string;
  /** ISA08, up to 15 characters; padded with spaces. */
  receiverId: string;
  /** ISA13, 1..999999999; written zero-padded to nine digits. */
  controlNumber: number;
  createdAt: Date;
  /** IANA zone for ISA09/ISA10 (default "UTC"). */
  timeZone?: string;
  /** ISA15: T test, P production. */
  usage: 'T' | 'P';
  /** ISA14: ask for a TA1. Default false ("0"). */
  acknowledgmentRequested?: boolean;
}

export interface GroupHeader {
  /** GS01, e.g. "HC" for 837, "HP" for 835. */
  functionalId: string;
  /** GS02, 2-15 characters. */
  senderCode: string;
  /** GS03, 2-15 characters. */
  receiverCode: string;
  /** GS06, 1..999999999 (written without padding). */
  controlNumber: number;
  /** GS08, e.g. "005010X222A1". */
  version: string;
  createdAt: Date;
  timeZone?: string;
}

const ISA_VERSION = '00501';
const MAX_CONTROL_NUMBER = 999_999_999;

function fixed(value: string, width: number, ref: string): string {
  if (value.length > width) {
    throw new X12Error('ENVELOPE_FIELD_TOO_LONG', `${ref} is longer than ${width} characters`, 1, 'ISA', ref);
  }
  return value.padEnd(width, ' ');
}

function controlNumber(value: number, ref: string, segmentId: string): number {
  if (!Number.isInteger(value) || value < 1 || value > MAX_CONTROL_NUMBER) {
    throw new X12Error('INVALID_CONTROL_NUMBER', `${ref} must be an integer from 1 to ${MAX_CONTROL_NUMBER}`, undefined, segmentId, ref);
  }
  return value;
}

function qualifier(value: string, ref: string): string {
  if (!/^[0-9A-Z]{2}$/.test(value)) throw new X12Error('INVALID_QUALIFIER', `${ref} must be a two-character qualifier`, 1, 'ISA', ref);
  return value;
}

/**
 * Writes one interchange. Usage:
 *   const x = new InterchangeWriter(isa, options);
 *   x.beginGroup(gs); x.beginTransaction('837', '0001', '005010X222A1');
 *   x.out.segment(...); ...
 *   x.endTransaction(); x.endGroup(); const text = x.finish();
 */
export class InterchangeWriter {
  readonly out: SegmentWriter;
  private readonly isaControlNumber: string;
  private groupsClosed = 0;
  private group?: { controlNumber: number; transactionsClosed: number };
  private transaction?: { controlNumber: string; startCount: number };
  private finished = false;

  constructor(header: InterchangeHeader, options: SegmentWriterOptions = {}) {
    this.out = new SegmentWriter(options);
    this.isaControlNumber = String(controlNumber(header.controlNumber, 'ISA13', 'ISA')).padStart(9, '0');
    const { date, time } = wallClock(header.createdAt, header.timeZone);
    const d = this.out.delimiters;
    this.out.raw(
      'ISA',
      [
        '00',
        ' '.repeat(10),
        '00',
        ' '.repeat(10),
        qualifier(header.senderQualifier, 'ISA05'),
        fixed(header.senderId, 15, 'ISA06'),
        qualifier(header.receiverQualifier, 'ISA07'),
        fixed(header.receiverId, 15, 'ISA08'),
        date.slice(2),
        time,
        d.repetition,
        ISA_VERSION,
        this.isaControlNumber,
        header.acknowledgmentRequested ? '1' : '0',
        header.usage,
        d.component,
      ],
      { 11: d.repetition, 16: d.component },
    );
  }

  beginGroup(header: GroupHeader): void {
    this.assertOpen();
    if (this.group) throw new X12Error('ENVELOPE_ORDER', 'a functional group is already open', this.out.nextPosition, 'GS');
    const gs06 = controlNumber(header.controlNumber, 'GS06', 'GS');
    const { date, time } = wallClock(header.createdAt, header.timeZone);
    const sender = this.out.clean(header.senderCode);
    const receiver = this.out.clean(header.receiverCode);
    for (const [ref, value] of [['GS02', sender], ['GS03', receiver]] as const) {
      if (value.length < 2 || value.length > 15) {
        throw new X12Error('INVALID_APPLICATION_CODE', `${ref} must be 2-15 characters`, this.out.nextPosition, 'GS', ref);
      }
    }
    this.out.segment('GS', header.functionalId, sender, receiver, date, time, String(gs06), 'X', header.version);
    this.group = { controlNumber: gs06, transactionsClosed: 0 };
  }

  /** ST01 type, ST02 control number (4-9 characters, unique in the group), ST03 implementation reference. */
  beginTransaction(type: string, stControlNumber: string, implementationReference?: string): void {
    this.assertOpen();
    if (!this.group) throw new X12Error('ENVELOPE_ORDER', 'ST needs an open functional group', this.out.nextPosition, 'ST');
    if (this.transaction) throw new X12Error('ENVELOPE_ORDER', 'a transaction set is already open', this.out.nextPosition, 'ST');
    if (!/^[0-9A-Za-z]{4,9}$/.test(stControlNumber)) {
      throw new X12Error('INVALID_CONTROL_NUMBER', 'ST02 must be 4-9 letters or digits', this.out.nextPosition, 'ST', 'ST02');
    }
    const startCount = this.out.count;
    this.out.segment('ST', type, stControlNumber, implementationReference);
    this.transaction = { controlNumber: stControlNumber, startCount };
  }

  endTransaction(): void {
    if (!this.group || !this.transaction) throw new X12Error('ENVELOPE_ORDER', 'SE without an open transaction set', this.out.nextPosition, 'SE');
    // Segments written since ST (ST included) plus the SE about to be written.
    const included = this.out.count - this.transaction.startCount + 1;
    this.out.segment('SE', String(included), this.transaction.controlNumber);
    this.transaction = undefined;
    this.group.transactionsClosed += 1;
  }

  endGroup(): void {
    if (!this.group) throw new X12Error('ENVELOPE_ORDER', 'GE without an open functional group', this.out.nextPosition, 'GE');
    if (this.transaction) throw new X12Error('ENVELOPE_ORDER', 'GE while a transaction set is open', this.out.nextPosition, 'GE');
    this.out.segment('GE', String(this.group.transactionsClosed), String(this.group.controlNumber));
    this.group = undefined;
    this.groupsClosed += 1;
  }

  /** Writes IEA and returns the interchange text. */
  finish(): string {
    this.assertOpen();
    if (this.group) throw new X12Error('ENVELOPE_ORDER', 'IEA while a functional group is open', this.out.nextPosition, 'IEA');
    this.out.segment('IEA', String(this.groupsClosed), this.isaControlNumber);
    this.finished = true;
    return this.out.toString();
  }

  private assertOpen(): void {
    if (this.finished) throw new X12Error('ENVELOPE_ORDER', 'the interchange is already closed', this.out.nextPosition);
  }
}
