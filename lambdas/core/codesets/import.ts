/**
 * Turns official downloads (zips or their text files) into artifacts: picks
 * the importer by file name, imports every recognised entry of a zip, and
 * merges parts of one version (NCCI ships each quarter in several files).
 */
import { kindOf, type Artifact, type CodeRow, type MueRow, type PtpRow } from './artifact.js';
import type { CodeSystem } from './lookup.js';
import { importCpt } from './cpt.js';
import { HCPCS_FILE, importHcpcs } from './hcpcs.js';
import { ICD10CM_ORDER_FILE, importIcd10CmOrder } from './icd10cm-order.js';
import { ICD10PCS_ORDER_FILE, importIcd10PcsOrder } from './icd10pcs-order.js';
import { CodeSetImportError } from './lines.js';
import { MUE_FILE, importMue } from './mue.js';
import { NCCI_PTP_FILE, importNcciPtp } from './ncci-ptp.js';
import { NUCC_FILE, importNucc } from './nucc.js';
import { POA_EXEMPT_FILE, importPoaExempt } from './poa-exempt.js';
import { isZip, readZip } from './zip.js';

export interface ImportOptions {
  /** e.g. FY2026 (ICD-10), 2026Q1 (HCPCS, MUE), v321r0 (NCCI), 25.1 (NUCC), 2026 (CPT). */
  version?: string;
  /** Forces the importer; needed for CPT, whose licensed files have no standard name. */
  system?: 'CPT';
}

const baseName = (name: string) => name.split(/[\\/]/).pop() ?? name;

/** The importer for one text file, or undefined when the name is not one we know. */
function importText(name: string, text: string, options: ImportOptions, container?: string): Artifact[] | undefined {
  const base = baseName(name);
  const version = options.version;
  const opts = version ? { version } : {};
  if (options.system === 'CPT') return [importCpt(base, text, opts)];
  if (ICD10CM_ORDER_FILE.test(base)) return [importIcd10CmOrder(base, text, { ...opts, ...(container ? { container } : {}) })];
  if (ICD10PCS_ORDER_FILE.test(base)) return [importIcd10PcsOrder(base, text, { ...opts, ...(container ? { container } : {}) })];
  if (POA_EXEMPT_FILE.test(base)) return [importPoaExempt(base, text, opts)];
  if (HCPCS_FILE.test(base)) return importHcpcs(base, text, opts);
  if (NUCC_FILE.test(base)) return [importNucc(base, text, opts)];
  if (MUE_FILE.test(base)) return [importMue(base, text, opts)];
  if (NCCI_PTP_FILE.test(base)) return [importNcciPtp(base, text, opts)];
  return undefined;
}

export function importCodeSetFile(name: string, bytes: Uint8Array, options: ImportOptions = {}): Artifact[] {
  if (!isZip(bytes)) {
    const found = importText(name, Buffer.from(bytes).toString('latin1'), options);
    if (!found) throw new CodeSetImportError(baseName(name), ['not a code-set file claimflow recognises by name (see docs/codesets.md)']);
    return found;
  }
  const artifacts: Artifact[] = [];
  for (const entry of readZip(bytes)) {
    const base = baseName(entry.name);
    if (options.system !== 'CPT' && !isKnown(base)) continue; // PDFs, xlsx copies, addenda
    const found = importText(entry.name, entry.read().toString('latin1'), options, baseName(name));
    if (found) artifacts.push(...found);
  }
  if (artifacts.length === 0) throw new CodeSetImportError(baseName(name), ['the zip holds no code-set file claimflow recognises (see docs/codesets.md)']);
  return artifacts;
}

function isKnown(base: string): boolean {
  return [ICD10CM_ORDER_FILE, ICD10PCS_ORDER_FILE, POA_EXEMPT_FILE, HCPCS_FILE, NUCC_FILE, MUE_FILE, NCCI_PTP_FILE].some((re) => re.test(base));
}

/** One artifact per system and version: parts are concatenated, their windows widened to cover all parts. */
export function mergeArtifacts(artifacts: Artifact[]): Artifact[] {
  const groups = new Map<string, Artifact[]>();
  for (const a of artifacts) {
    if (a.rows.length === 0) continue; // e.g. a HCPCS file without modifier records
    const key = `${a.version.system}\u0000${a.version.version}`;
    groups.set(key, [...(groups.get(key) ?? []), a]);
  }
  const merged: Artifact[] = [];
  for (const parts of groups.values()) {
    const first = parts[0]!;
    if (parts.length === 1) {
      merged.push(first);
      continue;
    }
    const effectiveFrom = parts.map((p) => p.version.effectiveFrom).sort()[0]!;
    const version = { ...first.version, effectiveFrom };
    const source = parts.map((p) => p.source).join(', ');
    const kind = kindOf(first.version.system as CodeSystem);
    if (kind === 'codes') merged.push({ version, kind, source, rows: parts.flatMap((p) => p.rows as CodeRow[]) });
    else if (kind === 'ptp') merged.push({ version, kind, source, rows: parts.flatMap((p) => p.rows as PtpRow[]) });
    else merged.push({ version, kind, source, rows: parts.flatMap((p) => p.rows as MueRow[]) });
  }
  return merged.sort((a, b) => (a.version.system + a.version.version < b.version.system + b.version.version ? -1 : 1));
}
