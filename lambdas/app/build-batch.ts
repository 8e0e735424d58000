/**
 * The scheduled batch run of one tenant: per receiver, gather the ready
 * claims, allocate the interchange control number, record the batch (with its
 * number and claims) BEFORE writing the file, write one 837P, then move the
 * claims to submitted. A retried run finds its open batch and finishes it with
 * the same number and the same claims, so a retry never burns or reuses numbers.
 */
import { submissionFindings } from '../core/claim/submission-checks.js';
import { hasErrors } from '../core/claim/validate.js';
import { write837P } from '../core/x12/837/write-837p.js';
import type { BatchRecord, ClaimRecord } from '../core/ports.js';
import { VersionConflictError } from '../core/ports.js';
import type { Receiver, TenantConfig } from '../core/tenant/config.js';
import { layout } from '../core/tenant/layout.js';
import type { AppDeps } from './deps.js';

/** One ST per batch for now; 5,000 claims per transaction is the guides' ceiling. */
export const MAX_CLAIMS_PER_BATCH = 5000;

export interface BatchOutcome {
  receiverId: string;
  batchId: string;
  fileKey: string;
  controlNumber: number;
  claims: number;
  resumed: boolean;
}

export interface BuildBatchResult {
  tenantId: string;
  batches: BatchOutcome[];
}

export class UnknownTenantError extends Error {
  readonly code = 'UNKNOWN_TENANT';
  constructor(readonly tenantId: string) {
    super(`tenant ${tenantId} is not registered`);
    this.name = 'UnknownTenantError';
  }
}

export async function buildBatches(deps: AppDeps, tenantId: string): Promise<BuildBatchResult> {
  const tenant = await deps.tenants.get(tenantId);
  if (!tenant) throw new UnknownTenantError(tenantId);
  const batches: BatchOutcome[] = [];
  for (const receiver of tenant.receivers) {
    const outcome = await batchForReceiver(deps, tenant, receiver);
    if (outcome) batches.push(outcome);
  }
  deps.log.info('batch run finished', { tenantId, batches: batches.length, claims: sum(batches.map((b) => b.claims)) });
  return { tenantId, batches };
}

async function batchForReceiver(deps: AppDeps, tenant: TenantConfig, receiver: Receiver): Promise<BatchOutcome | undefined> {
  const { tenantId } = tenant;
  let batch = await deps.batches.findOpen(tenantId, receiver.id);
  const resumed = batch !== undefined;
  let records: ClaimRecord[];

  if (batch) {
    records = await loadBatchClaims(deps, batch);
  } else {
    records = await holdBackUnwritable(deps, await deps.claims.listReady(tenantId, receiver.id, MAX_CLAIMS_PER_BATCH));
    if (records.length === 0) return undefined;
    const controlNumber = await deps.controlNumbers.next(tenantId);
    const createdAt = deps.clock().toISOString();
    const batchId = `${createdAt.replace(/[-:]/g, '').slice(0, 15)}-${receiver.id}-${String(controlNumber).padStart(9, '0')}`;
    batch = {
      tenantId,
      batchId,
      receiverId: receiver.id,
      controlNumber,
      claimIds: records.map((r) => r.claimId),
      fileKey: `${layout.outbound837(tenantId)}${receiver.id}/${batchId}.837`,
      status: 'open',
      createdAt,
    };
    await deps.batches.open(batch);
  }

  const file = write837P({
    claims: records.map((r) => r.claim),
    tenant,
    receiver,
    controlNumber: batch.controlNumber,
    createdAt: new Date(batch.createdAt),
  });
  await deps.objects.put(batch.fileKey, file, 'application/edi-x12');

  for (const record of records) await markSubmitted(deps, record, batch);
  await deps.batches.markWritten(batch, deps.clock().toISOString());

  return {
    receiverId: receiver.id,
    batchId: batch.batchId,
    fileKey: batch.fileKey,
    controlNumber: batch.controlNumber,
    claims: records.length,
    resumed,
  };
}

/**
 * Claims that cannot be written as a conformant 837P (rules tightened since
 * intake, or a claim stored by an older version) go back to rejected with
 * their findings, so one bad claim never sinks the batch.
 */
async function holdBackUnwritable(deps: AppDeps, records: ClaimRecord[]): Promise<ClaimRecord[]> {
  const writable: ClaimRecord[] = [];
  for (const record of records) {
    const findings = submissionFindings(record.claim);
    if (!hasErrors(findings)) {
      writable.push(record);
      continue;
    }
    try {
      await deps.claims.transition(
        record,
        'rejected',
        { type: 'status-changed', at: deps.clock().toISOString(), cause: 'build-batch', detail: { rules: findings.map((f) => f.ruleId) } },
        { findings },
      );
    } catch (error) {
      if (!(error instanceof VersionConflictError)) throw error; // changed meanwhile: the next run sees it
    }
  }
  return writable;
}

/** The claims an open batch recorded, as stored now (a resumed run writes the same file). */
async function loadBatchClaims(deps: AppDeps, batch: BatchRecord): Promise<ClaimRecord[]> {
  const records: ClaimRecord[] = [];
  for (const claimId of batch.claimIds) {
    const record = await deps.claims.get(batch.tenantId, claimId);
    if (record && (record.status === 'ready' || record.batchId === batch.batchId)) records.push(record);
  }
  return records;
}

async function markSubmitted(deps: AppDeps, record: ClaimRecord, batch: BatchRecord): Promise<void> {
  if (record.status === 'submitted' && record.batchId === batch.batchId) return; // done by an earlier attempt
  try {
    await deps.claims.transition(
      record,
      'submitted',
      { type: 'status-changed', at: deps.clock().toISOString(), cause: batch.fileKey, detail: { batchId: batch.batchId } },
      { batchId: batch.batchId },
    );
  } catch (error) {
    if (!(error instanceof VersionConflictError)) throw error;
    // Changed since we read it: re-read once; if it is now submitted by this batch, fine.
    const fresh = await deps.claims.get(record.tenantId, record.claimId);
    if (fresh?.status === 'submitted' && fresh.batchId === batch.batchId) return;
    if (fresh?.status === 'ready') {
      await deps.claims.transition(
        fresh,
        'submitted',
        { type: 'status-changed', at: deps.clock().toISOString(), cause: batch.fileKey, detail: { batchId: batch.batchId } },
        { batchId: batch.batchId },
      );
      return;
    }
    throw error;
  }
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
