/**
 * NCCI procedure-to-procedure edits as CMS publishes them (practitioner
 * `ccipra*`, hospital outpatient `ccioph*`; each quarter split into several
 * tab-delimited text files). After some title and heading lines, each row is:
 *   Column 1, Column 2, "*" when in existence before 1996, Effective Date
 *   (CCYYMMDD), Deletion Date (CCYYMMDD or "*" when none), Modifier indicator
 *   (0 not allowed, 1 allowed, 9 not applicable), PTP edit rationale.
 * Lines that do not start with two codes are headings and are skipped; a
 * line that starts with two codes but breaks the layout is an error.
 * The deletion date is taken as the last day the edit applies.
 */
import type { Artifact, PtpRow } from './artifact.js';
import type { CodeSystem } from './lookup.js';
import { fromYyyymmdd } from './dates.js';
import { CodeSetImportError, parseCsv } from './lines.js';

export const NCCI_PTP_FILE = /(ccipra|ccioph|ptp).*\.(txt|csv)$/i;

const CODE = /^[A-Z0-9]{4}[A-Z0-9]$/;

export function ptpSettingOf(file: string): 'practitioner' | 'hospital' | undefined {
  if (/ccipra|practitioner|prac/i.test(file)) return 'practitioner';
  if (/ccioph|hospital|outpatient|oph/i.test(file)) return 'hospital';
  return undefined;
}

export function importNcciPtp(file: string, text: string, options: { version?: string; setting?: 'practitioner' | 'hospital' } = {}): Artifact {
  const setting = options.setting ?? ptpSettingOf(file);
  if (!setting) throw new CodeSetImportError(file, ['cannot tell practitioner from hospital edits by the file name (expected ccipra… or ccioph…)']);
  const system: CodeSystem = setting === 'practitioner' ? 'NCCI-PTP-PRACTITIONER' : 'NCCI-PTP-HOSPITAL';
  const separator = text.includes('\t') ? '\t' : ',';
  const rows: PtpRow[] = [];
  const problems: string[] = [];
  parseCsv(text, separator).forEach((fields, i) => {
    const [c1 = '', c2 = '', , effective = '', deletion = '', indicator = ''] = fields.map((f) => f.trim());
    if (!CODE.test(c1.toUpperCase()) || !CODE.test(c2.toUpperCase())) return; // title or heading line
    try {
      const from = fromYyyymmdd(effective);
      const to = fromYyyymmdd(deletion);
      if (!from) throw new Error('no effective date');
      if (indicator !== '0' && indicator !== '1' && indicator !== '9') {
        problems.push(`record ${i + 1}: modifier indicator (column 6) is not 0, 1 or 9`);
        return;
      }
      rows.push({ column1: c1.toUpperCase(), column2: c2.toUpperCase(), modifierIndicator: indicator, from, ...(to ? { to } : {}) });
    } catch {
      problems.push(`record ${i + 1}: effective/deletion date (columns 4-5) is not CCYYMMDD`);
    }
  });
  if (problems.length > 0) throw new CodeSetImportError(file, problems);
  if (rows.length === 0) throw new CodeSetImportError(file, ['no PTP edit rows found']);
  const label = options.version ?? versionLabel(file);
  if (!label) throw new CodeSetImportError(file, ['cannot tell the NCCI version from the file name (e.g. ccipra_v321r0_f1.txt); pass --version']);
  // The files are cumulative since 1996: the version applies from its earliest row on; each row keeps its own window.
  const effectiveFrom = rows.reduce((min, r) => (r.from! < min ? r.from! : min), rows[0]!.from!);
  return { version: { system, version: label, effectiveFrom }, kind: 'ptp', source: file, rows };
}

function versionLabel(file: string): string | undefined {
  return /v(\d{3}r\d+)/i.exec(file)?.[0]?.toLowerCase();
}
