/** `claimflow codesets import|list`: artifacts written from official-layout files, listed with versions and counts. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './io.js';

const dir = mkdtempSync(join(tmpdir(), 'claimflow-codesets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const F = 'test/fixtures/codesets/';

describe('claimflow codesets', () => {
  it('imports synthetic official-layout files into one artifact per code set and version, deterministically', async () => {
    const out = join(dir, 'a');
    const files = ['HCPC2026_JAN_ANWEB.txt', 'ccipra_v321r0_f1.txt', 'MCR_MUE_PractitionerServices_Eff_01-01-2026.csv', 'nucc_taxonomy_251.csv', 'icd10cm-order-2025-synthetic.zip', 'icd10cm-order-2026-synthetic.zip'].map((f) => F + f);
    const result = await runCli('codesets', 'import', ...files, '--out', out);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(readdirSync(out).sort()).toEqual([
      'HCPCS-MODIFIER_2026Q1.codeset.gz',
      'HCPCS_2026Q1.codeset.gz',
      'ICD-10-CM_FY2025.codeset.gz',
      'ICD-10-CM_FY2026.codeset.gz',
      'MUE-PRACTITIONER_2026Q1.codeset.gz',
      'NCCI-PTP-PRACTITIONER_v321r0.codeset.gz',
      'NUCC-TAXONOMY_25.1.codeset.gz',
    ]);
    const again = join(dir, 'b');
    expect((await runCli('codesets', 'import', ...files, '--out', again)).code).toBe(0);
    for (const name of readdirSync(out)) expect(readFileSync(join(again, name)).equals(readFileSync(join(out, name)))).toBe(true);

    const list = await runCli('codesets', 'list', '--dir', out, '--json');
    expect(list.code).toBe(0);
    const rows = JSON.parse(list.stdout) as Array<{ version: { system: string; version: string }; count: number; billable?: number }>;
    expect(rows.find((r) => r.version.system === 'ICD-10-CM' && r.version.version === 'FY2026')).toMatchObject({ count: 5, billable: 3, headers: 2 });
    expect(rows.find((r) => r.version.system === 'NCCI-PTP-PRACTITIONER')).toMatchObject({ count: 4 });
  });

  it('imports a licensed CPT file only with --system CPT', async () => {
    const out = join(dir, 'cpt');
    expect((await runCli('codesets', 'import', F + 'my-cpt-2026.txt', '--out', out)).code).toBe(1);
    const ok = await runCli('codesets', 'import', F + 'my-cpt-2026.txt', '--system', 'CPT', '--out', out);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/CPT\s+2026\s+2026-01-01\.\.2026-12-31\s+2 rows/);
  });

  it('lists the shipped fixture as text', async () => {
    const list = await runCli('codesets', 'list', '--dir', 'codesets/fixture');
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/ICD-10-CM\s+FY2026\s+2025-10-01\.\.2026-09-30\s+\d+ codes \(\d+ billable, \d+ headers\)/);
    expect(list.stdout).toMatch(/loaded in \d+ ms/);
  });

  it('exits 1 naming the file and line of a broken input, 2 for a missing file', async () => {
    const broken = await runCli('codesets', 'import', 'codesets/fixture/README.md', '--out', join(dir, 'x'));
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('README.md');
    expect((await runCli('codesets', 'import', join(dir, 'missing.zip'))).code).toBe(2);
    expect((await runCli('codesets', 'list', '--dir', join(dir, 'nope'))).code).toBe(2);
  });

  it.skipIf(!existsSync('../shared/codesets/cms_2026_dx.zip'))('imports the official FY2026 ICD-10-CM zip (needs ../shared/codesets)', async () => {
    const out = join(dir, 'official');
    const result = await runCli('codesets', 'import', '../shared/codesets/cms_2026_dx.zip', '--out', out);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/ICD-10-CM\s+FY2026\s+2025-10-01\.\.2026-09-30\s+98186 codes \(74719 billable, 23467 headers\)/);
  });
});
