/**
 * DX-POA: on an inpatient 837I every diagnosis (principal, other and external
 * cause) carries a present-on-admission indicator (Y, N, U, W), unless its code
 * is on the CMS POA-exempt list, where the indicator stays blank (or '1',
 * "exempt", as some payers still accept). The admitting diagnosis and reasons
 * for visit carry none. Without the POA-EXEMPT list for the discharge date the
 * check degrades to "not verified" warnings.
 */
import type { Claim } from '../../../claim/model.js';
import type { Rule, RuleHit } from '../../rule.js';
import { diagnosisDate, isInpatient } from './claim-date.js';

interface PoaRef {
  code: string;
  poa: string | undefined;
  path: string;
}

function poaRefs(claim: Claim): PoaRef[] {
  const refs: PoaRef[] = claim.diagnoses.map((dx, i) => ({ code: dx.code, poa: dx.presentOnAdmission, path: `diagnoses[${i}].presentOnAdmission` }));
  claim.institutional?.externalCauses?.forEach((ec, i) => refs.push({ code: ec.code, poa: ec.presentOnAdmission, path: `institutional.externalCauses[${i}].presentOnAdmission` }));
  return refs;
}

export const presentOnAdmissionRule: Rule = {
  id: 'DX-POA',
  family: 'diagnosis',
  defaultSeverity: 'error',
  description: 'Inpatient 837I diagnoses carry a present-on-admission indicator, blank (or 1) for codes on the POA-exempt list.',
  fix: 'Report Y, N, U or W for each diagnosis; leave it blank for POA-exempt codes.',
  check({ claim, codeSets }) {
    if (!isInpatient(claim) || claim.diagnoses[0]?.system !== 'ICD-10-CM') return [];
    const date = diagnosisDate(claim);
    const hits: RuleHit[] = [];
    const loaded = codeSets.loaded('POA-EXEMPT', date);
    for (const ref of poaRefs(claim)) {
      const found = codeSets.lookup('POA-EXEMPT', ref.code, date);
      if (found.status === 'not-loaded') {
        if (ref.poa === undefined || ref.poa === '1') {
          hits.push({ path: ref.path, severity: 'warning', message: `POA indicator of ${ref.code} not verified: no POA-exempt list is loaded for ${date}`, fix: 'Load the POA-exempt list for the discharge date.' });
        }
        continue;
      }
      const exempt = found.status === 'found';
      if (exempt && ref.poa !== undefined && ref.poa !== '1') {
        hits.push({ path: ref.path, message: `${ref.code} is exempt from POA reporting: its indicator must be blank`, fix: 'Leave the POA indicator blank for this code.', codeSetVersion: found.version });
      } else if (!exempt && ref.poa === undefined) {
        hits.push({ path: ref.path, message: `POA indicator missing for ${ref.code} on an inpatient claim`, codeSetVersion: found.version });
      } else if (!exempt && ref.poa === '1') {
        hits.push({ path: ref.path, message: `POA indicator 1 (exempt) used for ${ref.code}, which is not on the POA-exempt list`, codeSetVersion: found.version });
      }
    }
    if (!loaded && hits.length === 0) {
      hits.push({ path: 'diagnoses', severity: 'warning', message: `POA exemptions not verified: no POA-exempt list is loaded for ${date}`, fix: 'Load the POA-exempt list for the discharge date.' });
    }
    return hits;
  },
};
