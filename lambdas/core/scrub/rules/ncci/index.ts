/** The NCCI procedure-to-procedure rules. */
import type { Rule } from '../../rule.js';
import { ncciPtp } from './ptp.js';

export const NCCI_RULES: Rule[] = [ncciPtp];
