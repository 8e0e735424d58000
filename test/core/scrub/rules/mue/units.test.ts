import { describe, expect, it } from 'vitest';
import type { ClaimInput } from '../../../../../lambdas/core/claim/model.js';
import type { Artifact, MueRow } from '../../../../../lambdas/core/codesets/artifact.js';
import { MUE_RULES } from '../../../../../lambdas/core/scrub/rules/mue/index.js';
import { mueUnits } from '../../../../../lambdas/core/scrub/rules/mue/units.js';
import { sampleClaimInput } from '../../../../fixtures/claims.js';
import { inpatientInput, outpatientInput } from '../../../x12/837i/837i-fixtures.js';
import { codeSets, runRule, version } from '../run-rule.js';

const mue = (system: 'MUE-PRACTITIONER' | 'MUE-HOSPITAL', rows: MueRow[]): Artifact => ({ version: version(system, '2026Q1', '2026-01-01', '2026-03-31'), kind: 'mue', source: 'test', rows });
const practitioner = codeSets(
  mue('MUE-PRACTITIONER', [
    { code: '20610', units: 2, adjudicationIndicator: '1' },
    { code: '99213', units: 1, adjudicationIndicator: '2' },
    { code: 'J3301', units: 8, adjudicationIndicator: '3' },
  ]),
);
const line = (procedureCode: string, units: number | string, serviceDate = '2026-03-02') => ({ procedureCode, units, charge: '50.00', serviceDate, diagnosisPointers: [1] });
const claimWith = (lines: ReturnType<typeof line>[]): ClaimInput => sampleClaimInput({ serviceLines: lines });

describe('MUE-UNITS', () => {
  it('is the one MUE rule', () => {
    expect(MUE_RULES.map((r) => r.id)).toEqual(['MUE-UNITS']);
  });

  it('limits each line for indicator 1, not the day', () => {
    expect(runRule(mueUnits, claimWith([line('20610', 2), line('20610', 2)]), { codeSets: practitioner })).toEqual([]);
    const findings = runRule(mueUnits, claimWith([line('20610', 1), line('20610', 3)]), { codeSets: practitioner });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'MUE-UNITS', severity: 'error', path: 'serviceLines[1].units', line: 2, codesetVersion: 'MUE-PRACTITIONER 2026Q1' });
  });

  it('sums the units of a code on one date for indicators 2 and 3, decimals included, and flags the first line once', () => {
    const findings = runRule(mueUnits, claimWith([line('99213', 1), line('36415', 1), line('99213', 1)]), { codeSets: practitioner });
    expect(findings.map((f) => f.path)).toEqual(['serviceLines[0].units']);
    expect(findings[0]?.message).toContain('per day (policy)');
    expect(runRule(mueUnits, claimWith([line('99213', 1, '2026-03-02'), line('99213', 1, '2026-03-03')]), { codeSets: practitioner })).toEqual([]);
    expect(runRule(mueUnits, claimWith([line('J3301', '4.5'), line('J3301', '3.5')]), { codeSets: practitioner })).toEqual([]);
    expect(runRule(mueUnits, claimWith([line('J3301', '4.5'), line('J3301', '4')]), { codeSets: practitioner }).map((f) => f.message)).toEqual([
      '8.5 units of J3301 on one date of service exceed the MUE of 8 (per day (clinical))',
    ]);
  });

  it('skips lines billed in anesthesia minutes', () => {
    const minutes = { ...line('20610', 45), unitBasis: 'MJ' as const };
    expect(runRule(mueUnits, sampleClaimInput({ serviceLines: [minutes] }), { codeSets: practitioner })).toEqual([]);
  });

  it('passes the sample claim and codes without an MUE', () => {
    expect(runRule(mueUnits, sampleClaimInput(), { codeSets: practitioner })).toEqual([]);
  });

  it('warns once per claim when no MUE table covers the dates', () => {
    const findings = runRule(mueUnits, claimWith([line('20610', 9, '2026-05-01'), line('99213', 5, '2026-05-01')]), { codeSets: practitioner });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'warning' });
    expect(findings[0]?.message).toContain('not verified');
  });

  it('uses the hospital table for outpatient claims and none for inpatient Part A bills', () => {
    const hospital = codeSets({ ...mue('MUE-HOSPITAL', [{ code: 'J1100', units: 1, adjudicationIndicator: '1' }]), version: version('MUE-HOSPITAL', '2026Q2', '2026-04-01') });
    expect(runRule(mueUnits, outpatientInput(), { codeSets: hospital }).map((f) => f.path)).toEqual(['serviceLines[2].units']);
    expect(runRule(mueUnits, inpatientInput(), { codeSets: hospital })).toEqual([]);
  });
});
