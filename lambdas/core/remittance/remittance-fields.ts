/**
 * The few 835 claim-payment fields posting reads beyond CLP/CAS/SVC, in one
 * place: the crossover carrier (NM1*TT) and the claim-level remark codes
 * (MIA, MOA).
 */
import type { ClaimPaymentInfo } from '../x12/835/model.js';

/** NM1*TT: the payer forwarded the claim to this carrier (crossover). */
export function crossoverCarrier(clp: ClaimPaymentInfo): { name?: string; id?: string } | undefined {
  const carrier = (clp as { crossoverCarrier?: { last?: string; identifier?: { value: string } } }).crossoverCarrier;
  if (!carrier) return undefined;
  return { ...(carrier.last ? { name: carrier.last } : {}), ...(carrier.identifier ? { id: carrier.identifier.value } : {}) };
}

/** RARCs of MIA (MIA05, MIA20-23) and MOA (MOA03-07), in that order, without duplicates. */
export function claimRemarks(clp: ClaimPaymentInfo): string[] {
  const shaped = clp as { inpatient?: { remarks?: string[] }; outpatient?: { remarks?: string[] } };
  return [...new Set([...(shaped.inpatient?.remarks ?? []), ...(shaped.outpatient?.remarks ?? [])])];
}
