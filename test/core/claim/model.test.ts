import { describe, expect, it } from 'vitest';
import { Claim } from '../../../lambdas/core/claim/model.js';
import { sampleClaimInput } from '../../fixtures/claims.js';

describe('canonical claim model', () => {
  it('normalises codes and fills defaults', () => {
    const claim = Claim.parse(sampleClaimInput());
    expect(claim.diagnoses.map((d) => d.code)).toEqual(['E119', 'I10']);
    expect(claim.diagnoses[0]?.system).toBe('ICD-10-CM');
    expect(claim.claimType).toBe('professional');
    expect(claim.frequencyCode).toBe('1');
    expect(claim.payer.claimFilingIndicator).toBe('CI');
    expect(claim.serviceLines[0]?.units).toBe('1');
    expect(claim.serviceLines[1]?.modifiers).toEqual([]);
  });

  it('refuses money as a number (no binary floats) and names the field', () => {
    const input = sampleClaimInput();
    (input.serviceLines[0] as unknown as { charge: number }).charge = 125.1;
    const result = Claim.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['serviceLines', 0, 'charge']);
  });

  it('refuses impossible dates, more than 12 diagnoses and more than 4 modifiers', () => {
    expect(Claim.safeParse(sampleClaimInput({ subscriber: { ...sampleClaimInput().subscriber, birthDate: '2026-02-30' } })).success).toBe(false);
    expect(Claim.safeParse(sampleClaimInput({ diagnoses: Array.from({ length: 13 }, () => ({ code: 'I10' })) })).success).toBe(false);
    const line = { ...sampleClaimInput().serviceLines[0]!, modifiers: ['25', '59', 'RT', 'LT', 'XS'] };
    expect(Claim.safeParse(sampleClaimInput({ serviceLines: [line] })).success).toBe(false);
  });

  it('does not accept the self relationship on a separate patient', () => {
    const patient = {
      relationship: '18' as never,
      name: { last: 'Kid', first: 'Sam' },
      birthDate: '2015-01-01',
      sex: 'M' as const,
      address: { line1: '1 Elm St', city: 'Springfield', state: 'IL', postalCode: '62701' },
    };
    expect(Claim.safeParse(sampleClaimInput({ patient })).success).toBe(false);
    expect(Claim.safeParse(sampleClaimInput({ patient: { ...patient, relationship: '19' } })).success).toBe(true);
  });
});
