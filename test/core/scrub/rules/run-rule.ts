/** Runs one rule through the scrub engine over a parsed claim input, for the family rule tests. */
import { Claim, type ClaimInput } from '../../../../lambdas/core/claim/model.js';
import type { Artifact } from '../../../../lambdas/core/codesets/artifact.js';
import type { CodeSets, CodeSetVersion } from '../../../../lambdas/core/codesets/lookup.js';
import { InMemoryCodeSets } from '../../../../lambdas/core/codesets/store.js';
import { scrubClaim } from '../../../../lambdas/core/scrub/engine.js';
import type { Rule, ScrubFinding } from '../../../../lambdas/core/scrub/rule.js';

export function runRule(rule: Rule, input: ClaimInput, options: { codeSets?: CodeSets; today?: string } = {}): ScrubFinding[] {
  return scrubClaim(Claim.parse(input), { rules: [rule], codeSets: options.codeSets ?? new InMemoryCodeSets(), today: options.today ?? '2026-06-30' });
}

export const version = (system: CodeSetVersion['system'], label: string, effectiveFrom: string, effectiveTo?: string): CodeSetVersion => ({
  system,
  version: label,
  effectiveFrom,
  ...(effectiveTo ? { effectiveTo } : {}),
});

export const codeSets = (...artifacts: Artifact[]) => new InMemoryCodeSets(artifacts);
