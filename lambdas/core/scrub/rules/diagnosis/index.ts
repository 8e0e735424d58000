/** The diagnosis family: ICD-10-CM validity, sequencing, age/sex and present-on-admission rules. */
import type { Rule } from '../../rule.js';
import { ageRule, sexRule } from './age-sex.js';
import { billableRule } from './billable.js';
import { duplicateRule } from './duplicate.js';
import { externalCauseRule } from './external-cause.js';
import { manifestationRule } from './manifestation.js';
import { presentOnAdmissionRule } from './present-on-admission.js';
import { seventhCharacterRule } from './seventh-character.js';

export const DIAGNOSIS_RULES: Rule[] = [
  billableRule,
  seventhCharacterRule,
  externalCauseRule,
  manifestationRule,
  duplicateRule,
  ageRule,
  sexRule,
  presentOnAdmissionRule,
];
