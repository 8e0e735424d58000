/**
 * Runs the rules over a claim and applies the tenant's and the payer's
 * settings: a disabled rule does not run, a configured severity replaces the
 * rule's default (a hit's own severity, e.g. "not verified", is kept only
 * when it is milder). The rule list is data: see ./rules/index.ts.
 */
import type { Claim } from '../claim/model.js';
import type { CodeSets } from '../codesets/lookup.js';
import { lineOf, versionLabel, type Rule, type RuleSettings, type ScrubFinding, type Severity } from './rule.js';

export interface ScrubOptions {
  rules: readonly Rule[];
  codeSets: CodeSets;
  today: string;
  tenant?: RuleSettings;
  /** Settings of the claim's payer (by payer id); they win over the tenant's. */
  payer?: RuleSettings;
}

export function scrubClaim(claim: Claim, options: ScrubOptions): ScrubFinding[] {
  const findings: ScrubFinding[] = [];
  for (const rule of options.rules) {
    if (isDisabled(rule.id, options)) continue;
    const configured = options.payer?.severity?.[rule.id] ?? options.tenant?.severity?.[rule.id] ?? rule.defaultSeverity;
    for (const hit of rule.check({ claim, codeSets: options.codeSets, today: options.today })) {
      const severity: Severity = hit.severity === 'warning' ? 'warning' : configured;
      const line = lineOf(hit.path);
      findings.push({
        ruleId: rule.id,
        family: rule.family,
        severity,
        claimId: claim.claimId,
        message: hit.message,
        ...(hit.path !== undefined ? { path: hit.path } : {}),
        ...(line !== undefined ? { line } : {}),
        fix: hit.fix ?? rule.fix,
        ...(hit.codeSetVersion ? { codesetVersion: versionLabel(hit.codeSetVersion) } : {}),
      });
    }
  }
  return findings;
}

function isDisabled(ruleId: string, options: ScrubOptions): boolean {
  return (options.tenant?.disabled ?? []).includes(ruleId) || (options.payer?.disabled ?? []).includes(ruleId);
}
