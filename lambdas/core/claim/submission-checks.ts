/**
 * Everything a claim must pass before it may be batched: the required-data
 * checks (validate.ts) plus its guide's own constraints (check837P for
 * professional claims, check837I for institutional ones), as findings. Intake runs it so a claim that could not be written is
 * rejected at the door; build-batch runs it again so a claim that slipped
 * through is held back instead of sinking its batch.
 */
import type { Finding } from '../ports.js';
import { advise837P } from '../x12/837/advise-837p.js';
import { check837P } from '../x12/837/check-837p.js';
import type { Claim837ErrorCode } from '../x12/837/write-errors.js';
import { check837I } from '../x12/837i/check-837i.js';
import type { Claim } from './model.js';
import { validateClaim } from './validate.js';

/** Guide problems validate.ts already reports under its own rule ids. */
const COVERED_BY_VALIDATE = new Set<string>([
  'TOTAL_CHARGE_MISMATCH',
  'DIAGNOSIS_POINTER_OUT_OF_RANGE',
  'SERVICE_DATE_RANGE_REVERSED',
  'FREQUENCY_NEEDS_PAYER_CLAIM_CONTROL_NUMBER',
  'NEGATIVE_CHARGE',
] satisfies Claim837ErrorCode[]);

export interface SubmissionCheckOptions {
  /**
   * Rule ids the caller runs through the scrubber (with the tenant's settings):
   * validate.ts findings with these ids are left out so they are not reported twice.
   */
  scrubbedRuleIds?: ReadonlySet<string>;
}

export function submissionFindings(claim: Claim, options: SubmissionCheckOptions = {}): Finding[] {
  const institutional = claim.claimType === 'institutional';
  const problems = institutional ? check837I(claim) : check837P(claim);
  // Rule ids name the guide that refused the claim: X837-... (837P), X837I-... (837I).
  const prefix = institutional ? 'X837I' : 'X837';
  const guideFindings: Finding[] = problems
    .filter((problem) => !COVERED_BY_VALIDATE.has(problem.code))
    .map((problem) => ({
      ruleId: `${prefix}-${problem.code.replace(/_/g, '-')}`,
      severity: 'error',
      message: problem.message,
      // A check that names the claim field path and a fix (e.g. the COB checks) is reported with them.
      ...((problem.path ?? problem.element) ? { path: problem.path ?? problem.element } : {}),
      fix: problem.fix ?? `Correct the field named; the ${institutional ? '837I' : '837P'} implementation guide does not allow it as it is.`,
    }));
  // Guide notes payers enforce although the guide's examples do not: the claim goes out, the biller is told.
  const advice: Finding[] = (institutional ? [] : advise837P(claim)).map((problem) => ({
    ruleId: `${prefix}-${problem.code.replace(/_/g, '-')}`,
    severity: 'warning',
    message: problem.message,
    ...(problem.element ? { path: problem.element } : {}),
    fix: 'Ask the practice for the ZIP+4 of this address before the payer rejects the claim.',
  }));
  // validateClaim adds exact cents and would throw on an amount beyond them; check837P has named it.
  if (problems.some((problem) => problem.code === 'AMOUNT_TOO_LARGE')) return [...guideFindings, ...advice];
  const scrubbed = options.scrubbedRuleIds;
  const required = scrubbed ? validateClaim(claim).filter((finding) => !scrubbed.has(finding.ruleId)) : validateClaim(claim);
  return [...required, ...guideFindings, ...advice];
}
