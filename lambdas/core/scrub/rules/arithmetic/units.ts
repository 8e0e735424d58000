/** Units of service: every line bills a positive quantity (SV104 / SV205). */
import type { Rule, RuleHit } from '../../rule.js';

export const lineUnitsPositive: Rule = {
  id: 'LINE-UNITS-POSITIVE',
  family: 'arithmetic',
  defaultSeverity: 'error',
  description: 'Every line bills more than zero units',
  fix: 'Enter the number of units (or minutes, or days) of the service.',
  check({ claim }) {
    const hits: RuleHit[] = [];
    claim.serviceLines.forEach((line, index) => {
      const units = Number(line.units);
      if (!Number.isFinite(units) || units <= 0) hits.push({ message: 'line units must be greater than zero', path: `serviceLines[${index}].units` });
    });
    return hits;
  },
};
