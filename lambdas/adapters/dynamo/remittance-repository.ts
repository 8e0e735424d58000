/**
 * Remittance (835) records per tenant, and the posting markers that make
 * posting idempotent. The markers themselves are written by
 * DynamoClaimRepository.transition in the posting transaction.
 */
import { GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import type { RemittanceRecord, RemittanceRepository } from '../../core/ports.js';
import type { HmacKeyProvider } from '../hmac-key.js';
import { claimHash, keys, REMITTANCE_SK_PREFIX, remittancePartition } from './keys.js';
import { fromAttributes, queryAll, toAttributes, withoutKeys, type TableRef } from './table.js';

export class DynamoRemittanceRepository implements RemittanceRepository {
  constructor(
    private readonly table: TableRef,
    private readonly hmacKey: HmacKeyProvider,
  ) {}

  /** Upsert: the record is rewritten as posting progresses (counts of posted claims and exceptions). */
  async put(record: RemittanceRecord): Promise<void> {
    await this.table.client.send(
      new PutItemCommand({
        TableName: this.table.tableName,
        Item: toAttributes({ ...keys.remittance(record.tenantId, record.remittanceId), ...record }),
      }),
    );
  }

  async get(tenantId: string, remittanceId: string): Promise<RemittanceRecord | undefined> {
    const result = await this.table.client.send(
      new GetItemCommand({
        TableName: this.table.tableName,
        Key: toAttributes({ ...keys.remittance(tenantId, remittanceId) }),
        ConsistentRead: true,
      }),
    );
    return result.Item ? (withoutKeys(fromAttributes(result.Item)) as unknown as RemittanceRecord) : undefined;
  }

  async list(tenantId: string): Promise<RemittanceRecord[]> {
    const items = await queryAll(this.table, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: toAttributes({ ':pk': remittancePartition(tenantId), ':prefix': REMITTANCE_SK_PREFIX }),
      ConsistentRead: true,
    });
    return items.map((item) => withoutKeys(item) as unknown as RemittanceRecord);
  }

  async isPosted(tenantId: string, remittanceId: string, claimId: string, occurrence = 1): Promise<boolean> {
    const hash = claimHash(await this.hmacKey(), tenantId, claimId);
    const result = await this.table.client.send(
      new GetItemCommand({
        TableName: this.table.tableName,
        Key: toAttributes({ ...keys.remittancePosting(tenantId, remittanceId, hash, occurrence) }),
        ConsistentRead: true,
        ProjectionExpression: 'pk',
      }),
    );
    return result.Item !== undefined;
  }
}
