/**
 * INST-REVENUE-CODE: every 837I line carries a four-digit NUBC revenue code
 * in a defined range: 0100-0999, 1000-1099 (behavioural health
 * accommodations), 2100-2199 (alternative therapies), 3100-3199 (adult
 * care). 0001 is the UB-04 total line, never a service line.
 */
import type { Rule, RuleHit } from '../../rule.js';

const RANGES: ReadonlyArray<readonly [number, number]> = [
  [100, 999],
  [1000, 1099],
  [2100, 2199],
  [3100, 3199],
];

export function isRevenueCode(code: string): boolean {
  if (!/^\d{4}$/.test(code)) return false;
  const value = Number(code);
  return RANGES.some(([from, to]) => value >= from && value <= to);
}

export const revenueCodeRule: Rule = {
  id: 'INST-REVENUE-CODE',
  family: 'institutional',
  defaultSeverity: 'error',
  description: '837I lines carry a four-digit NUBC revenue code in a defined range (0001, the total line, is not a service line).',
  fix: 'Use the NUBC revenue code for the service, e.g. 0450 emergency room.',
  check({ claim }) {
    if (claim.claimType !== 'institutional') return [];
    const hits: RuleHit[] = [];
    claim.serviceLines.forEach((line, i) => {
      const path = `serviceLines[${i}].revenueCode`;
      if (line.revenueCode === undefined) hits.push({ path, message: 'revenue code missing on an institutional line' });
      else if (!isRevenueCode(line.revenueCode)) hits.push({ path, message: `revenue code ${line.revenueCode} is not a four-digit NUBC revenue code in a defined range` });
    });
    return hits;
  },
};
