import { describe, expect, it } from 'vitest';
import { modifierCombinationRule } from '../../../../../lambdas/core/scrub/rules/modifier/combination.js';
import { brief, inpatient, noCodeSets, professional, run } from '../coding-support.js';
import { withModifiers } from './support.js';

describe('MOD-COMBINATION', () => {
  it('compatible modifiers, and 26 and TC on separate lines, draw nothing', () => {
    expect(run(modifierCombinationRule, professional(), noCodeSets())).toEqual([]);
    expect(run(modifierCombinationRule, inpatient(), noCodeSets())).toEqual([]);
    expect(run(modifierCombinationRule, withModifiers(['26', 'RT'], ['TC', 'RT'], ['50', '59']), noCodeSets())).toEqual([]);
  });

  it('flags 26 with TC, 50 with a side and a repeated modifier; LT with RT only warns', () => {
    const findings = run(modifierCombinationRule, withModifiers(['26', 'TC'], ['50', 'LT'], ['RT', 'LT'], ['59', '59']), noCodeSets());
    expect(brief(findings)).toEqual([
      'error serviceLines[0].modifiers[1]',
      'error serviceLines[1].modifiers[1]',
      'warning serviceLines[2].modifiers[1]',
      'error serviceLines[3].modifiers[1]',
    ]);
    expect(findings.map((f) => f.line)).toEqual([1, 2, 3, 4]);
    expect(findings[3]!.message).toMatch(/59 is repeated/);
  });
});
