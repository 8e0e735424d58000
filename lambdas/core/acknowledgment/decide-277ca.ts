/**
 * What one 277CA claim acknowledgment means for our claim: accepted (STC
 * category A1/A2), rejected (A3/A4/A6/A7/A8, on the claim or on a level above
 * it), or pending (a status that decides nothing yet). Rejection statuses
 * become findings: on the claim, on the line whose REF*FJ matches our line
 * item control number, or on the level (billing provider, receiver) that
 * rejected everything under it. Pure; the caller matches the claim (by its
 * patient control number) and applies the decision.
 */
import type { Claim } from '../claim/model.js';
import type { Finding } from '../ports.js';
import { REJECTED_CATEGORIES, type Ack277CA, type ClaimAck, type ClaimStatus, type LevelAck, type LineAck } from '../x12/277ca/model.js';
import { CATEGORY_TEXT, described, ENTITY_TEXT, STATUS_TEXT } from './code-texts.js';
import type { AckProblem } from './decide-999.js';

export type LevelName = 'source' | 'receiver' | 'provider';

/** A claim of the 277CA with the levels above it (outermost first). */
export interface ClaimInContext {
  claim: ClaimAck;
  levels: Array<{ level: LevelName; ack: LevelAck }>;
}

export interface ClaimAckOutcome {
  action: 'accepted' | 'rejected' | 'note';
  findings: Finding[];
  payerClaimId?: string;
  /** Lines of the acknowledgment whose REF*FJ matches no line of our claim (or that carry none). */
  unmatchedLines: LineAck[];
  /** Compact, non-PHI statuses for the audit event: "A7:21:85". */
  statuses: string[];
}

/** Every claim of the tree with its levels; and the problems of rejected levels that list no claim. */
export function claimsInContext(ack: Pick<Ack277CA, 'sources'>): { claims: ClaimInContext[]; problems: AckProblem[] } {
  const claims: ClaimInContext[] = [];
  const problems: AckProblem[] = [];
  const emptyRejection = (level: LevelName, ack: LevelAck) =>
    problems.push({
      kind: 'ack-unmatched',
      position: ack.filePosition,
      message: `the 277CA rejects a ${level === 'provider' ? 'billing provider' : level} level but lists no claim under it: a person must match it`,
      detail: { level, statuses: ack.statuses.map(statusText) },
    });
  for (const source of ack.sources) {
    for (const receiver of source.receivers) {
      if (receiver.disposition === 'rejected' && receiver.providers.every((p) => p.claims.length === 0)) emptyRejection('receiver', receiver);
      for (const provider of receiver.providers) {
        if (provider.disposition === 'rejected' && provider.claims.length === 0 && receiver.disposition !== 'rejected') emptyRejection('provider', provider);
        for (const claim of provider.claims) {
          claims.push({ claim, levels: [{ level: 'source', ack: source }, { level: 'receiver', ack: receiver }, { level: 'provider', ack: provider }] });
        }
      }
    }
  }
  return { claims, problems };
}

export function decide277ca(entry: ClaimInContext, claim: Pick<Claim, 'serviceLines'>): ClaimAckOutcome {
  const { claim: ack } = entry;
  const action = ack.disposition === 'accepted' ? 'accepted' : ack.disposition === 'rejected' ? 'rejected' : 'note';
  const severity: Finding['severity'] = action === 'rejected' ? 'error' : 'warning';
  const findings: Finding[] = [];
  const statuses: string[] = [];

  // A level above that rejected: its statuses are the reason for this claim too.
  for (const { level, ack: levelAck } of entry.levels) {
    if (levelAck.disposition !== 'rejected') continue;
    for (const status of rejections(levelAck.statuses)) findings.push(findingOf(status, severity, `${LEVEL_TEXT[level]} level`));
    statuses.push(...levelAck.statuses.map(statusText));
  }
  for (const status of action === 'rejected' || action === 'note' ? relevant(ack.statuses, action) : []) findings.push(findingOf(status, severity, 'claim'));
  statuses.push(...ack.statuses.map(statusText));

  const unmatchedLines: LineAck[] = [];
  for (const line of ack.lines) {
    const index = line.lineItemControlNumber === undefined ? -1 : claim.serviceLines.findIndex((l) => l.lineItemControlNumber === line.lineItemControlNumber);
    if (index < 0) unmatchedLines.push(line);
    for (const status of rejections(line.statuses)) {
      findings.push({ ...findingOf(status, severity, index < 0 ? 'service line (unmatched REF*FJ)' : `service line ${index + 1}`), ...(index < 0 ? {} : { line: index + 1, path: `serviceLines[${index}]` }) });
    }
    statuses.push(...line.statuses.map((s) => `${statusText(s)}@line${index < 0 ? '?' : index + 1}`));
  }
  // A rejection whose reason was given only at a level we could not express still needs a reason on the claim.
  if (action === 'rejected' && findings.length === 0) {
    findings.push({ ruleId: '277CA-REJECTED', severity, message: '277CA: the claim was rejected without a status reason we could read' });
  }
  return { action, findings, ...(ack.payerClaimId ? { payerClaimId: ack.payerClaimId } : {}), unmatchedLines, statuses };
}

const LEVEL_TEXT: Record<LevelName, string> = { source: 'information source', receiver: 'information receiver', provider: 'billing provider' };

function rejections(statuses: readonly ClaimStatus[]): ClaimStatus[] {
  return statuses.filter((s) => REJECTED_CATEGORIES.has(s.category) || s.additional.some((a) => REJECTED_CATEGORIES.has(a.category)));
}

/** Rejected claims: the rejecting statuses. Pending claims: every status (there is nothing else to say why). */
function relevant(statuses: readonly ClaimStatus[], action: 'rejected' | 'note'): ClaimStatus[] {
  return action === 'rejected' ? rejections(statuses) : [...statuses];
}

function findingOf(status: ClaimStatus, severity: Finding['severity'], where: string): Finding {
  const parts = [status, ...status.additional].map(
    (s) => `category ${described(s.category, CATEGORY_TEXT)}, status ${described(s.status, STATUS_TEXT)}${s.entity ? `, entity ${described(s.entity, ENTITY_TEXT)}` : ''}`,
  );
  return { ruleId: `277CA-${status.category}-${status.status}`, severity, message: `277CA ${where}: ${parts.join('; ')}` };
}

function statusText(status: ClaimStatus): string {
  return [status.category, status.status, status.entity].filter(Boolean).join(':');
}
