/**
 * CPT from a file the user supplies under their own AMA licence (CPT is never
 * shipped with claimflow). Accepted layout, one code per line:
 *   <code><TAB><descriptor>   or   <code>,<descriptor>   (CSV quoting allowed)
 * An optional header line (first field not a code) and blank lines are skipped.
 * The CPT year is `--version 2026` or a year in the file name; it applies
 * from 1 January to 31 December of that year.
 */
import type { Artifact, CodeRow } from './artifact.js';
import { CodeSetImportError, parseCsv } from './lines.js';

const CPT_CODE = /^\d{4}[0-9AFMTU]$/;

export function importCpt(file: string, text: string, options: { version?: string } = {}): Artifact {
  const records = parseCsv(text.replace(/^\uFEFF/, ''), text.includes('\t') ? '\t' : ',');
  const rows = new Map<string, CodeRow>();
  const problems: string[] = [];
  records.forEach((fields, i) => {
    const code = (fields[0] ?? '').trim().toUpperCase();
    if (code === '' || (i === 0 && !CPT_CODE.test(code))) return;
    if (!CPT_CODE.test(code)) {
      problems.push(`line ${i + 1}: first field is not a CPT code`);
      return;
    }
    const description = (fields[1] ?? '').trim();
    rows.set(code, { code, billable: true, ...(description ? { description } : {}) });
  });
  if (problems.length > 0) throw new CodeSetImportError(file, problems);
  if (rows.size === 0) throw new CodeSetImportError(file, ['no CPT codes found']);
  const year = /^(\d{4})$/.exec(options.version ?? '')?.[1] ?? /(?:^|[^0-9])(20\d{2})(?:[^0-9]|$)/.exec(file)?.[1];
  if (!year) throw new CodeSetImportError(file, ['cannot tell the CPT year; pass --version 2026']);
  return { version: { system: 'CPT', version: year, effectiveFrom: `${year}-01-01`, effectiveTo: `${year}-12-31` }, kind: 'codes', source: file, rows: [...rows.values()] };
}
