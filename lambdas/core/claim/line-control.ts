/**
 * REF*6R, the line item control number: what the payer echoes on each 835
 * service line so a payment finds its line without guessing. Every line we
 * send carries one: the practice's own when it gave one, else the line's
 * number ("1", "2", ...) when that does not collide with a given one, else
 * "L" + the line number.
 */
import type { Claim } from './model.js';

type Lines = Pick<Claim, 'serviceLines'>;

/** The REF*6R of every line of the claim, in line order; unique within the claim when the given ones are. */
export function lineControlNumbers(claim: Lines): string[] {
  const given = new Set(claim.serviceLines.flatMap((line) => (line.lineItemControlNumber ? [line.lineItemControlNumber] : [])));
  return claim.serviceLines.map((line, index) => {
    if (line.lineItemControlNumber) return line.lineItemControlNumber;
    const plain = String(index + 1);
    return given.has(plain) ? `L${plain}` : plain;
  });
}

/** The REF*6R of one line (0-based index). */
export function lineControlNumber(claim: Lines, index: number): string {
  const numbers = lineControlNumbers(claim);
  const value = numbers[index];
  if (value === undefined) throw new RangeError(`the claim has no service line ${index + 1}`);
  return value;
}
