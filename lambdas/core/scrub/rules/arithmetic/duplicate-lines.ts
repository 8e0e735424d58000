/**
 * Duplicate service lines: the same code (procedure and revenue code), the
 * same modifiers (in any order), the same date of service and the same
 * charge. Payers deny the repeat as a duplicate (CARC 18); a real repeat
 * takes more units or a repeat modifier (76, 77, 91). A warning, since an
 * institutional claim may legitimately list a revenue code twice.
 */
import { lineServiceDate } from '../../../claim/service-dates.js';
import type { Rule, RuleHit } from '../../rule.js';
import { centsOf } from './cents.js';

export const lineDuplicate: Rule = {
  id: 'LINE-DUPLICATE',
  family: 'arithmetic',
  defaultSeverity: 'warning',
  description: 'No two service lines have the same code, modifiers, date of service and charge',
  fix: 'Merge the lines into one with more units, or add the repeat modifier (76, 77, 91) that documents a second service.',
  check({ claim }) {
    const seen = new Map<string, number>();
    const hits: RuleHit[] = [];
    claim.serviceLines.forEach((line, index) => {
      const key = [
        line.procedureCode ?? '',
        line.revenueCode ?? '',
        [...line.modifiers].sort().join(','),
        lineServiceDate(claim, line),
        line.serviceDateEnd ?? '',
        String(centsOf(line.charge) ?? line.charge),
      ].join('|');
      const first = seen.get(key);
      if (first === undefined) seen.set(key, index);
      else hits.push({ message: `line ${index + 1} repeats line ${first + 1} (same code, modifiers, date of service and charge)`, path: `serviceLines[${index}]` });
    });
    return hits;
  },
};
