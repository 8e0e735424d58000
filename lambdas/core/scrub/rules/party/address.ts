/**
 * State and ZIP code of every address on the claim. The canonical address is
 * a US one (N403 is a ZIP code), so N402 must be a USPS state or territory
 * code: the 50 states, DC, the territories and freely associated states
 * (AS, FM, GU, MH, MP, PR, PW, VI) and the military codes (AA, AE, AP).
 * The ZIP is five or nine digits and never 00000 (not a ZIP code).
 */
import type { Rule, RuleHit } from '../../rule.js';
import { addressesOf } from './parties.js';

export const USPS_STATE_CODES: ReadonlySet<string> = new Set([
  'AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA', 'KS', 'KY', 'LA', 'ME', 'MD',
  'MA', 'MI', 'MN', 'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NM', 'NY', 'NC', 'ND', 'OH', 'OK', 'OR', 'PA', 'RI', 'SC',
  'SD', 'TN', 'TX', 'UT', 'VT', 'VA', 'WA', 'WV', 'WI', 'WY', 'DC',
  'AS', 'FM', 'GU', 'MH', 'MP', 'PR', 'PW', 'VI',
  'AA', 'AE', 'AP',
]);

export const partyState: Rule = {
  id: 'PARTY-STATE',
  family: 'party',
  defaultSeverity: 'error',
  description: 'State codes of addresses (and of an auto accident) are USPS state or territory codes',
  fix: 'Use the two-letter USPS abbreviation of the state or territory.',
  check({ claim }) {
    const hits: RuleHit[] = addressesOf(claim)
      .filter(([, address]) => !USPS_STATE_CODES.has(address.state))
      .map(([base]) => ({ message: `${base}.state is not a USPS state or territory code`, path: `${base}.state` }));
    const accident = claim.relatedCauses?.state;
    if (accident !== undefined && !USPS_STATE_CODES.has(accident)) {
      hits.push({ message: 'relatedCauses.state is not a USPS state or territory code', path: 'relatedCauses.state' });
    }
    return hits;
  },
};

export const partyZip: Rule = {
  id: 'PARTY-ZIP',
  family: 'party',
  defaultSeverity: 'error',
  description: 'ZIP codes of addresses are 5 or 9 digits (not 00000)',
  fix: 'Enter the ZIP code (ZIP+4 where known) without a hyphen.',
  check({ claim }) {
    return addressesOf(claim)
      .filter(([, address]) => !/^\d{5}(\d{4})?$/.test(address.postalCode) || address.postalCode.startsWith('00000'))
      .map(([base]) => ({ message: `${base}.postalCode is not a 5 or 9 digit ZIP code`, path: `${base}.postalCode` }));
  },
};
