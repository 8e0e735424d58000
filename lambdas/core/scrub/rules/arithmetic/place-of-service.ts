/**
 * Place of service (CLM05-1 qualifier B, SV105): a code on the CMS place of
 * service list. The list lives with the 837 code lists (one copy in source).
 */
import { PLACE_OF_SERVICE_CODES } from '../../../x12/837/code-lists.js';
import type { Rule, RuleHit } from '../../rule.js';

export const placeOfServiceValid: Rule = {
  id: 'POS-VALID',
  family: 'arithmetic',
  defaultSeverity: 'error',
  description: 'Place of service codes are on the CMS place of service list',
  fix: 'Use a code from the CMS place of service code set (e.g. 11 office, 22 outpatient hospital).',
  check({ claim }) {
    const hits: RuleHit[] = [];
    if (claim.placeOfService !== undefined && !PLACE_OF_SERVICE_CODES.has(claim.placeOfService)) {
      hits.push({ message: `placeOfService ${claim.placeOfService} is not a CMS place of service code`, path: 'placeOfService' });
    }
    claim.serviceLines.forEach((line, index) => {
      if (line.placeOfService !== undefined && !PLACE_OF_SERVICE_CODES.has(line.placeOfService)) {
        hits.push({ message: `line placeOfService ${line.placeOfService} is not a CMS place of service code`, path: `serviceLines[${index}].placeOfService` });
      }
    });
    return hits;
  },
};
