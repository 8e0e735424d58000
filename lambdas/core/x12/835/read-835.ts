/**
 * Reads one tokenised 835 transaction set (005010X221A1) into the remittance
 * model, in memory. The loop logic and the error policy are those of
 * Remittance835Reader (remittance-reader.ts), which stream835 uses too: both
 * give the same model, warnings, errors and positions for the same segments.
 */
import type { Delimiters, TransactionSet, X12Warning } from '../types.js';
import type { ClaimPaymentInfo, Remittance } from './model.js';
import { Remittance835Reader } from './remittance-reader.js';

export interface Read835Result {
  remittance: Remittance;
  warnings: X12Warning[];
}

/** Throws X12Error (with the segment position) when the transaction set cannot be read. */
export function read835(tx: TransactionSet, delimiters: Delimiters): Read835Result {
  const claims: ClaimPaymentInfo[] = [];
  const reader = new Remittance835Reader(tx, delimiters, { claim: (claim) => claims.push(claim) });
  for (const seg of tx.segments) reader.accept(seg);
  const { header, headerNumbers, providerAdjustments, warnings } = reader.finish();
  const { position, ...rest } = header;
  const remittance: Remittance = {
    ...rest,
    ...(headerNumbers.length > 0 ? { headerNumbers } : {}),
    claims,
    providerAdjustments,
    position,
  };
  return { remittance, warnings };
}
