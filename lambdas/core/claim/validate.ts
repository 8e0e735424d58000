/**
 * Required-data checks that go beyond the schema: arithmetic, cross-field
 * consistency and identifiers. This is the seam the scrubber grows from: each
 * check yields Findings with a stable rule id and never repeats PHI values.
 */
import { lineServiceDate } from './service-dates.js';
import type { Claim } from './model.js';
import type { Finding } from '../ports.js';
import { fromCents, sumCents, toCents } from '../money.js';
import { isValidNpi } from './npi.js';

type Check = (claim: Claim) => Finding[];

const totalCharge: Check = (claim) => {
  const lines = sumCents(claim.serviceLines.map((line) => toCents(line.charge)));
  const findings: Finding[] = [];
  claim.serviceLines.forEach((line, index) => {
    if (toCents(line.charge) <= 0) {
      findings.push({
        ruleId: 'LINE-CHARGE-POSITIVE',
        severity: 'error',
        message: 'line charge must be greater than zero',
        path: `serviceLines[${index}].charge`,
        line: index + 1,
        fix: 'Enter the billed amount for the service.',
      });
    }
  });
  if (claim.totalCharge !== undefined && toCents(claim.totalCharge) !== lines) {
    findings.push({
      ruleId: 'CLAIM-TOTAL-CHARGE',
      severity: 'error',
      message: `totalCharge does not equal the sum of the line charges (${fromCents(lines)})`,
      path: 'totalCharge',
      fix: 'Correct the total or the line charges; or omit totalCharge to have it computed.',
    });
  }
  return findings;
};

const diagnosisPointers: Check = (claim) =>
  claim.serviceLines.flatMap((line, index) =>
    line.diagnosisPointers
      .filter((pointer) => pointer > claim.diagnoses.length)
      .map((pointer) => ({
        ruleId: 'LINE-DX-POINTER',
        severity: 'error' as const,
        message: `diagnosis pointer ${pointer} points past the ${claim.diagnoses.length} diagnoses on the claim`,
        path: `serviceLines[${index}].diagnosisPointers`,
        line: index + 1,
        fix: 'Point to a diagnosis listed on the claim (1 = first diagnosis).',
      })),
  );

const serviceDates: Check = (claim) =>
  claim.serviceLines.flatMap((line, index) =>
    line.serviceDateEnd !== undefined && line.serviceDateEnd < lineServiceDate(claim, line)
      ? [
          {
            ruleId: 'LINE-DATE-RANGE',
            severity: 'error' as const,
            message: 'serviceDateEnd is before serviceDate',
            path: `serviceLines[${index}].serviceDateEnd`,
            line: index + 1,
            fix: 'Swap or correct the dates of service.',
          },
        ]
      : [],
  );

const frequency: Check = (claim) =>
  (claim.frequencyCode === '7' || claim.frequencyCode === '8') && !claim.payerClaimControlNumber
    ? [
        {
          ruleId: 'CLAIM-FREQUENCY-F8',
          severity: 'error',
          message: `frequency code ${claim.frequencyCode} needs payerClaimControlNumber (REF*F8)`,
          path: 'payerClaimControlNumber',
          fix: "Enter the payer's claim control number of the original claim (835 CLP07).",
        },
      ]
    : [];

const npis: Check = (claim) => {
  const providers: Array<[string, string | undefined]> = [
    ['billingProvider.npi', claim.billingProvider.npi],
    ['renderingProvider.npi', claim.renderingProvider?.npi],
    ['referringProvider.npi', claim.referringProvider?.npi],
  ];
  return providers
    .filter(([, npi]) => npi !== undefined && !isValidNpi(npi))
    .map(([path]) => ({
      ruleId: 'NPI-CHECK-DIGIT',
      severity: 'error' as const,
      message: `${path} fails the NPI check digit`,
      path,
      fix: 'Re-enter the NPI from NPPES; a typo changes the check digit.',
    }));
};

const CHECKS: Check[] = [totalCharge, diagnosisPointers, serviceDates, frequency, npis];

export function validateClaim(claim: Claim): Finding[] {
  return CHECKS.flatMap((check) => check(claim));
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((finding) => finding.severity === 'error');
}

/** CLM02: the claim total, always the sum of the lines. */
export function claimTotalCents(claim: Claim): number {
  return sumCents(claim.serviceLines.map((line) => toCents(line.charge)));
}
