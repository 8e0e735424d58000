/**
 * Exceptions: files or claims a person has to look at. Sorted by time within
 * the tenant; objects whose key names no valid tenant go under `_system`
 * (an invalid tenant id must never become part of a key).
 */
import { randomUUID } from 'node:crypto';
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { TenantId } from '../../core/claim/model.js';
import type { ExceptionRecord, ExceptionRepository } from '../../core/ports.js';
import { exceptionPartition, keys, SYSTEM_TENANT } from './keys.js';
import { queryAll, toAttributes, withoutKeys, type TableRef } from './table.js';

export class DynamoExceptionRepository implements ExceptionRepository {
  constructor(private readonly table: TableRef) {}

  async record(exception: ExceptionRecord): Promise<void> {
    const tenantId = TenantId.safeParse(exception.tenantId).success ? exception.tenantId : SYSTEM_TENANT;
    // The random suffix keeps two exceptions recorded in the same millisecond apart.
    const key = keys.exception(tenantId, exception.at, randomUUID());
    await this.table.client.send(
      new PutItemCommand({
        TableName: this.table.tableName,
        Item: toAttributes({ ...key, ...exception, tenantId }),
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  /** Oldest first. `_system` lists the exceptions of objects without a valid tenant. */
  async list(tenantId: string): Promise<ExceptionRecord[]> {
    const items = await queryAll(this.table, {
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: toAttributes({ ':pk': exceptionPartition(tenantId) }),
      ConsistentRead: true,
      ScanIndexForward: true,
    });
    return items.map((item) => withoutKeys(item) as unknown as ExceptionRecord);
  }
}
