import { describe, expect, it } from 'vitest';
import { parseNativeJson } from '../../../lambdas/core/encounters/native-json.js';
import { detectFormat } from '../../../lambdas/core/encounters/parse-encounter-file.js';
import { sampleClaimInput } from '../../fixtures/claims.js';

const { tenantId: _omit, ...withoutTenant } = sampleClaimInput();

describe('native JSON encounters', () => {
  it('reads one claim, an array, or {claims: [...]}, taking the tenant from the key', () => {
    expect(parseNativeJson(JSON.stringify(withoutTenant), 'acme-billing').claims).toHaveLength(1);
    expect(parseNativeJson(JSON.stringify([withoutTenant, { ...withoutTenant, claimId: 'B' }]), 'acme-billing').claims).toHaveLength(2);
    const wrapped = parseNativeJson(JSON.stringify({ claims: [withoutTenant] }), 'acme-billing');
    expect(wrapped.claims[0]?.claim.tenantId).toBe('acme-billing');
    expect(wrapped.claims[0]?.position).toBe('claims[0]');
  });

  it('keeps the good claims of a file when one is bad, and names the bad field', () => {
    const bad = { ...withoutTenant, claimId: 'BAD-1', serviceLines: [{ ...withoutTenant.serviceLines[0], charge: 12.5 }] };
    const result = parseNativeJson(JSON.stringify({ claims: [withoutTenant, bad] }), 'acme-billing');
    expect(result.claims.map((c) => c.claim.claimId)).toEqual(['PCN-1001']);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ index: 1, claimId: 'BAD-1', position: 'claims[1].serviceLines[0].charge' });
  });

  it('refuses a claim that names another tenant', () => {
    const result = parseNativeJson(JSON.stringify({ ...withoutTenant, tenantId: 'bayside-rcm' }), 'acme-billing');
    expect(result.claims).toEqual([]);
    expect(result.problems[0]?.message).toMatch(/tenantId does not match/);
  });

  it('reports invalid JSON with a line and column', () => {
    const result = parseNativeJson('{\n  "claimId": "A",\n  oops\n}', 'acme-billing');
    expect(result.claims).toEqual([]);
    expect(result.problems[0]?.position).toMatch(/^line 3, column \d+$/);
  });

  it('never puts member ids or names in problem messages', () => {
    const bad = { ...withoutTenant, subscriber: { ...withoutTenant.subscriber, sex: 'X' } };
    const [problem] = parseNativeJson(JSON.stringify(bad), 'acme-billing').problems;
    expect(problem?.path).toBe('subscriber.sex');
    expect(problem?.message).not.toContain('XYZ123456789');
    expect(problem?.message).not.toContain('Testperson');
  });

  it('sniffs formats', () => {
    expect(detectFormat('\uFEFF  {"a":1}')).toBe('json');
    expect(detectFormat('ISA*00*')).toBe('x12-837');
    expect(detectFormat('MSH|^~\\&|')).toBe('hl7v2-dft');
  });
});
