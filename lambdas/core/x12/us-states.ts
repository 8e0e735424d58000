/**
 * N402 state codes for an address without N404 (country), i.e. in the US:
 * the 50 states, DC, the territories and freely associated states USPS
 * serves (AS GU MP PR VI FM MH PW) and the military "states" (AA AE AP).
 * Canadian provinces are left out: the models have no country, and the
 * guides want N404 for any address outside the US.
 */
export const US_STATE_CODES: ReadonlySet<string> = new Set([
  'AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'DC', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA', 'KS', 'KY', 'LA', 'ME',
  'MD', 'MA', 'MI', 'MN', 'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NM', 'NY', 'NC', 'ND', 'OH', 'OK', 'OR', 'PA', 'RI',
  'SC', 'SD', 'TN', 'TX', 'UT', 'VT', 'VA', 'WA', 'WV', 'WI', 'WY',
  'AS', 'GU', 'MP', 'PR', 'VI', 'FM', 'MH', 'PW',
  'AA', 'AE', 'AP',
]);
