import { describe, expect, it } from 'vitest';
import { Claim } from '../../../../../lambdas/core/claim/model.js';
import { InMemoryCodeSets } from '../../../../../lambdas/core/codesets/store.js';
import { lineUnitsPositive } from '../../../../../lambdas/core/scrub/rules/arithmetic/units.js';
import { sampleClaimInput } from '../../../../fixtures/claims.js';
import { runRule } from '../run-rule.js';

describe('LINE-UNITS-POSITIVE', () => {
  it('passes whole and decimal positive units', () => {
    const base = sampleClaimInput();
    expect(runRule(lineUnitsPositive, sampleClaimInput({ serviceLines: [{ ...base.serviceLines[0]!, units: '0.5' }] }))).toEqual([]);
  });

  it('flags zero units (which the quantity shape lets through as "0")', () => {
    const base = sampleClaimInput();
    const findings = runRule(lineUnitsPositive, sampleClaimInput({ serviceLines: [base.serviceLines[0]!, { ...base.serviceLines[1]!, units: '0' }] }));
    expect(findings.map((f) => f.path)).toEqual(['serviceLines[1].units']);
    const claim = Claim.parse(base);
    const odd = { ...claim, serviceLines: [{ ...claim.serviceLines[0]!, units: '0.000' }] };
    expect(lineUnitsPositive.check({ claim: odd, codeSets: new InMemoryCodeSets(), today: '2026-06-30' })).toHaveLength(1);
  });
});
