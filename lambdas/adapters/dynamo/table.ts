/**
 * What every DynamoDB repository shares: the client and table name, a paginated
 * query, and the marshalling options. Queries always follow LastEvaluatedKey:
 * a repository never silently returns the first page only.
 */
import { DynamoDBClient, QueryCommand, type AttributeValue, type QueryCommandInput } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { KEY_ATTRIBUTES } from './keys.js';

export interface TableRef {
  client: DynamoDBClient;
  tableName: string;
}

export type Item = Record<string, unknown>;

export function toAttributes(item: Item): Record<string, AttributeValue> {
  return marshall(item, { removeUndefinedValues: true });
}

export function fromAttributes(attributes: Record<string, AttributeValue>): Item {
  return unmarshall(attributes);
}

/** A record without the attributes that only key the item. */
export function withoutKeys(item: Item): Item {
  const copy: Item = { ...item };
  for (const name of KEY_ATTRIBUTES) delete copy[name];
  return copy;
}

/**
 * Runs a query to the end (or until `limit` items), page by page.
 * `limit` caps the result; `input.Limit` is only the page size.
 */
export async function queryAll(table: TableRef, input: Omit<QueryCommandInput, 'TableName'>, limit?: number): Promise<Item[]> {
  const items: Item[] = [];
  if (limit !== undefined && limit <= 0) return items;
  let startKey: Record<string, AttributeValue> | undefined;
  do {
    const remaining = limit === undefined ? undefined : limit - items.length;
    const pageSize = remaining === undefined ? input.Limit : Math.min(remaining, input.Limit ?? remaining);
    const page = await table.client.send(
      new QueryCommand({
        ...input,
        TableName: table.tableName,
        ExclusiveStartKey: startKey,
        Limit: pageSize,
      }),
    );
    for (const attributes of page.Items ?? []) items.push(fromAttributes(attributes));
    startKey = page.LastEvaluatedKey;
  } while (startKey !== undefined && (limit === undefined || items.length < limit));
  return items;
}
