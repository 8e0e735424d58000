/**
 * Money is carried as decimal strings ("125.00") in documents and as integer
 * cents inside calculations. Binary floating point is never used for amounts.
 */

const DECIMAL = /^(-)?(\d+)(?:\.(\d{1,2}))?$/;

export class MoneyFormatError extends Error {
  constructor(readonly value: string) {
    super(`not a decimal amount with at most two decimals: "${value}"`);
    this.name = 'MoneyFormatError';
  }
}

/** True when `value` is a decimal amount with at most two fraction digits. */
export function isMoney(value: string): boolean {
  return DECIMAL.test(value.trim());
}

/** "125.5" → 12550. Throws MoneyFormatError on anything else. */
export function toCents(value: string): number {
  const match = DECIMAL.exec(value.trim());
  if (!match) throw new MoneyFormatError(value);
  const [, sign, whole = '0', fraction = ''] = match;
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(cents)) throw new MoneyFormatError(value);
  return sign ? -cents : cents;
}

/** 12550 → "125.50"; -5 → "-0.05". */
export function fromCents(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`cents must be a safe integer, got ${cents}`);
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100);
  const fraction = String(abs % 100).padStart(2, '0');
  return `${sign}${whole}.${fraction}`;
}

/**
 * X12 "R" (decimal) rendering: no trailing zero fraction, no leading zeros.
 * 12550 → "125.5", 10000 → "100", 5 → "0.05".
 */
export function toX12Amount(cents: number): string {
  const text = fromCents(cents);
  return text.replace(/\.00$/, '').replace(/(\.\d)0$/, '$1');
}

export function sumCents(values: Iterable<number>): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}
