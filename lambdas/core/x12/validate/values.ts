/**
 * Value rules of X12 data types: lengths, numbers, dates, times, character
 * set. Each check returns the rule broken (a short phrase for the message)
 * or undefined. Nothing here echoes the value.
 */
import type { DataType } from '../guides/types.js';

const NUMERIC = /^-?\d+$/;
const DECIMAL = /^-?(\d+\.?\d*|\.\d+)$/;
const TIME = /^(\d{2})(\d{2})(?:(\d{2})(\d{1,2})?)?$/;

/** Length as X12 counts it: numbers exclude the sign and the decimal point. */
export function x12Length(value: string, type: DataType): number {
  if (type === 'R' || type.startsWith('N')) return value.replace(/[-.]/g, '').length;
  return value.length;
}

export function typeProblem(value: string, type: DataType, max: number): string | undefined {
  switch (type) {
    case 'N0':
    case 'N1':
    case 'N2':
    case 'N3':
    case 'N4':
      return NUMERIC.test(value) ? undefined : 'is not a whole number (implied decimal)';
    case 'R':
      return DECIMAL.test(value) ? undefined : 'is not a decimal number';
    case 'DT':
      return isDate(value, max) ? undefined : 'is not a valid date';
    case 'TM':
      return isTime(value) ? undefined : 'is not a valid time';
    case 'B':
      return undefined;
    default:
      return characterProblem(value);
  }
}

/** X12 basic and extended character sets are printable ASCII; control characters and non-ASCII are not allowed. */
export function characterProblem(value: string): string | undefined {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code > 0x7e) return 'contains characters outside the X12 character set';
  }
  return undefined;
}

export function isDate(value: string, max = 8): boolean {
  let year: number;
  let rest: string;
  if (value.length === 8 && max >= 8) {
    if (!/^\d{8}$/.test(value)) return false;
    year = Number(value.slice(0, 4));
    rest = value.slice(4);
  } else if (value.length === 6) {
    if (!/^\d{6}$/.test(value)) return false;
    // YYMMDD (ISA09): the century does not matter for validity except 29 February.
    year = 2000 + Number(value.slice(0, 2));
    rest = value.slice(2);
  } else {
    return false;
  }
  const month = Number(rest.slice(0, 2));
  const day = Number(rest.slice(2, 4));
  if (month < 1 || month > 12 || day < 1) return false;
  const days = [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= days;
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function isTime(value: string): boolean {
  const match = TIME.exec(value);
  if (!match) return false;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  const seconds = match[3] === undefined ? 0 : Number(match[3]);
  return hours <= 23 && minutes <= 59 && seconds <= 59;
}

/**
 * Date/time period formats of DTP03 and similar (DTP02 is the qualifier).
 * Returns a problem phrase, or undefined when valid or the format is one we do not check.
 */
export function periodProblem(format: string, value: string): string | undefined {
  switch (format) {
    case 'D8':
      return isDate(value) ? undefined : 'is not a valid date in the D8 format (CCYYMMDD)';
    case 'RD8': {
      const parts = value.split('-');
      if (parts.length !== 2 || !isDate(parts[0] ?? '') || !isDate(parts[1] ?? '')) {
        return 'is not a valid date range in the RD8 format (CCYYMMDD-CCYYMMDD)';
      }
      return (parts[0] ?? '') > (parts[1] ?? '') ? 'is a date range that ends before it starts' : undefined;
    }
    case 'DT':
      return value.length === 12 && isDate(value.slice(0, 8)) && isTime(value.slice(8)) ? undefined : 'is not a valid date and time in the DT format (CCYYMMDDHHMM)';
    case 'TM':
      return value.length === 4 && isTime(value) ? undefined : 'is not a valid time in the TM format (HHMM)';
    default:
      return undefined;
  }
}
