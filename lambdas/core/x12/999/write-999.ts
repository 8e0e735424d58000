/**
 * Writes 005010X231A1 999 implementation acknowledgments: one ST 999 per
 * acknowledged functional group, inside one ISA / GS(FA) envelope, with the
 * shared writer (sanitising, counted SE/GE/IEA, fixed-width ISA).
 *
 * A model the guide cannot express (a missing status, a bad position, more
 * error codes than IK5/AK9 hold, ...) is refused with an X12Error
 * X999-WRITE-INVALID naming the element; nothing is invented. IK404 (the bad
 * value) is never written: it could carry PHI back to the submitter's logs.
 */
import { X12Error } from '../errors.js';
import { writeSingleGroupInterchange, type SingleGroupEnvelope } from '../single-group.js';
import { composite, type ElementValue } from '../writer.js';
import { X999_ERROR } from './codes.js';
import {
  GROUP_ACK_CODE,
  GROUP_ACK_STATUS,
  TRANSACTION_ACK_CODE,
  TRANSACTION_ACK_STATUS,
  type ElementError,
  type ElementPosition,
  type ErrorContext,
  type FunctionalGroupAck,
  type SegmentError,
  type TransactionSetAck,
} from './model.js';

export const X231A1 = '005010X231A1';

/** AK101 codes of 005010X231A1 (the functional groups the HIPAA guides define). */
const FUNCTIONAL_IDS = new Set(['BE', 'HB', 'HC', 'HI', 'HN', 'HP', 'HR', 'HS', 'RA']);
/** AK201 codes of 005010X231A1. */
const TRANSACTION_TYPES = new Set(['270', '271', '276', '277', '278', '820', '834', '835', '837']);
/** CTX01-1 business unit names of 005010X231A1. */
const BUSINESS_UNITS = new Set(['TRN02', 'NM109', 'PATIENT NAME NM109', 'SUBSCRIBER NAME NM109', 'ENT01', 'SUBSCRIBER NUMBER REF02', 'CLM01']);
const SITUATIONAL_TRIGGER = 'SITUATIONAL TRIGGER';

/** The envelope of a 999 (and of a 277CA): see SingleGroupEnvelope. */
export type AckWriteOptions = SingleGroupEnvelope;

type Seg = [string, ...ElementValue[]];

/** The interchange text: ISA, GS*FA, one ST 999 per acknowledged group, GE, IEA. */
export function write999(acks: readonly FunctionalGroupAck[], options: AckWriteOptions): string {
  if (acks.length === 0) throw invalid('a 999 interchange needs at least one functional group acknowledgment');
  // Build every body first: a model the guide refuses must not leave a half-written file.
  const bodies = acks.map(groupAckSegments);
  return writeSingleGroupInterchange(options, { functionalId: 'FA', version: X231A1, transactionType: '999', implementationReference: X231A1 }, bodies.length, (out, index) => {
    for (const [id, ...elements] of bodies[index] ?? []) out.segment(id, ...elements);
  });
}

/** The segments between ST and SE for one functional group acknowledgment. */
export function groupAckSegments(ack: FunctionalGroupAck): Seg[] {
  if (!FUNCTIONAL_IDS.has(ack.functionalId)) throw invalid('AK101 must be a functional identifier code of the guide', 'AK1', 'AK101');
  required(ack.groupControlNumber, 1, 9, 'AK1', 'AK102', /^\d+$/);
  // AK103 is required by 005010X231A1: it names the guide of the acknowledged group.
  const version = required(ack.version, 1, 12, 'AK1', 'AK103');
  const out: Seg[] = [['AK1', ack.functionalId, ack.groupControlNumber, version]];
  for (const transaction of ack.transactions) out.push(...transactionSegments(transaction));
  const statusCode = agreedCode(ack.status, ack.statusCode, GROUP_ACK_CODE, GROUP_ACK_STATUS, 'AK9', 'AK901');
  const counts = [ack.counts.included, ack.counts.received, ack.counts.accepted].map((n, i) => {
    const ref = `AK90${i + 2}`;
    if (n === undefined || !Number.isSafeInteger(n) || n < 0 || n > 999_999) throw invalid(`${ref} must be a whole number 0-999999`, 'AK9', ref);
    return String(n);
  });
  out.push(['AK9', statusCode, ...counts, ...errorCodes(ack.groupErrors, 'AK9', 'AK905')]);
  return out;
}

function transactionSegments(transaction: TransactionSetAck): Seg[] {
  if (!TRANSACTION_TYPES.has(transaction.transactionType)) throw invalid('AK201 must be a transaction set identifier of the guide', 'AK2', 'AK201');
  required(transaction.controlNumber, 4, 9, 'AK2', 'AK202', /^[0-9A-Za-z]+$/);
  const out: Seg[] = [['AK2', transaction.transactionType, transaction.controlNumber, text(transaction.version, 1, 35, 'AK2', 'AK203')]];
  for (const error of transaction.segmentErrors) out.push(...segmentErrorSegments(error));
  const statusCode = agreedCode(transaction.status, transaction.statusCode, TRANSACTION_ACK_CODE, TRANSACTION_ACK_STATUS, 'IK5', 'IK501');
  out.push(['IK5', statusCode, ...errorCodes(transaction.errorCodes, 'IK5', 'IK502')]);
  return out;
}

function segmentErrorSegments(error: SegmentError): Seg[] {
  required(error.segmentId, 2, 3, 'IK3', 'IK301', /^[A-Z][A-Z0-9]{1,2}$/);
  positiveInteger(error.position, 'IK3', 'IK302');
  const out: Seg[] = [
    ['IK3', error.segmentId, String(error.position), text(error.loopId, 1, 4, 'IK3', 'IK303'), required(error.errorCode, 1, 3, 'IK3', 'IK304')],
  ];
  // The business unit (max 1) goes first: the validator (pyx12) counts a
  // business unit that follows a segment context as a second segment context.
  const triggers = error.contexts.filter((c) => c.name === SITUATIONAL_TRIGGER);
  const units = error.contexts.filter((c) => c.name !== SITUATIONAL_TRIGGER);
  if (triggers.length > 9) throw invalid('at most nine segment contexts (CTX) follow an IK3', 'CTX', 'CTX01');
  if (units.length > 1) throw invalid('at most one business unit context (CTX) follows an IK3', 'CTX', 'CTX01');
  for (const context of [...units, ...triggers]) out.push(ctx(context));
  for (const elementError of error.elementErrors) out.push(...elementErrorSegments(elementError));
  return out;
}

function elementErrorSegments(error: ElementError): Seg[] {
  const out: Seg[] = [['IK4', c030(error.position, 'IK4', 'IK401'), text(error.elementRef, 1, 4, 'IK4', 'IK402', /^\d+$/), required(error.errorCode, 1, 3, 'IK4', 'IK403')]];
  if (error.contexts.length > 10) throw invalid('at most ten element contexts (CTX) follow an IK4', 'CTX', 'CTX01');
  for (const context of error.contexts) {
    if (context.name !== SITUATIONAL_TRIGGER) throw invalid('an element context (CTX after IK4) must be a SITUATIONAL TRIGGER', 'CTX', 'CTX01');
    out.push(ctx(context));
  }
  return out;
}

function ctx(context: ErrorContext): Seg {
  if (context.name === SITUATIONAL_TRIGGER) {
    required(context.segmentId, 2, 3, 'CTX', 'CTX02', /^[A-Z][A-Z0-9]{1,2}$/);
    positiveInteger(context.segmentPosition, 'CTX', 'CTX03');
    return [
      'CTX',
      composite(SITUATIONAL_TRIGGER),
      context.segmentId,
      String(context.segmentPosition),
      text(context.loopId, 1, 4, 'CTX', 'CTX04'),
      context.elementPosition ? c030(context.elementPosition, 'CTX', 'CTX05') : undefined,
      context.elementRef ? composite(text(context.elementRef, 1, 4, 'CTX', 'CTX06', /^\d+$/)) : undefined,
    ];
  }
  if (!BUSINESS_UNITS.has(context.name)) throw invalid('CTX01-1 must be SITUATIONAL TRIGGER or a business unit name of the guide', 'CTX', 'CTX01');
  const reference = required(context.reference, 1, 35, 'CTX', 'CTX01-2');
  return ['CTX', composite(context.name, reference)];
}

function c030(position: ElementPosition, segmentId: string, ref: string): ElementValue {
  positiveInteger(position.element, segmentId, `${ref}-1`, 99);
  if (position.component !== undefined) positiveInteger(position.component, segmentId, `${ref}-2`, 99);
  if (position.repetition !== undefined) positiveInteger(position.repetition, segmentId, `${ref}-3`, 99999);
  return composite(
    String(position.element),
    position.component === undefined ? undefined : String(position.component),
    position.repetition === undefined ? undefined : String(position.repetition),
  );
}

/** The code to write: the model's own code when it agrees with the status, else the status's code. */
function agreedCode<S extends string>(
  status: S | undefined,
  statusCode: string | undefined,
  codeOf: Readonly<Record<S, string>>,
  statusOf: Readonly<Record<string, S>>,
  segmentId: string,
  ref: string,
): string {
  if (status === undefined) throw invalid(`${ref} needs a status`, segmentId, ref);
  if (statusCode !== undefined) {
    if (!Object.hasOwn(statusOf, statusCode) || statusOf[statusCode] !== status) {
      throw invalid(`${ref}: the status code does not agree with the status`, segmentId, ref);
    }
    return statusCode;
  }
  return codeOf[status];
}

function errorCodes(codes: readonly string[], segmentId: string, firstRef: string): string[] {
  if (codes.length > 5) throw invalid(`at most five error codes from ${firstRef}`, segmentId, firstRef);
  return codes.map((code) => required(code, 1, 3, segmentId, firstRef));
}

function text(value: string | undefined, min: number, max: number, segmentId: string, ref: string, pattern?: RegExp): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (value.length < min || value.length > max || (pattern && !pattern.test(value))) {
    throw invalid(`${ref} must be ${min}-${max} characters${pattern ? ' of the right form' : ''}`, segmentId, ref);
  }
  return value;
}

function required(value: string | undefined, min: number, max: number, segmentId: string, ref: string, pattern?: RegExp): string {
  const checked = text(value, min, max, segmentId, ref, pattern);
  if (checked === undefined) throw invalid(`${ref} is required`, segmentId, ref);
  return checked;
}

function positiveInteger(value: number | undefined, segmentId: string, ref: string, max = 999_999): void {
  if (value === undefined || !Number.isSafeInteger(value) || value < 1 || value > max) {
    throw invalid(`${ref} must be a whole number 1-${max}`, segmentId, ref);
  }
}

function invalid(message: string, segmentId?: string, ref?: string): X12Error {
  return new X12Error(X999_ERROR.WRITE_INVALID, message, undefined, segmentId, ref);
}
