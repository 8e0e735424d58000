import { describe, expect, it } from 'vitest';
import { ARITHMETIC_RULES } from '../../../../../lambdas/core/scrub/rules/arithmetic/index.js';
import { claimFrequencyF8 } from '../../../../../lambdas/core/scrub/rules/arithmetic/frequency.js';
import { sampleClaimInput } from '../../../../fixtures/claims.js';
import { runRule } from '../run-rule.js';

describe('CLAIM-FREQUENCY-F8', () => {
  it('requires the payer claim control number for replacements and voids only', () => {
    expect(runRule(claimFrequencyF8, sampleClaimInput()).map((f) => f.ruleId)).toEqual([]);
    expect(runRule(claimFrequencyF8, sampleClaimInput({ frequencyCode: '7' })).map((f) => f.path)).toEqual(['payerClaimControlNumber']);
    expect(runRule(claimFrequencyF8, sampleClaimInput({ frequencyCode: '8' })).map((f) => f.path)).toEqual(['payerClaimControlNumber']);
    expect(runRule(claimFrequencyF8, sampleClaimInput({ frequencyCode: '8', payerClaimControlNumber: 'PAYER123' }))).toEqual([]);
  });

  it('belongs to the arithmetic family with the other claim checks', () => {
    expect(ARITHMETIC_RULES.map((r) => r.id)).toEqual(['LINE-CHARGE-POSITIVE', 'CLAIM-TOTAL-CHARGE', 'LINE-UNITS-POSITIVE', 'LINE-DX-POINTER', 'LINE-DUPLICATE', 'POS-VALID', 'CLAIM-FREQUENCY-F8']);
    expect(ARITHMETIC_RULES.every((r) => r.family === 'arithmetic')).toBe(true);
  });
});
