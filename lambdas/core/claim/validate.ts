/**
 * The required-data checks every claim passes before it may be written:
 * arithmetic, line dates, frequency 7/8 and NPI check digits. They are the
 * code-set-free scrubber rules with these ids (lambdas/core/scrub/rules/);
 * validateClaim runs just those, so intake and build-batch keep one source
 * of truth with the scrubber. Findings never repeat PHI values.
 */
import type { Claim } from './model.js';
import type { Finding } from '../ports.js';
import { sumCents, toCents } from '../money.js';
import { InMemoryCodeSets } from '../codesets/store.js';
import { scrubClaim } from '../scrub/engine.js';
import type { Rule } from '../scrub/rule.js';
import { claimTotalCharge, lineChargePositive } from '../scrub/rules/arithmetic/charges.js';
import { lineDiagnosisPointers } from '../scrub/rules/arithmetic/diagnosis-pointers.js';
import { claimFrequencyF8 } from '../scrub/rules/arithmetic/frequency.js';
import { lineDateRange } from '../scrub/rules/date/line-range.js';
import { npiCheckDigit } from '../scrub/rules/party/npi.js';

/** The rules validateClaim runs, in the order their findings are reported. None reads a code set or today's date. */
export const REQUIRED_DATA_RULES: readonly Rule[] = [lineChargePositive, claimTotalCharge, lineDiagnosisPointers, lineDateRange, claimFrequencyF8, npiCheckDigit];

const NO_CODE_SETS = new InMemoryCodeSets();

export function validateClaim(claim: Claim): Finding[] {
  // `today` is unused by these rules; the engine needs one.
  const findings = scrubClaim(claim, { rules: REQUIRED_DATA_RULES, codeSets: NO_CODE_SETS, today: new Date().toISOString().slice(0, 10) });
  return findings.map(({ ruleId, severity, message, path, line, fix }) => ({
    ruleId,
    severity,
    message,
    ...(path !== undefined ? { path } : {}),
    ...(line !== undefined ? { line } : {}),
    ...(fix !== undefined ? { fix } : {}),
  }));
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((finding) => finding.severity === 'error');
}

/** CLM02: the claim total, always the sum of the lines. */
export function claimTotalCents(claim: Claim): number {
  return sumCents(claim.serviceLines.map((line) => toCents(line.charge)));
}
