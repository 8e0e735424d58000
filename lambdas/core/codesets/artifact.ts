/**
 * The compact artifact one code set version is stored as: a JSON header line,
 * then one tab-separated row per code (or pair), sorted so the bytes are
 * deterministic. Stored gzip-compressed as `<system>_<version>.codeset.gz`;
 * plain `.codeset` text is accepted too (the hand-written fixture uses it).
 *
 * Rows by kind (empty from/to = the version's own window):
 *   codes: code, billable (1|0), from, to, description
 *   ptp:   column1, column2, modifier indicator (0|1|9), from, to
 *   mue:   code, units, adjudication indicator (1|2|3), from, to
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import type { CodeSetVersion, CodeSystem } from './lookup.js';
import { isIsoDate } from './dates.js';

export const ARTIFACT_FORMAT = 'claimflow-codeset';
export const ARTIFACT_FORMAT_VERSION = 1;

export const CODE_SYSTEMS: readonly CodeSystem[] = [
  'ICD-10-CM',
  'ICD-10-PCS',
  'POA-EXEMPT',
  'HCPCS',
  'HCPCS-MODIFIER',
  'CPT',
  'NUCC-TAXONOMY',
  'NCCI-PTP-PRACTITIONER',
  'NCCI-PTP-HOSPITAL',
  'MUE-PRACTITIONER',
  'MUE-HOSPITAL',
];

export type ArtifactKind = 'codes' | 'ptp' | 'mue';

export function kindOf(system: CodeSystem): ArtifactKind {
  if (system.startsWith('NCCI-PTP')) return 'ptp';
  if (system.startsWith('MUE')) return 'mue';
  return 'codes';
}

export interface CodeRow {
  code: string;
  billable: boolean;
  from?: string;
  to?: string;
  description?: string;
}
export interface PtpRow {
  column1: string;
  column2: string;
  modifierIndicator: '0' | '1' | '9';
  from?: string;
  to?: string;
}
export interface MueRow {
  code: string;
  units: number;
  adjudicationIndicator: '1' | '2' | '3';
  from?: string;
  to?: string;
}

export type Artifact =
  | { version: CodeSetVersion; kind: 'codes'; source: string; rows: CodeRow[] }
  | { version: CodeSetVersion; kind: 'ptp'; source: string; rows: PtpRow[] }
  | { version: CodeSetVersion; kind: 'mue'; source: string; rows: MueRow[] };

export class ArtifactError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'ArtifactError';
  }
}

export function artifactFileName(version: CodeSetVersion, compressed = true): string {
  return `${version.system}_${version.version}.codeset${compressed ? '.gz' : ''}`;
}

export function isArtifactFileName(name: string): boolean {
  return /\.codeset(\.gz)?$/.test(name);
}

const clean = (s: string | undefined) => (s ?? '').replace(/[\t\r\n]+/g, ' ').trim();

export function encodeArtifactText(artifact: Artifact): string {
  const { version } = artifact;
  const header = {
    format: ARTIFACT_FORMAT,
    formatVersion: ARTIFACT_FORMAT_VERSION,
    system: version.system,
    version: version.version,
    effectiveFrom: version.effectiveFrom,
    ...(version.effectiveTo ? { effectiveTo: version.effectiveTo } : {}),
    kind: artifact.kind,
    count: artifact.rows.length,
    source: artifact.source,
  };
  const lines: string[] = [];
  if (artifact.kind === 'codes') {
    for (const r of artifact.rows) lines.push([r.code, r.billable ? '1' : '0', r.from ?? '', r.to ?? '', clean(r.description)].join('\t'));
  } else if (artifact.kind === 'ptp') {
    for (const r of artifact.rows) lines.push([r.column1, r.column2, r.modifierIndicator, r.from ?? '', r.to ?? ''].join('\t'));
  } else {
    for (const r of artifact.rows) lines.push([r.code, String(r.units), r.adjudicationIndicator, r.from ?? '', r.to ?? ''].join('\t'));
  }
  // Sorting whole lines makes the output independent of the source file's order.
  lines.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `${JSON.stringify(header)}\n${lines.map((l) => `${l}\n`).join('')}`;
}

/** gzip with node's fixed header (mtime 0), so the same input always gives the same bytes. */
export function encodeArtifact(artifact: Artifact): Buffer {
  return gzipSync(Buffer.from(encodeArtifactText(artifact), 'utf8'), { level: 9 });
}

export function decodeArtifact(file: string, bytes: Uint8Array): Artifact {
  let text: string;
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      text = gunzipSync(bytes).toString('utf8');
    } catch {
      throw new ArtifactError(file, 'gzip data is damaged');
    }
  } else text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  const lines = text.split('\n');
  let header: Record<string, unknown>;
  try {
    header = JSON.parse(lines[0] ?? '') as Record<string, unknown>;
  } catch {
    throw new ArtifactError(file, 'line 1: header is not JSON');
  }
  if (header.format !== ARTIFACT_FORMAT || header.formatVersion !== ARTIFACT_FORMAT_VERSION) {
    throw new ArtifactError(file, `line 1: not a ${ARTIFACT_FORMAT} v${ARTIFACT_FORMAT_VERSION} artifact`);
  }
  const system = header.system as CodeSystem;
  if (!CODE_SYSTEMS.includes(system)) throw new ArtifactError(file, 'line 1: unknown code system');
  if (typeof header.version !== 'string' || typeof header.effectiveFrom !== 'string' || !isIsoDate(header.effectiveFrom)) {
    throw new ArtifactError(file, 'line 1: version and effectiveFrom are required');
  }
  if (header.effectiveTo !== undefined && (typeof header.effectiveTo !== 'string' || !isIsoDate(header.effectiveTo))) {
    throw new ArtifactError(file, 'line 1: effectiveTo is not a date');
  }
  const version: CodeSetVersion = {
    system,
    version: header.version,
    effectiveFrom: header.effectiveFrom,
    ...(typeof header.effectiveTo === 'string' ? { effectiveTo: header.effectiveTo } : {}),
  };
  const kind = kindOf(system);
  const source = typeof header.source === 'string' ? header.source : file;
  const opt = (s: string | undefined) => (s ? s : undefined);
  const bad = (n: number, what: string) => new ArtifactError(file, `line ${n}: ${what}`);
  const rowsOf = <T>(parse: (f: string[], n: number) => T): T[] => {
    const rows: T[] = [];
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i]!;
      if (line === '' || line.startsWith('#')) continue; // comments let the hand-written fixture explain itself
      rows.push(parse(line.split('\t'), i + 1));
    }
    return rows;
  };
  const withDates = <T extends object>(row: T, f: string[], at: number) => {
    const from = opt(f[at]);
    const to = opt(f[at + 1]);
    return { ...row, ...(from ? { from } : {}), ...(to ? { to } : {}) };
  };
  const artifact: Artifact =
    kind === 'codes'
      ? {
          version,
          kind,
          source,
          rows: rowsOf((f, n) => {
            if (!f[0] || (f[1] !== '1' && f[1] !== '0')) throw bad(n, 'expected code<TAB>billable(1|0)');
            const row = withDates({ code: f[0], billable: f[1] === '1' } as CodeRow, f, 2);
            return f[4] ? { ...row, description: f[4] } : row;
          }),
        }
      : kind === 'ptp'
        ? {
            version,
            kind,
            source,
            rows: rowsOf((f, n) => {
              if (!f[0] || !f[1] || (f[2] !== '0' && f[2] !== '1' && f[2] !== '9')) throw bad(n, 'expected column1<TAB>column2<TAB>indicator(0|1|9)');
              return withDates({ column1: f[0], column2: f[1], modifierIndicator: f[2] } as PtpRow, f, 3);
            }),
          }
        : {
            version,
            kind,
            source,
            rows: rowsOf((f, n) => {
              const units = Number(f[1]);
              if (!f[0] || !Number.isInteger(units) || units < 0 || (f[2] !== '1' && f[2] !== '2' && f[2] !== '3')) {
                throw bad(n, 'expected code<TAB>units<TAB>indicator(1|2|3)');
              }
              return withDates({ code: f[0], units, adjudicationIndicator: f[2] } as MueRow, f, 3);
            }),
          };
  if (typeof header.count === 'number' && header.count !== artifact.rows.length) {
    throw new ArtifactError(file, `header says ${header.count} rows, found ${artifact.rows.length}`);
  }
  return artifact;
}
