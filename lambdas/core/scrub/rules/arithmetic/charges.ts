/**
 * Charges: every line charge is above zero, and a given claim total (CLM02)
 * equals the sum of the line charges, in exact cents.
 */
import { fromCents, sumCents } from '../../../money.js';
import type { Rule, RuleHit } from '../../rule.js';
import { centsOf } from './cents.js';

export const lineChargePositive: Rule = {
  id: 'LINE-CHARGE-POSITIVE',
  family: 'arithmetic',
  defaultSeverity: 'error',
  description: 'Every line charge is greater than zero',
  fix: 'Enter the billed amount for the service.',
  check({ claim }) {
    const hits: RuleHit[] = [];
    claim.serviceLines.forEach((line, index) => {
      const cents = centsOf(line.charge);
      if (cents !== undefined && cents <= 0) hits.push({ message: 'line charge must be greater than zero', path: `serviceLines[${index}].charge` });
    });
    return hits;
  },
};

export const claimTotalCharge: Rule = {
  id: 'CLAIM-TOTAL-CHARGE',
  family: 'arithmetic',
  defaultSeverity: 'error',
  description: 'The claim total charge equals the sum of the line charges',
  fix: 'Correct the total or the line charges; or omit totalCharge to have it computed.',
  check({ claim }) {
    if (claim.totalCharge === undefined) return [];
    const lines = claim.serviceLines.map((line) => centsOf(line.charge));
    const total = centsOf(claim.totalCharge);
    if (total === undefined || lines.some((c) => c === undefined)) return [];
    const sum = sumCents(lines as number[]);
    if (!Number.isSafeInteger(sum) || sum === total) return [];
    return [{ message: `totalCharge does not equal the sum of the line charges (${fromCents(sum)})`, path: 'totalCharge' }];
  },
};
