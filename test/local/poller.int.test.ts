import { createHash } from 'node:crypto';
import {
  GetQueueAttributesCommand,
  PurgeQueueCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
} from '@aws-sdk/client-sqs';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { beforeEach, describe, expect, it } from 'vitest';
import { FUNCTIONS, QUEUES } from '../../lib/definitions.js';
import { runQueue, type BatchProgress } from '../../bin/local/poller.js';
import { invokeScheduled } from '../../bin/local/scheduler.js';
import { useLocalStack } from '../support/local-stack.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

interface Invocation {
  event: SQSEvent;
  context: Context;
  remainingAtStart: number;
}

describe('runQueue (local SQS event source mapping)', () => {
  const stack = useLocalStack({ tenants: ['acme'], testEvents: false });
  const intake = () => stack.resources.queues.intake;

  async function depth(queueUrl: string) {
    const { Attributes = {} } = await stack.clients.sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl: queueUrl,
        AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
      }),
    );
    return Number(Attributes.ApproximateNumberOfMessages) + Number(Attributes.ApproximateNumberOfMessagesNotVisible);
  }

  async function send(bodies: string[]) {
    for (let i = 0; i < bodies.length; i += 10) {
      await stack.clients.sqs.send(
        new SendMessageBatchCommand({
          QueueUrl: intake().url,
          Entries: bodies.slice(i, i + 10).map((body, j) => ({ Id: String(i + j), MessageBody: body })),
        }),
      );
    }
  }

  beforeEach(async () => {
    await stack.clients.sqs.send(new PurgeQueueCommand({ QueueUrl: intake().url }));
    await stack.clients.sqs.send(new PurgeQueueCommand({ QueueUrl: intake().dlqUrl }));
  });

  it('hands the handler a real SQSEvent and Lambda context', async () => {
    await stack.clients.sqs.send(
      new SendMessageCommand({
        QueueUrl: intake().url,
        MessageBody: '{"hello":"world"}',
        MessageAttributes: { kind: { DataType: 'String', StringValue: 'test' } },
      }),
    );
    const calls: Invocation[] = [];
    const result = await runQueue(intake().url, (event, context) => {
      calls.push({ event, context, remainingAtStart: context.getRemainingTimeInMillis() });
    }, { sqs: stack.clients.sqs });
    expect(result).toMatchObject({ batches: 1, received: 1, succeeded: 1, failed: 0, stoppedBy: 'idle' });
    expect(calls).toHaveLength(1);
    const { event, context, remainingAtStart } = calls[0]!;
    const record = event.Records[0]!;
    expect(record).toMatchObject({
      messageId: expect.stringMatching(UUID),
      receiptHandle: expect.any(String),
      body: '{"hello":"world"}',
      md5OfBody: createHash('md5').update('{"hello":"world"}').digest('hex'),
      eventSource: 'aws:sqs',
      eventSourceARN: intake().arn,
      awsRegion: stack.services.region,
      messageAttributes: { kind: { stringValue: 'test', stringListValues: [], binaryListValues: [], dataType: 'String' } },
    });
    expect(record.attributes.ApproximateReceiveCount).toBe('1');
    expect(record.attributes.SenderId).toMatch(/\S/);
    for (const stamp of [record.attributes.SentTimestamp, record.attributes.ApproximateFirstReceiveTimestamp]) {
      expect(Math.abs(Number(stamp) - Date.now())).toBeLessThan(10_000);
    }
    expect(context.functionName).toBe('claimflow-intake');
    expect(context.invokedFunctionArn).toBe(`arn:aws:lambda:${stack.services.region}:000000000000:function:claimflow-intake`);
    expect(context.memoryLimitInMB).toBe(String(FUNCTIONS.intake.memoryMiB));
    expect(context.awsRequestId).toMatch(UUID);
    expect(remainingAtStart).toBeLessThanOrEqual(FUNCTIONS.intake.timeoutSeconds * 1000);
    expect(remainingAtStart).toBeGreaterThan(FUNCTIONS.intake.timeoutSeconds * 1000 - 5_000);
    expect(await depth(intake().url)).toBe(0);
  });

  it('deletes the messages that succeeded and redelivers the ones reported as failed', async () => {
    await send(['ok-1', 'fail-once', 'ok-2']);
    const seen: string[][] = [];
    const failedBefore = new Set<string>();
    const progress: BatchProgress[] = [];
    const result = await runQueue(
      intake().url,
      (event): SQSBatchResponse => {
        seen.push(event.Records.map((r) => `${r.body}#${r.attributes.ApproximateReceiveCount}`));
        const failures = event.Records.filter((r) => r.body === 'fail-once' && !failedBefore.has(r.messageId));
        for (const f of failures) failedBefore.add(f.messageId);
        return { batchItemFailures: failures.map((r) => ({ itemIdentifier: r.messageId })) };
      },
      { sqs: stack.clients.sqs, onProgress: (p) => progress.push(p) },
    );
    expect(seen).toEqual([['ok-1', 'fail-once', 'ok-2'].map((b) => `${b}#1`), ['fail-once#2']]);
    expect(result).toMatchObject({ batches: 2, received: 4, succeeded: 3, failed: 1, stoppedBy: 'idle' });
    expect(progress.map((p) => [p.received, p.succeeded, p.failed])).toEqual([[3, 2, 1], [1, 1, 0]]);
    expect(progress[0]?.failedMessageIds).toEqual([...failedBefore]);
    expect(await depth(intake().url)).toBe(0);
  });

  it('fails the whole batch when the handler throws, and delivers it again', async () => {
    await send(['a', 'b']);
    let calls = 0;
    const progress: BatchProgress[] = [];
    const seen: string[][] = [];
    await runQueue(
      intake().url,
      (event) => {
        calls += 1;
        seen.push(event.Records.map((r) => `${r.body}#${r.attributes.ApproximateReceiveCount}`).sort());
        if (calls === 1) throw new Error('database unavailable');
        return { batchItemFailures: [] };
      },
      { sqs: stack.clients.sqs, onProgress: (p) => progress.push(p) },
    );
    expect(seen).toEqual([['a#1', 'b#1'], ['a#2', 'b#2']]);
    expect(progress[0]).toMatchObject({ received: 2, succeeded: 0, failed: 2, batchError: 'Error: database unavailable' });
    expect(await depth(intake().url)).toBe(0);
  });

  it('treats an answer naming an unknown message as a failure of the whole batch, like Lambda', async () => {
    await send(['x']);
    const progress: BatchProgress[] = [];
    let calls = 0;
    await runQueue(
      intake().url,
      () => (++calls === 1 ? { batchItemFailures: [{ itemIdentifier: 'not-in-batch' }] } : undefined),
      { sqs: stack.clients.sqs, onProgress: (p) => progress.push(p) },
    );
    expect(calls).toBe(2);
    expect(progress[0]).toMatchObject({ failed: 1, batchError: expect.stringContaining('not a message of the batch') });
  });

  it('fails a batch whose handler runs past the function timeout', async () => {
    await send(['slow']);
    let calls = 0;
    const progress: BatchProgress[] = [];
    await runQueue(
      intake().url,
      async () => {
        calls += 1;
        if (calls === 1) await new Promise((resolve) => setTimeout(resolve, 500));
      },
      { sqs: stack.clients.sqs, function: { ...FUNCTIONS.intake, timeoutSeconds: 0.1 }, onProgress: (p) => progress.push(p) },
    );
    expect(calls).toBe(2);
    expect(progress[0]?.batchError).toMatch(/Task timed out after 0\.10 seconds/);
    expect(progress[1]).toMatchObject({ succeeded: 1, failed: 0 });
  });

  it('moves a message that keeps failing to the DLQ after maxReceiveCount receives', async () => {
    await send(['poison', 'fine']);
    const attempts: string[] = [];
    const result = await runQueue(
      intake().url,
      (event): SQSBatchResponse => ({
        batchItemFailures: event.Records.filter((r) => {
          if (r.body === 'poison') attempts.push(r.attributes.ApproximateReceiveCount);
          return r.body === 'poison';
        }).map((r) => ({ itemIdentifier: r.messageId })),
      }),
      { sqs: stack.clients.sqs },
    );
    const max = QUEUES.intake.maxReceiveCount;
    expect(attempts).toEqual(Array.from({ length: max }, (_, i) => String(i + 1)));
    expect(result).toMatchObject({ succeeded: 1, failed: max, stoppedBy: 'idle' });
    expect(await depth(intake().url)).toBe(0);
    const dlq = await stack.clients.sqs.send(new ReceiveMessageCommand({ QueueUrl: intake().dlqUrl, MaxNumberOfMessages: 10 }));
    expect((dlq.Messages ?? []).map((m) => m.Body)).toEqual(['poison']);
  });

  it('hands over at most the definition\'s batch size per invocation', async () => {
    const bodies = Array.from({ length: 23 }, (_, i) => `m${i}`);
    await send(bodies);
    const sizes: number[] = [];
    const bodiesSeen: string[] = [];
    await runQueue(
      intake().url,
      (event) => {
        sizes.push(event.Records.length);
        bodiesSeen.push(...event.Records.map((r) => r.body));
      },
      { sqs: stack.clients.sqs },
    );
    expect(Math.max(...sizes)).toBeLessThanOrEqual(QUEUES.intake.batchSize);
    expect(sizes[0]).toBe(QUEUES.intake.batchSize);
    expect(bodiesSeen.sort()).toEqual([...bodies].sort());
  });

  it('keeps polling without untilIdle until it is stopped', async () => {
    const controller = new AbortController();
    const bodies: string[] = [];
    const running = runQueue(
      intake().url,
      (event) => {
        bodies.push(...event.Records.map((r) => r.body));
        controller.abort();
      },
      { sqs: stack.clients.sqs, untilIdle: false, waitTimeSeconds: 1, signal: controller.signal },
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    await send(['late']);
    const result = await running;
    expect(bodies).toEqual(['late']);
    expect(result.stoppedBy).toBe('signal');
  });

  it('stops at the overall timeout when messages keep coming back', async () => {
    await send(['stuck']);
    const result = await runQueue(intake().url, () => { throw new Error('always'); }, {
      sqs: stack.clients.sqs,
      retryDelaySeconds: 5,
      timeoutMs: 300,
    });
    expect(result).toMatchObject({ stoppedBy: 'timeout', received: 1, failed: 1 });
  });
});

describe('invokeScheduled', () => {
  it('invokes the handler with the scheduler target input and a build-batch context', async () => {
    const result = await invokeScheduled((event, context) => ({
      event,
      functionName: context.functionName,
      remaining: context.getRemainingTimeInMillis(),
      requestId: context.awsRequestId,
    }), 'acme');
    expect(result.event).toEqual({ tenantId: 'acme' });
    expect(result.functionName).toBe('claimflow-buildBatch');
    expect(result.remaining).toBeLessThanOrEqual(FUNCTIONS.buildBatch.timeoutSeconds * 1000);
    expect(result.remaining).toBeGreaterThan(FUNCTIONS.buildBatch.timeoutSeconds * 1000 - 5_000);
    expect(result.requestId).toMatch(UUID);
  });
});
