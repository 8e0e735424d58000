/**
 * Element value conversions for the 835: X12 "R" decimals to cents, CCYYMMDD
 * to ISO dates. They return undefined instead of throwing so the caller can
 * decide between an X12Error and a warning and can name the element, never
 * the value.
 */

/** X12 R: optional sign, digits with an optional decimal point (".5", "5.", "-12.50"). */
const X12_DECIMAL = /^(-)?(\d*)(?:\.(\d*))?$/;

/**
 * "125.5" → 12550, ".5" → 50, "12.500" → 1250. Undefined when the text is not
 * an X12 decimal or has a non-zero digit beyond cents (money cannot be rounded).
 */
export function x12AmountToCents(text: string): number | undefined {
  const match = X12_DECIMAL.exec(text);
  if (!match) return undefined;
  const [, sign, whole = '', rawFraction = ''] = match;
  if (whole === '' && rawFraction === '') return undefined;
  const fraction = rawFraction.replace(/0+$/, '');
  if (fraction.length > 2) return undefined;
  const cents = Number(whole || '0') * 100 + Number(fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(cents)) return undefined;
  return sign && cents !== 0 ? -cents : cents;
}

/** True for an X12 "R" number: optional minus, digits with an optional decimal point (at least one digit). */
export function isX12Number(text: string): boolean {
  return X12_DECIMAL.test(text) && /\d/.test(text);
}

/** "20240131" → "2024-01-31"; undefined unless it is a real (proleptic Gregorian) calendar date. */
export function x12DateToIso(text: string): string | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [, yyyy = '', mm = '', dd = ''] = match;
  const year = Number(yyyy);
  const month = Number(mm);
  const day = Number(dd);
  // Checked by arithmetic rather than through Date: it runs for every date of large files.
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return `${yyyy}-${mm}-${dd}`;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** "2024-01-31" → "20240131". */
export function isoToX12Date(iso: string): string {
  return iso.replaceAll('-', '');
}
