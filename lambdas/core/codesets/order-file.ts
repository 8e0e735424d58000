/**
 * The CMS "order file" layout shared by ICD-10-CM and ICD-10-PCS (Code
 * Descriptions in Tabular Order): fixed width, columns 1-5 order number,
 * 7-13 code without the dot, 15 billable flag (1 valid for claims, 0 header),
 * 17-76 short title, 78- long title.
 */
import type { CodeRow } from './artifact.js';
import type { CodeSetVersion, CodeSystem } from './lookup.js';
import { fiscalYearRange, parseFiscalYear } from './dates.js';
import { CodeSetImportError, splitLines } from './lines.js';

export function parseOrderFile(file: string, text: string): CodeRow[] {
  const rows: CodeRow[] = [];
  const problems: string[] = [];
  const lines = splitLines(text);
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const code = line.slice(6, 13).trim();
    const flag = line.charAt(14);
    if (!/^\d{5}$/.test(line.slice(0, 5)) || !/^[A-Z0-9]{3,7}$/.test(code) || (flag !== '0' && flag !== '1')) {
      problems.push(`line ${i + 1}: not in the order-file layout (order number, code, billable flag in column 15)`);
      return;
    }
    rows.push({ code, billable: flag === '1', description: line.slice(16, 76).trim() });
  });
  if (problems.length > 0) throw new CodeSetImportError(file, problems);
  if (rows.length === 0) throw new CodeSetImportError(file, ['no codes found']);
  return rows;
}

/** FY from `--version FY2026`, else from the file name (`icd10cm_order_2026.txt`, `cms_2026_dx.zip`). */
export function fiscalYearVersion(system: CodeSystem, file: string, explicit?: string): CodeSetVersion {
  const fy = explicit ? parseFiscalYear(explicit) : inferYear(file);
  if (fy === undefined) {
    throw new CodeSetImportError(file, [
      explicit ? 'the version is not a fiscal year (expected e.g. FY2026)' : 'cannot tell the fiscal year from the file name; pass --version FY2026',
    ]);
  }
  return { system, version: `FY${fy}`, ...fiscalYearRange(fy) };
}

function inferYear(file: string): number | undefined {
  const base = file.split(/[\\/]/).pop() ?? file;
  const m = /(?:^|[^0-9])(20\d{2})(?:[^0-9]|$)/.exec(base) ?? /FY(\d{2})(?:[^0-9]|$)/i.exec(base);
  return m?.[1] ? parseFiscalYear(m[1]) : undefined;
}
