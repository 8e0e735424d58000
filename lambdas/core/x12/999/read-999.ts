/**
 * Reads one tokenised 999 (005010X231A1, and the base X231) transaction set
 * into a FunctionalGroupAck, and whole parsed files into Ack999s.
 *
 * Error policy (messages name segments and elements, never values):
 * - what is needed to match the ack to our batch or to locate an error
 *   (AK1 with AK102, AK202, IK301, IK302 as a number) or a status code outside
 *   the guide's list (AK901, IK501) → X12Error;
 * - a missing IK5 or AK9 → warning, and the status stays undefined rather
 *   than being guessed;
 * - a count that is not a number, a malformed IK401, a segment out of place
 *   or unknown → warning.
 * IK404 (the bad value) is never read into the model: it may be PHI.
 */
import { X12Error } from '../errors.js';
import { component, element, safeSegmentId } from '../segment.js';
import type { Delimiters, ParsedX12, Segment, TransactionSet, X12Warning } from '../types.js';
import { X999_ERROR, X999_WARNING } from './codes.js';
import {
  GROUP_ACK_STATUS,
  TRANSACTION_ACK_STATUS,
  type Ack999,
  type ElementError,
  type ElementPosition,
  type ErrorContext,
  type FunctionalGroupAck,
  type SegmentError,
  type TransactionSetAck,
} from './model.js';

export interface Read999Result {
  ack: FunctionalGroupAck;
  warnings: X12Warning[];
}

export function read999(tx: TransactionSet, delimiters: Delimiters): Read999Result {
  return new Reader999(tx, delimiters).read();
}

export interface Read999FileResult {
  /** One per 999 functional group (GS*FA) of the file, in file order. */
  acks: Ack999[];
  warnings: X12Warning[];
}

/**
 * Every 999 transaction set of a parsed file. Transaction sets of other types
 * are skipped with a warning; an X12Error from one 999 propagates (the caller
 * decides whether a defective acknowledgment file is fatal).
 */
export function read999File(parsed: ParsedX12): Read999FileResult {
  const result: Read999FileResult = { acks: [], warnings: [] };
  for (const interchange of parsed.interchanges) {
    for (const group of interchange.groups) {
      const ack: Ack999 = { interchangeControlNumber: interchange.controlNumber, groupControlNumber: group.controlNumber, acks: [] };
      for (const tx of group.transactions) {
        if (tx.type !== '999') {
          result.warnings.push({
            code: X999_WARNING.UNEXPECTED_SEGMENT,
            message: 'transaction set is not a 999; skipped',
            position: tx.st.position,
            segmentId: 'ST',
          });
          continue;
        }
        const read = read999(tx, interchange.delimiters);
        ack.acks.push(read.ack);
        for (const warning of read.warnings) result.warnings.push(warning);
      }
      if (ack.acks.length > 0) result.acks.push(ack);
    }
  }
  return result;
}

type Where = 'header' | 'transaction' | 'segment-error' | 'element-error' | 'trailer';

class Reader999 {
  private readonly warnings: X12Warning[] = [];

  constructor(
    private readonly tx: TransactionSet,
    private readonly delimiters: Delimiters,
  ) {}

  read(): Read999Result {
    const { tx } = this;
    if (tx.type !== '999') throw new X12Error(X999_ERROR.NOT_999, 'transaction set is not a 999 (ST01)', tx.st.position, 'ST', 'ST01');
    const first = tx.segments[0];
    if (!first || first.id !== 'AK1') {
      throw new X12Error(X999_ERROR.MISSING_SEGMENT, 'AK1 must be the first segment after ST', (first ?? tx.st).position, 'AK1');
    }
    const ack: FunctionalGroupAck = {
      functionalId: this.required(first, 1, 'AK101'),
      groupControlNumber: this.required(first, 2, 'AK102'),
      version: element(first, 3),
      counts: {},
      groupErrors: [],
      transactions: [],
      filePosition: first.position,
    };
    let where: Where = 'header';
    let transaction: TransactionSetAck | undefined;
    let segmentError: SegmentError | undefined;
    let elementError: ElementError | undefined;
    let sawAk9 = false;

    for (const seg of tx.segments.slice(1)) {
      if (where === 'trailer') {
        this.warn(seg.id === 'AK9' ? X999_WARNING.REPEATED_SEGMENT : X999_WARNING.UNEXPECTED_SEGMENT, `${name(seg)} after AK9 is not read`, seg);
        continue;
      }
      switch (seg.id) {
        case 'AK2':
          if (transaction && transaction.status === undefined) this.missingIk5(transaction);
          transaction = {
            transactionType: this.required(seg, 1, 'AK201'),
            controlNumber: this.required(seg, 2, 'AK202'),
            version: element(seg, 3),
            errorCodes: [],
            segmentErrors: [],
            filePosition: seg.position,
          };
          ack.transactions.push(transaction);
          segmentError = undefined;
          elementError = undefined;
          where = 'transaction';
          break;
        case 'IK3':
          if (!transaction || where === 'header') throw this.outOfLoop(seg, 'IK3 needs an AK2 before it');
          if (transaction.status !== undefined) throw this.outOfLoop(seg, 'IK3 after the IK5 of its AK2');
          segmentError = this.ik3(seg);
          transaction.segmentErrors.push(segmentError);
          elementError = undefined;
          where = 'segment-error';
          break;
        case 'IK4':
          if (!segmentError || (where !== 'segment-error' && where !== 'element-error')) throw this.outOfLoop(seg, 'IK4 needs an IK3 before it');
          elementError = this.ik4(seg);
          if (elementError) segmentError.elementErrors.push(elementError);
          where = 'element-error';
          break;
        case 'CTX': {
          const context = this.ctx(seg);
          if (where === 'element-error' && elementError) elementError.contexts.push(context);
          else if ((where === 'segment-error' || where === 'element-error') && segmentError) segmentError.contexts.push(context);
          else this.warn(X999_WARNING.UNEXPECTED_SEGMENT, 'CTX is only read after an IK3 or IK4', seg);
          break;
        }
        case 'IK5':
          if (!transaction || where === 'header') throw this.outOfLoop(seg, 'IK5 needs an AK2 before it');
          if (transaction.status !== undefined) {
            this.warn(X999_WARNING.REPEATED_SEGMENT, 'a second IK5 for one AK2 is not read', seg);
            break;
          }
          transaction.statusCode = this.code(seg, 'IK501', TRANSACTION_ACK_STATUS);
          transaction.status = TRANSACTION_ACK_STATUS[transaction.statusCode];
          transaction.errorCodes = this.codes(seg, 2, 6);
          segmentError = undefined;
          elementError = undefined;
          where = 'transaction';
          break;
        case 'AK9':
          if (transaction && transaction.status === undefined) this.missingIk5(transaction);
          ack.statusCode = this.code(seg, 'AK901', GROUP_ACK_STATUS);
          ack.status = GROUP_ACK_STATUS[ack.statusCode];
          ack.counts = {
            included: this.count(seg, 2, 'AK902'),
            received: this.count(seg, 3, 'AK903'),
            accepted: this.count(seg, 4, 'AK904'),
          };
          ack.groupErrors = this.codes(seg, 5, 9);
          sawAk9 = true;
          where = 'trailer';
          break;
        case 'AK1':
          this.warn(X999_WARNING.REPEATED_SEGMENT, 'a 999 acknowledges one functional group; the second AK1 is not read', seg);
          break;
        default:
          this.warn(X999_WARNING.UNEXPECTED_SEGMENT, `${name(seg)} is not a 999 segment`, seg);
      }
    }
    if (!sawAk9) {
      if (transaction && transaction.status === undefined) this.missingIk5(transaction);
      this.warnAt(X999_WARNING.MISSING_SEGMENT, 'AK9 is missing: the group status is unknown', tx.se?.position ?? tx.st.position, 'AK9');
    }
    return { ack, warnings: this.warnings };
  }

  private ik3(seg: Segment): SegmentError {
    const segmentId = this.required(seg, 1, 'IK301');
    const position = Number(this.required(seg, 2, 'IK302'));
    if (!Number.isSafeInteger(position) || position < 1) {
      throw new X12Error(X999_ERROR.BAD_POSITION, 'IK302 must be a positive whole number', seg.position, 'IK3', 'IK302');
    }
    return {
      segmentId,
      position,
      loopId: element(seg, 3),
      // IK304 is required by X231A1 but situational in the base X231: keep '' out of the model.
      errorCode: element(seg, 4) ?? '',
      contexts: [],
      elementErrors: [],
      filePosition: seg.position,
    };
  }

  private ik4(seg: Segment): ElementError | undefined {
    const position = this.elementPosition(seg, 1, 'IK401');
    const errorCode = element(seg, 3);
    if (!errorCode) {
      this.warn(X999_WARNING.MISSING_ELEMENT, 'IK403 is missing; the IK4 is not read', seg);
      return undefined;
    }
    if (!position) return undefined;
    return { position, elementRef: element(seg, 2), errorCode, contexts: [], filePosition: seg.position };
  }

  private ctx(seg: Segment): ErrorContext {
    const context: ErrorContext = { name: component(seg, 1, 1, this.delimiters) ?? '', filePosition: seg.position };
    const reference = component(seg, 1, 2, this.delimiters);
    if (reference) context.reference = reference;
    const segmentId = element(seg, 2);
    if (segmentId) context.segmentId = segmentId;
    const segmentPosition = element(seg, 3);
    if (segmentPosition !== undefined) {
      const value = Number(segmentPosition);
      if (Number.isSafeInteger(value) && value > 0) context.segmentPosition = value;
      else this.warn(X999_WARNING.BAD_NUMBER, 'CTX03 is not a positive whole number', seg);
    }
    const loopId = element(seg, 4);
    if (loopId) context.loopId = loopId;
    if (element(seg, 5) !== undefined) {
      const elementPosition = this.elementPosition(seg, 5, 'CTX05');
      if (elementPosition) context.elementPosition = elementPosition;
    }
    const elementRef = component(seg, 6, 1, this.delimiters);
    if (elementRef) context.elementRef = elementRef;
    return context;
  }

  /** C030: element[:component[:repetition]], all positive whole numbers. */
  private elementPosition(seg: Segment, index: number, ref: string): ElementPosition | undefined {
    const parts = [1, 2, 3].map((c) => component(seg, index, c, this.delimiters));
    const numbers = parts.map((p) => (p === undefined ? undefined : Number(p)));
    const valid = (n: number | undefined) => n === undefined || (Number.isSafeInteger(n) && n > 0);
    const [elementNo, componentNo, repetitionNo] = numbers;
    if (elementNo === undefined || !numbers.every(valid)) {
      this.warn(X999_WARNING.BAD_ELEMENT_POSITION, `${ref} is not element[:component[:repetition]]`, seg);
      return undefined;
    }
    const position: ElementPosition = { element: elementNo };
    if (componentNo !== undefined) position.component = componentNo;
    if (repetitionNo !== undefined) position.repetition = repetitionNo;
    return position;
  }

  private code(seg: Segment, ref: 'AK901' | 'IK501', table: Readonly<Record<string, unknown>>): string {
    const value = this.required(seg, 1, ref);
    if (!Object.hasOwn(table, value)) {
      throw new X12Error(X999_ERROR.BAD_CODE, `${ref} is not one of the guide's codes`, seg.position, seg.id, ref);
    }
    return value;
  }

  private codes(seg: Segment, from: number, to: number): string[] {
    const out: string[] = [];
    for (let index = from; index <= to; index++) {
      const value = element(seg, index);
      if (value) out.push(value);
    }
    return out;
  }

  private count(seg: Segment, index: number, ref: string): number | undefined {
    const value = element(seg, index);
    if (value === undefined) {
      this.warn(X999_WARNING.BAD_NUMBER, `${ref} is missing`, seg);
      return undefined;
    }
    const n = Number(value);
    if (/^\d+$/.test(value) && Number.isSafeInteger(n)) return n;
    this.warn(X999_WARNING.BAD_NUMBER, `${ref} is not a whole number`, seg);
    return undefined;
  }

  private required(seg: Segment, index: number, ref: string): string {
    const value = element(seg, index);
    if (value === undefined) throw new X12Error(X999_ERROR.MISSING_ELEMENT, `${ref} is required`, seg.position, seg.id, ref);
    return value;
  }

  private missingIk5(transaction: TransactionSetAck): void {
    this.warnAt(X999_WARNING.MISSING_SEGMENT, 'IK5 is missing for an AK2: its status is unknown', transaction.filePosition ?? this.tx.st.position, 'AK2');
  }

  private outOfLoop(seg: Segment, message: string): X12Error {
    return new X12Error(X999_ERROR.OUT_OF_LOOP, message, seg.position, seg.id);
  }

  private warn(code: string, message: string, seg: Segment): void {
    this.warnAt(code, message, seg.position, safeSegmentId(seg.id));
  }

  private warnAt(code: string, message: string, position: number, segmentId: string | undefined): void {
    this.warnings.push(segmentId ? { code, message, position, segmentId } : { code, message, position });
  }
}

/** A malformed "segment id" may be a fragment of data: never put it in a message. */
function name(seg: Segment): string {
  return safeSegmentId(seg.id) ?? 'a segment with a malformed id';
}
