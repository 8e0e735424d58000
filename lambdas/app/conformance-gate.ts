/**
 * The conformance gate of build-batch: every 837 file is run through the
 * implementation-guide validator before it is written. Errors that name a
 * claim (CLM01) send that claim back to rejected with the finding; the file is
 * rebuilt without it. Errors that name no claim (envelope, BHT, 1000A/B: the
 * tenant's or receiver's configuration) cannot be fixed by dropping claims,
 * so the run stops there and writes nothing.
 */
import type { Finding } from '../core/ports.js';
import { claimsWithErrors, fileLevelErrors, validateX12, type ValidationFinding } from '../core/x12/validate/index.js';

/** One validator finding, as the gate needs it. */
export interface ConformanceFinding {
  /** Stable code of the rule that failed; becomes the claim finding's ruleId. */
  code: string;
  severity: 'error' | 'warning';
  /** Names the segment/element, never the value. */
  message: string;
  /** CLM01 of the claim the finding is about, when it is about one. */
  claimId?: string;
  /** GS06 and ST02 of the transaction set it is in. */
  groupControlNumber?: string;
  transactionControlNumber?: string;
  /** 1-based segment position in the file (ISA is 1). */
  position?: number;
  segmentId?: string;
  loop?: string;
  /** e.g. "NM109". */
  element?: string;
}

/** The validator as build-batch sees it: interchange text in, findings out. */
export type ConformanceCheck = (text: string) => ConformanceFinding[];

/**
 * The implementation-guide validator (core/x12/validate) as the gate's check.
 * An error inside a claim loop names that claim; one in a billing provider,
 * subscriber or patient level names every claim beneath it (their data is
 * written there); an error anywhere else (envelope, BHT, 1000A/B) names none.
 */
export const guideConformance: ConformanceCheck = (text) => {
  const report = validateX12(text);
  const out: ConformanceFinding[] = [];
  for (const claim of claimsWithErrors(report)) {
    for (const finding of claim.findings) {
      if (finding.claimId !== undefined || finding.hl !== undefined) out.push(fromValidator(finding, claim.claimId));
    }
  }
  for (const finding of fileLevelErrors(report)) out.push(fromValidator(finding, undefined));
  return out;
};

function fromValidator(finding: ValidationFinding, claimId: string | undefined): ConformanceFinding {
  const out: ConformanceFinding = { code: finding.code, severity: finding.severity, message: finding.message };
  if (claimId !== undefined) out.claimId = claimId;
  if (finding.groupControlNumber !== undefined) out.groupControlNumber = finding.groupControlNumber;
  if (finding.transactionControlNumber !== undefined) out.transactionControlNumber = finding.transactionControlNumber;
  if (finding.position !== undefined) out.position = finding.position;
  if (finding.segmentId !== undefined) out.segmentId = finding.segmentId;
  if (finding.loopId !== undefined) out.loop = finding.loopId;
  if (finding.element !== undefined) out.element = finding.element;
  return out;
}

export class NonConformantInterchangeError extends Error {
  readonly code = 'NON_CONFORMANT_INTERCHANGE';
  constructor(
    readonly tenantId: string,
    readonly receiverId: string,
    readonly findings: ConformanceFinding[],
  ) {
    super(
      `the 837 for receiver ${receiverId} fails the implementation guide outside any claim (${findings.length} error(s), first: ${findings[0]?.code ?? '?'} ${where(findings[0])}); nothing was written`,
    );
    this.name = 'NonConformantInterchangeError';
  }
}

export interface GateVerdict {
  /** Claim id -> its findings, for the claims to send back to rejected. */
  rejected: Map<string, Finding[]>;
  /** Errors that name no claim of the file. */
  unattributed: ConformanceFinding[];
}

/** Sorts the validator's errors (warnings do not block a file) by the claim they concern. */
export function judge(findings: ConformanceFinding[], claimIdsInFile: ReadonlySet<string>): GateVerdict {
  const rejected = new Map<string, Finding[]>();
  const unattributed: ConformanceFinding[] = [];
  for (const finding of findings) {
    if (finding.severity !== 'error') continue;
    if (finding.claimId === undefined || !claimIdsInFile.has(finding.claimId)) {
      unattributed.push(finding);
      continue;
    }
    const list = rejected.get(finding.claimId) ?? [];
    list.push(toClaimFinding(finding));
    rejected.set(finding.claimId, list);
  }
  return { rejected, unattributed };
}

export function toClaimFinding(finding: ConformanceFinding): Finding {
  return {
    ruleId: finding.code,
    severity: 'error',
    message: `${finding.message} (${where(finding)})`,
    ...(finding.element ? { path: finding.element } : {}),
    fix: 'The written 837 failed the implementation guide here; correct the claim field behind it and resubmit.',
  };
}

function where(finding: ConformanceFinding | undefined): string {
  if (!finding) return '';
  const parts = [
    finding.position !== undefined ? `segment ${finding.position}` : undefined,
    finding.segmentId,
    finding.loop ? `loop ${finding.loop}` : undefined,
    finding.element,
    finding.groupControlNumber ? `GS06 ${finding.groupControlNumber}` : undefined,
    finding.transactionControlNumber ? `ST02 ${finding.transactionControlNumber}` : undefined,
  ].filter((p): p is string => p !== undefined && p !== '');
  return parts.join(', ');
}
