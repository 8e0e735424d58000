/**
 * NPI check digit (Luhn over 80840 + the first nine digits, see
 * claim/npi.ts) for every NPI on the claim. A typo in an NPI almost always
 * breaks the check digit, and payers reject the claim at the front door.
 */
import { isValidNpi } from '../../../claim/npi.js';
import type { Rule } from '../../rule.js';
import { npisOf } from './parties.js';

export const npiCheckDigit: Rule = {
  id: 'NPI-CHECK-DIGIT',
  family: 'party',
  defaultSeverity: 'error',
  description: 'Every NPI on the claim passes the NPI check digit',
  fix: 'Re-enter the NPI from NPPES; a typo changes the check digit.',
  check({ claim }) {
    return npisOf(claim)
      .filter(([, npi]) => !isValidNpi(npi))
      .map(([path]) => ({ message: `${path} fails the NPI check digit`, path }));
  },
};
