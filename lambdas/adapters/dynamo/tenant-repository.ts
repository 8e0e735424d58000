/** Tenant configuration: one item per tenant, validated on the way in and out. */
import { GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import type { TenantRepository } from '../../core/ports.js';
import { TenantConfig } from '../../core/tenant/config.js';
import { keys } from './keys.js';
import { fromAttributes, toAttributes, type TableRef } from './table.js';

export class DynamoTenantRepository implements TenantRepository {
  constructor(private readonly table: TableRef) {}

  async get(tenantId: string): Promise<TenantConfig | undefined> {
    const result = await this.table.client.send(
      new GetItemCommand({ TableName: this.table.tableName, Key: toAttributes({ ...keys.tenantConfig(tenantId) }), ConsistentRead: true }),
    );
    if (!result.Item) return undefined;
    // Parsing on read applies defaults added since the config was stored.
    return TenantConfig.parse(fromAttributes(result.Item).config);
  }

  async put(config: TenantConfig): Promise<void> {
    const valid = TenantConfig.parse(config);
    await this.table.client.send(
      new PutItemCommand({
        TableName: this.table.tableName,
        Item: toAttributes({ ...keys.tenantConfig(valid.tenantId), tenantId: valid.tenantId, config: valid }),
      }),
    );
  }
}
