/**
 * Claims over the single table (docs/data-model.md). Every change is one
 * TransactWriteItems: the claim item, conditioned on its version (optimistic
 * locking), plus its append-only event, so the audit trail can never miss or
 * invent a change. The state machine is asked before anything is written.
 */
import { GetItemCommand, TransactWriteItemsCommand, type TransactWriteItem } from '@aws-sdk/client-dynamodb';
import { assertTransition, REPLACEABLE_STATUSES, type ClaimStatus } from '../../core/claim/state-machine.js';
import {
  AlreadyAcknowledgedError,
  AlreadyPostedError,
  VersionConflictError,
  type ClaimEvent,
  type ClaimRecord,
  type ClaimRepository,
  type SaveOutcome,
  type SourceRef,
  type StoredClaimEvent,
} from '../../core/ports.js';
import type { HmacKeyProvider } from '../hmac-key.js';
import { claimHash, EVENT_SK_PREFIX, keys, readyPartition, statusPartition, type ItemKey } from './keys.js';
import { fromAttributes, queryAll, toAttributes, withoutKeys, type Item, type TableRef } from './table.js';
import { cancellationCodes, conditionFailedAt, raced } from './transaction-errors.js';

/** Statuses intake may overwrite with a corrected claim: nothing has left the building yet. */
const SUPERSEDABLE: readonly ClaimStatus[] = ['ready', 'rejected'];

/** Re-reads after losing a race in saveFromIntake; a few are plenty, each round sees a newer version. */
const MAX_SAVE_ATTEMPTS = 5;

/** Patch fields `transition` may set; a field given as undefined is removed. */
const PATCHABLE = ['batchId', 'payment', 'findings', 'payerClaimId', 'postings', 'secondaryClaimId'] as const;

type IntakeRecord = Omit<ClaimRecord, 'version' | 'createdAt' | 'updatedAt'>;
type Patch = Partial<Pick<ClaimRecord, (typeof PATCHABLE)[number]>>;

export class DynamoClaimRepository implements ClaimRepository {
  constructor(
    private readonly table: TableRef,
    private readonly hmacKey: HmacKeyProvider,
  ) {}

  async saveFromIntake(input: IntakeRecord, at: string): Promise<SaveOutcome> {
    const hash = await this.hash(input.tenantId, input.claimId);
    let lastVersion = 0;
    for (let attempt = 0; attempt < MAX_SAVE_ATTEMPTS; attempt++) {
      const stored = await this.read(keys.claim(input.tenantId, hash));
      if (stored === undefined) {
        assertTransition(undefined, input.status);
        const record: ClaimRecord = { ...input, version: 1, createdAt: at, updatedAt: at };
        const written = await this.writeWhole(record, hash, undefined, {
          type: 'created',
          to: record.status,
          at,
          cause: input.source.file,
          detail: sourceDetail(input.source),
        });
        if (written) return 'created';
        continue; // created concurrently: decide again against what was stored
      }
      lastVersion = stored.version;
      if (sameSource(stored.source, input.source)) return 'duplicate';
      const replacing = isReplacement(input) && REPLACEABLE_STATUSES.includes(stored.status);
      if (!SUPERSEDABLE.includes(stored.status) && !replacing) return 'conflict';
      if (!replacing) assertTransition(stored.status, input.status);
      const record: ClaimRecord = {
        ...input,
        // A replacement or void keeps what the payer told us about the claim it replaces.
        ...(replacing ? carriedOver(stored) : {}),
        version: stored.version + 1,
        createdAt: stored.createdAt,
        updatedAt: at,
      };
      const written = await this.writeWhole(record, hash, stored.version, {
        type: 'superseded',
        from: stored.status,
        to: record.status,
        at,
        cause: input.source.file,
        detail: sourceDetail(input.source),
      });
      if (written) return 'superseded';
    }
    throw new VersionConflictError(input.tenantId, input.claimId, lastVersion);
  }

  async get(tenantId: string, claimId: string): Promise<ClaimRecord | undefined> {
    return this.read(keys.claim(tenantId, await this.hash(tenantId, claimId)));
  }

  async transition(current: ClaimRecord, to: ClaimStatus, event: Omit<ClaimEvent, 'from' | 'to'>, patch: Patch = {}): Promise<ClaimRecord> {
    assertTransition(current.status, to);
    const { tenantId, claimId } = current;
    const hash = await this.hash(tenantId, claimId);
    const version = current.version + 1;
    const updatedAt = event.at;

    const names: Record<string, string> = { '#status': 'status', '#version': 'version', '#updatedAt': 'updatedAt' };
    const values: Item = { ':to': to, ':next': version, ':expected': current.version, ':at': updatedAt };
    const sets = ['#status = :to', '#version = :next', '#updatedAt = :at'];
    const removes: string[] = [];

    const statusIndex = keys.claimStatusIndex(tenantId, to, updatedAt, hash);
    sets.push('gsi2pk = :gsi2pk', 'gsi2sk = :gsi2sk');
    values[':gsi2pk'] = statusIndex.gsi2pk;
    values[':gsi2sk'] = statusIndex.gsi2sk;
    if (to === 'ready') {
      const readyIndex = keys.claimReadyIndex(tenantId, requireReceiver(current), updatedAt, hash);
      sets.push('gsi1pk = :gsi1pk', 'gsi1sk = :gsi1sk');
      values[':gsi1pk'] = readyIndex.gsi1pk;
      values[':gsi1sk'] = readyIndex.gsi1sk;
    } else {
      removes.push('gsi1pk', 'gsi1sk'); // sparse index: only ready claims are in it
    }

    const updated: ClaimRecord = { ...current, status: to, version, updatedAt };
    for (const field of PATCHABLE) {
      if (!(field in patch)) continue;
      names[`#${field}`] = field;
      const value = patch[field];
      if (value === undefined) {
        removes.push(`#${field}`);
        delete updated[field];
      } else {
        sets.push(`#${field} = :${field}`);
        values[`:${field}`] = value;
        Object.assign(updated, { [field]: value });
      }
    }

    const claimKey = keys.claim(tenantId, hash);
    const actions: TransactWriteItem[] = [
      {
        Update: {
          TableName: this.table.tableName,
          Key: toAttributes({ ...claimKey }),
          UpdateExpression: `SET ${sets.join(', ')}${removes.length > 0 ? ` REMOVE ${removes.join(', ')}` : ''}`,
          ConditionExpression: '#version = :expected',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: toAttributes(values),
        },
      },
      this.putNew(eventItem(tenantId, hash, version, { ...event, from: current.status, to })),
    ];
    const posting = event.type === 'remittance-posted';
    const acknowledging = event.type === 'acknowledgment-posted';
    if (acknowledging) {
      actions.push(
        this.putNew({
          ...keys.acknowledgmentPosting(tenantId, event.cause, hash),
          tenantId,
          ackId: event.cause,
          claimVersion: version,
          postedAt: event.at,
        }),
      );
    }
    if (posting) {
      actions.push(
        this.putNew({
          ...keys.remittancePosting(tenantId, event.cause, hash, event.occurrence),
          tenantId,
          remittanceId: event.cause,
          claimVersion: version,
          postedAt: event.at,
        }),
      );
    }

    try {
      await this.table.client.send(new TransactWriteItemsCommand({ TransactItems: actions }));
    } catch (error) {
      const codes = cancellationCodes(error);
      if (codes === undefined) throw error;
      if (posting && conditionFailedAt(codes, 2)) throw new AlreadyPostedError(tenantId, event.cause, claimId);
      if (acknowledging && conditionFailedAt(codes, 2)) throw new AlreadyAcknowledgedError(tenantId, event.cause, claimId);
      if (conditionFailedAt(codes, 0) || conditionFailedAt(codes, 1) || raced(codes)) {
        throw new VersionConflictError(tenantId, claimId, current.version);
      }
      throw error;
    }
    return updated;
  }

  async listReady(tenantId: string, receiverId: string, limit?: number): Promise<ClaimRecord[]> {
    const items = await queryAll(
      this.table,
      {
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: toAttributes({ ':pk': readyPartition(tenantId, receiverId) }),
        ScanIndexForward: true,
      },
      limit,
    );
    return items.map(toClaimRecord);
  }

  async listByStatus(tenantId: string, status: ClaimStatus): Promise<ClaimRecord[]> {
    const items = await queryAll(this.table, {
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: toAttributes({ ':pk': statusPartition(tenantId, status) }),
      ScanIndexForward: true,
    });
    return items.map(toClaimRecord);
  }

  async events(tenantId: string, claimId: string): Promise<StoredClaimEvent[]> {
    const { pk } = keys.claim(tenantId, await this.hash(tenantId, claimId));
    const items = await queryAll(this.table, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: toAttributes({ ':pk': pk, ':prefix': EVENT_SK_PREFIX }),
      ConsistentRead: true,
      ScanIndexForward: true,
    });
    return items.map(toStoredEvent);
  }

  private async hash(tenantId: string, claimId: string): Promise<string> {
    return claimHash(await this.hmacKey(), tenantId, claimId);
  }

  private async read(key: ItemKey): Promise<ClaimRecord | undefined> {
    const result = await this.table.client.send(
      new GetItemCommand({ TableName: this.table.tableName, Key: toAttributes({ ...key }), ConsistentRead: true }),
    );
    return result.Item ? toClaimRecord(fromAttributes(result.Item)) : undefined;
  }

  /**
   * Writes the whole claim item and its event. `expectedVersion` undefined:
   * the claim must not exist yet; otherwise it must still have that version.
   * Returns false when it lost a race (the caller re-reads and decides again).
   */
  private async writeWhole(record: ClaimRecord, hash: string, expectedVersion: number | undefined, event: ClaimEvent): Promise<boolean> {
    const claimPut: TransactWriteItem =
      expectedVersion === undefined
        ? this.putNew(claimItem(record, hash))
        : {
            Put: {
              TableName: this.table.tableName,
              Item: toAttributes(claimItem(record, hash)),
              ConditionExpression: '#version = :expected',
              ExpressionAttributeNames: { '#version': 'version' },
              ExpressionAttributeValues: toAttributes({ ':expected': expectedVersion }),
            },
          };
    try {
      await this.table.client.send(
        new TransactWriteItemsCommand({
          TransactItems: [claimPut, this.putNew(eventItem(record.tenantId, hash, record.version, event))],
        }),
      );
      return true;
    } catch (error) {
      const codes = cancellationCodes(error);
      if (codes !== undefined && (conditionFailedAt(codes, 0) || conditionFailedAt(codes, 1) || raced(codes))) return false;
      throw error;
    }
  }

  /** A Put that must not overwrite anything. */
  private putNew(item: Item): TransactWriteItem {
    return { Put: { TableName: this.table.tableName, Item: toAttributes(item), ConditionExpression: 'attribute_not_exists(pk)' } };
  }
}

/** A replacement (7) or void (8) of a claim the payer already has. */
function isReplacement(input: Pick<ClaimRecord, 'claim'>): boolean {
  return input.claim.frequencyCode === '7' || input.claim.frequencyCode === '8';
}

/** The payer's history of a claim that a replacement or void supersedes. */
function carriedOver(stored: ClaimRecord): Partial<ClaimRecord> {
  return {
    ...(stored.postings ? { postings: stored.postings } : {}),
    ...(stored.payment ? { payment: stored.payment } : {}),
    ...(stored.payerClaimId ? { payerClaimId: stored.payerClaimId } : {}),
    ...(stored.secondaryClaimId ? { secondaryClaimId: stored.secondaryClaimId } : {}),
    ...(stored.primaryClaimId ? { primaryClaimId: stored.primaryClaimId } : {}),
  };
}

function requireReceiver(record: Pick<ClaimRecord, 'receiverId'>): string {
  // Without a receiver a ready claim could never be batched: refuse rather than strand it.
  if (!record.receiverId) throw new Error('a ready claim needs a receiverId');
  return record.receiverId;
}

function claimItem(record: ClaimRecord, hash: string): Item {
  const { tenantId, status, updatedAt } = record;
  return {
    ...keys.claim(tenantId, hash),
    tenantId,
    claimId: record.claimId,
    status,
    version: record.version,
    claim: record.claim,
    findings: record.findings,
    receiverId: record.receiverId,
    source: record.source,
    batchId: record.batchId,
    payment: record.payment,
    postings: record.postings,
    secondaryClaimId: record.secondaryClaimId,
    primaryClaimId: record.primaryClaimId,
    payerClaimId: record.payerClaimId,
    createdAt: record.createdAt,
    updatedAt,
    ...keys.claimStatusIndex(tenantId, status, updatedAt, hash),
    ...(status === 'ready' ? keys.claimReadyIndex(tenantId, requireReceiver(record), updatedAt, hash) : {}),
  };
}

function eventItem(tenantId: string, hash: string, version: number, event: ClaimEvent): Item {
  return { ...keys.claimEvent(tenantId, hash, version), tenantId, version, ...event };
}

function toClaimRecord(item: Item): ClaimRecord {
  const record = withoutKeys(item) as unknown as ClaimRecord;
  return { ...record, findings: record.findings ?? [] };
}

function toStoredEvent(item: Item): StoredClaimEvent {
  const { tenantId: _tenantId, ...event } = withoutKeys(item);
  return event as unknown as StoredClaimEvent;
}

/** A redelivery of the same object version: same key and same etag (an object without an etag is never a duplicate). */
function sameSource(stored: SourceRef, incoming: SourceRef): boolean {
  return stored.file === incoming.file && stored.etag !== undefined && stored.etag === incoming.etag;
}

/** Non-PHI facts about where the claim came from, kept on its event. */
function sourceDetail(source: SourceRef): Record<string, unknown> {
  return { format: source.format, position: source.position, etag: source.etag };
}
