/**
 * MOD-KNOWN: every modifier is a real one. Two-digit modifiers are CPT's
 * (listed in source); the others are HCPCS Level II, checked against the
 * HCPCS-MODIFIER code set in force on the line date when loaded, else against
 * a list of well-known modifiers, with a "not verified" warning for the rest.
 */
import { lineServiceDate } from '../../../claim/service-dates.js';
import type { Rule, RuleHit } from '../../rule.js';
import { MODIFIER_PATTERN } from './format.js';
import { CPT_MODIFIERS, WELL_KNOWN_LEVEL_II } from './known-lists.js';

export const modifierKnownRule: Rule = {
  id: 'MOD-KNOWN',
  family: 'modifier',
  defaultSeverity: 'error',
  description: 'Modifiers are known CPT modifiers or HCPCS Level II modifiers active on the date of service.',
  fix: 'Use a valid CPT or HCPCS Level II modifier, or remove it.',
  check({ claim, codeSets }) {
    const hits: RuleHit[] = [];
    claim.serviceLines.forEach((line, i) =>
      line.modifiers.forEach((mod, m) => {
        if (!MODIFIER_PATTERN.test(mod)) return; // MOD-FORMAT's finding
        const path = `serviceLines[${i}].modifiers[${m}]`;
        if (/^\d{2}$/.test(mod)) {
          if (!CPT_MODIFIERS.has(mod)) hits.push({ path, message: `modifier ${mod} is not a CPT modifier` });
          return;
        }
        const found = codeSets.lookup('HCPCS-MODIFIER', mod, lineServiceDate(claim, line));
        if (found.status === 'unknown') {
          hits.push({ path, message: `modifier ${mod} is not a HCPCS Level II modifier active on the date of service`, codeSetVersion: found.version });
        } else if (found.status === 'not-loaded' && !WELL_KNOWN_LEVEL_II.has(mod)) {
          hits.push({ path, severity: 'warning', message: `modifier ${mod} not verified: no HCPCS modifier code set is loaded for the date of service`, fix: 'Load the HCPCS Level II file to verify the modifier.' });
        }
      }),
    );
    return hits;
  },
};
