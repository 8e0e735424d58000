/**
 * Reads a native JSON encounter file into canonical claims. Each claim is
 * validated on its own: one bad claim yields a problem and the others still
 * come through. Problems name the file position and the field path, never
 * the values (they may be PHI).
 */
import type { z } from 'zod';
import { Claim } from '../claim/model.js';
import type { EncounterProblem, ParsedEncounters } from './types.js';

export function parseNativeJson(text: string, tenantId: string): ParsedEncounters {
  let document: unknown;
  try {
    document = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { claims: [], problems: [{ position: jsonErrorPosition(text, error), message: 'not valid JSON' }] };
  }

  const entries = claimEntries(document);
  if (!entries) {
    return {
      claims: [],
      problems: [{ position: 'document', message: 'expected a claim object, an array of claims, or {"claims": [...]}' }],
    };
  }

  const result: ParsedEncounters = { claims: [], problems: [] };
  entries.items.forEach((item, index) => {
    const where = entries.prefix(index);
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      result.problems.push({ position: where, index, message: 'claim must be a JSON object' });
      return;
    }
    const record = item as Record<string, unknown>;
    if (record.tenantId !== undefined && record.tenantId !== tenantId) {
      result.problems.push({
        position: `${where}.tenantId`,
        index,
        claimId: typeof record.claimId === 'string' ? record.claimId : undefined,
        message: 'tenantId does not match the tenant of the object key',
      });
      return;
    }
    const parsed = Claim.safeParse({ ...record, tenantId });
    if (parsed.success) {
      result.claims.push({ claim: parsed.data, index, position: where });
    } else {
      result.problems.push(...issuesToProblems(parsed.error.issues, where, index, record));
    }
  });
  return result;
}

function claimEntries(document: unknown): { items: unknown[]; prefix: (i: number) => string } | undefined {
  if (Array.isArray(document)) return { items: document, prefix: (i) => `[${i}]` };
  if (document !== null && typeof document === 'object') {
    const claims = (document as { claims?: unknown }).claims;
    if (Array.isArray(claims)) return { items: claims, prefix: (i) => `claims[${i}]` };
    if ('claimId' in document || 'serviceLines' in document) return { items: [document], prefix: () => '$' };
  }
  return undefined;
}

function issuesToProblems(
  issues: z.core.$ZodIssue[],
  where: string,
  index: number,
  record: Record<string, unknown>,
): EncounterProblem[] {
  const claimId = typeof record.claimId === 'string' ? record.claimId : undefined;
  return issues.map((issue) => {
    const path = formatPath(issue.path);
    return {
      position: path ? `${where}.${path}` : where,
      index,
      claimId,
      path,
      message: issue.message,
    };
  });
}

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    return text ? `${text}.${String(key)}` : String(key);
  }, '');
}

/** "line 12, column 5" from a JSON.parse error (Node 20 reports a position, Node 22 line/column). */
function jsonErrorPosition(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return `line ${lineColumn[1]}, column ${lineColumn[2]}`;
  const position = /position (\d+)/.exec(message);
  if (position) {
    const offset = Number(position[1]);
    const before = text.slice(0, offset).split('\n');
    return `line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`;
  }
  return 'end of file';
}
