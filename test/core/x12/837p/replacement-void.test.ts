import { describe, expect, it } from 'vitest';
import { check837P } from '../../../../lambdas/core/x12/837/check-837p.js';
import { claim, el } from '../837p-fixtures.js';
import { claimPart, write } from './helpers.js';

describe('837P replacement (7) and void (8) claims', () => {
  it.each(['7', '8'] as const)('writes frequency %s in CLM05-3 and the payer claim control number as REF*F8', (frequencyCode) => {
    const part = claimPart(write([claim({ frequencyCode, payerClaimControlNumber: 'PAYER-123' })]), 'WT-0001');
    expect(el(part[0], 5)).toBe(`11:B:${frequencyCode}`);
    expect(part.filter((s) => s.id === 'REF' && el(s, 1) === 'F8').map((s) => el(s, 2))).toEqual(['PAYER-123']);
  });

  it.each(['7', '8'] as const)('refuses frequency %s without the payer claim control number', (frequencyCode) => {
    const bad = claim({ frequencyCode });
    expect(check837P(bad).map((p) => p.code)).toEqual(['FREQUENCY_NEEDS_PAYER_CLAIM_CONTROL_NUMBER']);
    expect(() => write([bad])).toThrow(expect.objectContaining({ code: 'FREQUENCY_NEEDS_PAYER_CLAIM_CONTROL_NUMBER' }));
  });

  it('writes no REF*F8 on an original claim even when a control number is on file', () => {
    const part = claimPart(write([claim({ payerClaimControlNumber: 'PAYER-123' })]), 'WT-0001');
    expect(part.some((s) => s.id === 'REF' && el(s, 1) === 'F8')).toBe(false);
  });

  it.each(['0', '2', '3', '4', '5', '6', '9'] as const)('refuses the institutional-only frequency %s', (frequencyCode) => {
    expect(check837P(claim({ frequencyCode })).map((p) => p.code)).toEqual(['PROFESSIONAL_FREQUENCY_CODE']);
  });

  it('refuses a payer claim control number X12 would alter', () => {
    const bad = claim({ frequencyCode: '8', payerClaimControlNumber: 'A:B' });
    expect(check837P(bad).map((p) => p.code)).toEqual(['IDENTIFIER_NOT_X12_SAFE']);
  });
});
