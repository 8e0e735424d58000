/**
 * Received acknowledgments (999 and 277CA transaction sets) per tenant. The
 * per-claim idempotency markers are written by DynamoClaimRepository.transition
 * with each 'acknowledgment-posted' event; the per-group batch events by
 * DynamoBatchRepository.recordAcknowledgment.
 */
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import type { AcknowledgmentRecord, AcknowledgmentRepository } from '../../core/ports.js';
import { ACKNOWLEDGMENT_SK_PREFIX, acknowledgmentPartition, keys } from './keys.js';
import { queryAll, toAttributes, withoutKeys, type TableRef } from './table.js';

export class DynamoAcknowledgmentRepository implements AcknowledgmentRepository {
  constructor(private readonly table: TableRef) {}

  /** Upsert: a redelivered file rewrites the record with what the second pass saw. */
  async put(record: AcknowledgmentRecord): Promise<void> {
    await this.table.client.send(
      new PutItemCommand({
        TableName: this.table.tableName,
        Item: toAttributes({ ...keys.acknowledgment(record.tenantId, record.kind, record.ackId), ...record }),
      }),
    );
  }

  async list(tenantId: string): Promise<AcknowledgmentRecord[]> {
    const items = await queryAll(this.table, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: toAttributes({ ':pk': acknowledgmentPartition(tenantId), ':prefix': ACKNOWLEDGMENT_SK_PREFIX }),
      ConsistentRead: true,
    });
    return items.map((item) => withoutKeys(item) as unknown as AcknowledgmentRecord).sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
  }
}
