/** DX-DUPLICATE: the same diagnosis code listed twice on one claim (payers reject or drop the repeat). */
import type { Rule, RuleHit } from '../../rule.js';

export const duplicateRule: Rule = {
  id: 'DX-DUPLICATE',
  family: 'diagnosis',
  defaultSeverity: 'error',
  description: 'A diagnosis code appears only once in the claim diagnoses.',
  fix: 'Remove the repeated diagnosis and re-point service lines to the first occurrence.',
  check({ claim }) {
    const seen = new Map<string, number>();
    const hits: RuleHit[] = [];
    claim.diagnoses.forEach((dx, i) => {
      const first = seen.get(dx.code);
      if (first === undefined) seen.set(dx.code, i);
      else hits.push({ path: `diagnoses[${i}].code`, message: `diagnosis ${dx.code} repeats diagnosis ${first + 1}` });
    });
    return hits;
  },
};
