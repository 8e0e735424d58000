/**
 * The shape shared by the SQS consumers fed by S3 notifications: each SQS
 * record carries an S3 event; each object in it goes to `processObject`.
 * Powertools' BatchProcessor reports the failed records (partial batch
 * response) so SQS redelivers only those. A record that can never succeed
 * (not an S3 event) is recorded as an exception and acknowledged.
 */
import middy from '@middy/core';
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { SYSTEM_TENANT, type AppDeps } from '../../app/deps.js';
import type { InboundObject } from '../../app/intake.js';
import { decodeS3Message } from './s3-event.js';
import { defaultDeps, logger } from './runtime.js';

export type ObjectProcessor = (deps: AppDeps, object: InboundObject) => Promise<unknown>;

export function sqsS3Consumer(processObject: ObjectProcessor, getDeps: () => AppDeps = defaultDeps) {
  const processor = new BatchProcessor(EventType.SQS);

  const recordHandler = async (record: SQSRecord): Promise<void> => {
    const deps = getDeps();
    const decoded = decodeS3Message(record.body);
    if (decoded.kind === 'test-event') return;
    if (decoded.kind === 'invalid') {
      await deps.exceptions.record({
        tenantId: SYSTEM_TENANT,
        kind: 'bad-key',
        file: `sqs:${record.messageId}`,
        message: decoded.reason,
        at: deps.clock().toISOString(),
      });
      return;
    }
    for (const object of decoded.objects) {
      await processObject(deps, { key: object.key, etag: object.etag });
    }
  };

  return middy((event: SQSEvent, context: Context): Promise<SQSBatchResponse> =>
    processPartialResponse(event, recordHandler, processor, { context }),
  ).use(injectLambdaContext(logger, { resetKeys: true }));
}
