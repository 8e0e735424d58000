import { describe, expect, it } from 'vitest';
import { Claim } from '../../../lambdas/core/claim/model.js';
import { claimTotalCents, hasErrors, validateClaim } from '../../../lambdas/core/claim/validate.js';
import { isValidNpi, npiCheckDigit } from '../../../lambdas/core/claim/npi.js';
import { sampleClaimInput } from '../../fixtures/claims.js';

const ruleIds = (input: Parameters<typeof sampleClaimInput>[0]) =>
  validateClaim(Claim.parse(sampleClaimInput(input))).map((f) => f.ruleId);

describe('NPI check digit', () => {
  it('accepts the CMS example NPI and rejects a one-digit typo', () => {
    expect(npiCheckDigit('123456789')).toBe(3);
    expect(isValidNpi('1234567893')).toBe(true);
    expect(isValidNpi('1234567894')).toBe(false);
    expect(isValidNpi('123456789')).toBe(false);
  });
});

describe('validateClaim', () => {
  it('finds nothing wrong with a sound claim', () => {
    const findings = validateClaim(Claim.parse(sampleClaimInput()));
    expect(findings).toEqual([]);
    expect(hasErrors(findings)).toBe(false);
  });

  it('checks the total against the lines in exact cents', () => {
    expect(claimTotalCents(Claim.parse(sampleClaimInput()))).toBe(14050);
    expect(ruleIds({ totalCharge: '140.50' })).toEqual([]);
    expect(ruleIds({ totalCharge: '140.51' })).toEqual(['CLAIM-TOTAL-CHARGE']);
  });

  it('flags pointers past the diagnoses, reversed date ranges, zero charges', () => {
    const base = sampleClaimInput().serviceLines[0]!;
    expect(ruleIds({ serviceLines: [{ ...base, diagnosisPointers: [3] }] })).toEqual(['LINE-DX-POINTER']);
    expect(ruleIds({ serviceLines: [{ ...base, serviceDateEnd: '2026-03-01' }] })).toEqual(['LINE-DATE-RANGE']);
    expect(ruleIds({ serviceLines: [{ ...base, charge: '0.00' }] })).toEqual(['LINE-CHARGE-POSITIVE']);
  });

  it('requires the payer claim control number for replacements and voids', () => {
    expect(ruleIds({ frequencyCode: '7' })).toEqual(['CLAIM-FREQUENCY-F8']);
    expect(ruleIds({ frequencyCode: '8', payerClaimControlNumber: 'PAYER123' })).toEqual([]);
  });

  it('names the provider whose NPI fails, without echoing the NPI', () => {
    const claim = sampleClaimInput();
    const findings = validateClaim(Claim.parse({ ...claim, billingProvider: { ...claim.billingProvider, npi: '1234567894' } }));
    expect(findings).toHaveLength(1);
    expect(findings[0]?.path).toBe('billingProvider.npi');
    expect(findings[0]?.message).not.toContain('1234567894');
  });
});
