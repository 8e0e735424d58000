import { describe, expect, it } from 'vitest';
import type { ClaimInput } from '../../../../../lambdas/core/claim/model.js';
import type { Artifact, PtpRow } from '../../../../../lambdas/core/codesets/artifact.js';
import { PTP_BYPASS_MODIFIERS } from '../../../../../lambdas/core/scrub/rules/ncci/bypass-modifiers.js';
import { NCCI_RULES } from '../../../../../lambdas/core/scrub/rules/ncci/index.js';
import { ncciPtp } from '../../../../../lambdas/core/scrub/rules/ncci/ptp.js';
import { sampleClaimInput } from '../../../../fixtures/claims.js';
import { inpatientInput, outpatientInput } from '../../../x12/837i/837i-fixtures.js';
import { codeSets, runRule, version } from '../run-rule.js';

const ptp = (system: 'NCCI-PTP-PRACTITIONER' | 'NCCI-PTP-HOSPITAL', rows: PtpRow[]): Artifact => ({
  version: version(system, 'v321r0', '2026-01-01', '2026-03-31'),
  kind: 'ptp',
  source: 'test',
  rows,
});
const practitioner = codeSets(
  ptp('NCCI-PTP-PRACTITIONER', [
    { column1: '20610', column2: '20604', modifierIndicator: '0' },
    { column1: '11042', column2: '97597', modifierIndicator: '1' },
    { column1: '36415', column2: '36416', modifierIndicator: '9' },
    { column1: '93000', column2: '93005', modifierIndicator: '1', to: '2026-02-15' },
  ]),
);

const line = (procedureCode: string, serviceDate = '2026-03-02', modifiers: string[] = []) => ({
  procedureCode,
  modifiers,
  units: 1,
  charge: '100.00',
  serviceDate,
  diagnosisPointers: [1],
});
const claimWith = (lines: ReturnType<typeof line>[]): ClaimInput => sampleClaimInput({ serviceLines: lines });

describe('NCCI-PTP', () => {
  it('is the one NCCI rule', () => {
    expect(NCCI_RULES.map((r) => r.id)).toEqual(['NCCI-PTP']);
  });

  it('flags the column-2 line of an indicator-0 pair, even with a bypass modifier, whichever order the lines come in', () => {
    const findings = runRule(ncciPtp, claimWith([line('20604', undefined, ['59']), line('20610')]), { codeSets: practitioner });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'NCCI-PTP', severity: 'error', path: 'serviceLines[0].procedureCode', line: 1, codesetVersion: 'NCCI-PTP-PRACTITIONER v321r0' });
    expect(findings[0]?.message).toContain('20610');
  });

  it('lets an indicator-1 pair through with 59, X{EPSU} or an anatomic modifier on either line, not with an unrelated one', () => {
    expect(runRule(ncciPtp, claimWith([line('11042'), line('97597')]), { codeSets: practitioner }).map((f) => f.path)).toEqual(['serviceLines[1].procedureCode']);
    expect(runRule(ncciPtp, claimWith([line('11042'), line('97597', undefined, ['26'])]), { codeSets: practitioner })).toHaveLength(1);
    for (const modifier of ['59', 'XU', 'XS', 'RT', 'F3', 'T9', 'E4', 'LC', '91']) {
      expect(runRule(ncciPtp, claimWith([line('11042'), line('97597', undefined, [modifier])]), { codeSets: practitioner })).toEqual([]);
    }
    expect(runRule(ncciPtp, claimWith([line('11042', undefined, ['XS']), line('97597')]), { codeSets: practitioner })).toEqual([]);
    expect(PTP_BYPASS_MODIFIERS.has('26')).toBe(false);
  });

  it('ignores indicator 9, pairs on different dates, edits outside their window and codes without an edit', () => {
    expect(runRule(ncciPtp, claimWith([line('36415'), line('36416')]), { codeSets: practitioner })).toEqual([]);
    expect(runRule(ncciPtp, claimWith([line('20610', '2026-03-02'), line('20604', '2026-03-03')]), { codeSets: practitioner })).toEqual([]);
    expect(runRule(ncciPtp, claimWith([line('93000', '2026-03-02'), line('93005', '2026-03-02')]), { codeSets: practitioner })).toEqual([]);
    expect(runRule(ncciPtp, claimWith([line('93000', '2026-02-10'), line('93005', '2026-02-10')]), { codeSets: practitioner })).toHaveLength(1);
    expect(runRule(ncciPtp, sampleClaimInput(), { codeSets: practitioner })).toEqual([]);
  });

  it('warns once per claim, not per pair, when the edits are not loaded for the date', () => {
    const lines = [line('20610', '2026-05-02'), line('20604', '2026-05-02'), line('11042', '2026-05-02')];
    const findings = runRule(ncciPtp, claimWith(lines), { codeSets: practitioner });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'warning' });
    expect(findings[0]?.message).toContain('not verified');
    expect(findings[0]?.path).toBeUndefined();
  });

  it('uses the hospital table for outpatient institutional claims and skips inpatient Part A bills', () => {
    const hospital = codeSets({
      ...ptp('NCCI-PTP-HOSPITAL', [{ column1: '99284', column2: '73110', modifierIndicator: '0' }]),
      version: version('NCCI-PTP-HOSPITAL', 'v321r0', '2026-01-01'),
    });
    expect(runRule(ncciPtp, outpatientInput(), { codeSets: hospital }).map((f) => f.path)).toEqual(['serviceLines[1].procedureCode']);
    // Only the practitioner table loaded: the outpatient claim is not verified, not checked against the wrong table.
    expect(runRule(ncciPtp, outpatientInput(), { codeSets: practitioner }).map((f) => f.severity)).toEqual(['warning']);
    const inpatient = inpatientInput();
    expect(runRule(ncciPtp, inpatient, { codeSets: hospital })).toEqual([]);
  });
});
