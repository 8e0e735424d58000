/**
 * Creates claimflow's resources in the local services from the same
 * definitions the CDK stack uses (lib/definitions.ts): the DynamoDB table,
 * the buckets, the queues with their dead-letter queues, and the data
 * bucket's S3 event notifications for each tenant. Safe to call again: what
 * exists is checked and kept.
 */
import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  ResourceInUseException,
  UpdateTimeToLiveCommand,
  type AttributeDefinition,
  type DynamoDBClient,
  type TableDescription,
} from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, type S3Client } from '@aws-sdk/client-s3';
import { CreateQueueCommand, GetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { BUCKETS, ENV, FUNCTIONS, NOTIFICATIONS, QUEUES, TABLE, type QueueDefinition, type QueueName } from '../../lib/definitions.js';
import { localClients } from './clients.js';
import type { QueueNotification } from './s3-notifications.js';
import type { LocalServices } from './services.js';

/**
 * HMAC key of the local stack (in AWS it comes from Secrets Manager). Not a
 * secret: fixed so that ids derived from it are stable between local runs.
 * 32 bytes, written as 64 hex characters.
 */
export const LOCAL_HMAC_KEY = '6c6f63616c2d636c61696d666c6f772d686d61632d6b65792d6e6f742d736563';

export interface LocalQueue {
  name: QueueName;
  url: string;
  arn: string;
  dlqName: string;
  dlqUrl: string;
  dlqArn: string;
  definition: QueueDefinition;
}

export interface LocalResources {
  tableName: string;
  buckets: { data: string; accessLogs: string };
  queues: Record<QueueName, LocalQueue>;
  /** The data bucket's notification configurations, one per NOTIFICATIONS entry and tenant. */
  notifications: QueueNotification[];
  /**
   * Environment for handlers run locally: the ENV keys, plus the region and
   * credentials the Lambda runtime would provide.
   */
  env: Record<string, string>;
}

export interface CreateLocalResourcesOptions {
  /** Send S3's s3:TestEvent to the queues when their notification configuration is new (default true, as S3 does). */
  testEvents?: boolean;
}

async function ensureTable(dynamo: DynamoDBClient): Promise<string> {
  const tableName = TABLE.id;
  const keys = [TABLE.partitionKey, TABLE.sortKey, ...TABLE.globalSecondaryIndexes.flatMap((i) => [i.partitionKey, i.sortKey])];
  const attributeDefinitions: AttributeDefinition[] = [...new Map(keys.map((k) => [k.name, k])).values()].map((k) => ({
    AttributeName: k.name,
    AttributeType: k.type,
  }));
  try {
    await dynamo.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: attributeDefinitions,
        KeySchema: [
          { AttributeName: TABLE.partitionKey.name, KeyType: 'HASH' },
          { AttributeName: TABLE.sortKey.name, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: TABLE.globalSecondaryIndexes.map((index) => ({
          IndexName: index.indexName,
          KeySchema: [
            { AttributeName: index.partitionKey.name, KeyType: 'HASH' },
            { AttributeName: index.sortKey.name, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        })),
      }),
    );
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
    const existing = await dynamo.send(new DescribeTableCommand({ TableName: tableName }));
    const problem = tableMismatch(existing.Table);
    if (problem) throw new Error(`table ${tableName} exists but differs from lib/definitions.ts: ${problem}`);
  }
  const ttl = await dynamo.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
  if (ttl.TimeToLiveDescription?.TimeToLiveStatus !== 'ENABLED') {
    await dynamo.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: TABLE.timeToLiveAttribute, Enabled: true },
      }),
    );
  }
  return tableName;
}

/** Names the first way an existing table differs from TABLE, or undefined when it matches. */
export function tableMismatch(table: TableDescription | undefined): string | undefined {
  if (!table) return 'no description';
  const keyOf = (schema: TableDescription['KeySchema']) =>
    (schema ?? []).map((k) => `${k.AttributeName}:${k.KeyType}`).join(',');
  if (keyOf(table.KeySchema) !== `${TABLE.partitionKey.name}:HASH,${TABLE.sortKey.name}:RANGE`) return 'key schema';
  const types = new Map((table.AttributeDefinitions ?? []).map((a) => [a.AttributeName, a.AttributeType]));
  const indexes = new Map((table.GlobalSecondaryIndexes ?? []).map((i) => [i.IndexName, i]));
  if (indexes.size !== TABLE.globalSecondaryIndexes.length) return 'number of global secondary indexes';
  for (const def of TABLE.globalSecondaryIndexes) {
    const index = indexes.get(def.indexName);
    if (!index) return `index ${def.indexName} is missing`;
    if (keyOf(index.KeySchema) !== `${def.partitionKey.name}:HASH,${def.sortKey.name}:RANGE`) return `key schema of ${def.indexName}`;
    if (index.Projection?.ProjectionType !== 'ALL') return `projection of ${def.indexName}`;
  }
  for (const key of [TABLE.partitionKey, TABLE.sortKey, ...TABLE.globalSecondaryIndexes.flatMap((i) => [i.partitionKey, i.sortKey])]) {
    if (types.get(key.name) !== key.type) return `type of attribute ${key.name}`;
  }
  if (table.BillingModeSummary?.BillingMode !== 'PAY_PER_REQUEST') return 'billing mode';
  return undefined;
}

async function ensureBucket(s3: S3Client, name: string): Promise<void> {
  try {
    await s3.send(new CreateBucketCommand({ Bucket: name }));
  } catch (error) {
    if (!(error instanceof Error && error.name === 'BucketAlreadyOwnedByYou')) throw error;
  }
}

async function queueArn(sqs: SQSClient, url: string): Promise<string> {
  const answer = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }));
  const arn = answer.Attributes?.QueueArn;
  if (!arn) throw new Error(`queue ${url} has no QueueArn`);
  return arn;
}

async function ensureQueue(sqs: SQSClient, definition: QueueDefinition): Promise<LocalQueue> {
  const dlq = await sqs.send(new CreateQueueCommand({ QueueName: definition.deadLetterQueueName }));
  if (!dlq.QueueUrl) throw new Error(`CreateQueue returned no URL for ${definition.deadLetterQueueName}`);
  const dlqArn = await queueArn(sqs, dlq.QueueUrl);
  const queue = await sqs.send(
    new CreateQueueCommand({
      QueueName: definition.name,
      Attributes: {
        VisibilityTimeout: String(definition.visibilityTimeoutSeconds),
        RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: definition.maxReceiveCount }),
      },
    }),
  );
  if (!queue.QueueUrl) throw new Error(`CreateQueue returned no URL for ${definition.name}`);
  return {
    name: definition.name,
    url: queue.QueueUrl,
    arn: await queueArn(sqs, queue.QueueUrl),
    dlqName: definition.deadLetterQueueName,
    dlqUrl: dlq.QueueUrl,
    dlqArn,
    definition,
  };
}

/** The notification configurations of the data bucket: NOTIFICATIONS x tenants. */
export function notificationConfigurations(
  tenantIds: string[],
  queues: Record<QueueName, Pick<LocalQueue, 'url' | 'arn'>>,
): QueueNotification[] {
  return tenantIds.flatMap((tenantId) =>
    NOTIFICATIONS.map((n) => ({
      id: `${n.queue}-${tenantId}`,
      queueUrl: queues[n.queue].url,
      queueArn: queues[n.queue].arn,
      prefix: n.prefix(tenantId),
    })),
  );
}

export function localEnv(services: Pick<LocalServices, 'region' | 'dynamoEndpoint' | 'awsEndpoint' | 'credentials'>, tableName: string, dataBucket: string): Record<string, string> {
  return {
    [ENV.table]: tableName,
    [ENV.bucket]: dataBucket,
    [ENV.hmacKey]: LOCAL_HMAC_KEY,
    [ENV.dynamoEndpoint]: services.dynamoEndpoint,
    [ENV.s3Endpoint]: services.awsEndpoint,
    AWS_REGION: services.region,
    AWS_DEFAULT_REGION: services.region,
    AWS_ACCESS_KEY_ID: services.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: services.credentials.secretAccessKey,
  };
}

export async function createLocalResources(
  services: LocalServices,
  tenantIds: string[],
  opts: CreateLocalResourcesOptions = {},
): Promise<LocalResources> {
  const clients = localClients(services);
  try {
    const [tableName] = await Promise.all([
      ensureTable(clients.dynamo),
      ensureBucket(clients.s3, BUCKETS.data.localName),
      ensureBucket(clients.s3, BUCKETS.accessLogs.localName),
    ]);
    const queueList = await Promise.all(Object.values(QUEUES).map((definition) => ensureQueue(clients.sqs, definition)));
    const queues = Object.fromEntries(queueList.map((q) => [q.name, q])) as Record<QueueName, LocalQueue>;
    const notifications = notificationConfigurations([...new Set(tenantIds)], queues);
    await services.notifications.setQueueConfigurations(BUCKETS.data.localName, notifications, {
      testEvent: opts.testEvents ?? true,
    });
    return {
      tableName,
      buckets: { data: BUCKETS.data.localName, accessLogs: BUCKETS.accessLogs.localName },
      queues,
      notifications,
      env: localEnv(services, tableName, BUCKETS.data.localName),
    };
  } finally {
    clients.destroy();
  }
}

/** The function definition that consumes a queue (its timeout and memory shape the local Lambda context). */
export function consumerOf(queue: QueueName) {
  const fn = Object.values(FUNCTIONS).find((f) => f.queue === queue);
  if (!fn) throw new Error(`no function in FUNCTIONS consumes queue ${queue}`);
  return fn;
}
