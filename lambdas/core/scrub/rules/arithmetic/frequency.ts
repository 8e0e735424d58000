/**
 * Replacement (7) and void (8) claims name the claim they change: the
 * payer's claim control number of the original (REF*F8, 835 CLP07).
 */
import type { Rule } from '../../rule.js';

export const claimFrequencyF8: Rule = {
  id: 'CLAIM-FREQUENCY-F8',
  family: 'arithmetic',
  defaultSeverity: 'error',
  description: "Frequency 7 (replacement) and 8 (void) carry the original claim's payer control number",
  fix: "Enter the payer's claim control number of the original claim (835 CLP07).",
  check({ claim }) {
    if ((claim.frequencyCode !== '7' && claim.frequencyCode !== '8') || claim.payerClaimControlNumber?.trim()) return [];
    return [{ message: `frequency code ${claim.frequencyCode} needs payerClaimControlNumber (REF*F8)`, path: 'payerClaimControlNumber' }];
  },
};
