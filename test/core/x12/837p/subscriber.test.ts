import { describe, expect, it } from 'vitest';
import { claim, DEPENDENT, el, fullClaim, tag } from '../837p-fixtures.js';
import { elementsOf, expectRefused, write } from './helpers.js';

describe('837P 2000B SBR and 2010BA secondary identification', () => {
  it('writes SBR01 responsibility, SBR04 group name without a group number, SBR05 and SBR09', () => {
    const segments = write([fullClaim()]);
    expect(elementsOf(segments, 'SBR')).toEqual(['S', '18', '', 'ACME EMPLOYEES', '12', '', '', '', 'MB']);
  });

  it('sends the group number alone when both are known (the guide does not send SBR04 with SBR03)', () => {
    const base = fullClaim().subscriber;
    const segments = write([fullClaim({ subscriber: { ...base, groupNumber: 'GRP-9' } })]);
    expect(elementsOf(segments, 'SBR')).toEqual(['S', '18', 'GRP-9', '', '12', '', '', '', 'MB']);
  });

  it('defaults SBR01 to P and leaves SBR02 empty for a dependent patient', () => {
    const segments = write([claim({ patient: DEPENDENT })]);
    expect(elementsOf(segments, 'SBR')).toEqual(['P', '', 'GRP1', '', '', '', '', '', 'CI']);
  });

  it('writes REF*SY before REF*Y4 at the end of 2010BA, whatever their input order', () => {
    const segments = write([fullClaim()]);
    const start = segments.findIndex((s) => s.id === 'NM1' && el(s, 1) === 'IL');
    const end = segments.findIndex((s) => s.id === 'NM1' && el(s, 1) === 'PR');
    expect(segments.slice(start, end).map(tag)).toEqual(['NM1*IL', 'N3', 'N4', 'DMG', 'REF*SY', 'REF*Y4']);
    expect(segments.slice(start, end).at(-1)?.elements.slice(1)).toEqual(['Y4', 'PC-778']);
  });

  it('refuses SBR05 on a primary payer, a repeated REF qualifier and an SSN that is not nine digits', () => {
    const payer = fullClaim().payer;
    expectRefused({ payer: { ...payer, responsibility: 'P' } }, ['INSURANCE_TYPE_ONLY_FOR_SECONDARY']);
    const subscriber = fullClaim().subscriber;
    expectRefused(
      { subscriber: { ...subscriber, secondaryIds: [{ qualifier: 'Y4', value: 'A' }, { qualifier: 'Y4', value: 'B' }] } },
      ['DUPLICATE_SECONDARY_ID'],
    );
    expectRefused({ subscriber: { ...subscriber, secondaryIds: [{ qualifier: 'SY', value: '12345678' }] } }, ['SUBSCRIBER_SSN_NOT_NINE_DIGITS']);
  });
});
