import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { CreateQueueCommand, GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localClients, type LocalClients } from '../../bin/local/clients.js';
import { JAVA_MISSING_MESSAGE, startDynamoDbLocal } from '../../bin/local/dynamodb-local.js';
import { startLocalServices, type LocalServices } from '../../bin/local/services.js';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function portOpen(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port) });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('startLocalServices', () => {
  let services: LocalServices;
  let clients: LocalClients;

  beforeAll(async () => {
    services = await startLocalServices();
    clients = localClients(services);
  });
  afterAll(async () => {
    clients?.destroy();
    await services?.stop();
  });

  it('runs DynamoDB Local and fauxqs on distinct free ports of 127.0.0.1', () => {
    const dynamo = new URL(services.dynamoEndpoint);
    const aws = new URL(services.awsEndpoint);
    expect(dynamo.hostname).toBe('127.0.0.1');
    expect(aws.hostname).toBe('127.0.0.1');
    expect(Number(dynamo.port)).toBeGreaterThan(0);
    expect(Number(aws.port)).toBeGreaterThan(0);
    expect(dynamo.port).not.toBe(aws.port);
    // A fixed default port would collide between parallel test files.
    expect(dynamo.port).not.toBe('8000');
    expect(aws.port).not.toBe('4566');
    expect(isAlive(services.dynamoPid)).toBe(true);
  });

  it('answers DynamoDB, path-style S3 and SQS requests', async () => {
    const tables = await clients.dynamo.send(new ListTablesCommand({}));
    expect(tables.TableNames).toEqual([]);

    await clients.s3.send(new CreateBucketCommand({ Bucket: 'smoke-bucket' }));
    await clients.s3.send(new PutObjectCommand({ Bucket: 'smoke-bucket', Key: 'a/b c.txt', Body: 'hello' }));
    const object = await clients.s3.send(new GetObjectCommand({ Bucket: 'smoke-bucket', Key: 'a/b c.txt' }));
    expect(await object.Body?.transformToString()).toBe('hello');

    const queue = await clients.sqs.send(new CreateQueueCommand({ QueueName: 'smoke-queue' }));
    // fauxqs names queues sqs.<region>.localhost:<port>; the SDK still sends to the endpoint.
    expect(queue.QueueUrl).toBe(`http://sqs.${services.region}.localhost:${new URL(services.awsEndpoint).port}/000000000000/smoke-queue`);
    const attributes = await clients.sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: queue.QueueUrl, AttributeNames: ['QueueArn'] }),
    );
    expect(attributes.Attributes?.QueueArn).toBe(`arn:aws:sqs:${services.region}:000000000000:smoke-queue`);
  });

  it('stop() ends the JVM and closes both ports', async () => {
    const pid = services.dynamoPid;
    await services.stop();
    expect(isAlive(pid)).toBe(false);
    expect(await portOpen(services.dynamoEndpoint)).toBe(false);
    expect(await portOpen(services.awsEndpoint)).toBe(false);
    // A second stop() is harmless (afterAll calls it again).
    await services.stop();
  });
});

describe('startDynamoDbLocal without Java', () => {
  it('fails with a message that says to install a JRE', async () => {
    const saved = { PATH: process.env.PATH, JAVA_HOME: process.env.JAVA_HOME };
    process.env.PATH = '/nonexistent';
    delete process.env.JAVA_HOME;
    try {
      await expect(startDynamoDbLocal()).rejects.toThrow(JAVA_MISSING_MESSAGE);
    } finally {
      process.env.PATH = saved.PATH;
      if (saved.JAVA_HOME !== undefined) process.env.JAVA_HOME = saved.JAVA_HOME;
    }
    expect(JAVA_MISSING_MESSAGE).toContain('apt-get install -y default-jre-headless');
  });
});
