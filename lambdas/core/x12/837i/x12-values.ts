/** Value renderings shared by the 837I loop writers. */

/** X12 R rendering of a decimal string: "01" → "1", "1.500" → "1.5", "2.0" → "2", "0.50" → "0.5". */
export function toX12Decimal(value: string): string {
  const negative = value.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? value.slice(1) : value).split('.');
  const trimmedWhole = whole.replace(/^0+(?=\d)/, '');
  const trimmedFraction = fraction.replace(/0+$/, '');
  const text = trimmedFraction ? `${trimmedWhole}.${trimmedFraction}` : trimmedWhole;
  return negative && /[1-9]/.test(text) ? `-${text}` : text;
}
