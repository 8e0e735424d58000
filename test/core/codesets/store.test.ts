/** The in-memory CodeSets over the hand-written fixture: date-effective answers and the not-loaded case. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeArtifact, encodeArtifact, encodeArtifactText } from '../../../lambdas/core/codesets/artifact.js';
import { importCodeSetFile } from '../../../lambdas/core/codesets/import.js';
import { InMemoryCodeSets } from '../../../lambdas/core/codesets/store.js';
import { readZip, ZipError } from '../../../lambdas/core/codesets/zip.js';

const DIR = 'codesets/fixture/';
const fixture = readdirSync(DIR)
  .filter((n) => n.endsWith('.codeset'))
  .map((n) => decodeArtifact(n, readFileSync(DIR + n)));
const sets = new InMemoryCodeSets(fixture);

describe('date of service picks the version in force', () => {
  it('a code added in FY2026 is unknown on 2025-09-30 and found on 2025-10-01', () => {
    expect(sets.lookup('ICD-10-CM', 'B88.01', '2025-09-30')).toMatchObject({ status: 'unknown', version: { version: 'FY2025' } });
    expect(sets.lookup('ICD-10-CM', 'B88.01', '2025-10-01')).toMatchObject({ status: 'found', billable: true, version: { version: 'FY2026' } });
  });
  it('a code that became a header in FY2026 is billable only before', () => {
    expect(sets.lookup('ICD-10-CM', 'b880', '2025-09-30')).toMatchObject({ status: 'found', billable: true });
    expect(sets.lookup('ICD-10-CM', 'B880', '2025-10-01')).toMatchObject({ status: 'found', billable: false });
  });
  it('outside every loaded version the system is not loaded: never unknown', () => {
    expect(sets.lookup('ICD-10-CM', 'I10', '2026-10-01')).toEqual({ status: 'not-loaded', system: 'ICD-10-CM' });
    expect(sets.loaded('ICD-10-CM', '2026-10-01')).toBe(false);
    expect(sets.lookup('CPT', '99213', '2026-01-05')).toEqual({ status: 'not-loaded', system: 'CPT' });
    expect(sets.loaded('NCCI-PTP-HOSPITAL', '2026-01-05')).toBe(false);
    expect(sets.ptpEdit('hospital', '99214', 'G0008', '2026-01-05')).toBeUndefined();
  });
  it('answers POA-exempt, PCS, modifiers, PTP and MUE from the fixture', () => {
    expect(sets.lookup('POA-EXEMPT', 'Z23', '2026-01-05').status).toBe('found');
    expect(sets.lookup('POA-EXEMPT', 'I10', '2026-01-05').status).toBe('unknown');
    expect(sets.lookup('ICD-10-PCS', '0DTJ4ZZ', '2026-01-05')).toMatchObject({ status: 'found', billable: true });
    expect(sets.lookup('HCPCS-MODIFIER', 'xs', '2026-01-05').status).toBe('found');
    expect(sets.ptpEdit('practitioner', '20604', '20610', '2026-01-05')?.modifierIndicator).toBe('0');
    expect(sets.mue('practitioner', '99214', '2026-01-05')).toMatchObject({ units: 1, adjudicationIndicator: '2', version: { version: '2026Q1' } });
  });
  it('a newer version wins where two cover the same date', () => {
    const a = fixture.find((x) => x.version.system === 'HCPCS')!;
    const newer = { ...a, version: { ...a.version, version: '2026Q2', effectiveFrom: '2026-04-01' }, rows: [] };
    const both = new InMemoryCodeSets([a, newer]);
    expect(both.lookup('HCPCS', 'G0008', '2026-03-31').status).toBe('found');
    expect(both.lookup('HCPCS', 'G0008', '2026-04-01')).toMatchObject({ status: 'unknown', version: { version: '2026Q2' } });
  });
});

describe('artifact format', () => {
  it('round-trips and gives the same bytes for the same input in any row order', () => {
    const a = fixture.find((x) => x.version.system === 'ICD-10-CM' && x.version.version === 'FY2026')!;
    const reversed = { ...a, rows: [...a.rows].reverse() } as typeof a;
    expect(encodeArtifact(reversed).equals(encodeArtifact(a))).toBe(true);
    const back = decodeArtifact('x.codeset.gz', encodeArtifact(a));
    expect(encodeArtifactText(back)).toBe(encodeArtifactText(a));
  });
  it('names the file and line of a broken row', () => {
    const text = '{"format":"claimflow-codeset","formatVersion":1,"system":"ICD-10-CM","version":"FY2026","effectiveFrom":"2025-10-01"}\nA00\tx\n';
    expect(() => decodeArtifact('bad.codeset', Buffer.from(text))).toThrow('bad.codeset: line 2: expected code<TAB>billable(1|0)');
  });
});

describe('zip reader', () => {
  it('lists entries and inflates one', () => {
    const entries = readZip(readFileSync('test/fixtures/codesets/icd10cm-order-2025-synthetic.zip'));
    expect(entries.map((e) => e.name)).toEqual(['readme.pdf', 'icd10cm_order_2025.txt']);
    expect(entries[1]!.read().toString('latin1')).toMatch(/^00001 B88 {5}0 /);
  });
  it('raises a typed error naming the entry when the data is damaged', () => {
    const bytes = Buffer.from(readFileSync('test/fixtures/codesets/icd10cm-order-2025-synthetic.zip'));
    const at = bytes.indexOf('icd10cm_order_2025.txt') + 'icd10cm_order_2025.txt'.length; // first occurrence: the local header
    bytes.fill(0xff, at, at + 20);
    const entry = readZip(bytes).find((e) => e.name === 'icd10cm_order_2025.txt')!;
    expect(() => entry.read()).toThrow(ZipError);
    expect(() => entry.read()).toThrow(/^icd10cm_order_2025\.txt: /);
    expect(() => readZip(Buffer.from('not a zip at all, just text.....'))).toThrow(/not a zip file/);
  });
  it('FY2025 and FY2026 order-file zips together answer either side of 1 October', () => {
    const both = new InMemoryCodeSets(
      ['2025', '2026'].flatMap((fy) => importCodeSetFile(`icd10cm-order-${fy}-synthetic.zip`, readFileSync(`test/fixtures/codesets/icd10cm-order-${fy}-synthetic.zip`))),
    );
    expect(both.lookup('ICD-10-CM', 'B8801', '2025-09-30').status).toBe('unknown');
    expect(both.lookup('ICD-10-CM', 'B8801', '2025-10-01').status).toBe('found');
  });
});
