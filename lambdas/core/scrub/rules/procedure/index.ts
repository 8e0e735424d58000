/** The procedure family: CPT/HCPCS form and existence on line dates, ICD-10-PCS on 837I. */
import type { Rule } from '../../rule.js';
import { procedureExistsRule } from './exists.js';
import { procedureFormatRule } from './format.js';
import { pcsRule } from './icd10-pcs.js';

export const PROCEDURE_RULES: Rule[] = [procedureFormatRule, procedureExistsRule, pcsRule];
