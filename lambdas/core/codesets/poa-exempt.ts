/**
 * The CMS POA-exempt list (`POAexemptCodesFY26.txt`): tab-delimited with a
 * header row; Order, POAexemptCode (with the dot), Description. The add/
 * delete/revise files in the same zip describe changes and are not imported.
 */
import type { Artifact, CodeRow } from './artifact.js';
import { fiscalYearVersion } from './order-file.js';
import { CodeSetImportError, normalizeCode, splitCsv, splitLines } from './lines.js';

export const POA_EXEMPT_FILE = /^POAexemptCodesFY\d{2}\.txt$/i;

export function importPoaExempt(file: string, text: string, options: { version?: string } = {}): Artifact {
  const lines = splitLines(text);
  const header = splitCsv(lines[0] ?? '', '\t').map((h) => h.trim().toLowerCase());
  const codeAt = header.indexOf('poaexemptcode');
  if (codeAt < 0) throw new CodeSetImportError(file, ['line 1: no POAexemptCode column']);
  const descriptionAt = header.indexOf('description');
  const rows: CodeRow[] = [];
  const problems: string[] = [];
  lines.slice(1).forEach((line, i) => {
    if (line.trim() === '') return;
    const fields = splitCsv(line, '\t');
    const code = normalizeCode(fields[codeAt] ?? '');
    if (!/^[A-Z][0-9A-Z]{2,6}$/.test(code)) {
      problems.push(`line ${i + 2}: POAexemptCode is not an ICD-10-CM code`);
      return;
    }
    const description = descriptionAt >= 0 ? fields[descriptionAt]?.trim() : undefined;
    rows.push({ code, billable: true, ...(description ? { description } : {}) });
  });
  if (problems.length > 0) throw new CodeSetImportError(file, problems);
  return { version: fiscalYearVersion('POA-EXEMPT', file, options.version), kind: 'codes', source: file, rows };
}
