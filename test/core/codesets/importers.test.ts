/** Each importer on a small synthetic file written in the official layout (test/fixtures/codesets/). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importCodeSetFile, mergeArtifacts } from '../../../lambdas/core/codesets/import.js';
import { CodeSetImportError } from '../../../lambdas/core/codesets/lines.js';
import { InMemoryCodeSets } from '../../../lambdas/core/codesets/store.js';

const F = 'test/fixtures/codesets/';
const load = (name: string, options = {}) => importCodeSetFile(name, readFileSync(F + name), options);

describe('HCPCS quarterly file (contractor record layout)', () => {
  const artifacts = load('HCPC2026_JAN_ANWEB.txt');
  const sets = new InMemoryCodeSets(artifacts);

  it('reads codes and modifiers as 2026Q1 from the file name', () => {
    expect(artifacts.map((a) => [a.version.system, a.version.version, a.version.effectiveFrom, a.rows.length])).toEqual([
      ['HCPCS', '2026Q1', '2026-01-01', 5],
      ['HCPCS-MODIFIER', '2026Q1', '2026-01-01', 2],
    ]);
  });
  it('joins continuation lines into the long description', () => {
    const found = sets.lookup('HCPCS', 'G0402', '2026-02-01');
    expect(found).toMatchObject({ status: 'found', billable: true });
    expect(found.status === 'found' && found.description).toContain('first 12 months of medicare enrollment');
    const modifier = sets.lookup('HCPCS-MODIFIER', '25', '2026-02-01');
    expect(modifier.status === 'found' && modifier.description).toContain('on the same day');
  });
  it('honours the termination date (inclusive) and the added date', () => {
    expect(sets.lookup('HCPCS', 'G9998', '2026-02-15').status).toBe('found');
    expect(sets.lookup('HCPCS', 'G9998', '2026-02-16').status).toBe('unknown');
    // Before the quarter the file is for, nothing is loaded: "not verified", not "unknown".
    expect(sets.lookup('HCPCS', 'G9998', '2025-12-31').status).toBe('not-loaded');
    expect(sets.lookup('HCPCS', 'Q5999', '2026-01-01').status).toBe('found');
  });
  it('names the line and columns of a broken record', () => {
    const text = readFileSync(F + 'HCPC2026_JAN_ANWEB.txt', 'latin1').replace('19950101', '1995XX01');
    expect(() => importCodeSetFile('HCPC2026_JAN_ANWEB.txt', Buffer.from(text, 'latin1'))).toThrow(/line 1: .*columns 269-292/);
  });
});

describe('NCCI PTP (tab-delimited, headings skipped)', () => {
  const [ptp] = load('ccipra_v321r0_f1.txt');
  const sets = new InMemoryCodeSets([ptp!]);
  it('reads rows with their setting, version and windows', () => {
    expect(ptp!.version).toEqual({ system: 'NCCI-PTP-PRACTITIONER', version: 'v321r0', effectiveFrom: '1996-01-01' });
    expect(ptp!.rows).toHaveLength(4);
  });
  it('answers in either column order, with the modifier indicator', () => {
    expect(sets.ptpEdit('practitioner', 'G0008', '99214', '2026-01-05')).toMatchObject({ column1: '99214', column2: 'G0008', modifierIndicator: '1' });
    expect(sets.ptpEdit('practitioner', '20610', '20604', '2026-01-05')?.modifierIndicator).toBe('0');
  });
  it('ends an edit on its deletion date', () => {
    expect(sets.ptpEdit('practitioner', '93000', '93005', '2025-12-31')).toBeDefined();
    expect(sets.ptpEdit('practitioner', '93000', '93005', '2026-01-01')).toBeUndefined();
    expect(sets.ptpEdit('hospital', '20610', '20604', '2026-01-05')).toBeUndefined();
  });
  it('rejects a row with a bad modifier indicator, naming the record', () => {
    const text = readFileSync(F + 'ccipra_v321r0_f1.txt', 'latin1').replace('*\t1\tStandards', '*\t5\tStandards');
    expect(() => importCodeSetFile('ccipra_v321r0_f1.txt', Buffer.from(text))).toThrow(/record 4: modifier indicator/);
  });
});

describe('MUE (CSV with copyright lines)', () => {
  const [mue] = load('MCR_MUE_PractitionerServices_Eff_01-01-2026.csv');
  const sets = new InMemoryCodeSets([mue!]);
  it('reads units and the adjudication indicator, effective from the date in the name', () => {
    expect(mue!.version).toEqual({ system: 'MUE-PRACTITIONER', version: '2026Q1', effectiveFrom: '2026-01-01' });
    expect(sets.mue('practitioner', 'J3301', '2026-03-01')).toMatchObject({ units: 8, adjudicationIndicator: '3' });
    expect(sets.mue('practitioner', '20610', '2026-03-01')).toMatchObject({ units: 2, adjudicationIndicator: '1' });
    expect(sets.mue('practitioner', 'J3301', '2025-12-31')).toBeUndefined();
    expect(sets.loaded('MUE-PRACTITIONER', '2025-12-31')).toBe(false);
  });
});

describe('NUCC taxonomy CSV', () => {
  const [nucc] = load('nucc_taxonomy_251.csv');
  it('reads codes (quoted multi-line definitions included) as version 25.1 from July 2025', () => {
    expect(nucc!.version).toEqual({ system: 'NUCC-TAXONOMY', version: '25.1', effectiveFrom: '2025-07-01' });
    expect(nucc!.rows.map((r) => ['code' in r ? r.code : '', 'description' in r && r.description])).toEqual([
      ['207Q00000X', 'Family Medicine Physician'],
      ['282N00000X', 'General Acute Care Hospital'],
    ]);
  });
});

describe('CPT from a user-supplied file', () => {
  it('needs --system CPT, skips the header, and takes the year from the name or --version', () => {
    expect(() => load('my-cpt-2026.txt')).toThrow(CodeSetImportError);
    const [cpt] = load('my-cpt-2026.txt', { system: 'CPT' });
    expect(cpt!.version).toEqual({ system: 'CPT', version: '2026', effectiveFrom: '2026-01-01', effectiveTo: '2026-12-31' });
    expect(cpt!.rows.map((r) => 'code' in r && r.code)).toEqual(['99213', '0001U']);
    const [v2025] = load('my-cpt-2026.txt', { system: 'CPT', version: '2025' });
    expect(v2025!.version.effectiveTo).toBe('2025-12-31');
  });
});

describe('ICD-10-CM order file in a zip', () => {
  it('imports only the order file, with the fiscal year from its name', () => {
    const artifacts = mergeArtifacts(load('icd10cm-order-2026-synthetic.zip'));
    expect(artifacts).toHaveLength(1);
    expect(artifacts[0]!.version).toEqual({ system: 'ICD-10-CM', version: 'FY2026', effectiveFrom: '2025-10-01', effectiveTo: '2026-09-30' });
    expect(artifacts[0]!.rows.filter((r) => 'billable' in r && r.billable)).toHaveLength(3);
  });
  it('reports an unknown file by name', () => {
    expect(() => importCodeSetFile('notes.txt', Buffer.from('hello'))).toThrow(/notes\.txt: not a code-set file/);
  });
});
