/** DX rules over the official CMS FY2026 ICD-10-CM order file (skipped when ../shared/codesets is absent). */
import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Artifact } from '../../../../../lambdas/core/codesets/artifact.js';
import { importCodeSetFile, mergeArtifacts } from '../../../../../lambdas/core/codesets/import.js';
import { InMemoryCodeSets } from '../../../../../lambdas/core/codesets/store.js';
import { readZip } from '../../../../../lambdas/core/codesets/zip.js';
import { billableRule } from '../../../../../lambdas/core/scrub/rules/diagnosis/billable.js';
import { MANIFESTATION_CATEGORIES } from '../../../../../lambdas/core/scrub/rules/diagnosis/manifestation.js';
import { seventhCharacterRule } from '../../../../../lambdas/core/scrub/rules/diagnosis/seventh-character.js';
import { brief, professional, run } from '../coding-support.js';

const ZIP = '../shared/codesets/cms_2026_dx.zip';

const claimOn = (serviceDate: string, codes: string[]) =>
  professional({ diagnoses: codes.map((code) => ({ code })), serviceLines: [{ procedureCode: '99213', units: 1, charge: '100.00', serviceDate, diagnosisPointers: [1] }] });

describe.skipIf(!existsSync(ZIP))('DX rules on the official FY2026 ICD-10-CM (needs ../shared/codesets/cms_2026_dx.zip)', () => {
  let fy2026: Artifact & { kind: 'codes' };
  let sets: InMemoryCodeSets;
  let added: Set<string>;

  beforeAll(() => {
    const bytes = readFileSync(ZIP);
    [fy2026] = mergeArtifacts(importCodeSetFile('cms_2026_dx.zip', bytes)) as [Artifact & { kind: 'codes' }];
    added = newlyAdded(bytes);
    // A FY2025 stand-in: FY2026 without the codes the FY2026 addenda newly add.
    const fy2025: Artifact = {
      kind: 'codes',
      source: 'FY2026 minus FY2026 additions',
      version: { system: 'ICD-10-CM', version: 'FY2025', effectiveFrom: '2024-10-01', effectiveTo: '2025-09-30' },
      rows: fy2026.rows.filter((r) => !added.has(r.code)),
    };
    sets = new InMemoryCodeSets([fy2025, fy2026]);
  });

  it('a header is flagged, a billable code is not', () => {
    const findings = run(billableRule, claimOn('2026-01-05', ['E11.9', 'E11', 'J45.20']), sets);
    expect(brief(findings)).toEqual(['error diagnoses[1].code']);
    expect(findings[0]).toMatchObject({ codesetVersion: 'ICD-10-CM FY2026' });
  });

  it('a code added in FY2026 is invalid on 2025-09-30 and billable from 2025-10-01', () => {
    expect(added.has('B8801')).toBe(true);
    const before = run(billableRule, claimOn('2025-09-30', ['B88.01']), sets);
    expect(brief(before)).toEqual(['error diagnoses[0].code']);
    expect(before[0]!.codesetVersion).toBe('ICD-10-CM FY2025');
    expect(run(billableRule, claimOn('2025-10-01', ['B88.01']), sets)).toEqual([]);
  });

  it('7th characters: S52.501 and W01.0 need more characters, S52.501A and W01.0XXA do not', () => {
    const findings = run(seventhCharacterRule, claimOn('2026-01-05', ['S52.501', 'W01.0', 'S52.501A', 'W01.0XXA', 'W01.0A']), sets);
    expect(brief(findings)).toEqual(['error diagnoses[0].code', 'error diagnoses[1].code', 'error diagnoses[4].code']);
    expect(run(billableRule, claimOn('2026-01-05', ['S52.501', 'W01.0', 'W01.0A']), sets)).toEqual([]);
  });

  it('every manifestation category in source exists in FY2026 and is titled as a manifestation', () => {
    const titles = new Map(fy2026.rows.filter((r) => r.code.length === 3).map((r) => [r.code, r.description ?? '']));
    for (const category of MANIFESTATION_CATEGORIES) {
      expect(titles.get(category), category).toMatch(/(classified|classd) (elsewhere|elswhr)|in cerebrovascular diseases/i);
    }
  });
});

/** Codes the FY2026 order addenda add without deleting them first ("Add:"/"Delete:" lines, code in columns 16-22). */
function newlyAdded(zip: Buffer): Set<string> {
  const entry = readZip(zip).find((e) => e.name === 'icd10cm_order_addenda_2026.txt');
  if (!entry) throw new Error('the FY2026 zip has no order addenda');
  const lines = entry.read().toString('latin1').split(/\r?\n/);
  const codes = (action: string) => lines.filter((l) => l.startsWith(action)).map((l) => l.slice(15, 22).trim());
  const deleted = new Set(codes('Delete:'));
  return new Set(codes('Add:').filter((c) => !deleted.has(c)));
}
