/**
 * Provider taxonomy codes (PRV03): ten letters and digits always; when the
 * NUCC Health Care Provider Taxonomy is loaded for the claim's first date of
 * service, the code must be on it. Without the list only the shape is
 * checked (and no warning: the shape is what the guide requires).
 */
import { lineServiceDate } from '../../../claim/service-dates.js';
import type { Claim } from '../../../claim/model.js';
import type { Rule, RuleHit } from '../../rule.js';
import { providersOf } from './parties.js';

const SHAPE = /^[0-9A-Z]{10}$/;

export function firstServiceDate(claim: Claim): string {
  return claim.serviceLines.map((line) => lineServiceDate(claim, line)).reduce((min, d) => (d < min ? d : min));
}

export const partyTaxonomy: Rule = {
  id: 'PARTY-TAXONOMY',
  family: 'party',
  defaultSeverity: 'error',
  description: 'Provider taxonomy codes are 10 characters and, when the NUCC list is loaded, on it',
  fix: 'Use the taxonomy code the provider registered in NPPES (e.g. 207Q00000X).',
  check({ claim, codeSets }) {
    const date = firstServiceDate(claim);
    const hits: RuleHit[] = [];
    for (const [base, provider] of providersOf(claim)) {
      if (provider.taxonomy === undefined) continue;
      const path = `${base}.taxonomy`;
      if (!SHAPE.test(provider.taxonomy)) {
        hits.push({ message: `${path} is not a 10-character taxonomy code`, path });
        continue;
      }
      const found = codeSets.lookup('NUCC-TAXONOMY', provider.taxonomy, date);
      if (found.status === 'unknown') {
        hits.push({ message: `${path} ${provider.taxonomy} is not on the NUCC taxonomy list`, path, codeSetVersion: found.version });
      }
    }
    return hits;
  },
};
