/**
 * What the 999 and 277CA use cases share: the acknowledgment id, the tally,
 * the exception sink, the check that an interchange is addressed to the
 * tenant, and applying one decision to one claim (idempotent, retried on a
 * concurrent change, an illegal move recorded instead of thrown).
 */
import { createHash } from 'node:crypto';
import { IllegalTransitionError, type ClaimStatus } from '../core/claim/state-machine.js';
import {
  AlreadyAcknowledgedError,
  VersionConflictError,
  type ClaimRecord,
  type ExceptionRecord,
  type Finding,
} from '../core/ports.js';
import type { Receiver, TenantConfig } from '../core/tenant/config.js';
import { element } from '../core/x12/segment.js';
import type { Interchange } from '../core/x12/types.js';
import { parseX12 } from '../core/x12/reader.js';
import type { AppDeps } from './deps.js';
import { inboundTenant } from './inbound-tenant.js';
import { positionText, x12ErrorPosition } from './positions.js';
import type { InboundObject } from './intake.js';

export interface AcknowledgmentResult {
  tenantId?: string;
  /** Acknowledgment transaction sets read. */
  acknowledgments: number;
  accepted: number;
  rejected: number;
  /** Claims that got a finding or a status note without moving. */
  noted: number;
  alreadyPosted: number;
  exceptions: number;
}

export type RecordException = (record: Omit<ExceptionRecord, 'at' | 'file'>) => Promise<void>;

export function emptyResult(): AcknowledgmentResult {
  return { acknowledgments: 0, accepted: 0, rejected: 0, noted: 0, alreadyPosted: 0, exceptions: 0 };
}

/** An exception sink bound to the file, counting into `result`. */
export function exceptionSink(deps: AppDeps, file: string, result: AcknowledgmentResult): RecordException {
  return async (record) => {
    await deps.exceptions.record({ ...record, file, at: deps.clock().toISOString() });
    result.exceptions++;
  };
}

/**
 * Stable id of one acknowledgment transaction set: who sent it and its
 * control numbers. The same file delivered twice, or resent under another
 * name, has the same id, so it posts once.
 */
export function ackIdOf(tenantId: string, kind: '999' | '277ca', parts: readonly (string | undefined)[]): string {
  return createHash('sha256')
    .update([tenantId, kind, ...parts.map((p) => p ?? '')].join('\u0000'))
    .digest('hex')
    .slice(0, 24);
}

/** ISA05:ISA06 and ISA07:ISA08 of an interchange, trimmed. */
export function interchangeParties(interchange: Interchange): { senderQualifier: string; senderId: string; receiverQualifier: string; receiverId: string } {
  const at = (n: number) => (element(interchange.isa, n) ?? '').trim();
  return { senderQualifier: at(5), senderId: at(6), receiverQualifier: at(7), receiverId: at(8) };
}

/** The tenant's receiver that sent this interchange (ISA05/ISA06), if any. */
export function senderReceiver(tenant: TenantConfig, interchange: Interchange): Receiver | undefined {
  const { senderQualifier, senderId } = interchangeParties(interchange);
  return tenant.receivers.find((r) => r.isaId.trim() === senderId && r.isaQualifier === senderQualifier);
}

/**
 * True when the interchange is addressed to the tenant (ISA07/ISA08 = the
 * tenant's ISA sender). An acknowledgment for another submitter that landed
 * under this tenant's prefix must not touch this tenant's claims.
 */
export function addressedToTenant(tenant: TenantConfig, interchange: Interchange): boolean {
  const { receiverQualifier, receiverId } = interchangeParties(interchange);
  return receiverQualifier === tenant.interchange.senderQualifier && receiverId === tenant.interchange.senderId.trim();
}

export { positionText, x12ErrorPosition };

export interface ClaimChange {
  /** The status to move to; 'same' keeps the claim's status (a note). */
  to: ClaimStatus | 'same';
  findings: Finding[];
  payerClaimId?: string;
  detail: Record<string, unknown>;
}

export type ApplyOutcome = 'applied' | 'already' | 'illegal';

/**
 * Moves (or notes on) the claim with the acknowledgment's event; the claim
 * repository writes the acknowledgment's idempotency marker in the same
 * transaction. New findings are added to the claim's findings.
 */
export async function applyToClaim(
  deps: AppDeps,
  record: ClaimRecord,
  ackId: string,
  change: ClaimChange,
  exception: RecordException,
  position: string | undefined,
  kind: '999' | '277ca',
): Promise<ApplyOutcome> {
  let current: ClaimRecord | undefined = record;
  for (let attempt = 0; ; attempt++) {
    if (!current) return 'illegal';
    const to = change.to === 'same' ? current.status : change.to;
    const patch = {
      ...(change.findings.length > 0 ? { findings: [...current.findings, ...change.findings] } : {}),
      ...(change.payerClaimId ? { payerClaimId: change.payerClaimId } : {}),
    };
    try {
      await deps.claims.transition(
        current,
        to,
        { type: 'acknowledgment-posted', at: deps.clock().toISOString(), cause: ackId, detail: { kind, ...change.detail, rules: change.findings.map((f) => f.ruleId) } },
        patch,
      );
      return 'applied';
    } catch (error) {
      if (error instanceof AlreadyAcknowledgedError) return 'already';
      if (error instanceof IllegalTransitionError) {
        await exception({
          tenantId: current.tenantId,
          kind: 'ack-illegal-transition',
          position,
          message:
            change.to === 'same'
              ? `the claim is ${current.status}; the ${kind === '999' ? '999' : '277CA'} finding was not added to it`
              : `the claim is ${current.status}; a ${kind === '999' ? '999' : '277CA'} cannot move it to ${to}`,
          detail: { ackId, claimId: current.claimId, ...change.detail },
        });
        return 'illegal';
      }
      if (error instanceof VersionConflictError && attempt < 3) {
        current = await deps.claims.get(record.tenantId, record.claimId);
        continue;
      }
      throw error;
    }
  }
}

/** An acknowledgment file opened for posting: its tenant and the interchanges addressed to it. */
export interface OpenedAcknowledgment {
  result: AcknowledgmentResult;
  exception: RecordException;
  tenant: TenantConfig;
  tenantId: string;
  interchanges: Interchange[];
}

/**
 * The start both acknowledgment use cases share: the tenant from the object
 * key, the file parsed, and interchanges not addressed to the tenant recorded
 * as exceptions and left out. `done` when nothing can be posted from the file.
 */
export async function openAcknowledgment(
  deps: AppDeps,
  object: InboundObject,
  kind: '999' | '277ca',
): Promise<{ done: AcknowledgmentResult } | OpenedAcknowledgment> {
  const result = emptyResult();
  const exception = exceptionSink(deps, object.key, result);
  const tenant = await inboundTenant(deps, object.key, kind);
  if (!tenant) return { done: { ...result, exceptions: 1 } };
  const { tenantId } = tenant;
  result.tenantId = tenantId;

  const parsed = parseX12((await deps.objects.get(object.key)).body);
  if (!parsed.ok) {
    await exception({ tenantId, kind: 'x12-parse', position: x12ErrorPosition(parsed.error), message: parsed.error.describe() });
    return { done: result };
  }
  const label = kind === '999' ? '999' : '277CA';
  const interchanges: Interchange[] = [];
  for (const interchange of parsed.value.interchanges) {
    if (addressedToTenant(tenant, interchange)) {
      interchanges.push(interchange);
      continue;
    }
    await exception({
      tenantId,
      kind: 'ack-unmatched',
      position: positionText(interchange.isa.position),
      message: `ISA07/ISA08 is not the tenant's interchange sender: the ${label} is not addressed to this tenant`,
    });
  }
  return { result, exception, tenant, tenantId, interchanges };
}
