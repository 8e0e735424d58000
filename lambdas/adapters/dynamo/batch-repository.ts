/**
 * 837 batches. One open batch per tenant and receiver at most: the open-batch
 * pointer item is created in the same transaction as the batch and deleted in
 * the same transaction that marks it written, so its existence is the lock a
 * second concurrent build-batch run trips over.
 */
import { GetItemCommand, TransactWriteItemsCommand, type TransactWriteItem } from '@aws-sdk/client-dynamodb';
import { batchGroups, hasGroup, mergeGroupAck } from '../../core/acknowledgment/batch-ack.js';
import { BatchAlreadyOpenError, type BatchGroupAck, type BatchRecord, type BatchRepository } from '../../core/ports.js';
import { BATCH_ACK_SK_PREFIX, BATCH_SK_PREFIX, batchPartition, keys, type ItemKey } from './keys.js';
import { fromAttributes, queryAll, toAttributes, withoutKeys, type Item, type TableRef } from './table.js';
import { cancellationCodes, conditionFailedAt, raced } from './transaction-errors.js';

/** Read-modify-write rounds for the batch's acknowledgment before giving up to the SQS retry. */
const MAX_ACK_ATTEMPTS = 5;

export class DynamoBatchRepository implements BatchRepository {
  constructor(private readonly table: TableRef) {}

  async findOpen(tenantId: string, receiverId: string): Promise<BatchRecord | undefined> {
    const pointer = await this.read(keys.openBatch(tenantId, receiverId));
    if (pointer === undefined || typeof pointer.batchId !== 'string') return undefined;
    return this.get(tenantId, pointer.batchId);
  }

  async open(batch: BatchRecord): Promise<void> {
    const { tenantId, batchId, receiverId } = batch;
    try {
      await this.table.client.send(
        new TransactWriteItemsCommand({
          TransactItems: [
            this.putNew({ ...keys.batch(tenantId, batchId), ...compact(batch), status: 'open' }),
            this.putNew({ ...keys.openBatch(tenantId, receiverId), tenantId, receiverId, batchId }),
            ...this.groupPointers(batch),
          ],
        }),
      );
    } catch (error) {
      const codes = cancellationCodes(error);
      if (codes !== undefined && (conditionFailedAt(codes, 1) || raced(codes))) throw new BatchAlreadyOpenError(tenantId, receiverId);
      if (codes !== undefined && conditionFailedAt(codes, 0)) throw new Error('a batch with this batch id already exists');
      throw error;
    }
  }

  async markWritten(batch: BatchRecord, at: string): Promise<void> {
    const { tenantId, batchId, receiverId } = batch;
    try {
      await this.table.client.send(
        new TransactWriteItemsCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.table.tableName,
                Key: toAttributes({ ...keys.batch(tenantId, batchId) }),
                UpdateExpression: 'SET #status = :written, writtenAt = :at',
                ConditionExpression: '#status = :open',
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: toAttributes({ ':written': 'written', ':open': 'open', ':at': at }),
              },
            },
            {
              // Only release the lock this batch holds, never another run's.
              Delete: {
                TableName: this.table.tableName,
                Key: toAttributes({ ...keys.openBatch(tenantId, receiverId) }),
                ConditionExpression: 'batchId = :batchId',
                ExpressionAttributeValues: toAttributes({ ':batchId': batchId }),
              },
            },
            // Again here: a batch writer that settles its groups only when writing still gets them.
            ...this.groupPointers(batch),
          ],
        }),
      );
    } catch (error) {
      if (cancellationCodes(error) === undefined) throw error;
      // A retried run finding its batch already written has nothing left to do.
      const stored = await this.get(tenantId, batchId);
      if (stored?.status === 'written') return;
      throw new Error(stored ? 'batch is not the open batch of its receiver' : 'batch does not exist');
    }
  }

  async get(tenantId: string, batchId: string): Promise<BatchRecord | undefined> {
    const item = await this.read(keys.batch(tenantId, batchId));
    return item === undefined ? undefined : toBatch(item);
  }

  async list(tenantId: string): Promise<BatchRecord[]> {
    const items = await queryAll(this.table, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: toAttributes({ ':pk': batchPartition(tenantId), ':prefix': BATCH_SK_PREFIX }),
      ConsistentRead: true,
    });
    return items.map(toBatch);
  }

  async findByGroupControlNumber(tenantId: string, receiverId: string, groupControlNumber: number): Promise<BatchRecord | undefined> {
    const pointer = await this.read(keys.batchGroup(tenantId, receiverId, groupControlNumber));
    if (pointer !== undefined && typeof pointer.batchId === 'string') {
      const batch = await this.get(tenantId, pointer.batchId);
      if (batch && batch.receiverId === receiverId && hasGroup(batch, groupControlNumber)) return batch;
    }
    // No pointer (a batch recorded before pointers existed) or a stale one: look through the tenant's batches.
    const candidates = (await this.list(tenantId))
      .filter((b) => b.receiverId === receiverId && hasGroup(b, groupControlNumber))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    return candidates[0];
  }

  async recordAcknowledgment(tenantId: string, batchId: string, group: BatchGroupAck): Promise<'recorded' | 'duplicate'> {
    for (let attempt = 0; attempt < MAX_ACK_ATTEMPTS; attempt++) {
      const item = await this.read(keys.batch(tenantId, batchId));
      if (item === undefined) throw new Error('batch does not exist');
      const batch = toBatch(item);
      const revision = typeof item.ackRevision === 'number' ? item.ackRevision : 0;
      const acknowledgment = mergeGroupAck(batch, group);
      const actions: TransactWriteItem[] = [
        this.putNew({ ...keys.batchAcknowledgment(tenantId, batchId, group.controlNumber, group.ackId), tenantId, batchId, ...group }),
        {
          Update: {
            TableName: this.table.tableName,
            Key: toAttributes({ ...keys.batch(tenantId, batchId) }),
            UpdateExpression: 'SET acknowledgment = :ack, ackRevision = :next',
            // Optimistic: two 999s for two groups of one batch must not overwrite each other.
            ConditionExpression: revision === 0 ? 'attribute_not_exists(ackRevision)' : 'ackRevision = :rev',
            ExpressionAttributeValues: toAttributes({ ':ack': acknowledgment, ':next': revision + 1, ...(revision === 0 ? {} : { ':rev': revision }) }),
          },
        },
      ];
      try {
        await this.table.client.send(new TransactWriteItemsCommand({ TransactItems: actions }));
        return 'recorded';
      } catch (error) {
        const codes = cancellationCodes(error);
        if (codes === undefined) throw error;
        if (conditionFailedAt(codes, 0)) return 'duplicate';
        if (conditionFailedAt(codes, 1) || raced(codes)) continue;
        throw error;
      }
    }
    throw new Error('batch acknowledgment changed concurrently too often');
  }

  async acknowledgmentEvents(tenantId: string, batchId: string): Promise<BatchGroupAck[]> {
    const items = await queryAll(this.table, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: toAttributes({ ':pk': batchPartition(tenantId), ':prefix': `${BATCH_ACK_SK_PREFIX}${batchId}#` }),
      ConsistentRead: true,
    });
    return items
      .map((item) => {
        const { tenantId: _t, batchId: _b, ...group } = withoutKeys(item);
        return group as unknown as BatchGroupAck;
      })
      .sort((a, b) => a.at.localeCompare(b.at));
  }

  /** Pointers from (receiver, GS06) to the batch, written with the batch (unconditional: newest wins). */
  private groupPointers(batch: BatchRecord): TransactWriteItem[] {
    const { tenantId, batchId, receiverId } = batch;
    return batchGroups(batch).map((group) => ({
      Put: {
        TableName: this.table.tableName,
        Item: toAttributes({ ...keys.batchGroup(tenantId, receiverId, group.controlNumber), tenantId, receiverId, batchId }),
      },
    }));
  }

  private async read(key: ItemKey): Promise<Item | undefined> {
    const result = await this.table.client.send(
      new GetItemCommand({ TableName: this.table.tableName, Key: toAttributes({ ...key }), ConsistentRead: true }),
    );
    return result.Item ? fromAttributes(result.Item) : undefined;
  }

  private putNew(item: Item) {
    return { Put: { TableName: this.table.tableName, Item: toAttributes(item), ConditionExpression: 'attribute_not_exists(pk)' } };
  }
}

/** The record without its keys and the acknowledgment's optimistic-lock counter. */
/**
 * A batch with groups stores its claim ids once, inside the groups: 5,000
 * ids of up to 38 characters listed twice would crowd DynamoDB's 400 KB item
 * limit. `claimIds` is the groups' ids in file order (build-batch makes it
 * so), and is rebuilt from them on read.
 */
function compact(batch: BatchRecord): BatchRecord {
  return batch.groups && batch.groups.length > 0 ? { ...batch, claimIds: [] } : batch;
}

function toBatch(item: Item): BatchRecord {
  const { ackRevision: _revision, ...record } = withoutKeys(item);
  const batch = record as unknown as BatchRecord;
  if (batch.groups && batch.groups.length > 0) {
    return { ...batch, claimIds: batch.groups.flatMap((group) => group.transactions.flatMap((transaction) => transaction.claimIds)) };
  }
  return batch;
}
