/**
 * Shared pieces of the 835 writer: the segment shape, required-value
 * bookkeeping and amount rendering. Amounts are written in X12 "R" form from
 * integer cents; a missing required value is an X12Error naming the element
 * ("X835-WRITE-MISSING"), never a zero.
 */
import { toCents, toX12Amount } from '../../money.js';
import { X12Error } from '../errors.js';
import type { ElementValue } from '../writer.js';

/** [segment id, element 1, element 2, ...]. */
export type Seg = [string, ...ElementValue[]];

/** Required free-text values per built segment, re-checked after sanitising. */
export const requiredText = new WeakMap<Seg, Array<{ element: string; text: string }>>();

export function withRequired(seg: Seg, ...values: Array<{ element: string; text: string }>): Seg {
  requiredText.set(seg, values);
  return seg;
}

export function ref(qualifier: string, value: string): Seg {
  return withRequired(['REF', qualifier, value], { element: 'REF02', text: value });
}

export function amount(value: string | undefined, element: string, segmentId: string): string {
  const text = need(value, element, segmentId);
  try {
    return toX12Amount(toCents(text));
  } catch {
    // MoneyFormatError quotes the value; the X12 error names the element only.
    throw new X12Error('X835-WRITE-BAD-AMOUNT', `${element} is not a decimal amount with at most two decimals`, undefined, segmentId, element);
  }
}

/** An optional amount: undefined stays unwritten. */
export function optionalAmount(value: string | undefined, element: string, segmentId: string): string | undefined {
  return value === undefined ? undefined : amount(value, element, segmentId);
}

export function need<T>(value: T | undefined, element: string, segmentId: string): T {
  if (value === undefined || value === '') {
    throw new X12Error('X835-WRITE-MISSING', `${element} is required to write the 835`, undefined, segmentId, element);
  }
  return value;
}
