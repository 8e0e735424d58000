/**
 * Scrubs the claims of one parsed encounter file: the engine over each claim
 * with the tenant's scrubber settings (and the claim payer's, which win), and
 * a pointer per finding that names the claim, the line and, where the parser
 * knows it, where the field came from (X12 segment/loop/element, CSV line and
 * column, FHIR path).
 */
import { submissionFindings } from '../claim/submission-checks.js';
import type { CodeSets } from '../codesets/lookup.js';
import type { ParsedClaim } from '../encounters/types.js';
import type { Finding } from '../ports.js';
import type { TenantConfig } from '../tenant/config.js';
import { scrubClaim } from './engine.js';
import type { Rule, RuleFamily, RuleSettings, ScrubFinding } from './rule.js';
import { ALL_RULES } from './rules/index.js';

export type ScrubberSettings = NonNullable<TenantConfig['scrubber']>;

export interface ScrubClaimsOptions {
  codeSets: CodeSets;
  /** YYYY-MM-DD in the tenant's zone (see todayIn). */
  today: string;
  settings?: ScrubberSettings;
  /** Default: ALL_RULES. */
  rules?: readonly Rule[];
}

/** A scrub finding with where it points: "claim X, line 2, segment 42 (SV1), loop 2400, element SV102". */
export interface LocatedFinding extends ScrubFinding {
  pointer: string;
}

/** Any finding on a parsed claim (guide check or scrubber rule), with its claim and pointer. */
export interface ClaimFinding extends Finding {
  claimId: string;
  pointer: string;
  /** Scrubber rules only. */
  family?: RuleFamily;
  codesetVersion?: string;
}

/** The tenant-wide and the payer's settings for one payer id. */
export function settingsFor(settings: ScrubberSettings | undefined, payerId: string): { tenant?: RuleSettings; payer?: RuleSettings } {
  if (!settings) return {};
  const { payers, ...tenant } = settings;
  const payer = payers?.[payerId];
  return { tenant, ...(payer ? { payer } : {}) };
}

export function scrubParsedClaim(parsed: ParsedClaim, options: ScrubClaimsOptions): LocatedFinding[] {
  const { claim } = parsed;
  const findings = scrubClaim(claim, {
    rules: guarded(options.rules ?? ALL_RULES),
    codeSets: options.codeSets,
    today: options.today,
    ...settingsFor(options.settings, claim.payer.payerId),
  });
  return findings.map((finding) => ({ ...finding, pointer: pointerOf(parsed, finding) }));
}

/**
 * Everything intake decides a claim on: the guide checks and required-data
 * checks (submission-checks.ts) plus the scrubber. A validate.ts check that is
 * also a scrubber rule is reported once, by the scrubber, with the tenant's settings.
 */
export function checkParsedClaim(parsed: ParsedClaim, options: ScrubClaimsOptions): ClaimFinding[] {
  const rules = options.rules ?? ALL_RULES;
  const scrubbed = new Set(rules.map((rule) => rule.id));
  const guide: ClaimFinding[] = submissionFindings(parsed.claim, { scrubbedRuleIds: scrubbed }).map((finding) => ({
    ...finding,
    claimId: parsed.claim.claimId,
    pointer: pointerOf(parsed, finding),
  }));
  return [...guide, ...scrubParsedClaim(parsed, { ...options, rules })];
}

export function scrubClaims(claims: readonly ParsedClaim[], options: ScrubClaimsOptions): LocatedFinding[] {
  return claims.flatMap((parsed) => scrubParsedClaim(parsed, options));
}

const guardedLists = new WeakMap<readonly Rule[], readonly Rule[]>();

/**
 * The rules, each made unable to abort the scrub: a rule that throws on a
 * claim (say, an amount beyond exact cents) answers a "could not be checked"
 * warning under its own id instead of silence or a failed intake.
 */
function guarded(rules: readonly Rule[]): readonly Rule[] {
  let list = guardedLists.get(rules);
  if (!list) {
    list = rules.map((rule) => ({
      ...rule,
      check: (ctx) => {
        try {
          return rule.check(ctx);
        } catch (error) {
          const kind = error instanceof Error ? error.name : 'error';
          return [{ message: `the claim could not be checked by this rule (${kind}); not verified`, severity: 'warning' as const }];
        }
      },
    }));
    guardedLists.set(rules, list);
  }
  return list;
}

/** Where a finding of a parsed claim points: claim id, line, and the source location of its field. */
export function pointerOf(parsed: ParsedClaim, finding: { path?: string; line?: number }): string {
  const parts = [`claim ${parsed.claim.claimId}`];
  if (finding.line !== undefined) parts.push(`line ${finding.line}`);
  if (finding.path !== undefined) parts.push(parsed.locate ? parsed.locate(finding.path) : `${parsed.position}.${finding.path}`);
  else parts.push(parsed.position);
  return parts.join(', ');
}

/** Today's date (YYYY-MM-DD) in a time zone: dates of service are compared with the tenant's day, not UTC's. */
export function todayIn(now: Date, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  } catch {
    return now.toISOString().slice(0, 10); // an unknown zone: UTC rather than no check at all
  }
}
