/**
 * IK302 positions (ST = 1) of a 999 map back to the claims of the 837 we sent.
 */
import { describe, expect, it } from 'vitest';
import { locateClaim, locateClaims } from '../../../../lambdas/core/x12/999/locate-claim.js';
import { readX12 } from '../../../../lambdas/core/x12/reader.js';
import { group, interchange } from '../x12-fixtures.js';

// Positions counted from ST = 1.
const BODY = [
  'BHT*0019*00*1*20240115*1200*CH', // 2
  'NM1*41*2*SUBMITTER*****46*S1', // 3
  'NM1*40*2*RECEIVER*****46*R1', // 4
  'HL*1**20*1', // 5
  'NM1*85*2*CLINIC*****XX*1234567893', // 6
  'HL*2*1*22*0', // 7  subscriber with two claims
  'SBR*P*18*******CI', // 8
  'NM1*IL*1*DOE*JANE****MI*M1', // 9
  'CLM*C1*100***11:B:1*Y*A*Y*Y', // 10
  'LX*1', // 11
  'SV1*HC:99213*100*UN*1***1', // 12
  'CLM*C2*50***11:B:1*Y*A*Y*Y', // 13
  'LX*1', // 14
  'SV1*HC:99212*50*UN*1***1', // 15
  'HL*3*1*22*1', // 16 subscriber whose patient has one claim
  'SBR*P********CI', // 17
  'HL*4*3*23*0', // 18
  'PAT*19', // 19
  'CLM*C3*75***11:B:1*Y*A*Y*Y', // 20
  'LX*1', // 21
  'SV1*HC:99211*75*UN*1***1', // 22
];
const tx = readX12(interchange(group([BODY]))).interchanges[0]!.groups[0]!.transactions[0]!;

describe('locateClaim', () => {
  it('finds the claim whose 2300/2400 loop holds the position', () => {
    expect(locateClaim(10, tx)).toBe('C1');
    expect(locateClaim(12, tx)).toBe('C1');
    expect(locateClaim(13, tx)).toBe('C2');
    expect(locateClaim(15, tx)).toBe('C2');
    expect(locateClaim(22, tx)).toBe('C3');
  });

  it('maps subscriber and patient loops to the claims under them', () => {
    expect(locateClaims(8, tx)).toEqual(['C1', 'C2']);
    expect(locateClaim(8, tx)).toBeUndefined();
    expect(locateClaims(17, tx)).toEqual(['C3']);
    expect(locateClaim(16, tx)).toBe('C3');
    expect(locateClaim(19, tx)).toBe('C3');
  });

  it('gives nothing for the header, the billing provider, SE and positions outside the set', () => {
    for (const position of [0, 1, 2, 4, 5, 6, 23, 24, 1.5, Number.NaN]) {
      expect(locateClaims(position, tx), `position ${position}`).toEqual([]);
      expect(locateClaim(position, tx)).toBeUndefined();
    }
  });
});
