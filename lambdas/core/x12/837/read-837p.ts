/**
 * The names existing callers import: read837P reads one 837 transaction set
 * (by its version: 837P, or 837I for an X223 version), read837 every 837 of
 * a parsed file. The reader itself lives in read-837.ts.
 */
import type { TransactionSet } from '../types.js';
import { read837Transaction, type Read837Context, type Read837Result } from './read-837.js';

export { read837, read837Transaction, kindOfVersion, ClaimLocations } from './read-837.js';
export type { Kind837, Read837Claim, Read837Context, Read837Result, X12Location } from './read-837.js';

export function read837P(tx: TransactionSet, ctx: Read837Context): Read837Result {
  return read837Transaction(tx, ctx);
}
