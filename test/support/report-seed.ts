/**
 * Stores a report scenario (report-scenario.ts) in DynamoDB Local through the
 * real repositories, the way the pipeline would leave it: batches opened,
 * written and acknowledged; claims created by intake and moved along the
 * state machine to their status, postings set by the move that posts them.
 */
import type { ClaimStatus } from '../../lambdas/core/claim/state-machine.js';
import type { BatchRecord, ClaimRecord, Ports } from '../../lambdas/core/ports.js';
import type { Scenario } from './report-scenario.js';

/** The moves from the intake status to each final status (a path the state machine allows). */
const PATHS: Record<ClaimStatus, ClaimStatus[]> = {
  ready: [],
  rejected: ['submitted', 'rejected'],
  submitted: ['submitted'],
  accepted: ['submitted', 'accepted'],
  paid: ['submitted', 'accepted', 'paid'],
  partially_paid: ['submitted', 'accepted', 'partially_paid'],
  denied: ['submitted', 'accepted', 'denied'],
  forwarded: ['submitted', 'accepted', 'forwarded'],
  reversed: ['submitted', 'accepted', 'paid', 'reversed'],
  corrected: ['submitted', 'accepted', 'denied', 'reversed', 'corrected'],
};

export type SeedPorts = Pick<Ports, 'claims' | 'batches' | 'acknowledgments' | 'exceptions' | 'remittances'>;

async function seedBatch(ports: SeedPorts, batch: BatchRecord): Promise<void> {
  const { writtenAt, acknowledgment, ...open } = batch;
  await ports.batches.open({ ...open, status: 'open' });
  if (writtenAt === undefined) return;
  await ports.batches.markWritten({ ...open, status: 'open' }, writtenAt);
  for (const group of acknowledgment?.groups ?? []) await ports.batches.recordAcknowledgment(batch.tenantId, batch.batchId, group);
}

async function seedClaim(ports: SeedPorts, record: ClaimRecord): Promise<void> {
  const { version: _v, createdAt, updatedAt: _u, status, batchId, postings, payment, ...intake } = record;
  // A claim rejected at intake (no batch) starts and stays rejected; every other claim starts ready.
  const start: ClaimStatus = status === 'rejected' && batchId === undefined ? 'rejected' : 'ready';
  await ports.claims.saveFromIntake({ ...intake, status: start }, createdAt);
  let current = await ports.claims.get(record.tenantId, record.claimId);
  if (!current) throw new Error('seeded claim not found');
  const path = start === 'rejected' ? [] : PATHS[status];
  for (const [i, to] of path.entries()) {
    const last = i === path.length - 1;
    const patch = {
      ...(to === 'submitted' && batchId !== undefined ? { batchId } : {}),
      ...(last && postings ? { postings } : {}),
      ...(last && payment ? { payment } : {}),
    };
    current = await ports.claims.transition(current, to, { type: 'status-changed', at: new Date(Date.parse(createdAt) + (i + 1) * 1000).toISOString(), cause: 'report-test-seed' }, patch);
  }
}

export async function seedScenario(ports: SeedPorts, s: Scenario): Promise<void> {
  for (const batch of s.batches) await seedBatch(ports, batch);
  for (const record of s.records) await seedClaim(ports, record);
  for (const ack of s.acknowledgments) await ports.acknowledgments.put(ack);
  for (const exception of s.exceptions) await ports.exceptions.record(exception);
  for (const remittance of s.remittances) await ports.remittances.put(remittance);
}
