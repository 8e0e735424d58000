/**
 * HCPCS Level II from the CMS quarterly alpha-numeric file
 * (`HCPC<year>_<MON>_ANWEB*.txt`), the 320-byte contractor record layout
 * (HCPC<year>_recordlayout.txt). Positions used (1-based, inclusive):
 *   1-5 code (modifiers: the modifier, blank padded), 6-10 sequence number,
 *   11 record id (3 code, 4 code continuation, 7 modifier, 8 modifier continuation),
 *   12-91 long description, 92-119 short description,
 *   269-276 code added date, 277-284 action effective date,
 *   285-292 termination date (CCYYMMDD), 293 action code.
 * Each code is valid from its added date through its termination date.
 */
import type { Artifact, CodeRow } from './artifact.js';
import type { CodeSetVersion } from './lookup.js';
import { fromYyyymmdd, quarterOf, quarterStart } from './dates.js';
import { CodeSetImportError, splitLines } from './lines.js';

export const HCPCS_FILE = /^HCPC\d{4}_[A-Z]{3}_ANWEB.*\.txt$/i;

const MONTHS: Record<string, number> = { JAN: 1, APR: 2, JUL: 3, OCT: 4 };

export function importHcpcs(file: string, text: string, options: { version?: string } = {}): Artifact[] {
  const effectiveFrom = hcpcsVersionStart(file, options.version);
  const label = quarterOf(effectiveFrom);
  const codes = new Map<string, CodeRow>();
  const modifiers = new Map<string, CodeRow>();
  const problems: string[] = [];
  let current: CodeRow | undefined;
  splitLines(text).forEach((raw, i) => {
    if (raw.trim() === '') return;
    const line = raw.padEnd(320);
    const recordId = line.charAt(10);
    const longText = line.slice(11, 91).trim();
    if (recordId === '4' || recordId === '8') {
      // Continuation lines add to the long description of the record before them.
      if (current) current.description = `${current.description ?? ''} ${longText}`.trim();
      return;
    }
    if (recordId !== '3' && recordId !== '7') {
      problems.push(`line ${i + 1}: record id (column 11) is not 3, 4, 7 or 8`);
      return;
    }
    const code = line.slice(0, 5).trim().toUpperCase();
    const isModifier = recordId === '7';
    if (isModifier ? !/^[A-Z0-9]{2}$/.test(code) : !/^[A-Z0-9]\d{3}[A-Z0-9]$/.test(code)) {
      problems.push(`line ${i + 1}: ${isModifier ? 'modifier' : 'HCPCS code'} (columns 1-5) is not valid`);
      current = undefined;
      return;
    }
    let from: string | undefined;
    let to: string | undefined;
    try {
      from = fromYyyymmdd(line.slice(268, 276)) ?? fromYyyymmdd(line.slice(276, 284));
      to = fromYyyymmdd(line.slice(284, 292));
    } catch {
      problems.push(`line ${i + 1}: added/effective/termination date (columns 269-292) is not CCYYMMDD`);
      current = undefined;
      return;
    }
    current = { code, billable: true, ...(from ? { from } : {}), ...(to ? { to } : {}), description: longText };
    (isModifier ? modifiers : codes).set(code, current);
  });
  if (problems.length > 0) throw new CodeSetImportError(file, problems);
  if (codes.size === 0 && modifiers.size === 0) throw new CodeSetImportError(file, ['no HCPCS records found']);
  const version = (system: CodeSetVersion['system']): CodeSetVersion => ({ system, version: label, effectiveFrom });
  return [
    { version: version('HCPCS'), kind: 'codes', source: file, rows: [...codes.values()] },
    { version: version('HCPCS-MODIFIER'), kind: 'codes', source: file, rows: [...modifiers.values()] },
  ];
}

/** The quarter the file is for: `--version 2026Q1`, else the year and month in the name (`HCPC2026_JAN_ANWEB.txt`). */
function hcpcsVersionStart(file: string, explicit?: string): string {
  if (explicit) {
    const start = quarterStart(explicit);
    if (!start) throw new CodeSetImportError(file, ['the version is not a quarter (expected e.g. 2026Q1)']);
    return start;
  }
  const m = /HCPC(\d{4})_([A-Z]{3})/i.exec(file);
  const quarter = m?.[2] ? MONTHS[m[2].toUpperCase()] : undefined;
  if (!m?.[1] || !quarter) throw new CodeSetImportError(file, ['cannot tell the quarter from the file name; pass --version 2026Q1']);
  return quarterStart(`${m[1]}Q${quarter}`)!;
}
