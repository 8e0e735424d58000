/**
 * DX-AGE and DX-SEX: diagnoses that conflict with the patient's age or sex,
 * in the manner of the Medicare Code Editor (see ./age-sex-tables.ts).
 * Warnings by default: the tables are a subset and payers differ. The patient
 * is the claim's patient, or the subscriber when no separate patient is given.
 * Messages name the code and the edit, never the birth date or age.
 */
import type { Claim } from '../../../claim/model.js';
import type { Rule, RuleHit } from '../../rule.js';
import { AGE_BANDS, inRanges, SEX_LISTS } from './age-sex-tables.js';
import { diagnosisDate } from './claim-date.js';

/** Whole years between the birth date and the date of service. */
export function ageOn(birthDate: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

const person = (claim: Claim) => claim.patient ?? claim.subscriber;

export const ageRule: Rule = {
  id: 'DX-AGE',
  family: 'diagnosis',
  defaultSeverity: 'warning',
  description: "A diagnosis is consistent with the patient's age on the date of service (MCE-style newborn, pediatric, maternity and adult edits).",
  fix: "Check the diagnosis code and the patient's birth date.",
  check({ claim }) {
    const birthDate = person(claim).birthDate;
    if (!birthDate) return [];
    const age = ageOn(birthDate, diagnosisDate(claim));
    const hits: RuleHit[] = [];
    claim.diagnoses.forEach((dx, i) => {
      if (dx.system !== 'ICD-10-CM') return;
      const band = AGE_BANDS.find((b) => inRanges(dx.code, b.ranges));
      if (band && (age < band.minAge || age > band.maxAge)) {
        hits.push({ path: `diagnoses[${i}].code`, message: `diagnosis ${dx.code} is a ${band.name} diagnosis (ages ${band.minAge}-${band.maxAge}); the patient's age is outside that range` });
      }
    });
    return hits;
  },
};

export const sexRule: Rule = {
  id: 'DX-SEX',
  family: 'diagnosis',
  defaultSeverity: 'warning',
  description: "A diagnosis is consistent with the patient's sex (MCE-style female-only and male-only edits).",
  fix: "Check the diagnosis code and the patient's sex.",
  check({ claim }) {
    const sex = person(claim).sex;
    if (sex !== 'F' && sex !== 'M') return [];
    const hits: RuleHit[] = [];
    claim.diagnoses.forEach((dx, i) => {
      if (dx.system !== 'ICD-10-CM') return;
      const list = SEX_LISTS.find((l) => l.sex !== sex && inRanges(dx.code, l.ranges));
      if (list) hits.push({ path: `diagnoses[${i}].code`, message: `diagnosis ${dx.code} is ${list.sex === 'F' ? 'female' : 'male'}-only; the patient's sex on the claim differs` });
    });
    return hits;
  },
};
