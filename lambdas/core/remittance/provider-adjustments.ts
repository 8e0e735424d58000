/**
 * PLB adjustments posted at payment level. PLB amounts keep the 835's sign:
 * positive reduces the payment (WO overpayment recovery, FB forwarding
 * balance, 72 authorised return, CS adjustment, J1 non-reimbursable …),
 * negative increases it (L6 interest, a negative FB/CS …); BPR02 = ΣCLP04 −
 * ΣPLB. An item is linked to a claim when its reference (PLB03-2) is the
 * patient control number (CLP01) or the payer claim control number (CLP07)
 * of a claim the tenant knows.
 */
import { fromCents, toCents } from '../money.js';
import type { ProviderAdjustment } from '../x12/835/model.js';
import type { ProviderAdjustmentPosting } from './posting-record.js';

/** Answers "which claim does this reference name?"; the service looks in the remittance, then the store. */
export type ClaimReferenceLookup = (reference: string) => Promise<string | undefined>;

export async function postProviderAdjustments(
  plbs: readonly ProviderAdjustment[],
  lookup: ClaimReferenceLookup,
): Promise<ProviderAdjustmentPosting[]> {
  const postings: ProviderAdjustmentPosting[] = [];
  for (const plb of plbs) {
    for (const item of plb.items) {
      const reference = item.reference?.trim() || undefined;
      const claimId = reference ? await lookup(reference) : undefined;
      postings.push({
        item: postings.length + 1,
        providerId: plb.providerId,
        ...(plb.fiscalPeriodDate ? { fiscalPeriodDate: plb.fiscalPeriodDate } : {}),
        reason: item.reason,
        ...(reference ? { reference } : {}),
        amount: fromCents(toCents(item.amount ?? '0')),
        ...(claimId ? { claimId } : {}),
      });
    }
  }
  return postings;
}

/**
 * Candidate claim ids a PLB reference may stand for. Payers write the
 * reference as the bare id, or prefixed by a qualifier-like code and a space
 * or hyphen (e.g. "WO 1234", the CLP07 of a recouped claim).
 */
export function referenceCandidates(reference: string): string[] {
  const trimmed = reference.trim();
  const candidates = [trimmed];
  const split = /^[A-Z0-9]{1,3}[ -](.+)$/.exec(trimmed);
  if (split?.[1]) candidates.push(split[1].trim());
  return candidates;
}
