/**
 * 837P guide notes that payers commonly enforce but that the guide's own
 * examples (and pyx12) do not: the claim can be written, and the biller is
 * warned. The ZIP notes are the case in point: 2010AA and 2310C N403 "should"
 * be nine digits, yet the X222A1 examples carry five, and a practice's file
 * with five must round-trip unchanged. The 837I has no such leniency: there
 * the nine-digit billing ZIP is refused (check-837i.ts).
 */
import type { Claim } from '../../claim/model.js';
import { Claim837Error } from './write-errors.js';

export function advise837P(claim: Claim): Claim837Error[] {
  const advice: Claim837Error[] = [];
  if (claim.claimType !== 'professional') return advice;
  if (!/^\d{9}$/.test(claim.billingProvider.address.postalCode)) {
    advice.push(
      new Claim837Error(
        'BILLING_PROVIDER_ZIP_NOT_NINE_DIGITS',
        'loop 2010AA N403: the guide asks for the nine-digit ZIP code and many payers reject five',
        claim.claimId,
        'N403',
        'N4',
      ),
    );
  }
  if (claim.serviceFacility && !/^\d{9}$/.test(claim.serviceFacility.address.postalCode)) {
    advice.push(
      new Claim837Error(
        'SERVICE_FACILITY_ZIP_NOT_NINE_DIGITS',
        'loop 2310C N403: the guide asks for the nine-digit ZIP code and many payers reject five',
        claim.claimId,
        'N403',
        'N4',
      ),
    );
  }
  return advice;
}
