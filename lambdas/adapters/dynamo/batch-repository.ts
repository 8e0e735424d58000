/**
 * 837 batches. One open batch per tenant and receiver at most: the open-batch
 * pointer item is created in the same transaction as the batch and deleted in
 * the same transaction that marks it written, so its existence is the lock a
 * second concurrent build-batch run trips over.
 */
import { GetItemCommand, TransactWriteItemsCommand } from '@aws-sdk/client-dynamodb';
import { BatchAlreadyOpenError, type BatchRecord, type BatchRepository } from '../../core/ports.js';
import { BATCH_SK_PREFIX, batchPartition, keys, type ItemKey } from './keys.js';
import { fromAttributes, queryAll, toAttributes, withoutKeys, type Item, type TableRef } from './table.js';
import { cancellationCodes, conditionFailedAt, raced } from './transaction-errors.js';

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
            this.putNew({ ...keys.batch(tenantId, batchId), ...batch, status: 'open' }),
            this.putNew({ ...keys.openBatch(tenantId, receiverId), tenantId, receiverId, batchId }),
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
    return item === undefined ? undefined : (withoutKeys(item) as unknown as BatchRecord);
  }

  async list(tenantId: string): Promise<BatchRecord[]> {
    const items = await queryAll(this.table, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: toAttributes({ ':pk': batchPartition(tenantId), ':prefix': BATCH_SK_PREFIX }),
      ConsistentRead: true,
    });
    return items.map((item) => withoutKeys(item) as unknown as BatchRecord);
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
