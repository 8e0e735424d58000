/**
 * Amounts as integer cents for the arithmetic rules; undefined when the text
 * is not an amount claimflow can add exactly (the schema and the 837 checks
 * name that case), so a rule never throws on a claim it is asked to check.
 */
import { toCents } from '../../../money.js';

export function centsOf(amount: string): number | undefined {
  try {
    return toCents(amount);
  } catch {
    return undefined;
  }
}
