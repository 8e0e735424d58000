/**
 * Reads a CSV superbill (one row per service line, claims grouped by the
 * claim id column) into canonical professional claims. The header row names
 * the columns: the default layout (csv-layout.ts, docs/csv-superbill.md) or
 * the tenant's column mapping. Claim-level columns must agree on every row
 * of a claim (a blank repeats the earlier value). Each claim is validated on
 * its own; problems name "line N, column <header>", never the values.
 */
import { Claim } from '../claim/model.js';
import { CSV_FIELDS, resolveHeaders, type CsvFieldDef } from './csv-layout.js';
import { tokenizeCsv, type CsvRecord } from './csv-tokenizer.js';
import { formatPath } from './native-json.js';
import type { EncounterProblem, ParsedEncounters } from './types.js';

export interface CsvOptions {
  /** The tenant's header name → canonical field name (TenantConfig.csvMapping). */
  mapping?: Readonly<Record<string, string>>;
}

interface Column {
  index: number;
  header: string;
  field: string;
  def: CsvFieldDef;
}

interface ClaimRows {
  claimId: string;
  rows: CsvRecord[];
}

const RELATIONSHIP_WORDS: Record<string, string> = { SELF: '18', SPOUSE: '01', CHILD: '19', EMPLOYEE: '20', 'LIFE PARTNER': '53', OTHER: 'G8' };

export function parseCsvSuperbill(text: string, tenantId: string, options: CsvOptions = {}): ParsedEncounters {
  const { records, errors } = tokenizeCsv(text);
  const problems: EncounterProblem[] = errors.map((e) => ({ position: `line ${e.line}`, message: e.message }));
  const warnings: EncounterProblem[] = [];
  const [header, ...rows] = records;
  if (!header) return { claims: [], problems: [{ position: 'line 1', message: 'the file has no header row' }] };

  const columns: Column[] = [];
  const fields = resolveHeaders(header.fields, options.mapping);
  const taken = new Map<string, string>();
  header.fields.forEach((name, index) => {
    const field = fields[index];
    const def = field ? CSV_FIELDS[field] : undefined;
    if (!field || !def) {
      warnings.push({ position: `line ${header.line}, column ${name.trim() || `#${index + 1}`}`, message: 'unknown column: ignored' });
      return;
    }
    const earlier = taken.get(field);
    if (earlier !== undefined) {
      problems.push({ position: `line ${header.line}, column ${name.trim()}`, message: `maps to field ${field}, already given by column ${earlier}: ignored` });
      return;
    }
    taken.set(field, name.trim());
    columns.push({ index, header: name.trim(), field, def });
  });
  const idColumn = columns.find((c) => c.field === 'claim_id');
  if (!idColumn) return { claims: [], problems: [...problems, { position: `line ${header.line}`, message: 'no claim id column (claim_id, or a column mapped to it)' }], warnings };

  const groups = new Map<string, ClaimRows>();
  for (const row of rows) {
    if (row.fields.length !== header.fields.length) {
      problems.push({ position: `line ${row.line}`, message: `has ${row.fields.length} fields where the header has ${header.fields.length}` });
    }
    const claimId = (row.fields[idColumn.index] ?? '').trim();
    if (!claimId) {
      problems.push({ position: `line ${row.line}, column ${idColumn.header}`, message: 'the claim id is empty: the row belongs to no claim' });
      continue;
    }
    const group = groups.get(claimId) ?? { claimId, rows: [] };
    group.rows.push(row);
    groups.set(claimId, group);
  }

  if (groups.size === 0 && problems.length === 0) problems.push({ position: `line ${header.line}`, message: 'the file holds no service line rows under its header' });
  const result: ParsedEncounters = { claims: [], problems, warnings };
  [...groups.values()].forEach((group, index) => buildClaim(group, index, columns, tenantId, result));
  return result;
}

function buildClaim(group: ClaimRows, index: number, columns: Column[], tenantId: string, result: ParsedEncounters): void {
  const firstLine = group.rows[0]?.line ?? 1;
  const problems: EncounterProblem[] = [];
  const problem = (line: number, column: string, message: string, path?: string) =>
    problems.push({ position: `line ${line}, column ${column}`, index, claimId: group.claimId, path, message });

  const draft: Record<string, unknown> = {};
  /** Which line and column each claim-level value came from, for disagreement and validation messages. */
  const origin = new Map<string, { line: number; column: Column }>();
  for (const column of columns.filter((c) => c.def.level === 'claim')) {
    let seen: { line: number; value: string } | undefined;
    for (const row of group.rows) {
      const value = (row.fields[column.index] ?? '').trim();
      if (!value) continue;
      if (!seen) {
        seen = { line: row.line, value };
      } else if (normalise(column.def, value) !== normalise(column.def, seen.value)) {
        problem(row.line, column.header, `differs from line ${seen.line} of the same claim (claim-level columns must agree on every row of a claim)`);
      }
    }
    if (!seen) continue;
    const path = column.def.path;
    origin.set(formatPath(path), { line: seen.line, column });
    if (column.def.kind === 'pointers') continue;
    setPath(draft, path, convert(column.def, seen.value));
  }

  const lineColumns = columns.filter((c) => c.def.level === 'line');
  draft.serviceLines = group.rows.map((row) => {
    const line: Record<string, unknown> = {};
    for (const column of lineColumns) {
      const value = (row.fields[column.index] ?? '').trim();
      if (!value) continue;
      if (column.def.kind === 'pointers') {
        const pointers = readPointers(value);
        if (pointers) line.diagnosisPointers = pointers;
        else problem(row.line, column.header, 'diagnosis pointers must be numbers 1-12 or letters A-L, separated by commas or spaces');
        continue;
      }
      setPath(line, column.def.path, convert(column.def, value));
    }
    if (Array.isArray(line.modifiers)) line.modifiers = line.modifiers.filter((m) => m !== undefined);
    return line;
  });

  compactDiagnoses(draft, origin, (line, column, message) => problem(line, column, message));
  settleParties(draft);
  if (problems.length > 0) {
    result.problems.push(...problems);
    return;
  }

  const parsed = Claim.safeParse({ ...draft, tenantId, claimType: 'professional' });
  if (parsed.success) {
    const locate = (path: string) => locateIssue(pathKeys(path), group, columns, origin, firstLine);
    result.claims.push({ claim: parsed.data, index, position: `line ${firstLine}`, locate });
    return;
  }
  for (const issue of parsed.error.issues) {
    const where = locateIssue(issue.path, group, columns, origin, firstLine);
    result.problems.push({ position: where, index, claimId: group.claimId, path: formatPath(issue.path), message: issue.message });
  }
}

/** "line N, column <header>" for a validation issue: the row and column its value came from. */
function locateIssue(
  issuePath: ReadonlyArray<PropertyKey>,
  group: ClaimRows,
  columns: Column[],
  origin: Map<string, { line: number; column: Column }>,
  firstLine: number,
): string {
  const [head, lineIndex, ...rest] = issuePath;
  if (head === 'serviceLines' && typeof lineIndex === 'number') {
    const line = group.rows[lineIndex]?.line ?? firstLine;
    const column = bestColumn(columns.filter((c) => c.def.level === 'line'), rest);
    return `line ${line}, column ${column?.header ?? `${fieldFor('line', rest) ?? formatPath(rest)} (missing)`}`;
  }
  for (let length = issuePath.length; length > 0; length--) {
    const found = origin.get(formatPath(issuePath.slice(0, length)));
    if (found) return `line ${found.line}, column ${found.column.header}`;
  }
  return `line ${firstLine}, column ${fieldFor('claim', issuePath) ?? formatPath(issuePath)} (missing)`;
}

/** "serviceLines[1].charge" → ['serviceLines', 1, 'charge'] (the finding paths of the submission checks). */
function pathKeys(path: string): Array<string | number> {
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]!));
}

function bestColumn(columns: Column[], path: ReadonlyArray<PropertyKey>): Column | undefined {
  const startsWith = (a: ReadonlyArray<PropertyKey>, b: ReadonlyArray<PropertyKey>) => b.every((key, i) => a[i] === key);
  return columns.find((c) => path.length > 0 && (startsWith(path, c.def.path) || startsWith(c.def.path, path)));
}

/** The default field name that feeds a path, to name a column the file lacks. */
function fieldFor(level: 'claim' | 'line', path: ReadonlyArray<PropertyKey>): string | undefined {
  const target = formatPath(path);
  const entry = Object.entries(CSV_FIELDS).find(([, def]) => def.level === level && formatPath(def.path).startsWith(target));
  return entry?.[0];
}

function normalise(def: CsvFieldDef, value: string): string {
  const converted = convert(def, value);
  return typeof converted === 'string' ? converted : JSON.stringify(converted);
}

function convert(def: CsvFieldDef, raw: string): unknown {
  const value = raw.trim();
  switch (def.kind) {
    case 'upper':
      return value.toUpperCase();
    case 'date': {
      // US superbill exports write MM/DD/YYYY; the model wants YYYY-MM-DD.
      const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
      return us ? `${us[3]}-${us[1]!.padStart(2, '0')}-${us[2]!.padStart(2, '0')}` : value;
    }
    case 'money':
      return value.replace(/^\$/, '').replace(/,/g, '');
    case 'zip':
    case 'digits':
      return value.replace(/[-\s]/g, '');
    default:
      return value;
  }
}

function readPointers(value: string): number[] | undefined {
  const tokens = /^[A-La-l]+$/.test(value) ? value.split('') : value.split(/[\s,;:]+/).filter(Boolean);
  const pointers = tokens.map((t) => (/^[A-La-l]$/.test(t) ? t.toUpperCase().charCodeAt(0) - 64 : /^\d{1,2}$/.test(t) ? Number(t) : NaN));
  return pointers.every((p) => p >= 1 && p <= 12) ? pointers : undefined;
}

/** dx1..dx12 must be filled from dx1 without gaps: a pointer means "the Nth dx column". */
function compactDiagnoses(
  draft: Record<string, unknown>,
  origin: Map<string, { line: number; column: Column }>,
  problem: (line: number, column: string, message: string) => void,
): void {
  const dx = Array.isArray(draft.diagnoses) ? (draft.diagnoses as unknown[]) : [];
  for (let i = 0; i < dx.length; i++) {
    if (dx[i] !== undefined) continue;
    const later = origin.get(`diagnoses[${dx.findIndex((d, j) => j > i && d !== undefined)}].code`);
    if (later) problem(later.line, later.column.header, `a diagnosis column follows an empty one (dx${i + 1}): fill the diagnosis columns from dx1 without gaps`);
  }
}

/**
 * Without a relationship (or "self"/18) the patient is the subscriber: the
 * patient_* columns then complete the subscriber instead of forming a 2000C patient.
 */
function settleParties(draft: Record<string, unknown>): void {
  const patient = draft.patient as Record<string, unknown> | undefined;
  if (patient) {
    const word = typeof patient.relationship === 'string' ? patient.relationship : undefined;
    const relationship = word ? (RELATIONSHIP_WORDS[word] ?? word) : '18';
    if (relationship === '18') {
      const { relationship: _r, ...rest } = patient;
      const subscriber = (draft.subscriber ?? {}) as Record<string, unknown>;
      draft.subscriber = { ...rest, ...subscriber };
      delete draft.patient;
    } else {
      patient.relationship = relationship;
    }
  }
  const billing = draft.billingProvider as Record<string, unknown> | undefined;
  if (billing && billing.entity === undefined) billing.entity = billing.firstName ? 'person' : 'organization';
  for (const role of ['renderingProvider', 'referringProvider'] as const) {
    const provider = draft[role] as Record<string, unknown> | undefined;
    if (provider && provider.entity === undefined) provider.entity = 'person';
  }
}

function setPath(target: Record<string, unknown>, path: ReadonlyArray<string | number>, value: unknown): void {
  let node: Record<string | number, unknown> = target;
  path.forEach((key, i) => {
    if (i === path.length - 1) {
      node[key] = value;
      return;
    }
    const next = path[i + 1];
    if (node[key] === undefined) node[key] = typeof next === 'number' ? [] : {};
    node = node[key] as Record<string | number, unknown>;
  });
}
