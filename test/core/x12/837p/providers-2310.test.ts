import { describe, expect, it } from 'vitest';
import { claim, el, fullClaim, PROVIDER_A, SUPERVISOR, tag } from '../837p-fixtures.js';
import { advise837P } from '../../../../lambdas/core/x12/837/advise-837p.js';
import { check837P } from '../../../../lambdas/core/x12/837/check-837p.js';
import { claimPart, elementsOf, expectRefused, write } from './helpers.js';

describe('837P 2310A-D claim provider and facility loops', () => {
  const part = claimPart(write([fullClaim()]), 'FULL-0001');

  it('writes 2310A, B, C, D, E, F in that order after HCP', () => {
    const tags = part.map(tag);
    expect(tags.slice(tags.indexOf('HCP') + 1)).toEqual([
      'NM1*DN',
      'NM1*82',
      'NM1*77', 'N3', 'N4',
      'NM1*DQ',
      'NM1*PW', 'N3', 'N4',
      'NM1*45', 'N3', 'N4',
    ]);
  });

  it('writes the referring (DN), service facility (77) and supervising (DQ) names', () => {
    expect(elementsOf(part, 'NM1', 'DN')).toEqual(['DN', '1', 'REFERSON', 'MORGAN', '', '', '', 'XX', '1777000468']);
    expect(elementsOf(part, 'NM1', '77')).toEqual(['77', '2', 'LAB FACILITY', '', '', '', '', 'XX', '2178489177']);
    expect(elementsOf(part, 'NM1', 'DQ')).toEqual(['DQ', '1', 'OVERSEER', 'DANA', '', '', '', 'XX', '1769299037']);
    const facility = part.slice(part.findIndex((s) => el(s, 1) === '77'));
    expect(facility[1]?.elements.slice(1)).toEqual(['3 LAB WAY']);
    expect(facility[2]?.elements.slice(1)).toEqual(['SPRINGFIELD', 'IL', '627040003']);
  });

  it('writes a service facility without NPI without NM108/NM109', () => {
    const facility = { name: 'Home Office', address: { line1: '1 Home Rd', city: 'Springfield', state: 'IL', postalCode: '627040011' } };
    expect(elementsOf(write([claim({ serviceFacility: facility })]), 'NM1', '77')).toEqual(['77', '2', 'HOME OFFICE']);
  });

  it('writes the rendering taxonomy as PRV*PE and leaves 2310B out when the billing provider renders', () => {
    const withTaxonomy = write([fullClaim({ renderingProvider: { ...SUPERVISOR, taxonomy: '207Q00000X' } })]);
    expect(claimPart(withTaxonomy, 'FULL-0001').map(tag)).toContain('PRV*PE');
    const same = write([fullClaim({ renderingProvider: { ...PROVIDER_A } })]);
    expect(elementsOf(claimPart(same, 'FULL-0001'), 'NM1', '82')).toBeUndefined();
  });

  it('refuses an organization as supervising provider; advises on a five-digit facility ZIP', () => {
    expectRefused({ supervisingProvider: { ...SUPERVISOR, entity: 'organization' } }, ['SUPERVISING_PROVIDER_NOT_PERSON']);
    const facility = fullClaim().serviceFacility!;
    const shortZip = fullClaim({ serviceFacility: { ...facility, address: { ...facility.address, postalCode: '62704' } } });
    expect(advise837P(shortZip).map((a) => a.code)).toContain('SERVICE_FACILITY_ZIP_NOT_NINE_DIGITS');
    expect(check837P(shortZip, shortZip.tenantId).map((p) => p.code)).not.toContain('SERVICE_FACILITY_ZIP_NOT_NINE_DIGITS');
    expectRefused({ serviceFacility: { ...facility, name: '~*' } }, ['EMPTY_AFTER_SANITISING']);
  });
});
