/**
 * DX-BILLABLE: every diagnosis exists in the ICD-10-CM release in force on the
 * date of service and is billable there (a category header is not). ICD-9-CM
 * is only valid before 2015-10-01 and ICD-10-CM only from then on. Codes whose
 * only problem is a missing 7th character are left to DX-SEVENTH-CHARACTER so
 * one defect draws one finding.
 */
import type { Rule, RuleHit } from '../../rule.js';
import { allDiagnoses, diagnosisDate, ICD10_START } from './claim-date.js';
import { seventhCharacterProblem } from './seventh-character.js';

export const billableRule: Rule = {
  id: 'DX-BILLABLE',
  family: 'diagnosis',
  defaultSeverity: 'error',
  description: 'Each diagnosis exists and is billable (not a category header) in the ICD-10-CM version in force on the date of service.',
  fix: 'Replace the code with a billable ICD-10-CM code valid on the date of service.',
  check({ claim, codeSets }) {
    const date = diagnosisDate(claim);
    const hits: RuleHit[] = [];
    for (const dx of allDiagnoses(claim)) {
      if (dx.system === 'ICD-9-CM') {
        if (date >= ICD10_START) {
          hits.push({ path: dx.path, message: `ICD-9-CM diagnosis ${dx.code} on a claim with a date of service from 2015-10-01 on`, fix: 'Code the diagnosis in ICD-10-CM.' });
        } else {
          hits.push({ path: dx.path, severity: 'warning', message: `ICD-9-CM diagnosis ${dx.code} not verified: no ICD-9-CM code set is available` });
        }
        continue;
      }
      if (date < ICD10_START) {
        hits.push({ path: dx.path, message: `ICD-10-CM diagnosis ${dx.code} on a claim with a date of service before 2015-10-01`, fix: 'Dates of service before 2015-10-01 are coded in ICD-9-CM.' });
        continue;
      }
      const found = codeSets.lookup('ICD-10-CM', dx.code, date);
      if (found.status === 'not-loaded') {
        hits.push({ path: dx.path, severity: 'warning', message: `diagnosis ${dx.code} not verified: no ICD-10-CM code set is loaded for ${date}`, fix: 'Load the ICD-10-CM release for the date of service.' });
      } else if (found.status === 'found' && found.billable) {
        continue;
      } else if (seventhCharacterProblem(codeSets, dx.code, date)) {
        continue;
      } else if (found.status === 'found') {
        hits.push({ path: dx.path, message: `diagnosis ${dx.code} is a category header, not a billable code: it needs more characters`, fix: 'Code to the most specific billable subcode the documentation supports.', codeSetVersion: found.version });
      } else {
        hits.push({ path: dx.path, message: `diagnosis ${dx.code} is not a valid ICD-10-CM code on the date of service`, codeSetVersion: found.version });
      }
    }
    return hits;
  },
};
