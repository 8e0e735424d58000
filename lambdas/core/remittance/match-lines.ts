/**
 * Ties the service lines of an 835 claim payment (loop 2110) to the lines of
 * our claim. Pure. The order of preference is in posting-record.ts (LineMatch).
 * A claim line may receive several SVCs (a payer that splits a line repeats
 * its REF*6R); the fallbacks only pick lines no SVC has taken yet, so two
 * identical services on one day are matched one to one.
 */
import { lineControlNumbers } from '../claim/line-control.js';
import type { Claim, ServiceLine } from '../claim/model.js';
import { lineServiceDate } from '../claim/service-dates.js';
import type { Procedure, ServicePayment } from '../x12/835/model.js';
import type { LineMatch } from './posting-record.js';

export interface SvcMatch {
  /** 1-based claim line, absent when nothing matched. */
  line?: number;
  matchedBy?: LineMatch;
  /** Why it did not match, when it did not. */
  reason?: string;
}

export function matchServiceLines(claim: Pick<Claim, 'serviceLines' | 'institutional'>, svcs: readonly ServicePayment[]): SvcMatch[] {
  const controlNumbers = lineControlNumbers(claim);
  const byControl = new Map<string, number>();
  controlNumbers.forEach((value, index) => byControl.set(value, index));
  const taken = new Set<number>();
  const result: SvcMatch[] = svcs.map(() => ({}));

  // Pass 1: the REF*6R echo.
  svcs.forEach((svc, i) => {
    const index = svc.lineControlNumber === undefined ? undefined : byControl.get(svc.lineControlNumber);
    if (index !== undefined) {
      result[i] = { line: index + 1, matchedBy: 'line-control-number' };
      taken.add(index);
    }
  });
  // Pass 2: procedure + modifiers + date + units; pass 3: the same without units, when unambiguous.
  for (const tier of ['procedure-date-units', 'procedure-date'] as const) {
    svcs.forEach((svc, i) => {
      if (result[i]?.line !== undefined) return;
      const candidates = claim.serviceLines
        .map((line, index) => ({ line, index }))
        .filter(({ line, index }) => !taken.has(index) && sameService(claim, line, svc, tier === 'procedure-date-units'));
      const chosen = tier === 'procedure-date-units' ? candidates[0] : candidates.length === 1 ? candidates[0] : undefined;
      if (chosen) {
        result[i] = { line: chosen.index + 1, matchedBy: tier };
        taken.add(chosen.index);
      }
    });
  }
  svcs.forEach((svc, i) => {
    if (result[i]?.line !== undefined) return;
    result[i] = {
      reason:
        svc.lineControlNumber !== undefined
          ? 'REF*6R names no line of the claim and no unmatched line has the same procedure, modifiers and date'
          : 'no REF*6R, and no unmatched line of the claim has the same procedure, modifiers, date and units',
    };
  });
  return result;
}

function sameService(claim: Pick<Claim, 'institutional'>, line: ServiceLine, svc: ServicePayment, withUnits: boolean): boolean {
  const submitted = svc.originalProcedure ?? svc.procedure;
  if (!sameProcedure(line, submitted, svc.revenueCode)) return false;
  if (svc.serviceDate !== undefined && svc.serviceDate !== lineServiceDate(claim, line)) return false;
  if (!withUnits) return true;
  // SVC07 original units, else SVC05 paid units; the guide reads an absent SVC05 as one unit.
  const units = svc.originalUnits ?? svc.units ?? '1';
  return Number(units) === Number(line.units);
}

function sameProcedure(line: ServiceLine, procedure: Procedure, revenueCode: string | undefined): boolean {
  if (procedure.qualifier === 'NU') {
    // Institutional line paid by revenue code only.
    return line.revenueCode === procedure.code && line.procedureCode === undefined;
  }
  if (line.procedureCode !== procedure.code) return false;
  if (revenueCode !== undefined && line.revenueCode !== undefined && revenueCode !== line.revenueCode) return false;
  const a = [...line.modifiers].sort().join(',');
  const b = [...procedure.modifiers].sort().join(',');
  return a === b;
}
