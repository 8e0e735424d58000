import { beforeAll, describe, expect, it } from 'vitest';
import type { InMemoryCodeSets } from '../../../../../lambdas/core/codesets/store.js';
import { seventhCharacterProblem, seventhCharacterRule } from '../../../../../lambdas/core/scrub/rules/diagnosis/seventh-character.js';
import { brief, fixtureCodeSets, inpatient, noCodeSets, professional, run } from '../coding-support.js';

let sets: InMemoryCodeSets;
beforeAll(async () => {
  sets = await fixtureCodeSets();
});

describe('DX-SEVENTH-CHARACTER', () => {
  it('clean claims, full 7-character codes and plain headers draw nothing', () => {
    expect(run(seventhCharacterRule, professional(), sets)).toEqual([]);
    expect(run(seventhCharacterRule, inpatient(), sets)).toEqual([]);
    expect(run(seventhCharacterRule, professional({ diagnoses: [{ code: 'S52.501A' }, { code: 'E11' }] }), sets)).toEqual([]);
  });

  it('a header whose billable children carry a 7th character "needs more characters"', () => {
    const findings = run(seventhCharacterRule, professional({ diagnoses: [{ code: 'I10' }, { code: 'S52.501' }] }), sets);
    expect(brief(findings)).toEqual(['error diagnoses[1].code']);
    expect(findings[0]!.message).toMatch(/S52501 needs more characters/);
    expect(findings[0]!.fix).toMatch(/S52501A/);
    expect(findings[0]!.codesetVersion).toBe('ICD-10-CM FY2026');
  });

  it('a short code needs X placeholders before the 7th character', () => {
    expect(seventhCharacterProblem(sets, 'W010', '2026-03-02')).toMatchObject({ kind: 'missing-seventh', example: 'W010XXA' });
    const findings = run(seventhCharacterRule, professional({ diagnoses: [{ code: 'S52.501A' }, { code: 'W01.0A' }] }), sets);
    expect(brief(findings)).toEqual(['error diagnoses[1].code']);
    expect(findings[0]!.message).toMatch(/missing the X placeholders/);
  });

  it('checks 837I external causes', () => {
    const findings = run(seventhCharacterRule, inpatient({}, { externalCauses: [{ code: 'W01.0' }] }), sets);
    expect(brief(findings)).toEqual(['error institutional.externalCauses[0].code']);
  });

  it('decides nothing without ICD-10-CM (DX-BILLABLE carries the "not verified" warning)', () => {
    expect(run(seventhCharacterRule, professional({ diagnoses: [{ code: 'S52.501' }] }), noCodeSets())).toEqual([]);
  });
});
