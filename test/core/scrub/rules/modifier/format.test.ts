import { describe, expect, it } from 'vitest';
import { modifierFormatRule } from '../../../../../lambdas/core/scrub/rules/modifier/format.js';
import { brief, inpatient, noCodeSets, professional, run } from '../coding-support.js';
import { withModifiers } from './support.js';

describe('MOD-FORMAT', () => {
  it('two-character modifiers draw nothing', () => {
    expect(run(modifierFormatRule, professional(), noCodeSets())).toEqual([]);
    expect(run(modifierFormatRule, inpatient(), noCodeSets())).toEqual([]);
    expect(run(modifierFormatRule, withModifiers(['26', 'LT'], ['P1']), noCodeSets())).toEqual([]);
  });

  it('flags a modifier of the wrong shape (a claim built in code, past the model)', () => {
    const claim = withModifiers(['26']);
    claim.serviceLines[0]!.modifiers.push('2', 'lt');
    expect(brief(run(modifierFormatRule, claim, noCodeSets()))).toEqual(['error serviceLines[0].modifiers[1]', 'error serviceLines[0].modifiers[2]']);
  });
});
