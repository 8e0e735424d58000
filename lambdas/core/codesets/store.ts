/**
 * The in-memory CodeSets: several versions per system, each answering for its
 * effective window; a row may narrow that window (HCPCS added/terminated
 * codes, NCCI effective/deletion dates). Where several versions cover a date,
 * the one that starts latest wins (ties: the later version label), so a newer
 * cumulative release replaces an older one.
 */
import type { Artifact, CodeRow, MueRow, PtpRow } from './artifact.js';
import type { CodeLookup, CodeSets, CodeSetVersion, CodeSystem, MueLimit, PtpEdit } from './lookup.js';
import { normalizeCode } from './lines.js';

interface Loaded<R> {
  version: CodeSetVersion;
  /** Several rows per key when a key has more than one window in one release. */
  rows: Map<string, R[]>;
  count: number;
}

const covers = (from: string | undefined, to: string | undefined, date: string) => (from === undefined || date >= from) && (to === undefined || date <= to);

export interface LoadedSummary {
  version: CodeSetVersion;
  count: number;
  /** ICD-10: valid for claims vs headers. */
  billable?: number;
  headers?: number;
}

export class InMemoryCodeSets implements CodeSets {
  private readonly codes = new Map<CodeSystem, Loaded<CodeRow>[]>();
  private readonly ptp = new Map<CodeSystem, Loaded<PtpRow>[]>();
  private readonly mues = new Map<CodeSystem, Loaded<MueRow>[]>();
  private readonly summaries: LoadedSummary[] = [];

  constructor(artifacts: Artifact[] = []) {
    for (const a of artifacts) this.add(a);
  }

  add(artifact: Artifact): void {
    const { version } = artifact;
    if (artifact.kind === 'codes') {
      let billable = 0;
      const rows = group(artifact.rows, (r) => {
        if (r.billable) billable++;
        return r.code;
      });
      insert(this.codes, { version, rows, count: artifact.rows.length });
      const icd = version.system === 'ICD-10-CM' || version.system === 'ICD-10-PCS';
      this.summaries.push({ version, count: artifact.rows.length, ...(icd ? { billable, headers: artifact.rows.length - billable } : {}) });
    } else if (artifact.kind === 'ptp') {
      insert(this.ptp, { version, rows: group(artifact.rows, (r) => `${r.column1}|${r.column2}`), count: artifact.rows.length });
      this.summaries.push({ version, count: artifact.rows.length });
    } else {
      insert(this.mues, { version, rows: group(artifact.rows, (r) => r.code), count: artifact.rows.length });
      this.summaries.push({ version, count: artifact.rows.length });
    }
  }

  /** What is loaded, for `codesets list` and health checks. */
  list(): LoadedSummary[] {
    return [...this.summaries].sort((a, b) =>
      a.version.system === b.version.system ? (a.version.effectiveFrom < b.version.effectiveFrom ? -1 : 1) : a.version.system < b.version.system ? -1 : 1,
    );
  }

  lookup(system: CodeSystem, code: string, date: string): CodeLookup {
    const version = inForce(this.codes.get(system), date);
    if (!version) return { status: 'not-loaded', system };
    const row = version.rows.get(normalizeCode(code))?.find((r) => covers(r.from, r.to, date));
    if (!row) return { status: 'unknown', version: version.version };
    return { status: 'found', version: version.version, billable: row.billable, ...(row.description ? { description: row.description } : {}) };
  }

  ptpEdit(setting: 'practitioner' | 'hospital', first: string, second: string, date: string): PtpEdit | undefined {
    const version = inForce(this.ptp.get(setting === 'practitioner' ? 'NCCI-PTP-PRACTITIONER' : 'NCCI-PTP-HOSPITAL'), date);
    if (!version) return undefined;
    const a = normalizeCode(first);
    const b = normalizeCode(second);
    const row = [...(version.rows.get(`${a}|${b}`) ?? []), ...(version.rows.get(`${b}|${a}`) ?? [])].find((r) => covers(r.from, r.to, date));
    return row ? { column1: row.column1, column2: row.column2, modifierIndicator: row.modifierIndicator, version: version.version } : undefined;
  }

  mue(setting: 'practitioner' | 'hospital', code: string, date: string): MueLimit | undefined {
    const version = inForce(this.mues.get(setting === 'practitioner' ? 'MUE-PRACTITIONER' : 'MUE-HOSPITAL'), date);
    if (!version) return undefined;
    const row = version.rows.get(normalizeCode(code))?.find((r) => covers(r.from, r.to, date));
    return row ? { code: row.code, units: row.units, adjudicationIndicator: row.adjudicationIndicator, version: version.version } : undefined;
  }

  loaded(system: CodeSystem, date: string): boolean {
    const all = [this.codes, this.ptp, this.mues] as Map<CodeSystem, Loaded<unknown>[]>[];
    return all.some((m) => inForce(m.get(system), date) !== undefined);
  }
}

function group<R>(rows: R[], keyOf: (row: R) => string): Map<string, R[]> {
  const map = new Map<string, R[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = map.get(key);
    if (list) list.push(row);
    else map.set(key, [row]);
  }
  return map;
}

/** Keeps each system's versions ordered newest first, so the first covering version is the one in force. */
function insert<R>(map: Map<CodeSystem, Loaded<R>[]>, loaded: Loaded<R>): void {
  const list = map.get(loaded.version.system) ?? [];
  list.push(loaded);
  list.sort((x, y) => {
    if (x.version.effectiveFrom !== y.version.effectiveFrom) return x.version.effectiveFrom > y.version.effectiveFrom ? -1 : 1;
    return x.version.version > y.version.version ? -1 : x.version.version < y.version.version ? 1 : 0;
  });
  map.set(loaded.version.system, list);
}

function inForce<R>(list: Loaded<R>[] | undefined, date: string): Loaded<R> | undefined {
  return list?.find((l) => covers(l.version.effectiveFrom, l.version.effectiveTo, date));
}
