import { describe, expect, it } from 'vitest';
import { lineDateRange } from '../../../../../lambdas/core/scrub/rules/date/line-range.js';
import { sampleClaimInput } from '../../../../fixtures/claims.js';
import { runRule } from '../run-rule.js';

const base = sampleClaimInput();

describe('LINE-DATE-RANGE', () => {
  it('passes a single date and a forward range', () => {
    expect(runRule(lineDateRange, base)).toEqual([]);
    expect(runRule(lineDateRange, sampleClaimInput({ serviceLines: [{ ...base.serviceLines[0]!, serviceDateEnd: '2026-03-04' }] }))).toEqual([]);
  });

  it('flags a range that ends before it starts', () => {
    const findings = runRule(lineDateRange, sampleClaimInput({ serviceLines: [{ ...base.serviceLines[0]!, serviceDateEnd: '2026-03-01' }] }));
    expect(findings.map((f) => [f.path, f.line])).toEqual([['serviceLines[0].serviceDateEnd', 1]]);
  });
});
