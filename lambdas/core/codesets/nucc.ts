/**
 * The NUCC Health Care Provider Taxonomy code set CSV (`nucc_taxonomy_<vv><r>.csv`,
 * e.g. nucc_taxonomy_251.csv = version 25.1). Header row: Code, Grouping,
 * Classification, Specialization, Definition, Notes, Display Name, Section.
 * NUCC releases version N.0 effective 1 January and N.1 effective 1 July of 20NN.
 */
import type { Artifact, CodeRow } from './artifact.js';
import { CodeSetImportError, parseCsv } from './lines.js';

export const NUCC_FILE = /nucc_taxonomy.*\.csv$/i;

export function importNucc(file: string, text: string, options: { version?: string } = {}): Artifact {
  const records = parseCsv(text.replace(/^\uFEFF/, ''));
  const header = (records[0] ?? []).map((h) => h.trim().toLowerCase());
  const codeAt = header.indexOf('code');
  if (codeAt < 0) throw new CodeSetImportError(file, ['line 1: no Code column']);
  const nameAt = header.indexOf('display name');
  const classificationAt = header.indexOf('classification');
  const rows: CodeRow[] = [];
  const problems: string[] = [];
  records.slice(1).forEach((fields, i) => {
    const code = (fields[codeAt] ?? '').trim().toUpperCase();
    if (code === '') return;
    if (!/^[0-9]{3}[0-9A-Z]{6}X$/.test(code)) {
      problems.push(`record ${i + 2}: Code is not a 10-character taxonomy code`);
      return;
    }
    const description = (fields[nameAt] ?? fields[classificationAt] ?? '').trim();
    rows.push({ code, billable: true, ...(description ? { description } : {}) });
  });
  if (problems.length > 0) throw new CodeSetImportError(file, problems);
  if (rows.length === 0) throw new CodeSetImportError(file, ['no taxonomy codes found']);
  const m = /^(\d{2})\.?([01])$/.exec(options.version ?? '') ?? /nucc_taxonomy_(\d{2})([01])/i.exec(file);
  if (!m?.[1] || !m[2]) throw new CodeSetImportError(file, ['cannot tell the NUCC version from the file name; pass --version 25.1']);
  const effectiveFrom = `20${m[1]}-${m[2] === '0' ? '01' : '07'}-01`;
  return { version: { system: 'NUCC-TAXONOMY', version: `${m[1]}.${m[2]}`, effectiveFrom }, kind: 'codes', source: file, rows };
}
