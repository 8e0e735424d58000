import { describe, expect, it } from 'vitest';
import { DATE_RULES } from '../../../../../lambdas/core/scrub/rules/date/index.js';
import { dateAdmissionOrder } from '../../../../../lambdas/core/scrub/rules/date/admission.js';
import { sampleClaimInput } from '../../../../fixtures/claims.js';
import { inpatientInput } from '../../../x12/837i/837i-fixtures.js';
import { runRule } from '../run-rule.js';

describe('DATE-ADMISSION-ORDER', () => {
  it('passes admission on or before discharge', () => {
    expect(runRule(dateAdmissionOrder, inpatientInput())).toEqual([]);
    expect(runRule(dateAdmissionOrder, sampleClaimInput({ dates: { admission: '2026-03-01', discharge: '2026-03-01' } }))).toEqual([]);
    expect(runRule(dateAdmissionOrder, sampleClaimInput({ dates: { admission: '2026-03-01' } }))).toEqual([]);
  });

  it('flags an institutional admission after the statement end', () => {
    const input = inpatientInput();
    const late = { ...input, institutional: { ...input.institutional!, admission: { date: '2026-03-06' } } };
    expect(runRule(dateAdmissionOrder, late).map((f) => f.path)).toEqual(['institutional.admission.date']);
  });

  it('flags a professional admission after the discharge', () => {
    const findings = runRule(dateAdmissionOrder, sampleClaimInput({ dates: { admission: '2026-03-03', discharge: '2026-03-01' } }));
    expect(findings.map((f) => [f.path, f.severity])).toEqual([['dates.admission', 'error']]);
  });

  it('is one of the date rules', () => {
    expect(DATE_RULES.map((r) => r.id)).toEqual(['LINE-DATE-RANGE', 'DATE-FUTURE', 'DATE-ADMISSION-ORDER']);
  });
});
