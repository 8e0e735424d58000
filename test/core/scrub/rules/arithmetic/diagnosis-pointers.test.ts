import { describe, expect, it } from 'vitest';
import { Claim } from '../../../../../lambdas/core/claim/model.js';
import { InMemoryCodeSets } from '../../../../../lambdas/core/codesets/store.js';
import { lineDiagnosisPointers } from '../../../../../lambdas/core/scrub/rules/arithmetic/diagnosis-pointers.js';
import { sampleClaimInput } from '../../../../fixtures/claims.js';
import { runRule } from '../run-rule.js';

const base = sampleClaimInput();
const ctx = { codeSets: new InMemoryCodeSets(), today: '2026-06-30' };

describe('LINE-DX-POINTER', () => {
  it('passes pointers within the diagnoses', () => {
    expect(runRule(lineDiagnosisPointers, base)).toEqual([]);
  });

  it('flags a pointer past the diagnoses on its line', () => {
    const findings = runRule(lineDiagnosisPointers, sampleClaimInput({ serviceLines: [base.serviceLines[0]!, { ...base.serviceLines[1]!, diagnosisPointers: [1, 3] }] }));
    expect(findings.map((f) => [f.path, f.line])).toEqual([['serviceLines[1].diagnosisPointers', 2]]);
    expect(findings[0]?.message).toContain('pointer 3');
  });

  it('flags more than four pointers and repeated pointers (claims not built by the schema, e.g. from an 837)', () => {
    const claim = Claim.parse(sampleClaimInput({ diagnoses: ['A09', 'E11.9', 'I10', 'J20.9', 'R05.9'].map((code) => ({ code })) }));
    const five = { ...claim, serviceLines: [{ ...claim.serviceLines[0]!, diagnosisPointers: [1, 2, 3, 4, 5] }] };
    expect(lineDiagnosisPointers.check({ claim: five, ...ctx }).map((h) => h.message)).toEqual(['line has 5 diagnosis pointers; at most 4 are allowed']);
    const twice = { ...claim, serviceLines: [{ ...claim.serviceLines[0]!, diagnosisPointers: [2, 2] }] };
    expect(lineDiagnosisPointers.check({ claim: twice, ...ctx }).map((h) => [h.message, h.severity])).toEqual([['line points to the same diagnosis twice', 'warning']]);
  });
});
