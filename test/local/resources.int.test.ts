import { DescribeTableCommand, DescribeTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { HeadBucketCommand } from '@aws-sdk/client-s3';
import { GetQueueAttributesCommand, ListQueuesCommand } from '@aws-sdk/client-sqs';
import { describe, expect, it } from 'vitest';
import { BUCKETS, ENV, NOTIFICATIONS, QUEUES, TABLE } from '../../lib/definitions.js';
import { createLocalResources, tableMismatch } from '../../bin/local/resources.js';
import { useLocalStack } from '../support/local-stack.js';

const TENANTS = ['acme', 'globex'];

describe('createLocalResources', () => {
  const stack = useLocalStack({ tenants: TENANTS, testEvents: false });

  it('creates the table exactly as TABLE defines it', async () => {
    const { Table } = await stack.clients.dynamo.send(new DescribeTableCommand({ TableName: stack.resources.tableName }));
    expect(stack.resources.tableName).toBe(TABLE.id);
    expect(Table?.KeySchema).toEqual([
      { AttributeName: TABLE.partitionKey.name, KeyType: 'HASH' },
      { AttributeName: TABLE.sortKey.name, KeyType: 'RANGE' },
    ]);
    expect(Table?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
    const indexes = (Table?.GlobalSecondaryIndexes ?? []).map((i) => ({
      name: i.IndexName,
      keys: i.KeySchema,
      projection: i.Projection?.ProjectionType,
    }));
    expect(indexes.sort((a, b) => String(a.name).localeCompare(String(b.name)))).toEqual(
      TABLE.globalSecondaryIndexes.map((i) => ({
        name: i.indexName,
        keys: [
          { AttributeName: i.partitionKey.name, KeyType: 'HASH' },
          { AttributeName: i.sortKey.name, KeyType: 'RANGE' },
        ],
        projection: 'ALL',
      })),
    );
    const types = Object.fromEntries((Table?.AttributeDefinitions ?? []).map((a) => [a.AttributeName, a.AttributeType]));
    for (const key of [TABLE.partitionKey, TABLE.sortKey, ...TABLE.globalSecondaryIndexes.flatMap((i) => [i.partitionKey, i.sortKey])]) {
      expect(types[key.name]).toBe(key.type);
    }
    expect(tableMismatch(Table)).toBeUndefined();
    const ttl = await stack.clients.dynamo.send(new DescribeTimeToLiveCommand({ TableName: TABLE.id }));
    expect(ttl.TimeToLiveDescription).toMatchObject({ TimeToLiveStatus: 'ENABLED', AttributeName: TABLE.timeToLiveAttribute });
  });

  it('tells a table that differs from the definition', async () => {
    const { Table } = await stack.clients.dynamo.send(new DescribeTableCommand({ TableName: TABLE.id }));
    expect(Table).toBeDefined();
    const withoutIndex = { ...Table, GlobalSecondaryIndexes: Table?.GlobalSecondaryIndexes?.slice(1) };
    expect(tableMismatch(withoutIndex)).toBe('number of global secondary indexes');
    const keysOnly = {
      ...Table,
      GlobalSecondaryIndexes: Table?.GlobalSecondaryIndexes?.map((i) => ({ ...i, Projection: { ProjectionType: 'KEYS_ONLY' as const } })),
    };
    expect(tableMismatch(keysOnly)).toMatch(/^projection of gsi/);
  });

  it('creates the buckets under their local names', async () => {
    expect(stack.resources.buckets).toEqual({ data: BUCKETS.data.localName, accessLogs: BUCKETS.accessLogs.localName });
    for (const bucket of Object.values(stack.resources.buckets)) {
      const head = await stack.clients.s3.send(new HeadBucketCommand({ Bucket: bucket }));
      expect(head.$metadata.httpStatusCode).toBe(200);
    }
  });

  it('creates each queue with its visibility timeout and a redrive policy to its DLQ', async () => {
    const listed = await stack.clients.sqs.send(new ListQueuesCommand({}));
    const names = (listed.QueueUrls ?? []).map((url) => url.split('/').at(-1)).sort();
    expect(names).toEqual(Object.values(QUEUES).flatMap((q) => [q.name, q.deadLetterQueueName]).sort());

    for (const definition of Object.values(QUEUES)) {
      const queue = stack.resources.queues[definition.name];
      expect(queue.definition).toEqual(definition);
      const { Attributes } = await stack.clients.sqs.send(
        new GetQueueAttributesCommand({ QueueUrl: queue.url, AttributeNames: ['All'] }),
      );
      expect(Attributes?.VisibilityTimeout).toBe(String(definition.visibilityTimeoutSeconds));
      expect(Attributes?.QueueArn).toBe(queue.arn);
      const redrive = JSON.parse(Attributes?.RedrivePolicy ?? '{}') as { deadLetterTargetArn?: string; maxReceiveCount?: number };
      expect(redrive.deadLetterTargetArn).toBe(queue.dlqArn);
      expect(Number(redrive.maxReceiveCount)).toBe(definition.maxReceiveCount);
      const dlq = await stack.clients.sqs.send(new GetQueueAttributesCommand({ QueueUrl: queue.dlqUrl, AttributeNames: ['QueueArn'] }));
      expect(dlq.Attributes?.QueueArn).toBe(queue.dlqArn);
      expect(queue.dlqArn.endsWith(`:${definition.deadLetterQueueName}`)).toBe(true);
    }
  });

  it('configures one notification per NOTIFICATIONS entry and tenant on the data bucket', () => {
    const configured = stack.services.notifications.queueConfigurations(BUCKETS.data.localName);
    expect(configured).toEqual(stack.resources.notifications);
    expect(configured).toHaveLength(NOTIFICATIONS.length * TENANTS.length);
    for (const tenant of TENANTS) {
      for (const n of NOTIFICATIONS) {
        const match = configured.filter((c) => c.prefix === n.prefix(tenant));
        expect(match).toHaveLength(1);
        expect(match[0]?.queueArn).toBe(stack.resources.queues[n.queue].arn);
        expect(match[0]?.queueUrl).toBe(stack.resources.queues[n.queue].url);
      }
    }
  });

  it('gives handlers an environment with every ENV key they read locally', () => {
    const env = stack.resources.env;
    expect(env[ENV.table]).toBe(TABLE.id);
    expect(env[ENV.bucket]).toBe(BUCKETS.data.localName);
    expect(env[ENV.dynamoEndpoint]).toBe(stack.services.dynamoEndpoint);
    expect(env[ENV.s3Endpoint]).toBe(stack.services.awsEndpoint);
    expect(env[ENV.hmacKey]).toMatch(/^[0-9a-f]{64}$/);
    // The secret ARN is for AWS only: locally the key itself is given.
    expect(env[ENV.hmacSecretArn]).toBeUndefined();
    expect(env.AWS_REGION).toBe(stack.services.region);
  });

  it('can be called again with the same result', async () => {
    const again = await createLocalResources(stack.services, TENANTS, { testEvents: false });
    expect(again).toEqual(stack.resources);
  });
});
