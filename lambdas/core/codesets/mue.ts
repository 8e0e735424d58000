/**
 * Medically unlikely edits as CMS publishes them (CSV per setting, e.g.
 * `MCR_MUE_PractitionerServices_Eff_01-01-2026.csv`, and the outpatient
 * hospital file). After copyright and heading lines, each row is:
 *   HCPCS/CPT code, MUE value (units), MUE adjudication indicator
 *   ("1 Line Edit", "2 Date of Service Edit: Policy", "3 Date of Service Edit: Clinical"),
 *   MUE rationale.
 * Rows carry no dates: the whole table applies from the file's effective date
 * (in its name, or `--version 2026Q1` / `--version 2026-01-01`).
 */
import type { Artifact, MueRow } from './artifact.js';
import type { CodeSystem } from './lookup.js';
import { isIsoDate, quarterOf, quarterStart } from './dates.js';
import { CodeSetImportError, parseCsv } from './lines.js';

export const MUE_FILE = /mue.*\.(csv|txt)$/i;

export function mueSettingOf(file: string): 'practitioner' | 'hospital' | undefined {
  if (/practitioner|prac/i.test(file)) return 'practitioner';
  if (/hospital|outpatient|oph/i.test(file)) return 'hospital';
  return undefined;
}

export function importMue(file: string, text: string, options: { version?: string; setting?: 'practitioner' | 'hospital' } = {}): Artifact {
  const setting = options.setting ?? mueSettingOf(file);
  if (!setting) throw new CodeSetImportError(file, ['cannot tell practitioner from hospital MUEs by the file name']);
  const system: CodeSystem = setting === 'practitioner' ? 'MUE-PRACTITIONER' : 'MUE-HOSPITAL';
  const effectiveFrom = effectiveDate(file, options.version);
  const separator = text.includes('\t') && !text.includes(',') ? '\t' : ',';
  const rows: MueRow[] = [];
  const problems: string[] = [];
  parseCsv(text, separator).forEach((fields, i) => {
    const [code = '', units = '', indicator = ''] = fields.map((f) => f.trim());
    if (!/^[A-Z0-9]{4}[A-Z0-9]$/i.test(code)) return; // copyright, title or heading line
    const adjudication = indicator.charAt(0);
    if (!/^\d+$/.test(units) || (adjudication !== '1' && adjudication !== '2' && adjudication !== '3')) {
      problems.push(`record ${i + 1}: MUE value (column 2) or adjudication indicator (column 3) is not valid`);
      return;
    }
    rows.push({ code: code.toUpperCase(), units: Number(units), adjudicationIndicator: adjudication });
  });
  if (problems.length > 0) throw new CodeSetImportError(file, problems);
  if (rows.length === 0) throw new CodeSetImportError(file, ['no MUE rows found']);
  return { version: { system, version: quarterOf(effectiveFrom), effectiveFrom }, kind: 'mue', source: file, rows };
}

function effectiveDate(file: string, explicit?: string): string {
  if (explicit) {
    const date = isIsoDate(explicit) ? explicit : quarterStart(explicit);
    if (!date) throw new CodeSetImportError(file, ['the version is not a quarter or date (expected 2026Q1 or 2026-01-01)']);
    return date;
  }
  const m = /(\d{2})-(\d{2})-(\d{4})/.exec(file) ?? /(\d{4})(\d{2})(\d{2})/.exec(file);
  if (m?.[1] && m[2] && m[3]) return m[1].length === 4 ? `${m[1]}-${m[2]}-${m[3]}` : `${m[3]}-${m[1]}-${m[2]}`;
  throw new CodeSetImportError(file, ['cannot tell the effective date from the file name; pass --version 2026Q1']);
}
