import { beforeAll, describe, expect, it } from 'vitest';
import type { InMemoryCodeSets } from '../../../../../lambdas/core/codesets/store.js';
import { pcsRule } from '../../../../../lambdas/core/scrub/rules/procedure/icd10-pcs.js';
import { brief, fixtureCodeSets, inpatient, noCodeSets, professional, run } from '../coding-support.js';

let sets: InMemoryCodeSets;
beforeAll(async () => {
  sets = await fixtureCodeSets();
});

describe('PROC-PCS', () => {
  it('valid procedures and professional claims draw nothing', () => {
    expect(run(pcsRule, inpatient(), sets)).toEqual([]);
    expect(run(pcsRule, professional(), sets)).toEqual([]);
  });

  it('an unknown code and a code dated outside the loaded release are flagged', () => {
    const claim = inpatient({}, { principalProcedure: { code: '0DTJ0ZZ', date: '2026-03-02' }, otherProcedures: [{ code: '0FT44ZZ', date: '2026-03-03' }] });
    const findings = run(pcsRule, claim, sets);
    expect(brief(findings)).toEqual(['error institutional.principalProcedure.code']);
    expect(findings[0]!.codesetVersion).toBe('ICD-10-PCS FY2026');
  });

  it('a table header is not a valid code', () => {
    // The model already refuses a 3-character PCS code; the rule must still hold for claims built in code.
    const claim = inpatient({}, { otherProcedures: [] });
    claim.institutional!.principalProcedure = { code: '0DT', system: 'ICD-10-PCS', date: '2026-03-02' };
    const findings = run(pcsRule, claim, sets);
    expect(brief(findings)).toEqual(['error institutional.principalProcedure.code']);
    expect(findings[0]!.message).toMatch(/header/);
  });

  it('ICD-9-CM procedures after 2015-10-01 are errors', () => {
    const claim = inpatient({}, { otherProcedures: [{ code: '4701', system: 'ICD-9-CM', date: '2026-03-02' }] });
    expect(brief(run(pcsRule, claim, sets))).toEqual(['error institutional.otherProcedures[0].code']);
  });

  it('without ICD-10-PCS for the date: "not verified" warnings', () => {
    const findings = run(pcsRule, inpatient(), noCodeSets());
    expect(brief(findings)).toEqual(['warning institutional.principalProcedure.code', 'warning institutional.otherProcedures[0].code']);
  });
});
