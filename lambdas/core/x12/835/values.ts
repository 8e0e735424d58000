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

/** "20240131" → "2024-01-31"; undefined unless it is a real calendar date. */
export function x12DateToIso(text: string): string | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!match) return undefined;
  const iso = `${match[1]}-${match[2]}-${match[3]}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : undefined;
}

/** "2024-01-31" → "20240131". */
export function isoToX12Date(iso: string): string {
  return iso.replaceAll('-', '');
}
