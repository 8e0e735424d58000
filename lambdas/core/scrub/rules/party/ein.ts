/**
 * Employer identification numbers (REF*EI): nine digits whose first two are
 * a prefix the IRS assigns (by campus or, since 2001, for online
 * applications). The valid prefixes, from the IRS "How EINs are assigned and
 * valid EIN prefixes" page: 01-06, 10-16, 20-27, 30-39, 40-48, 50-68, 71-77,
 * 80-88, 90-95, 98, 99. Prefixes outside them (00, 07-09, 17-19, 28, 29, 49,
 * 69, 70, 78, 79, 89, 96, 97) are never issued, so such a TIN is a typo
 * (or an SSN keyed into the EIN field).
 */
import type { Rule, RuleHit } from '../../rule.js';

const RANGES: Array<[number, number]> = [
  [1, 6], [10, 16], [20, 27], [30, 39], [40, 48], [50, 68], [71, 77], [80, 88], [90, 95], [98, 99],
];

export function isValidEinPrefix(prefix: number): boolean {
  return RANGES.some(([from, to]) => prefix >= from && prefix <= to);
}

export function einProblem(tin: string): string | undefined {
  if (!/^\d{9}$/.test(tin)) return 'is not nine digits (write the EIN without the hyphen)';
  if (!isValidEinPrefix(Number(tin.slice(0, 2)))) return 'does not start with a prefix the IRS assigns to EINs';
  return undefined;
}

export const partyEin: Rule = {
  id: 'PARTY-EIN',
  family: 'party',
  defaultSeverity: 'error',
  description: 'TIN/EIN is nine digits with a valid IRS prefix',
  fix: "Re-enter the billing provider's employer identification number from its IRS letter (CP 575).",
  check({ claim }) {
    const tins: Array<[string, string | undefined]> = [
      ['billingProvider.tin', claim.billingProvider.tin],
      ['payToPlan.tin', claim.payToPlan?.tin],
    ];
    const hits: RuleHit[] = [];
    for (const [path, tin] of tins) {
      const problem = tin === undefined ? undefined : einProblem(tin);
      if (problem) hits.push({ message: `${path} ${problem}`, path });
    }
    return hits;
  },
};
