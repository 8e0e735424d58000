/**
 * PROC-PCS: 837I principal and other procedures are valid ICD-10-PCS codes
 * (not headers) on the procedure date; ICD-9-CM volume 3 only before
 * 2015-10-01. Without a loaded ICD-10-PCS release: "not verified" warnings.
 */
import type { InpatientProcedure } from '../../../claim/model.js';
import type { Rule, RuleHit } from '../../rule.js';
import { ICD10_START } from '../diagnosis/claim-date.js';

export const pcsRule: Rule = {
  id: 'PROC-PCS',
  family: 'procedure',
  defaultSeverity: 'error',
  description: '837I inpatient procedures are valid ICD-10-PCS codes (not headers) on the procedure date.',
  fix: 'Code the procedure to a valid 7-character ICD-10-PCS code for its date.',
  check({ claim, codeSets }) {
    const inst = claim.institutional;
    if (!inst) return [];
    const procedures: Array<[InpatientProcedure, string]> = [];
    if (inst.principalProcedure) procedures.push([inst.principalProcedure, 'institutional.principalProcedure.code']);
    inst.otherProcedures?.forEach((p, i) => procedures.push([p, `institutional.otherProcedures[${i}].code`]));
    const hits: RuleHit[] = [];
    for (const [proc, path] of procedures) {
      if (proc.system === 'ICD-9-CM') {
        if (proc.date >= ICD10_START) hits.push({ path, message: `ICD-9-CM procedure ${proc.code} dated from 2015-10-01 on`, fix: 'Code the procedure in ICD-10-PCS.' });
        else hits.push({ path, severity: 'warning', message: `ICD-9-CM procedure ${proc.code} not verified: no ICD-9-CM code set is available` });
        continue;
      }
      if (proc.date < ICD10_START) {
        hits.push({ path, message: `ICD-10-PCS procedure ${proc.code} dated before 2015-10-01`, fix: 'Procedures before 2015-10-01 are coded in ICD-9-CM volume 3.' });
        continue;
      }
      const found = codeSets.lookup('ICD-10-PCS', proc.code, proc.date);
      if (found.status === 'not-loaded') {
        hits.push({ path, severity: 'warning', message: `procedure ${proc.code} not verified: no ICD-10-PCS code set is loaded for ${proc.date}`, fix: 'Load the ICD-10-PCS release for the procedure date.' });
      } else if (found.status === 'unknown') {
        hits.push({ path, message: `procedure ${proc.code} is not a valid ICD-10-PCS code on its date`, codeSetVersion: found.version });
      } else if (!found.billable) {
        hits.push({ path, message: `procedure ${proc.code} is an ICD-10-PCS table header, not a valid code`, codeSetVersion: found.version });
      }
    }
    return hits;
  },
};
