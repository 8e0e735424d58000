/** The official FY2026 CMS releases in ../shared/codesets (skipped when that folder is absent). */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeArtifact, encodeArtifact, type Artifact } from '../../../lambdas/core/codesets/artifact.js';
import { importCodeSetFile, mergeArtifacts } from '../../../lambdas/core/codesets/import.js';
import { InMemoryCodeSets } from '../../../lambdas/core/codesets/store.js';
import { readZip } from '../../../lambdas/core/codesets/zip.js';

const DIR = '../shared/codesets/';
const present = existsSync(`${DIR}cms_2026_dx.zip`);
const importZip = (name: string) => mergeArtifacts(importCodeSetFile(name, readFileSync(DIR + name)));

describe.skipIf(!present)('official FY2026 code sets (needs ../shared/codesets with the CMS zips)', () => {
  it('ICD-10-CM FY2026: 74,719 billable codes and 23,467 headers; the artifact loads well under a second', () => {
    const [cm] = importZip('cms_2026_dx.zip');
    expect(cm!.version).toEqual({ system: 'ICD-10-CM', version: 'FY2026', effectiveFrom: '2025-10-01', effectiveTo: '2026-09-30' });
    const bytes = encodeArtifact(cm!);
    const started = performance.now();
    const sets = new InMemoryCodeSets([decodeArtifact('ICD-10-CM_FY2026.codeset.gz', bytes)]);
    const ms = performance.now() - started;
    expect(sets.list()[0]).toMatchObject({ count: 98_186, billable: 74_719, headers: 23_467 });
    expect(ms).toBeLessThan(1000);
    expect(sets.lookup('ICD-10-CM', 'QA00', '2026-01-05').status).not.toBe('not-loaded');
  });

  it('a code added in FY2026 is unknown on 2025-09-30 (FY2025) and billable on 2025-10-01', () => {
    const [cm] = importZip('cms_2026_dx.zip') as [Artifact & { kind: 'codes' }];
    // A FY2025 stand-in: the FY2026 file without the codes the FY2026 order addenda (in the same zip) newly add.
    const added = newlyAdded(readFileSync(DIR + 'cms_2026_dx.zip'));
    expect(added.has('B8801')).toBe(true);
    expect(added.has('B880')).toBe(false); // revised (deleted and re-added as a header), not new
    const fy2025: Artifact = {
      kind: 'codes',
      source: 'synthetic FY2025',
      version: { system: 'ICD-10-CM', version: 'FY2025', effectiveFrom: '2024-10-01', effectiveTo: '2025-09-30' },
      rows: cm.rows.filter((r) => !added.has(r.code)),
    };
    const sets = new InMemoryCodeSets([fy2025, cm]);
    expect(sets.lookup('ICD-10-CM', 'B88.01', '2025-09-30')).toMatchObject({ status: 'unknown', version: { version: 'FY2025' } });
    expect(sets.lookup('ICD-10-CM', 'B88.01', '2025-10-01')).toMatchObject({ status: 'found', billable: true, version: { version: 'FY2026' } });
    expect(sets.lookup('ICD-10-CM', 'E11.9', '2025-09-30')).toMatchObject({ status: 'found', billable: true });
  });

  it('ICD-10-PCS FY2026: 79,115 valid codes and 914 headers', () => {
    const [pcs] = importZip('cms_2026_pr.zip');
    const sets = new InMemoryCodeSets([pcs!]);
    expect(sets.list()[0]).toMatchObject({ version: { system: 'ICD-10-PCS', version: 'FY2026' }, billable: 79_115, headers: 914 });
  });

  it('POA-exempt FY2026: the 38,349 codes of the list, without dots', () => {
    const [poa] = importZip('POAexemptCodesFY26.zip');
    expect(poa!.version).toMatchObject({ system: 'POA-EXEMPT', version: 'FY2026', effectiveFrom: '2025-10-01' });
    expect(poa!.rows).toHaveLength(38_349);
    const sets = new InMemoryCodeSets([poa!]);
    expect(sets.lookup('POA-EXEMPT', 'B90.0', '2026-01-05').status).toBe('found');
    expect(sets.lookup('POA-EXEMPT', 'Q89.8', '2026-01-05').status).toBe('unknown'); // on the FY2026 delete list
  });
});

/** Codes the FY2026 order addenda add without deleting them first ("Add:"/"Delete:" lines, code in columns 16-22). */
function newlyAdded(zip: Buffer): Set<string> {
  const entry = readZip(zip).find((e) => e.name === 'icd10cm_order_addenda_2026.txt')!;
  const lines = entry.read().toString('latin1').split(/\r?\n/);
  const codes = (action: string) => lines.filter((l) => l.startsWith(action)).map((l) => l.slice(15, 22).trim());
  const deleted = new Set(codes('Delete:'));
  return new Set(codes('Add:').filter((c) => !deleted.has(c)));
}
