import { describe, expect, it } from 'vitest';
import { claim, fullClaim } from '../837p-fixtures.js';
import { claimPart, elementsOf, expectRefused, write } from './helpers.js';

describe('837P ambulance: CR1, CRC*07, 2310E pick-up and 2310F drop-off', () => {
  const ambulance = fullClaim().ambulance!;

  it('writes CR1 with weight, reason, miles and purposes, and one CRC*07 per certification', () => {
    const part = claimPart(write([fullClaim()]), 'FULL-0001');
    expect(elementsOf(part, 'CR1')).toEqual(['LB', '180', '', 'A', 'DH', '12.5', '', '', 'DIALYSIS', 'CANNOT SIT']);
    expect(part.filter((s) => s.id === 'CRC').map((s) => s.elements.slice(1))).toEqual([
      ['07', 'Y', '01', '04'],
      ['07', 'N', '12'],
    ]);
  });

  it('leaves CR101/CR102 out together when the weight is unknown', () => {
    const part = claimPart(write([claim({ ambulance: { ...ambulance, weightPounds: undefined, roundTripPurpose: undefined, stretcherPurpose: undefined, certifications: undefined } })]), 'WT-0001');
    expect(elementsOf(part, 'CR1')).toEqual(['', '', '', 'A', 'DH', '12.5']);
    expect(part.some((s) => s.id === 'CRC')).toBe(false);
  });

  it('writes the pick-up without a name and the drop-off with its name when known', () => {
    const part = claimPart(write([claim({ ambulance })]), 'WT-0001');
    expect(elementsOf(part, 'NM1', 'PW')).toEqual(['PW', '2']);
    expect(elementsOf(part, 'NM1', '45')).toEqual(['45', '2', 'GENERAL HOSPITAL']);
    expect(elementsOf(part, 'N3', '1 PICKUP RD')).toEqual(['1 PICKUP RD']);
    const unnamed = claimPart(write([claim({ ambulance: { ...ambulance, dropoff: { address: ambulance.dropoff.address } } })]), 'WT-0001');
    expect(elementsOf(unnamed, 'NM1', '45')).toEqual(['45', '2']);
  });

  it('refuses a pick-up outside the US state codes and a drop-off name X12 cannot carry', () => {
    expectRefused({ ambulance: { ...ambulance, pickup: { ...ambulance.pickup, state: 'XX' } } }, ['INVALID_STATE_CODE']);
    expectRefused({ ambulance: { ...ambulance, dropoff: { ...ambulance.dropoff, name: '李' } } }, ['EMPTY_AFTER_SANITISING']);
  });
});
