/**
 * The scheduled batch run of one tenant: per receiver, one 837 file holding
 * its ready claims of both types (a GS per claim type, transaction sets of at
 * most 5,000 claims), enveloped by the receiver's envelope policy.
 *
 * Order of work for a new batch:
 * 1. gather the ready claims; hold back the ones the 837P/837I checks refuse;
 * 2. conformance gate on a draft (provisional control numbers): claims the
 *    implementation-guide validator faults go back to rejected with its
 *    findings and the draft is rebuilt without them; an error naming no claim
 *    stops the run (NonConformantInterchangeError), nothing written;
 * 3. allocate ISA13 + one GS06 per group as one block from the counter of
 *    (tenant, ISA sender, ISA receiver); render and gate the final file again;
 * 4. record the open batch with its numbers, groups and transaction sets
 *    BEFORE writing; write the file; move the claims to submitted.
 * A retried run finds its open batch and rewrites the identical file from the
 * recorded layout (same numbers, claims, split), so a retry never burns or
 * reuses numbers. Numbers are only burned when the final gate (which differs
 * from the draft's only in the numbers) faults every claim: no batch then.
 */
import { submissionFindings } from '../core/claim/submission-checks.js';
import { hasErrors } from '../core/claim/validate.js';
import { claimTypesIn, plan837Groups, write837Layout, type GroupControlNumbers, type Written837 } from '../core/x12/837/write-837.js';
import { X222A1 } from '../core/x12/837/write-837p.js';
import type { BatchGroupRecord, BatchRecord, ClaimRecord, Finding } from '../core/ports.js';
import { VersionConflictError } from '../core/ports.js';
import { envelopeFor, type Receiver, type TenantConfig } from '../core/tenant/config.js';
import { layout } from '../core/tenant/layout.js';
import { guideConformance, judge, NonConformantInterchangeError, type ConformanceCheck } from './conformance-gate.js';
import type { AppDeps } from './deps.js';

/**
 * Claims per receiver per run: the guides' 5,000 per transaction set. The
 * batch record (one DynamoDB item, 400 KB) stores each claim id once.
 */
export const MAX_CLAIMS_PER_BATCH = 5000;

export interface BuildBatchOptions {
  /** The implementation-guide validator run on every file before it is written (default guideConformance). */
  conformance?: ConformanceCheck;
  maxClaimsPerBatch?: number;
  /** Default 5,000 (the guides' ceiling); tests use small values to exercise the split. */
  maxClaimsPerTransaction?: number;
}

export interface BatchOutcome {
  receiverId: string;
  batchId: string;
  fileKey: string;
  /** ISA13. */
  controlNumber: number;
  groups: BatchGroupRecord[];
  /** Claims written (and moved to submitted). */
  claims: number;
  /** Claims the conformance gate sent back to rejected in this run. */
  rejected: number;
  resumed: boolean;
  /** False only when a resumed batch had no conformant claim left: closed without a file. */
  fileWritten: boolean;
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

export async function buildBatches(deps: AppDeps, tenantId: string, options: BuildBatchOptions = {}): Promise<BuildBatchResult> {
  const tenant = await deps.tenants.get(tenantId);
  if (!tenant) throw new UnknownTenantError(tenantId);
  const batches: BatchOutcome[] = [];
  for (const receiver of tenant.receivers) {
    const open = await deps.batches.findOpen(tenantId, receiver.id);
    const outcome = open ? await resumeBatch(deps, tenant, receiver, open, options) : await newBatch(deps, tenant, receiver, options);
    if (outcome) batches.push(outcome);
  }
  deps.log.info('batch run finished', { tenantId, batches: batches.length, claims: sum(batches.map((b) => b.claims)) });
  return { tenantId, batches };
}

async function newBatch(deps: AppDeps, tenant: TenantConfig, receiver: Receiver, options: BuildBatchOptions): Promise<BatchOutcome | undefined> {
  const { tenantId } = tenant;
  const ready = await deps.claims.listReady(tenantId, receiver.id, options.maxClaimsPerBatch ?? MAX_CLAIMS_PER_BATCH);
  const createdAt = deps.clock().toISOString();
  const render = (isa: number, groupControlNumbers: GroupControlNumbers) => (records: ClaimRecord[]): Written837 => {
    const claims = records.map((r) => r.claim);
    return write837Layout({
      claims,
      tenant,
      receiver,
      isaControlNumber: isa,
      layout: plan837Groups(claims, groupControlNumbers, options.maxClaimsPerTransaction),
      createdAt: new Date(createdAt),
    });
  };

  // Draft: the validator's verdict does not depend on the control numbers, so no numbers are spent on it.
  const writable = await holdBackUnwritable(deps, ready);
  const draft = await gate(deps, tenant, receiver, writable, render(1, { professional: 2, institutional: 3 }), options.conformance);
  if (draft.records.length === 0) return undefined;

  const policy = envelopeFor(tenant, receiver);
  const types = claimTypesIn(draft.records.map((r) => r.claim));
  const [isa, ...gs] = await deps.controlNumbers.allocate({ tenantId, sender: policy.sender, receiver: policy.receiver }, 1 + types.length);
  // Each claim type keeps its number even if the final gate empties another group (that GS06 is then skipped).
  const groupNumbers: GroupControlNumbers = Object.fromEntries(types.map((type, i) => [type, gs[i]]));
  const final = await gate(deps, tenant, receiver, draft.records, render(isa as number, groupNumbers), options.conformance);
  const rejected = writable.length - final.records.length;
  if (!final.written) {
    deps.log.warn('every claim failed the conformance gate after numbers were allocated; no batch', { tenantId, receiverId: receiver.id });
    return undefined;
  }

  const batchId = `${createdAt.replace(/[-:]/g, '').slice(0, 15)}-${receiver.id}-${String(isa).padStart(9, '0')}`;
  const groups = final.written.groups;
  const batch: BatchRecord = {
    tenantId,
    batchId,
    receiverId: receiver.id,
    controlNumber: isa as number,
    groups,
    claimIds: groups.flatMap((g) => g.transactions.flatMap((t) => t.claimIds)),
    fileKey: `${layout.outbound837(tenantId)}${receiver.id}/${batchId}.837`,
    status: 'open',
    createdAt,
  };
  await deps.batches.open(batch);
  return finish(deps, batch, final.records, final.written, { resumed: false, rejected });
}

/**
 * An open batch left by a failed run: the same claims (those still ready or
 * already submitted by it), the same numbers and the recorded layout give
 * the identical file. If the gate now faults a claim (rules changed between
 * the runs), it is rejected and left out; its id stays in the batch record,
 * which cannot be reopened, and no acknowledgment will ever name it. If no
 * claim is left, the batch is closed (markWritten releases the receiver's
 * lock) without a file: the outcome says fileWritten false.
 */
async function resumeBatch(
  deps: AppDeps,
  tenant: TenantConfig,
  receiver: Receiver,
  batch: BatchRecord,
  options: BuildBatchOptions,
): Promise<BatchOutcome> {
  const records = await loadBatchClaims(deps, batch);
  const recorded = batch.groups ?? legacyLayout(batch);
  const render = (current: ClaimRecord[]): Written837 =>
    write837Layout({
      claims: current.map((r) => r.claim),
      tenant,
      receiver,
      isaControlNumber: batch.controlNumber,
      layout: restrictLayout(recorded, new Set(current.map((r) => r.claimId))),
      createdAt: new Date(batch.createdAt),
    });
  const result = await gate(deps, tenant, receiver, records, render, options.conformance);
  const rejected = records.length - result.records.length;
  if (!result.written) {
    deps.log.warn('resumed batch has no conformant claim left; closed without a file', { tenantId: batch.tenantId, batchId: batch.batchId });
    await deps.batches.markWritten(batch, deps.clock().toISOString());
    return outcome(batch, [], 0, { resumed: true, rejected, fileWritten: false });
  }
  return finish(deps, batch, result.records, result.written, { resumed: true, rejected });
}

async function finish(
  deps: AppDeps,
  batch: BatchRecord,
  records: ClaimRecord[],
  written: Written837,
  how: { resumed: boolean; rejected: number },
): Promise<BatchOutcome> {
  await deps.objects.put(batch.fileKey, written.text, 'application/edi-x12');
  for (const record of records) await markSubmitted(deps, record, batch);
  await deps.batches.markWritten(batch, deps.clock().toISOString());
  return outcome(batch, written.groups, records.length, { ...how, fileWritten: true });
}

function outcome(
  batch: BatchRecord,
  groups: BatchGroupRecord[],
  claims: number,
  how: { resumed: boolean; rejected: number; fileWritten: boolean },
): BatchOutcome {
  return { receiverId: batch.receiverId, batchId: batch.batchId, fileKey: batch.fileKey, controlNumber: batch.controlNumber, groups, claims, ...how };
}

/**
 * Renders the records and runs the validator on the text until it has no
 * error: claims named by an error go back to rejected and the file is
 * rebuilt without them. An error naming no claim of the file stops the run,
 * unless claim errors are also present (those are removed first: an envelope
 * or count error can be their consequence).
 */
async function gate(
  deps: AppDeps,
  tenant: TenantConfig,
  receiver: Receiver,
  records: ClaimRecord[],
  render: (records: ClaimRecord[]) => Written837,
  conformance: ConformanceCheck = guideConformance,
): Promise<{ records: ClaimRecord[]; written?: Written837 }> {
  let current = records;
  while (current.length > 0) {
    const written = render(current);
    const verdict = judge(conformance(written.text), new Set(current.map((r) => r.claimId)));
    if (verdict.rejected.size === 0) {
      if (verdict.unattributed.length === 0) return { records: current, written };
      throw new NonConformantInterchangeError(tenant.tenantId, receiver.id, verdict.unattributed);
    }
    for (const record of current) {
      const findings = verdict.rejected.get(record.claimId);
      if (findings) await reject(deps, record, findings, 'build-batch-conformance');
    }
    current = current.filter((r) => !verdict.rejected.has(r.claimId));
  }
  return { records: [] };
}

/**
 * Claims that cannot be written as a conformant 837 of their type (rules
 * tightened since intake, or a claim stored by an older version) go back to
 * rejected with their findings, so one bad claim never sinks the batch.
 */
async function holdBackUnwritable(deps: AppDeps, records: ClaimRecord[]): Promise<ClaimRecord[]> {
  const writable: ClaimRecord[] = [];
  for (const record of records) {
    const findings = submissionFindings(record.claim);
    if (!hasErrors(findings)) writable.push(record);
    else await reject(deps, record, findings, 'build-batch');
  }
  return writable;
}

async function reject(deps: AppDeps, record: ClaimRecord, findings: Finding[], cause: string): Promise<void> {
  try {
    await deps.claims.transition(
      record,
      'rejected',
      { type: 'status-changed', at: deps.clock().toISOString(), cause, detail: { rules: findings.map((f) => f.ruleId) } },
      { findings },
    );
  } catch (error) {
    if (!(error instanceof VersionConflictError)) throw error; // changed meanwhile: the next run sees it
  }
}

/** Batches recorded before groups existed: one 837P group (GS06 = ISA13), one transaction set. */
function legacyLayout(batch: BatchRecord): BatchGroupRecord[] {
  return [{ controlNumber: batch.controlNumber, version: X222A1, transactions: [{ controlNumber: '0001', claimIds: batch.claimIds }] }];
}

/** The recorded layout with only the given claims; emptied transaction sets and groups drop out (numbers are not reused). */
function restrictLayout(recorded: BatchGroupRecord[], keep: ReadonlySet<string>): BatchGroupRecord[] {
  return recorded
    .map((group) => ({
      ...group,
      transactions: group.transactions
        .map((t) => ({ ...t, claimIds: t.claimIds.filter((id) => keep.has(id)) }))
        .filter((t) => t.claimIds.length > 0),
    }))
    .filter((group) => group.transactions.length > 0);
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
