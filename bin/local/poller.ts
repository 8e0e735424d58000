/**
 * A local stand-in for Lambda's SQS event source mapping: receives batches,
 * hands each to the handler as a real `SQSEvent` with a Lambda `Context`, and
 * applies the answer the way Lambda does with ReportBatchItemFailures:
 * successes are deleted, failures stay on the queue and come back, a thrown
 * error (or a timeout, or a malformed answer) fails the whole batch. After
 * maxReceiveCount receives SQS itself (fauxqs) moves a message to the DLQ.
 *
 * Failed messages are made visible again after `retryDelaySeconds` (default
 * 0) instead of the queue's visibility timeout (6x the function timeout), so a
 * local run retries at once instead of minutes later.
 */
import {
  ChangeMessageVisibilityBatchCommand,
  DeleteMessageBatchCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  type Message,
  type MessageAttributeValue,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { Context, SQSEvent, SQSMessageAttributes, SQSRecord } from 'aws-lambda';
import { FUNCTIONS, QUEUES, type FunctionDefinition, type QueueName } from '../../lib/definitions.js';
import { createLambdaContext, localFunctionName } from './lambda-context.js';

export type SqsHandler = (event: SQSEvent, context: Context) => unknown;

export interface BatchProgress {
  /** 1-based number of the batch within this run. */
  batch: number;
  received: number;
  succeeded: number;
  failed: number;
  /** Ids of the messages that failed and will be redelivered (or dead-lettered). */
  failedMessageIds: string[];
  /** Why the whole batch failed, when it did (thrown error, timeout, malformed answer). */
  batchError?: string;
  durationMs: number;
}

export interface RunQueueOptions {
  sqs: SQSClient;
  /** Which definition to use; inferred from the queue URL's name when omitted. */
  queue?: QueueName;
  /** Defaults to the definition's batchSize (10). */
  batchSize?: number;
  /** The consuming function (timeout, memory, name for the context); defaults to the queue's consumer. */
  function?: FunctionDefinition;
  region?: string;
  /** Defaults to the queue's QueueArn attribute. */
  queueArn?: string;
  /** Return once the queue is empty and nothing is in flight (default true). */
  untilIdle?: boolean;
  /** Overall limit; default 60 s with untilIdle, otherwise none. */
  timeoutMs?: number;
  /** Stop after this many batches. */
  maxBatches?: number;
  /** Seconds before a failed message is visible again (default 0). */
  retryDelaySeconds?: number;
  /** Long-poll wait while not draining (default 1 s). */
  waitTimeSeconds?: number;
  /** Fail a batch whose handler runs past the function's timeout, as Lambda does (default true). */
  enforceTimeout?: boolean;
  signal?: AbortSignal;
  onProgress?: (progress: BatchProgress) => void;
}

export interface RunQueueResult {
  batches: number;
  received: number;
  succeeded: number;
  failed: number;
  stoppedBy: 'idle' | 'timeout' | 'signal' | 'maxBatches';
  durationMs: number;
}

function queueNameOf(queueUrl: string): string {
  return queueUrl.replace(/\/+$/, '').split('/').at(-1) ?? '';
}

function definitionFor(queueUrl: string, opts: RunQueueOptions) {
  const name = opts.queue ?? (queueNameOf(queueUrl) as QueueName);
  const queue = Object.hasOwn(QUEUES, name) ? QUEUES[name] : undefined;
  const fn = opts.function ?? Object.values(FUNCTIONS).find((f) => f.queue === name);
  return { queue, fn };
}

function toRecordAttributes(attributes: Record<string, MessageAttributeValue> | undefined): SQSMessageAttributes {
  const out: SQSMessageAttributes = {};
  for (const [name, value] of Object.entries(attributes ?? {})) {
    out[name] = {
      ...(value.StringValue !== undefined ? { stringValue: value.StringValue } : {}),
      ...(value.BinaryValue !== undefined ? { binaryValue: Buffer.from(value.BinaryValue).toString('base64') } : {}),
      stringListValues: value.StringListValues ?? [],
      binaryListValues: (value.BinaryListValues ?? []).map((b) => Buffer.from(b).toString('base64')),
      dataType: value.DataType ?? 'String',
    };
  }
  return out;
}

export function toSqsRecord(message: Message, queueArn: string, region: string): SQSRecord {
  const a = message.Attributes ?? {};
  const required = (value: string | undefined, name: string) => {
    if (value === undefined) throw new Error(`received message lacks ${name}`);
    return value;
  };
  const record: SQSRecord = {
    messageId: required(message.MessageId, 'MessageId'),
    receiptHandle: required(message.ReceiptHandle, 'ReceiptHandle'),
    body: message.Body ?? '',
    attributes: {
      ApproximateReceiveCount: required(a.ApproximateReceiveCount, 'ApproximateReceiveCount'),
      SentTimestamp: required(a.SentTimestamp, 'SentTimestamp'),
      SenderId: required(a.SenderId, 'SenderId'),
      ApproximateFirstReceiveTimestamp: required(a.ApproximateFirstReceiveTimestamp, 'ApproximateFirstReceiveTimestamp'),
      ...(a.AWSTraceHeader !== undefined ? { AWSTraceHeader: a.AWSTraceHeader } : {}),
    },
    messageAttributes: toRecordAttributes(message.MessageAttributes),
    md5OfBody: required(message.MD5OfBody, 'MD5OfBody'),
    eventSource: 'aws:sqs',
    eventSourceARN: queueArn,
    awsRegion: region,
  };
  if (message.MD5OfMessageAttributes) record.md5OfMessageAttributes = message.MD5OfMessageAttributes;
  return record;
}

/**
 * Reads the ids of failed messages from a handler's answer, or a reason to
 * fail the whole batch (Lambda does so for answers it cannot interpret).
 */
export function failedIds(answer: unknown, messageIds: Set<string>): { ids: Set<string> } | { batchError: string } {
  if (answer === undefined || answer === null) return { ids: new Set() };
  if (typeof answer !== 'object') return { ids: new Set() };
  const failures = (answer as { batchItemFailures?: unknown }).batchItemFailures;
  if (failures === undefined || failures === null) return { ids: new Set() };
  if (!Array.isArray(failures)) return { batchError: 'batchItemFailures is not an array' };
  const ids = new Set<string>();
  for (const failure of failures) {
    const id = (failure as { itemIdentifier?: unknown } | null)?.itemIdentifier;
    if (typeof id !== 'string' || id === '') return { batchError: 'a batchItemFailures entry has no itemIdentifier' };
    if (!messageIds.has(id)) return { batchError: 'a batchItemFailures itemIdentifier is not a message of the batch' };
    ids.add(id);
  }
  return { ids };
}

async function invokeWithTimeout(handler: SqsHandler, event: SQSEvent, context: Context, timeoutMs: number | undefined): Promise<unknown> {
  const invocation = Promise.resolve().then(() => handler(event, context));
  if (timeoutMs === undefined) return invocation;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Task timed out after ${(timeoutMs / 1000).toFixed(2)} seconds`)), timeoutMs);
  });
  try {
    return await Promise.race([invocation, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function isIdle(sqs: SQSClient, queueUrl: string): Promise<boolean> {
  const answer = await sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: queueUrl,
      AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible', 'ApproximateNumberOfMessagesDelayed'],
    }),
  );
  const a = answer.Attributes ?? {};
  return (
    Number(a.ApproximateNumberOfMessages ?? 0) === 0 &&
    Number(a.ApproximateNumberOfMessagesNotVisible ?? 0) === 0 &&
    Number(a.ApproximateNumberOfMessagesDelayed ?? 0) === 0
  );
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
  });
}

export async function runQueue(queueUrl: string, handler: SqsHandler, opts: RunQueueOptions): Promise<RunQueueResult> {
  const { sqs } = opts;
  const started = Date.now();
  const { queue, fn } = definitionFor(queueUrl, opts);
  const batchSize = opts.batchSize ?? queue?.batchSize ?? 10;
  const region = opts.region ?? (await sqs.config.region());
  const queueArn =
    opts.queueArn ??
    (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }))).Attributes?.QueueArn;
  if (!queueArn) throw new Error(`queue ${queueUrl} has no QueueArn`);
  const untilIdle = opts.untilIdle ?? true;
  const deadline = started + (opts.timeoutMs ?? (untilIdle ? 60_000 : Number.POSITIVE_INFINITY));
  const retryDelaySeconds = opts.retryDelaySeconds ?? 0;
  const functionName = fn ? localFunctionName(fn) : `claimflow-${queueNameOf(queueUrl)}-consumer`;
  const timeoutSeconds = fn?.timeoutSeconds ?? 30;
  const enforceTimeout = opts.enforceTimeout ?? true;

  const totals = { batches: 0, received: 0, succeeded: 0, failed: 0 };
  const finish = (stoppedBy: RunQueueResult['stoppedBy']): RunQueueResult => ({ ...totals, stoppedBy, durationMs: Date.now() - started });

  for (;;) {
    if (opts.signal?.aborted) return finish('signal');
    if (Date.now() >= deadline) return finish('timeout');
    if (opts.maxBatches !== undefined && totals.batches >= opts.maxBatches) return finish('maxBatches');

    const remainingSeconds = Math.floor((deadline - Date.now()) / 1000);
    const waitTimeSeconds = untilIdle ? 0 : Math.max(0, Math.min(opts.waitTimeSeconds ?? 1, remainingSeconds, 20));
    const received = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: batchSize,
        WaitTimeSeconds: waitTimeSeconds,
        MessageSystemAttributeNames: ['All'],
        MessageAttributeNames: ['All'],
      }),
      opts.signal ? { abortSignal: opts.signal } : {},
    ).catch((error: unknown) => {
      if (opts.signal?.aborted) return { Messages: [] as Message[] };
      throw error;
    });
    const messages = received.Messages ?? [];
    if (messages.length === 0) {
      if (untilIdle && (await isIdle(sqs, queueUrl))) return finish('idle');
      // Messages are in flight elsewhere or delayed: look again shortly.
      if (untilIdle) await sleep(100, opts.signal);
      continue;
    }

    const batchStarted = Date.now();
    totals.batches += 1;
    const records = messages.map((m) => toSqsRecord(m, queueArn, region));
    const context = createLambdaContext({ functionName, timeoutSeconds, region, ...(fn ? { memoryMiB: fn.memoryMiB } : {}) });
    let failed: Set<string>;
    let batchError: string | undefined;
    try {
      const answer = await invokeWithTimeout(handler, { Records: records }, context, enforceTimeout ? timeoutSeconds * 1000 : undefined);
      const outcome = failedIds(answer, new Set(records.map((r) => r.messageId)));
      if ('batchError' in outcome) {
        batchError = outcome.batchError;
        failed = new Set(records.map((r) => r.messageId));
      } else {
        failed = outcome.ids;
      }
    } catch (error) {
      batchError = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      failed = new Set(records.map((r) => r.messageId));
    }

    const succeededRecords = records.filter((r) => !failed.has(r.messageId));
    const failedRecords = records.filter((r) => failed.has(r.messageId));
    if (succeededRecords.length > 0) {
      await sqs.send(
        new DeleteMessageBatchCommand({
          QueueUrl: queueUrl,
          Entries: succeededRecords.map((r, i) => ({ Id: String(i), ReceiptHandle: r.receiptHandle })),
        }),
      );
    }
    if (failedRecords.length > 0) {
      await sqs.send(
        new ChangeMessageVisibilityBatchCommand({
          QueueUrl: queueUrl,
          Entries: failedRecords.map((r, i) => ({ Id: String(i), ReceiptHandle: r.receiptHandle, VisibilityTimeout: retryDelaySeconds })),
        }),
      );
    }
    totals.received += records.length;
    totals.succeeded += succeededRecords.length;
    totals.failed += failedRecords.length;
    opts.onProgress?.({
      batch: totals.batches,
      received: records.length,
      succeeded: succeededRecords.length,
      failed: failedRecords.length,
      failedMessageIds: failedRecords.map((r) => r.messageId),
      ...(batchError !== undefined ? { batchError } : {}),
      durationMs: Date.now() - batchStarted,
    });
  }
}
