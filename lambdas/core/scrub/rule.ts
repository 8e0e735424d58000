/**
 * The scrubber's rule contract. A rule is a plain function over the
 * canonical claim and the code sets; it yields hits, and the engine turns
 * them into findings with the rule's id, its (configurable) severity, the
 * claim/line pointer and the code-set version used. One rule, or one small
 * family, per file under ./rules/, each with its own tests.
 *
 * Messages name fields and rules, never PHI values (names, member ids,
 * birth dates). Codes (ICD-10, CPT, modifiers) are not PHI and may be named.
 */
import type { Claim } from '../claim/model.js';
import type { CodeSets, CodeSetVersion } from '../codesets/lookup.js';
import type { Finding } from '../ports.js';

export type Severity = 'error' | 'warning';

/** The families the issue names; a rule belongs to one. */
export type RuleFamily = 'diagnosis' | 'procedure' | 'modifier' | 'ncci' | 'mue' | 'party' | 'arithmetic' | 'date' | 'institutional';

export interface RuleContext {
  claim: Claim;
  codeSets: CodeSets;
  /** Today's date (YYYY-MM-DD) in the tenant's zone: dates of service may not be after it. */
  today: string;
}

/** One thing a rule found. `path` is a JSON path in the claim ("serviceLines[1].modifiers[0]"). */
export interface RuleHit {
  message: string;
  path?: string;
  /** Overrides the rule's severity for this hit (e.g. a "not verified" warning when a code set is not loaded). */
  severity?: Severity;
  fix?: string;
  /** The code-set version the decision used. */
  codeSetVersion?: CodeSetVersion;
}

export interface Rule {
  /** Stable id, e.g. "DX-BILLABLE". */
  id: string;
  family: RuleFamily;
  defaultSeverity: Severity;
  /** One line for docs and `claimflow scrub --rules`. */
  description: string;
  /** The fix suggested when a hit gives none. */
  fix: string;
  check(ctx: RuleContext): RuleHit[];
}

/** A finding of the scrubber: a Finding plus where it came from. */
export interface ScrubFinding extends Finding {
  family: RuleFamily;
  claimId: string;
  /** "ICD-10-CM FY2026", when a code set decided it. */
  codesetVersion?: string;
}

/** Per-tenant (and per-payer, which wins) rule configuration. */
export interface RuleSettings {
  /** Rule ids switched off. */
  disabled?: string[];
  /** Rule id -> severity. */
  severity?: Record<string, Severity>;
}

/** "ICD-10-CM FY2026" */
export function versionLabel(version: CodeSetVersion): string {
  return `${version.system} ${version.version}`;
}

/** The 1-based line number a path such as "serviceLines[2].charge" points into. */
export function lineOf(path: string | undefined): number | undefined {
  const match = path === undefined ? null : /^serviceLines\[(\d+)\]/.exec(path);
  return match ? Number(match[1]) + 1 : undefined;
}
