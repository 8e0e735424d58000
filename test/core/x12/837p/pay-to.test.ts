import { describe, expect, it } from 'vitest';
import { el, fullClaim, PROVIDER_A, tag } from '../837p-fixtures.js';
import { elementsOf, expectRefused, write } from './helpers.js';

describe('837P 2010AB pay-to address and 2010AC pay-to plan', () => {
  it('writes both after 2010AA, inside the 2000A, in guide order', () => {
    const segments = write([fullClaim()]);
    const level = segments.slice(segments.findIndex((s) => s.id === 'HL'), segments.findIndex((s) => s.id === 'HL' && el(s, 3) === '22'));
    expect(level.map(tag)).toEqual([
      'HL', 'PRV*BI', 'NM1*85', 'N3', 'N4', 'REF*EI',
      'NM1*87', 'N3', 'N4',
      'NM1*PE', 'N3', 'N4', 'REF*NF', 'REF*EI',
    ]);
    expect(elementsOf(level, 'NM1', '87')).toEqual(['87', '2']);
    expect(level[7]?.elements.slice(1)).toEqual(['PO BOX 100']);
    expect(level[8]?.elements.slice(1)).toEqual(['SPRINGFIELD', 'IL', '627040100']);
    expect(elementsOf(level, 'NM1', 'PE')).toEqual(['PE', '2', 'CAPITATED PLAN', '', '', '', '', 'PI', 'CAP01']);
    expect(level.at(-1)?.elements.slice(1)).toEqual(['EI', '361234567']);
  });

  it('uses NM102 1 for a person billing provider and leaves both loops out when absent', () => {
    const person = { ...PROVIDER_A, entity: 'person' as const, lastOrOrganizationName: 'Alpha', firstName: 'Al' };
    const segments = write([fullClaim({ billingProvider: person, payToPlan: undefined })]);
    expect(elementsOf(segments, 'NM1', '87')).toEqual(['87', '1']);
    expect(elementsOf(segments, 'NM1', 'PE')).toBeUndefined();
    const plain = write([fullClaim({ payToAddress: undefined, payToPlan: undefined })]);
    expect(plain.some((s) => s.id === 'NM1' && ['87', 'PE'].includes(el(s, 1)))).toBe(false);
  });

  it('puts claims of one provider with different pay-to addresses under separate 2000A levels', () => {
    const other = { line1: '9 Other St', city: 'Springfield', state: 'IL', postalCode: '627049999' };
    const segments = write([
      fullClaim({ claimId: 'A' }),
      fullClaim({ claimId: 'B' }),
      fullClaim({ claimId: 'C', payToAddress: other }),
    ]);
    const billing = segments.filter((s) => s.id === 'HL' && el(s, 3) === '20');
    expect(billing).toHaveLength(2);
    const parents = segments.filter((s) => s.id === 'HL' && el(s, 3) === '22').map((s) => el(s, 2));
    expect(parents).toEqual([el(billing[0], 1), el(billing[0], 1), el(billing[1], 1)]);
  });

  it('refuses a pay-to address outside the US state codes and a pay-to plan secondary id X12 would alter', () => {
    expectRefused({ payToAddress: { line1: '1 A St', city: 'Town', state: 'ZZ', postalCode: '12345' } }, ['INVALID_STATE_CODE']);
    const plan = fullClaim().payToPlan!;
    expectRefused({ payToPlan: { ...plan, secondaryId: { qualifier: 'NF', value: 'NAIC*1' } } }, ['IDENTIFIER_NOT_X12_SAFE']);
    expectRefused({ payToPlan: { ...plan, name: '😀' } }, ['EMPTY_AFTER_SANITISING']);
  });
});
