/** A line's date range runs forwards: serviceDateEnd is not before its first date of service. */
import { lineServiceDate } from '../../../claim/service-dates.js';
import type { Rule, RuleHit } from '../../rule.js';

export const lineDateRange: Rule = {
  id: 'LINE-DATE-RANGE',
  family: 'date',
  defaultSeverity: 'error',
  description: 'A service line does not end before it starts',
  fix: 'Swap or correct the dates of service.',
  check({ claim }) {
    const hits: RuleHit[] = [];
    claim.serviceLines.forEach((line, index) => {
      if (line.serviceDateEnd !== undefined && line.serviceDateEnd < lineServiceDate(claim, line)) {
        hits.push({ message: 'serviceDateEnd is before serviceDate', path: `serviceLines[${index}].serviceDateEnd` });
      }
    });
    return hits;
  },
};
