/**
 * `claimflow scrub <files…> [--json] [--codesets <dir>] [--tenant <tenant.json>]`:
 * any supported intake format (detected by content) -> the findings intake
 * would decide on: guide checks plus the scrubber rules, with the tenant's
 * rule settings. Exit 0 when no error-level finding, 1 otherwise, 2 on usage.
 *
 * Code sets: --codesets <dir>, else `codesets/local` when it exists (what
 * `claimflow codesets import` writes), else none: code-set rules then answer
 * "not verified" warnings. The hand-written test fixture is never a default:
 * it would make valid real codes look unknown.
 */
import { existsSync } from 'node:fs';
import type { CodeSets } from '../../lambdas/core/codesets/lookup.js';
import { InMemoryCodeSets } from '../../lambdas/core/codesets/store.js';
import { parseEncounterFile } from '../../lambdas/core/encounters/parse-encounter-file.js';
import type { RuleFamily } from '../../lambdas/core/scrub/rule.js';
import { checkParsedClaim, todayIn } from '../../lambdas/core/scrub/scrub-claims.js';
import { loadCodeSetsFromDir } from './codeset-dir.js';
import { DEFAULT_CODESETS_DIR } from './codesets.js';
import { CliInputError } from './errors.js';
import { loadTenant, readText } from './files.js';

export interface ScrubOptions {
  json?: boolean;
  codesets?: string;
  tenant?: string;
}

/** One line of `--json` output. */
export interface ScrubOutputFinding {
  file: string;
  /** null for a parse problem that names no claim. */
  claimId: string | null;
  line?: number;
  ruleId: string;
  /** The scrubber rule's family (diagnosis, procedure, …); null for guide checks and parse problems. */
  family: RuleFamily | null;
  severity: 'error' | 'warning';
  message: string;
  pointer: string;
  /** "ICD-10-CM FY2026" when a code set decided it; null otherwise. */
  codesetVersion: string | null;
}

export async function scrubCommand(files: string[], options: ScrubOptions, stdout: NodeJS.WritableStream, now = new Date()): Promise<void> {
  const tenant = await loadTenant(options.tenant);
  const codeSets = await codeSetsFor(options.codesets);
  const today = todayIn(now, tenant.schedule.timezone);
  const findings: ScrubOutputFinding[] = [];
  const claimsByFile: Array<{ file: string; claimIds: string[] }> = [];
  for (const file of files) {
    const text = await readText(file);
    const tenantId = options.tenant ? tenant.tenantId : (ownTenantId(text) ?? tenant.tenantId);
    const parsed = parseEncounterFile(text, tenantId, { csvMapping: tenant.csvMapping, defaultBillingProvider: tenant.defaultBillingProvider });
    const parseFinding = (severity: 'error' | 'warning') => (problem: { position: string; claimId?: string; message: string }) =>
      findings.push({ file, claimId: problem.claimId ?? null, ruleId: 'PARSE', family: null, severity, message: problem.message, pointer: problem.position, codesetVersion: null });
    parsed.problems.forEach(parseFinding('error'));
    (parsed.warnings ?? []).forEach(parseFinding('warning'));
    for (const parsedClaim of parsed.claims) {
      for (const f of checkParsedClaim(parsedClaim, { codeSets, today, settings: tenant.scrubber })) {
        findings.push({
          file,
          claimId: f.claimId,
          ...(f.line !== undefined ? { line: f.line } : {}),
          ruleId: f.ruleId,
          family: f.family ?? null,
          severity: f.severity,
          message: f.message,
          pointer: f.pointer,
          codesetVersion: f.codesetVersion ?? null,
        });
      }
    }
    claimsByFile.push({ file, claimIds: parsed.claims.map((c) => c.claim.claimId) });
  }

  if (options.json) stdout.write(`${JSON.stringify(findings, null, 2)}\n`);
  else stdout.write(formatTables(findings, claimsByFile));

  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length > 0) {
    const perFile = new Map<string, number>();
    for (const f of errors) perFile.set(f.file, (perFile.get(f.file) ?? 0) + 1);
    throw new CliInputError([...perFile].map(([file, count]) => ({ file, problem: `${count} error-level finding(s)` })));
  }
}

/**
 * Without --tenant there is no tenant to hold the claims to: native JSON
 * claims that name one tenant are scrubbed as that tenant's (intake takes the
 * tenant from the object key and refuses a mismatch; here there is no key).
 */
function ownTenantId(text: string): string | undefined {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    return undefined;
  }
  const records = isRecord(document) && Array.isArray(document.claims) ? (document.claims as unknown[]) : [document];
  const ids = new Set(records.filter(isRecord).map((r) => r.tenantId).filter((id): id is string => typeof id === 'string'));
  return ids.size === 1 ? [...ids][0] : undefined;
}

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

async function codeSetsFor(dir: string | undefined): Promise<CodeSets> {
  if (dir !== undefined) return loadCodeSetsFromDir(dir);
  if (existsSync(DEFAULT_CODESETS_DIR)) return loadCodeSetsFromDir(DEFAULT_CODESETS_DIR);
  return new InMemoryCodeSets();
}

/** A table per claim (and one for a file's parse problems), then a summary line. */
export function formatTables(findings: ScrubOutputFinding[], claimsByFile: Array<{ file: string; claimIds: string[] }>): string {
  const out: string[] = [];
  for (const { file, claimIds } of claimsByFile) {
    const inFile = findings.filter((f) => f.file === file);
    const unclaimed = inFile.filter((f) => f.claimId === null || !claimIds.includes(f.claimId));
    if (unclaimed.length > 0) out.push(`${file}: not read as claims`, ...table(unclaimed), '');
    for (const claimId of claimIds) {
      const own = inFile.filter((f) => f.claimId === claimId);
      const errors = own.filter((f) => f.severity === 'error').length;
      out.push(`${file}: claim ${claimId}: ${errors === 0 ? 'passes' : 'REJECTED'} (${errors} error(s), ${own.length - errors} warning(s))`);
      if (own.length > 0) out.push(...table(own));
      out.push('');
    }
  }
  const errors = findings.filter((f) => f.severity === 'error').length;
  out.push(`${errors} error(s), ${findings.length - errors} warning(s) in ${claimsByFile.length} file(s)`);
  return `${out.join('\n')}\n`;
}

function table(findings: ScrubOutputFinding[]): string[] {
  const rows = findings.map((f) => [f.severity, f.ruleId, f.line === undefined ? '' : String(f.line), f.message, f.pointer, f.codesetVersion ?? '']);
  const header = ['severity', 'rule', 'line', 'message', 'where', 'code set'];
  const widths = header.map((h, i) => Math.min(60, Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length))));
  const format = (cells: string[]) => `  ${cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join('  ')}`.trimEnd();
  return [format(header), format(widths.map((w) => '-'.repeat(w))), ...rows.map(format)];
}
