/**
 * The value checks check835 applies to each element it takes from the
 * model: code lists, lengths once written (sanitised with the interchange's
 * delimiters), numbers, money and dates. Problems are collected as
 * X12Errors "X835-WRITE-INVALID" naming the segment and element, never the value.
 */
import { X12Error } from '../errors.js';
import { sanitise, type WriterDelimiters } from '../writer.js';
import { x12DateToIso } from './values.js';

/** X12 R (decimal) as written: optional sign, digits, optional fraction. */
const DECIMAL = /^-?(\d+(\.\d+)?|\.\d+)$/;

export class Checker {
  readonly problems: X12Error[] = [];

  constructor(private readonly delimiters: WriterDelimiters) {}

  invalid(segmentId: string, element: string, message: string): void {
    this.problems.push(new X12Error('X835-WRITE-INVALID', `${element} ${message}`, undefined, segmentId, element.split(' ')[0]));
  }

  code(value: string, codes: ReadonlySet<string>, segmentId: string, element: string): void {
    if (!codes.has(value)) this.invalid(segmentId, element, `must be one of ${[...codes].join(', ')}`);
  }

  /**
   * A value as written (sanitised with the interchange's delimiters) must fit
   * the element. Undefined is "not sent"; so is an optional value that
   * sanitising empties (the writer leaves the element out).
   */
  text(value: string | undefined, segmentId: string, element: string, min: number, max: number, optional = false): void {
    if (value === undefined) return;
    const length = sanitise(value, this.delimiters).length;
    if (optional && length === 0) return;
    if (length < min || length > max) {
      this.invalid(segmentId, element, `must be ${min === max ? min : `${min}-${max}`} characters once written (delimiters and non-ASCII removed)`);
    }
  }

  /** Qualifier and value of an identifier pair: both or neither. */
  pair(qualifier: string | undefined, value: string | undefined, codes: ReadonlySet<string>, segmentId: string, qualifierElement: string, valueElement: string, max: number, min = 1): void {
    if (qualifier === undefined && value === undefined) return;
    this.code(qualifier ?? '', codes, segmentId, qualifierElement);
    this.text(value ?? '', segmentId, valueElement, min, max);
  }

  /** Integer cents of a model amount; amounts the writer cannot write are its own X835-WRITE-BAD-AMOUNT. */
  cents(value: string | undefined): number | undefined {
    if (value === undefined) return undefined;
    const match = /^\s*(-)?(\d+)(?:\.(\d{1,2}))?\s*$/.exec(value);
    if (!match) return undefined;
    const cents = Number(match[2]) * 100 + Number((match[3] ?? '').padEnd(2, '0'));
    return match[1] ? -cents : cents;
  }

  decimal(value: string | undefined, segmentId: string, element: string): void {
    if (value === undefined) return;
    const digits = value.replace(/[-.]/g, '').length;
    if (!DECIMAL.test(value) || digits < 1 || digits > 15) this.invalid(segmentId, element, 'must be a decimal number of at most 15 digits');
  }

  date(value: string | undefined, segmentId: string, element: string): void {
    if (value === undefined) return;
    const iso = x12DateToIso(value.replaceAll('-', ''));
    if (iso === undefined || iso < '1800-01-01') this.invalid(segmentId, element, 'must be a real calendar date from 1800 on');
  }
}
