/**
 * Every key of the single table, in one place (see docs/data-model.md).
 *
 * Two invariants hold for every item and every index entry:
 * - each partition key begins with `T#<tenantId>#`, so one tenant's data can
 *   never be addressed through another tenant's keys (and IAM leading-key
 *   conditions could enforce it);
 * - no PHI in any key: the claim id (CLM01, the patient control number) only
 *   appears as a keyed hash, member ids never appear.
 */
import { createHmac } from 'node:crypto';
import { TenantId } from '../../core/claim/model.js';
import type { ClaimStatus } from '../../core/claim/state-machine.js';

/** Tenant id used for exceptions about objects whose key names no valid tenant. */
export const SYSTEM_TENANT = '_system';

export interface ItemKey {
  pk: string;
  sk: string;
}

/** Hex characters of the HMAC kept in keys: 128 bits, collision-free in practice. */
const CLAIM_HASH_LENGTH = 32;

/**
 * The claim's key material: HMAC-SHA256(key, tenantId NUL claimId), hex, first
 * 32 characters. Keyed (not a bare hash) because patient control numbers are
 * short and guessable: without the secret a hash could be reversed by trying
 * candidates. The tenant is part of the input so the same claim id in two
 * tenants gives unrelated hashes.
 */
export function claimHash(hmacKey: Uint8Array | string, tenantId: string, claimId: string): string {
  return createHmac('sha256', hmacKey)
    .update(`${tenantId}\u0000${claimId}`, 'utf8')
    .digest('hex')
    .slice(0, CLAIM_HASH_LENGTH);
}

/**
 * The `T#<tenantId>#` prefix. Refuses anything that is not a valid tenant id:
 * a tenant id holding `#` could otherwise forge another tenant's prefix.
 */
export function tenantPrefix(tenantId: string, options: { allowSystem?: boolean } = {}): string {
  const valid = TenantId.safeParse(tenantId).success || (options.allowSystem === true && tenantId === SYSTEM_TENANT);
  if (!valid) throw new Error('tenant id is not a valid tenant id; refusing to build a key from it');
  return `T#${tenantId}#`;
}

export const keys = {
  tenantConfig: (tenantId: string): ItemKey => ({ pk: `${tenantPrefix(tenantId)}TENANT`, sk: 'CONFIG' }),

  claim: (tenantId: string, hash: string): ItemKey => ({ pk: `${tenantPrefix(tenantId)}CLAIM#${hash}`, sk: 'CLAIM' }),

  /** Zero-padded so events sort by version as strings. */
  claimEvent: (tenantId: string, hash: string, version: number): ItemKey => ({
    pk: keys.claim(tenantId, hash).pk,
    sk: `${EVENT_SK_PREFIX}${String(version).padStart(10, '0')}`,
  }),

  /** gsi2: every claim, by status, oldest change first. */
  claimStatusIndex: (tenantId: string, status: ClaimStatus, updatedAt: string, hash: string) => ({
    gsi2pk: `${tenantPrefix(tenantId)}STATUS#${status}`,
    gsi2sk: `${updatedAt}#${hash}`,
  }),

  /** gsi1 (sparse): only claims that are ready, per receiver, oldest first. */
  claimReadyIndex: (tenantId: string, receiverId: string, updatedAt: string, hash: string) => ({
    gsi1pk: readyPartition(tenantId, receiverId),
    gsi1sk: `${updatedAt}#${hash}`,
  }),

  /**
   * Idempotency marker: the n-th CLP loop for the claim in remittance
   * `remittanceId` was posted (n = 1 keeps the original key shape).
   */
  remittancePosting: (tenantId: string, remittanceId: string, hash: string, occurrence = 1): ItemKey => ({
    pk: `${tenantPrefix(tenantId)}REMIT#${remittanceId}`,
    sk: occurrence === 1 ? `CLAIM#${hash}` : `CLAIM#${hash}#${occurrence}`,
  }),

  remittance: (tenantId: string, remittanceId: string): ItemKey => ({
    pk: remittancePartition(tenantId),
    sk: `${REMITTANCE_SK_PREFIX}${remittanceId}`,
  }),

  /**
   * The per-tenant counter used before counters were scoped by sender and
   * receiver. No longer advanced; read once to seed each new scoped counter
   * so no receiver sees a number it was already sent.
   */
  controlNumberCounter: (tenantId: string): ItemKey => ({ pk: `${tenantPrefix(tenantId)}COUNTER`, sk: 'ISA13' }),

  /** ISA13/GS06 sequence of one (tenant, ISA sender qualifier:id, ISA receiver qualifier:id). */
  scopedControlNumberCounter: (tenantId: string, sender: string, receiver: string): ItemKey => ({
    pk: `${tenantPrefix(tenantId)}COUNTER`,
    sk: `ISA13#${counterPart(sender, 'sender')}#${counterPart(receiver, 'receiver')}`,
  }),

  batch: (tenantId: string, batchId: string): ItemKey => ({
    pk: batchPartition(tenantId),
    sk: `${BATCH_SK_PREFIX}${batchId}`,
  }),

  /** Pointer to the one open batch of a receiver: its existence is the lock. */
  openBatch: (tenantId: string, receiverId: string): ItemKey => ({
    pk: batchPartition(tenantId),
    sk: `OPEN#${receiverId}`,
  }),

  /** Idempotency marker: acknowledgment `ackId` (a 999 or 277CA transaction set) moved or noted the claim. */
  acknowledgmentPosting: (tenantId: string, ackId: string, hash: string): ItemKey => ({
    pk: `${tenantPrefix(tenantId)}ACKPOST#${ackId}`,
    sk: `CLAIM#${hash}`,
  }),

  /** One received acknowledgment (999 or 277CA transaction set), listed per tenant. */
  acknowledgment: (tenantId: string, kind: string, ackId: string): ItemKey => ({
    pk: acknowledgmentPartition(tenantId),
    sk: `${ACKNOWLEDGMENT_SK_PREFIX}${kind}#${ackId}`,
  }),

  /**
   * Lookup from what a 999 names (receiver + AK102 = our GS06) to the batch.
   * Zero-padded like ISA13; a wrapped control number overwrites the pointer
   * with the newer batch, which is the one a new 999 answers.
   */
  batchGroup: (tenantId: string, receiverId: string, groupControlNumber: number): ItemKey => ({
    pk: batchPartition(tenantId),
    sk: `${BATCH_GROUP_SK_PREFIX}${receiverId}#${String(groupControlNumber).padStart(9, '0')}`,
  }),

  /** Audit event of one 999 group answer on a batch; its existence makes recording it idempotent. */
  batchAcknowledgment: (tenantId: string, batchId: string, groupControlNumber: number, ackId: string): ItemKey => ({
    pk: batchPartition(tenantId),
    sk: `${BATCH_ACK_SK_PREFIX}${batchId}#${String(groupControlNumber).padStart(9, '0')}#${ackId}`,
  }),

  exception: (tenantId: string, at: string, unique: string): ItemKey => ({
    pk: exceptionPartition(tenantId),
    sk: `${at}#${unique}`,
  }),
};

export const EVENT_SK_PREFIX = 'EVT#';
export const BATCH_SK_PREFIX = 'B#';
export const REMITTANCE_SK_PREFIX = 'R#';
export const ACKNOWLEDGMENT_SK_PREFIX = 'A#';
/** Beside B# (batches) and OPEN# in the batch partition: must not start with "B#". */
export const BATCH_GROUP_SK_PREFIX = 'GS#';
export const BATCH_ACK_SK_PREFIX = 'BACK#';

/** "ZZ:ACMEBILL": a qualifier and an ISA id (letters, digits, spaces), nothing that could forge a key. */
function counterPart(value: string, what: string): string {
  if (!/^[0-9A-Z]{2}:[A-Za-z0-9 ]{1,15}$/.test(value)) throw new Error(`control number ${what} must be "qualifier:id"; refusing to build a key from it`);
  return value;
}

export function readyPartition(tenantId: string, receiverId: string): string {
  return `${tenantPrefix(tenantId)}READY#${receiverId}`;
}

export function statusPartition(tenantId: string, status: ClaimStatus): string {
  return `${tenantPrefix(tenantId)}STATUS#${status}`;
}

export function batchPartition(tenantId: string): string {
  return `${tenantPrefix(tenantId)}BATCH`;
}

export function remittancePartition(tenantId: string): string {
  return `${tenantPrefix(tenantId)}REMIT`;
}

export function acknowledgmentPartition(tenantId: string): string {
  return `${tenantPrefix(tenantId)}ACK`;
}

export function exceptionPartition(tenantId: string): string {
  return `${tenantPrefix(tenantId, { allowSystem: true })}EXCEPTION`;
}

/** Attribute names that only exist to key the item; stripped when reading records back. */
export const KEY_ATTRIBUTES = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk'] as const;
