/**
 * Element-level reading of 277CA segments for read-277ca.ts: STC composites,
 * NM1 names, dates and amounts. Dates and amounts that cannot be read become
 * warnings (a 277CA's dates and amounts are informational); the elements that
 * classify a status (STC01-1, STC01-2) are required. Messages name elements,
 * never their values.
 */
import { fromCents } from '../../money.js';
import { x12AmountToCents, x12DateToIso } from '../835/values.js';
import { X12Error } from '../errors.js';
import { component, element } from '../segment.js';
import type { Delimiters, Segment } from '../types.js';
import { X277_ERROR, X277_WARNING } from './codes.js';
import type { ClaimStatus, LineAck, PartyName, StatusCode } from './model.js';

export type Warn = (code: string, message: string, seg: Segment) => void;

export class SegmentReader277 {
  constructor(
    private readonly delimiters: Delimiters,
    private readonly warn: Warn,
  ) {}

  stc(seg: Segment): ClaimStatus {
    const code = this.statusCode(seg, 1, 'STC01', true) ?? { category: '', status: '' };
    const status: ClaimStatus = { ...code, additional: [], filePosition: seg.position };
    const effectiveDate = element(seg, 2) === undefined ? undefined : this.date(seg, 2, 'STC02');
    if (effectiveDate) status.effectiveDate = effectiveDate;
    const action = element(seg, 3);
    if (action) status.action = action;
    const amount = this.amount(seg, 4, 'STC04');
    if (amount !== undefined) status.amount = amount;
    for (const [index, ref] of [[10, 'STC10'], [11, 'STC11']] as const) {
      const extra = this.statusCode(seg, index, ref, false);
      if (extra) status.additional.push(extra);
    }
    const message = element(seg, 12);
    if (message) status.message = message;
    return status;
  }

  /** NM101-NM109 of any level. */
  name(seg: Segment): PartyName {
    const name: PartyName = { filePosition: seg.position };
    const fields: Array<[keyof PartyName, number]> = [
      ['entityCode', 1],
      ['entityType', 2],
      ['lastOrOrganization', 3],
      ['first', 4],
      ['middle', 5],
      ['suffix', 7],
      ['idQualifier', 8],
      ['id', 9],
    ];
    for (const [field, index] of fields) {
      const value = element(seg, index);
      if (value !== undefined) (name as Record<string, unknown>)[field] = value;
    }
    return name;
  }

  /** SVC01 composite qualifier:code:modifier 1-4:description. */
  procedure(seg: Segment): LineAck['procedure'] {
    const qualifier = component(seg, 1, 1, this.delimiters);
    const code = component(seg, 1, 2, this.delimiters);
    if (!qualifier || !code) {
      throw new X12Error(X277_ERROR.MISSING_ELEMENT, 'SVC01 needs a qualifier and a procedure code', seg.position, 'SVC', 'SVC01');
    }
    const modifiers = [3, 4, 5, 6].map((c) => component(seg, 1, c, this.delimiters)).filter((m): m is string => m !== undefined);
    const description = component(seg, 1, 7, this.delimiters);
    return description ? { qualifier, code, modifiers, description } : { qualifier, code, modifiers };
  }

  /** DTP03 as D8 or RD8 (CCYYMMDD-CCYYMMDD). */
  period(seg: Segment): { from: string; to?: string } | undefined {
    const format = element(seg, 2);
    const value = element(seg, 3) ?? '';
    if (format === 'RD8') {
      const [from, to] = value.split('-').map((part) => x12DateToIso(part));
      if (from && to && from <= to) return { from, to };
    } else {
      const from = x12DateToIso(value);
      if (from) return { from };
    }
    this.warn(X277_WARNING.BAD_DATE, 'DTP03 is not a date in the DTP02 format (D8 or RD8)', seg);
    return undefined;
  }

  date(seg: Segment, index: number, ref: string): string | undefined {
    const iso = x12DateToIso(element(seg, index) ?? '');
    if (!iso) this.warn(X277_WARNING.BAD_DATE, `${ref} is not a CCYYMMDD date`, seg);
    return iso;
  }

  amount(seg: Segment, index: number, ref: string): string | undefined {
    const text = element(seg, index);
    if (text === undefined) return undefined;
    const cents = x12AmountToCents(text);
    if (cents === undefined) {
      this.warn(X277_WARNING.BAD_AMOUNT, `${ref} is not a decimal amount with at most two decimals`, seg);
      return undefined;
    }
    return fromCents(cents);
  }

  quantity(seg: Segment): number | undefined {
    const text = element(seg, 2);
    if (text !== undefined && /^\d{1,15}$/.test(text)) return Number(text);
    this.warn(X277_WARNING.BAD_NUMBER, 'QTY02 is not a whole number', seg);
    return undefined;
  }

  private statusCode(seg: Segment, index: number, ref: string, required: boolean): StatusCode | undefined {
    const category = component(seg, index, 1, this.delimiters);
    const status = component(seg, index, 2, this.delimiters);
    if (!category && !status && !required) return undefined;
    if (!category || !status) {
      throw new X12Error(X277_ERROR.MISSING_ELEMENT, `${ref} needs a category code (-1) and a status code (-2)`, seg.position, 'STC', ref);
    }
    const entity = component(seg, index, 3, this.delimiters);
    return entity ? { category, status, entity } : { category, status };
  }
}
