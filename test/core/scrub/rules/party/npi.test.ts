import { describe, expect, it } from 'vitest';
import { npiCheckDigit } from '../../../../../lambdas/core/scrub/rules/party/npi.js';
import { sampleClaimInput } from '../../../../fixtures/claims.js';
import { inpatientInput, OPERATING } from '../../../x12/837i/837i-fixtures.js';
import { runRule } from '../run-rule.js';

const BAD = '1234567894';
const person = { entity: 'person' as const, lastOrOrganizationName: 'Doc', npi: BAD };

describe('NPI-CHECK-DIGIT', () => {
  it('passes valid NPIs everywhere', () => {
    expect(runRule(npiCheckDigit, sampleClaimInput())).toEqual([]);
    expect(runRule(npiCheckDigit, inpatientInput())).toEqual([]);
  });

  it('checks every NPI on a professional claim, naming the field without the NPI', () => {
    const base = sampleClaimInput();
    const findings = runRule(
      npiCheckDigit,
      sampleClaimInput({
        renderingProvider: person,
        referringProvider: person,
        supervisingProvider: person,
        serviceFacility: { name: 'Clinic', npi: BAD, address: { line1: '1 A St', city: 'Springfield', state: 'IL', postalCode: '62701' } },
        serviceLines: [{ ...base.serviceLines[0]!, renderingProvider: person }, base.serviceLines[1]!],
      }),
    );
    expect(findings.map((f) => f.path)).toEqual([
      'renderingProvider.npi',
      'referringProvider.npi',
      'supervisingProvider.npi',
      'serviceFacility.npi',
      'serviceLines[0].renderingProvider.npi',
    ]);
    expect(findings.every((f) => f.severity === 'error' && !f.message.includes(BAD))).toBe(true);
    expect(findings[4]?.line).toBe(1);
  });

  it('checks the institutional attending, operating and other operating providers', () => {
    const input = inpatientInput();
    const findings = runRule(npiCheckDigit, { ...input, institutional: { ...input.institutional!, operatingProvider: { ...OPERATING, npi: BAD } } });
    expect(findings.map((f) => f.path)).toEqual(['institutional.operatingProvider.npi']);
  });
});
