/**
 * Which claims a validation report condemns, for the batch step: a finding
 * inside a claim loop condemns that claim; one in a hierarchical level
 * (billing provider, subscriber, patient) condemns the claims beneath it;
 * one elsewhere in a transaction set, group or interchange (header,
 * envelope) condemns every claim in it, since that file cannot be sent.
 */
import type { ClaimRef, TransactionSummary, ValidationFinding, ValidationReport } from './findings.js';

export interface ClaimErrors {
  claimId: string;
  /** Position of the CLM segment. */
  position: number;
  transactionControlNumber: string;
  groupControlNumber: string;
  interchangeControlNumber: string;
  findings: ValidationFinding[];
}

export function claimsWithErrors(report: ValidationReport): ClaimErrors[] {
  const out: ClaimErrors[] = [];
  const errors = report.findings.filter((finding) => finding.severity === 'error');
  for (const transaction of report.transactions) {
    for (const claim of transaction.claims) {
      const findings = errors.filter((finding) => condemns(finding, claim, transaction, report));
      if (findings.length === 0) continue;
      out.push({
        claimId: claim.claimId,
        position: claim.position,
        transactionControlNumber: transaction.transactionControlNumber,
        groupControlNumber: transaction.groupControlNumber,
        interchangeControlNumber: transaction.interchangeControlNumber,
        findings,
      });
    }
  }
  return out;
}

/** Error findings that belong to no claim (envelope, header, files without claims). */
export function fileLevelErrors(report: ValidationReport): ValidationFinding[] {
  return report.findings.filter((finding) => finding.severity === 'error' && finding.claimId === undefined && finding.hl === undefined);
}

function condemns(finding: ValidationFinding, claim: ClaimRef, transaction: TransactionSummary, report: ValidationReport): boolean {
  const position = finding.position;
  if (position === undefined) return true;
  if (position >= transaction.start && position <= transaction.end) {
    if (finding.claimId !== undefined) return finding.claimId === claim.claimId && sameClaim(finding, claim);
    if (finding.hl !== undefined) return claim.hls.includes(finding.hl);
    return true;
  }
  const inGroup = report.groups.some((g) => g.start <= transaction.start && transaction.start <= g.end && g.start <= position && position <= g.end);
  const inInterchange = report.interchanges.some((i) => i.start <= transaction.start && transaction.start <= i.end && i.start <= position && position <= i.end);
  // Findings between transaction sets (GS, GE, ISA, IEA) hit everything they enclose.
  return (inGroup || inInterchange) && !report.transactions.some((t) => t !== transaction && t.start <= position && position <= t.end);
}

/** Two claims may share CLM01 in a bad file: the HL path tells them apart. */
function sameClaim(finding: ValidationFinding, claim: ClaimRef): boolean {
  return finding.hl === undefined || claim.hls.includes(finding.hl);
}
