import { beforeAll, describe, expect, it } from 'vitest';
import type { InMemoryCodeSets } from '../../../../../lambdas/core/codesets/store.js';
import { modifierKnownRule } from '../../../../../lambdas/core/scrub/rules/modifier/known.js';
import { brief, fixtureCodeSets, noCodeSets, professional, run } from '../coding-support.js';
import { withModifiers } from './support.js';

let sets: InMemoryCodeSets;
beforeAll(async () => {
  sets = await fixtureCodeSets();
});

describe('MOD-KNOWN', () => {
  it('known CPT and Level II modifiers draw nothing, with or without the HCPCS modifier table', () => {
    expect(run(modifierKnownRule, professional(), sets)).toEqual([]);
    expect(run(modifierKnownRule, withModifiers(['26', '59'], ['LT', 'XS']), sets)).toEqual([]);
    expect(run(modifierKnownRule, withModifiers(['TC', 'GA']), noCodeSets())).toEqual([]);
  });

  it('a two-digit modifier that is not a CPT modifier is an error', () => {
    const findings = run(modifierKnownRule, withModifiers(['25', '48']), sets);
    expect(brief(findings)).toEqual(['error serviceLines[0].modifiers[1]']);
    expect(findings[0]!.message).toMatch(/48 is not a CPT modifier/);
  });

  it('a Level II modifier missing from the loaded table is an error with the version', () => {
    const findings = run(modifierKnownRule, withModifiers(['RT'], ['ZZ']), sets);
    expect(brief(findings)).toEqual(['error serviceLines[1].modifiers[0]']);
    expect(findings[0]!.codesetVersion).toBe('HCPCS-MODIFIER 2026Q1');
  });

  it('without the table, an unlisted Level II modifier is "not verified"', () => {
    const findings = run(modifierKnownRule, withModifiers(['RT', 'ZZ']), noCodeSets());
    expect(brief(findings)).toEqual(['warning serviceLines[0].modifiers[1]']);
    expect(findings[0]!.message).toMatch(/not verified/);
  });
});
