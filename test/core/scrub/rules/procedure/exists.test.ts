import { beforeAll, describe, expect, it } from 'vitest';
import type { Claim } from '../../../../../lambdas/core/claim/model.js';
import { InMemoryCodeSets } from '../../../../../lambdas/core/codesets/store.js';
import { procedureExistsRule } from '../../../../../lambdas/core/scrub/rules/procedure/exists.js';
import { brief, fixtureCodeSets, professional, run } from '../coding-support.js';

let sets: InMemoryCodeSets;
beforeAll(async () => {
  sets = await fixtureCodeSets();
});

const lines = (...codes: Array<[string, string]>): Claim =>
  professional({ serviceLines: codes.map(([procedureCode, serviceDate]) => ({ procedureCode, units: 1, charge: '10.00', serviceDate, diagnosisPointers: [1] })) });

const cpt = new InMemoryCodeSets([
  { kind: 'codes', source: 'test CPT', version: { system: 'CPT', version: '2026', effectiveFrom: '2026-01-01', effectiveTo: '2026-12-31' }, rows: [{ code: '99213', billable: true }] },
]);

describe('PROC-EXISTS', () => {
  it('active HCPCS codes draw nothing', () => {
    expect(run(procedureExistsRule, lines(['G0008', '2026-03-02'], ['J3301', '2026-03-02']), sets)).toEqual([]);
  });

  it('a HCPCS code unknown or past its termination date is an error with the version', () => {
    const findings = run(procedureExistsRule, lines(['G0008', '2026-03-02'], ['G9999', '2026-03-02'], ['G1234', '2026-03-02']), sets);
    expect(brief(findings)).toEqual(['error serviceLines[1].procedureCode', 'error serviceLines[2].procedureCode']);
    expect(findings[0]!.codesetVersion).toBe('HCPCS 2026Q1');
  });

  it('CPT is checked only against a loaded CPT file; otherwise one "not verified" warning per claim', () => {
    const findings = run(procedureExistsRule, professional(), sets);
    expect(brief(findings)).toEqual(['warning serviceLines[0].procedureCode']);
    expect(findings[0]!.message).toMatch(/CPT codes 99213, 36415 not verified/);
    expect(brief(run(procedureExistsRule, lines(['99213', '2026-03-02'], ['99499', '2026-03-02']), cpt))).toEqual(['error serviceLines[1].procedureCode']);
  });

  it('HCPCS dated before the loaded quarter is "not verified", not wrong', () => {
    const findings = run(procedureExistsRule, lines(['G0008', '2025-12-15']), sets);
    expect(brief(findings)).toEqual(['warning serviceLines[0].procedureCode']);
    expect(findings[0]!.codesetVersion).toBeUndefined();
  });
});
