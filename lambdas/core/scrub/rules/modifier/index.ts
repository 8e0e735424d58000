/** The modifier family: form, known values and contradicting combinations. */
import type { Rule } from '../../rule.js';
import { modifierCombinationRule } from './combination.js';
import { modifierFormatRule } from './format.js';
import { modifierKnownRule } from './known.js';

export const MODIFIER_RULES: Rule[] = [modifierFormatRule, modifierKnownRule, modifierCombinationRule];
