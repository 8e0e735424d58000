/**
 * MOD-COMBINATION: modifiers on one line that contradict each other: 26
 * (professional component) with TC (technical component) bills the global
 * service in two halves; 50 (bilateral) already covers both sides, so LT or
 * RT with it is contradictory; and a modifier repeated on the same line.
 * LT and RT together is only a warning: Medicare wants 50 or one line per
 * side, but some payers accept both sides on one line with two units.
 */
import type { Rule, RuleHit } from '../../rule.js';

const PAIRS: ReadonlyArray<readonly [string, string, string, 'warning'?]> = [
  ['26', 'TC', 'professional (26) and technical (TC) component on one line: bill the global service without either'],
  ['50', 'LT', 'bilateral (50) with a side (LT)'],
  ['50', 'RT', 'bilateral (50) with a side (RT)'],
  ['LT', 'RT', 'both sides (LT and RT) on one line: use 50 or bill each side on its own line, as the payer requires', 'warning'],
];

export const modifierCombinationRule: Rule = {
  id: 'MOD-COMBINATION',
  family: 'modifier',
  defaultSeverity: 'error',
  description: 'Modifiers on one line do not contradict each other (26+TC, 50+LT/RT; LT+RT warns) and are not repeated.',
  fix: 'Remove the contradicting or repeated modifier.',
  check({ claim }) {
    const hits: RuleHit[] = [];
    claim.serviceLines.forEach((line, i) => {
      const mods = line.modifiers;
      mods.forEach((mod, m) => {
        if (mods.indexOf(mod) !== m) hits.push({ path: `serviceLines[${i}].modifiers[${m}]`, message: `modifier ${mod} is repeated on the line` });
      });
      for (const [a, b, why, severity] of PAIRS) {
        const [ia, ib] = [mods.indexOf(a), mods.indexOf(b)];
        // Points at whichever of the two comes second: the one to reconsider.
        if (ia >= 0 && ib >= 0) hits.push({ path: `serviceLines[${i}].modifiers[${Math.max(ia, ib)}]`, message: why, ...(severity ? { severity } : {}) });
      }
    });
    return hits;
  },
};
