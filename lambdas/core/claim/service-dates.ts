/**
 * Dates of service as the rest of the core needs them. A professional line
 * always has its own date (the model requires it); an institutional line may
 * not, and then the claim's statement period stands for it.
 */
import type { Claim, ServiceLine } from './model.js';

type DatedClaim = Pick<Claim, 'institutional'>;

/** The line's first date of service: its own, or the institutional statement start. */
export function lineServiceDate(claim: DatedClaim, line: Pick<ServiceLine, 'serviceDate'>): string {
  const date = line.serviceDate ?? claim.institutional?.statementFrom;
  // Unreachable for a claim that passed the Claim schema; a clear failure beats an empty date downstream.
  if (date === undefined) throw new TypeError('service line has no date of service and the claim no statement period');
  return date;
}

/** The line's last date of service. */
export function lineServiceDateEnd(claim: DatedClaim, line: Pick<ServiceLine, 'serviceDate' | 'serviceDateEnd'>): string {
  if (line.serviceDateEnd !== undefined) return line.serviceDateEnd;
  if (line.serviceDate !== undefined) return line.serviceDate;
  return claim.institutional?.statementTo ?? lineServiceDate(claim, line);
}
