/**
 * Value conversions between 837 element text and the canonical claim.
 * Anything that does not convert cleanly is passed through unchanged, so the
 * caller's zod validation reports it against the right field.
 */
import { fromCents, toCents } from '../../money.js';

const CCYYMMDD = /^(\d{4})(\d{2})(\d{2})$/;

/** "20240131" -> "2024-01-31"; other text is returned as is. */
export function isoDate(value: string): string {
  const match = CCYYMMDD.exec(value);
  return match ? `${match[1]}-${match[2]}-${match[3]}` : value;
}

/** DTP03 with DTP02 "D8" (one date) or "RD8" ("CCYYMMDD-CCYYMMDD"). */
export function dateOrRange(format: string | undefined, value: string | undefined): { start?: string; end?: string } {
  if (value === undefined) return {};
  if (format === 'RD8') {
    const dash = value.indexOf('-');
    if (dash === -1) return { start: isoDate(value) };
    return { start: isoDate(value.slice(0, dash).trim()), end: isoDate(value.slice(dash + 1).trim()) };
  }
  return { start: isoDate(value) };
}

/** X12 R amounts to canonical money: "100" -> "100.00", "21.5" -> "21.50", ".5" -> "0.50". */
export function money(value: string): string {
  const text = value.startsWith('.') ? `0${value}` : value.startsWith('-.') ? `-0${value.slice(1)}` : value;
  try {
    return fromCents(toCents(text));
  } catch {
    return value;
  }
}
