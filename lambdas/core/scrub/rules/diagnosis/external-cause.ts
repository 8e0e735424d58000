/**
 * DX-EXTERNAL-CAUSE-PRINCIPAL: external-cause codes (V00-Y99) say how an
 * injury happened, never why the patient was seen: they may not be the
 * principal (first-listed) diagnosis, nor the 837I admitting diagnosis.
 */
import type { Rule, RuleHit } from '../../rule.js';
import { categoryOf, inCategoryRange } from './claim-date.js';

export const isExternalCause = (code: string): boolean => inCategoryRange(categoryOf(code), 'V00', 'Y99');

export const externalCauseRule: Rule = {
  id: 'DX-EXTERNAL-CAUSE-PRINCIPAL',
  family: 'diagnosis',
  defaultSeverity: 'error',
  description: 'An external-cause code (V00-Y99) is never the principal or first-listed diagnosis.',
  fix: 'List the injury or condition first; report the external cause as a secondary code (837I: as an external-cause code).',
  check({ claim }) {
    const hits: RuleHit[] = [];
    const first = claim.diagnoses[0];
    if (first && first.system === 'ICD-10-CM' && isExternalCause(first.code)) {
      hits.push({ path: 'diagnoses[0].code', message: `external-cause code ${first.code} is the principal/first-listed diagnosis` });
    }
    const admitting = claim.institutional?.admittingDiagnosis;
    if (admitting && first?.system !== 'ICD-9-CM' && isExternalCause(admitting)) {
      hits.push({ path: 'institutional.admittingDiagnosis', message: `external-cause code ${admitting} is the admitting diagnosis` });
    }
    return hits;
  },
};
