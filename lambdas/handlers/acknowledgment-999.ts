/** SQS (S3 ObjectCreated under tenants/<t>/inbound/999/) -> match to the batch, post the acknowledgment. */
import type { AppDeps } from '../app/deps.js';
import { post999Object } from '../app/post-999.js';
import { sqsS3Consumer } from './shared/sqs-s3-consumer.js';

export const acknowledgment999Handler = (getDeps?: () => AppDeps) => sqsS3Consumer(post999Object, getDeps);
export const handler = acknowledgment999Handler();
