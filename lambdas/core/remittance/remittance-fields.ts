/**
 * The few 835 claim-payment fields posting reads beyond CLP/CAS/SVC, in one
 * place: the crossover carrier (NM1*TT) and the claim-level remark codes
 * (MIA, MOA).
 */
import type { ClaimPaymentInfo } from '../x12/835/model.js';

/** NM1*TT: the payer forwarded the claim to this carrier (crossover). */
export function crossoverCarrier(clp: ClaimPaymentInfo): { name?: string; id?: string } | undefined {
  const carrier = clp.crossoverCarrier;
  if (!carrier) return undefined;
  return { ...(carrier.name ? { name: carrier.name } : {}), ...(carrier.identifier ? { id: carrier.identifier.value } : {}) };
}

/** RARCs of MIA (MIA05, MIA20-23) and MOA (MOA03-07), in that order, without duplicates. */
export function claimRemarks(clp: ClaimPaymentInfo): string[] {
  return [...new Set([...(clp.inpatient?.remarkCodes ?? []), ...(clp.outpatient?.remarkCodes ?? [])])];
}
