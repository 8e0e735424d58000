/** The medically-unlikely-edit rules. */
import type { Rule } from '../../rule.js';
import { mueUnits } from './units.js';

export const MUE_RULES: Rule[] = [mueUnits];
