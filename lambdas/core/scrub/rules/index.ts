/**
 * Every rule the scrubber runs, by family. The list is data: intake and
 * `claimflow scrub` run it through the engine with the tenant's and payer's
 * settings (disable a rule, change its severity).
 */
import type { Rule } from '../rule.js';
import { ARITHMETIC_RULES } from './arithmetic/index.js';
import { DATE_RULES } from './date/index.js';
import { DIAGNOSIS_RULES } from './diagnosis/index.js';
import { INSTITUTIONAL_RULES } from './institutional/index.js';
import { MODIFIER_RULES } from './modifier/index.js';
import { MUE_RULES } from './mue/index.js';
import { NCCI_RULES } from './ncci/index.js';
import { PARTY_RULES } from './party/index.js';
import { PROCEDURE_RULES } from './procedure/index.js';

export const ALL_RULES: readonly Rule[] = [
  ...DIAGNOSIS_RULES,
  ...PROCEDURE_RULES,
  ...MODIFIER_RULES,
  ...NCCI_RULES,
  ...MUE_RULES,
  ...PARTY_RULES,
  ...ARITHMETIC_RULES,
  ...DATE_RULES,
  ...INSTITUTIONAL_RULES,
];

/** The rule with this id, if any (for docs and settings checks). */
export function ruleById(id: string): Rule | undefined {
  return ALL_RULES.find((rule) => rule.id === id);
}
