/** The institutional family: 837I type of bill and revenue codes. */
import type { Rule } from '../../rule.js';
import { revenueCodeRule } from './revenue-code.js';
import { typeOfBillRule } from './type-of-bill.js';

export const INSTITUTIONAL_RULES: Rule[] = [typeOfBillRule, revenueCodeRule];
