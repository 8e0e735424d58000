/** MOD-FORMAT: a modifier is two letters or digits (SV101-3..6 / SV202-3..6). */
import type { Rule, RuleHit } from '../../rule.js';

export const MODIFIER_PATTERN = /^[0-9A-Z]{2}$/;

export const modifierFormatRule: Rule = {
  id: 'MOD-FORMAT',
  family: 'modifier',
  defaultSeverity: 'error',
  description: 'Modifiers are two upper-case letters or digits.',
  fix: 'Correct the modifier to its two-character form.',
  check({ claim }) {
    const hits: RuleHit[] = [];
    claim.serviceLines.forEach((line, i) =>
      line.modifiers.forEach((mod, m) => {
        if (!MODIFIER_PATTERN.test(mod)) hits.push({ path: `serviceLines[${i}].modifiers[${m}]`, message: 'modifier is not two letters or digits' });
      }),
    );
    return hits;
  },
};
