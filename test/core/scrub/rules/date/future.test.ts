import { describe, expect, it } from 'vitest';
import { dateFuture } from '../../../../../lambdas/core/scrub/rules/date/future.js';
import { sampleClaimInput } from '../../../../fixtures/claims.js';
import { inpatientInput } from '../../../x12/837i/837i-fixtures.js';
import { runRule } from '../run-rule.js';

describe('DATE-FUTURE', () => {
  it('passes dates up to and including today', () => {
    expect(runRule(dateFuture, sampleClaimInput(), { today: '2026-03-02' })).toEqual([]);
    expect(runRule(dateFuture, inpatientInput(), { today: '2026-03-05' })).toEqual([]);
  });

  it('flags line dates after today', () => {
    const findings = runRule(dateFuture, sampleClaimInput(), { today: '2026-03-01' });
    expect(findings.map((f) => f.path)).toEqual(['serviceLines[0].serviceDate', 'serviceLines[1].serviceDate']);
    expect(findings.every((f) => f.severity === 'error')).toBe(true);
  });

  it('flags the statement period end and professional discharge in the future', () => {
    expect(runRule(dateFuture, inpatientInput(), { today: '2026-03-04' }).map((f) => f.path)).toEqual(['institutional.statementTo']);
    const professional = sampleClaimInput({ dates: { admission: '2026-03-01', discharge: '2026-03-09' } });
    expect(runRule(dateFuture, professional, { today: '2026-03-05' }).map((f) => f.path)).toEqual(['dates.discharge']);
  });
});
