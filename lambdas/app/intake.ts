/**
 * Intake of one encounter object: attribute it to a tenant, parse it, check
 * each claim (the guide checks and the scrubber, with the tenant's rule
 * settings and the loaded code sets), store it as ready or rejected: an error
 * finding rejects, warnings are kept on the claim. A claim id stored as
 * rejected (or still ready) is superseded by a corrected resubmission, as a
 * new version with an audit event. Bad input becomes an exception record and
 * the call succeeds (retrying cannot fix it); storage failures
 * throw, so SQS redelivers the message and, after maxReceiveCount, dead-letters it.
 */
import type { Claim } from '../core/claim/model.js';
import { hasErrors } from '../core/claim/validate.js';
import type { CodeSets } from '../core/codesets/lookup.js';
import { parseEncounterFile } from '../core/encounters/parse-encounter-file.js';
import type { EncounterFormat } from '../core/encounters/types.js';
import type { Finding, SaveOutcome, SourceRef } from '../core/ports.js';
import { checkParsedClaim, todayIn } from '../core/scrub/scrub-claims.js';
import { receiverForPayer } from '../core/tenant/config.js';
import type { AppDeps } from './deps.js';
import { inboundTenant } from './inbound-tenant.js';

export interface InboundObject {
  key: string;
  etag?: string;
}

export interface IntakeResult {
  tenantId?: string;
  ready: number;
  rejected: number;
  duplicates: number;
  exceptions: number;
}

export async function ingestEncounterObject(deps: AppDeps, object: InboundObject): Promise<IntakeResult> {
  const result: IntakeResult = { ready: 0, rejected: 0, duplicates: 0, exceptions: 0 };
  const at = () => deps.clock().toISOString();

  const tenant = await inboundTenant(deps, object.key, 'encounters');
  if (!tenant) return { ...result, exceptions: 1 };
  const { tenantId } = tenant;
  result.tenantId = tenantId;

  const { body, etag } = await deps.objects.get(object.key);
  const text = decodeUtf8(body);
  if (text === undefined) {
    await deps.exceptions.record({
      tenantId,
      kind: 'unreadable-file',
      file: object.key,
      message: 'file is not UTF-8 text',
      at: at(),
    });
    return { ...result, exceptions: 1 };
  }

  const parsed = parseEncounterFile(text, tenantId, { csvMapping: tenant.csvMapping, defaultBillingProvider: tenant.defaultBillingProvider });
  for (const problem of parsed.problems) {
    await deps.exceptions.record({
      tenantId,
      kind: 'invalid-encounter',
      file: object.key,
      position: problem.position,
      message: problem.message,
      detail: problem.claimId ? { claimId: problem.claimId } : undefined,
      at: at(),
    });
    result.exceptions++;
  }

  const x12 = parsed.format === 'x12-837';
  let codeSets: CodeSets | undefined; // loaded on the first claim: a file of problems only never needs them
  const today = todayIn(deps.clock(), tenant.schedule.timezone);
  for (const read of parsed.claims) {
    const parsedClaim = { ...read, claim: await withPayerControlNumber(deps, tenantId, read.claim) };
    const { claim, index, position, locate } = parsedClaim;
    // Each finding also names where its field came from (X12 segment/loop/element, CSV line/column, FHIR JSON path).
    const located = (finding: Finding): Finding =>
      locate && finding.path ? { ...finding, message: `${finding.message} (${locate(finding.path)})` } : finding;
    // Scrubber findings keep their rule family and the code-set version that decided them.
    codeSets ??= await deps.codeSets();
    const findings: Finding[] = checkParsedClaim(parsedClaim, { codeSets, today, settings: tenant.scrubber }).map(
      ({ pointer: _pointer, claimId: _claimId, ...finding }) => located(finding),
    );
    const receiver = receiverForPayer(tenant, claim.payer.payerId);
    if (!receiver) {
      findings.push({
        ruleId: 'ROUTE-RECEIVER',
        severity: 'error',
        message: 'no receiver of the tenant takes this payer id and there is no default receiver',
        path: 'payer.payerId',
        fix: 'Route the payer to a receiver in the tenant configuration, or mark one receiver as default.',
      });
    }
    const status = hasErrors(findings) ? 'rejected' : 'ready';
    const outcome: SaveOutcome = await deps.claims.saveFromIntake(
      {
        tenantId,
        claimId: claim.claimId,
        status,
        claim,
        receiverId: receiver?.id,
        findings,
        source: { file: object.key, etag: etag ?? object.etag, format: sourceFormat(parsed.format), position: x12 ? segmentPosition(position) ?? index : index },
      },
      at(),
    );
    if (outcome === 'duplicate') {
      result.duplicates++;
    } else if (outcome === 'conflict') {
      await deps.exceptions.record({
        tenantId,
        kind: 'claim-conflict',
        file: object.key,
        position,
        message: 'a claim with this claim id was already submitted; once the payer has it (277CA or 835), send a replacement (frequency 7) or a void (8) under the same id',
        detail: { claimId: claim.claimId },
        at: at(),
      });
      result.exceptions++;
    } else if (status === 'ready') {
      result.ready++;
    } else {
      result.rejected++;
    }
  }

  // Reader warnings (unmapped X12 segments and loops) carry positions and codes only, never values.
  const warnings = parsed.warnings ?? [];
  deps.log.info('encounter object ingested', {
    tenantId,
    key: object.key,
    format: parsed.format,
    ...result,
    readerWarnings: warnings.length,
    readerWarningCodes: [...new Set(warnings.map((w) => w.message.split(':')[0]))],
    // Where each one is (first 50), so an operator can open the file at the segment.
    readerWarningsAt: warnings.slice(0, 50).map((w) => `${w.position}: ${w.message.split(':')[0]}`),
  });
  return result;
}

/** What the stored claim says it came from (the parser's format; 'unknown' never yields claims). */
/**
 * A replacement or void (frequency 7/8) must quote the payer's claim control
 * number (REF*F8). A practice that resends the claim under its own id often
 * does not know it; the 835 told us (CLP07, kept as payerClaimId), so it is
 * filled in from the stored claim. A value the practice gave always wins.
 */
async function withPayerControlNumber(deps: AppDeps, tenantId: string, claim: Claim): Promise<Claim> {
  if ((claim.frequencyCode !== '7' && claim.frequencyCode !== '8') || claim.payerClaimControlNumber) return claim;
  const stored = await deps.claims.get(tenantId, claim.claimId);
  return stored?.payerClaimId ? { ...claim, payerClaimControlNumber: stored.payerClaimId } : claim;
}

function sourceFormat(format: EncounterFormat): SourceRef['format'] {
  return format === 'unknown' ? 'json' : format;
}

/** "segment 42" -> 42 (the CLM position an X12 claim is stored with). */
function segmentPosition(position: string): number | undefined {
  const match = /^segment (\d+)/.exec(position);
  return match ? Number(match[1]) : undefined;
}

function decodeUtf8(body: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return undefined;
  }
}
