/** SQS (S3 ObjectCreated under tenants/<t>/inbound/277ca/) -> match each claim, accept or reject it. */
import type { AppDeps } from '../app/deps.js';
import { post277caObject } from '../app/post-277ca.js';
import { sqsS3Consumer } from './shared/sqs-s3-consumer.js';

export const acknowledgment277caHandler = (getDeps?: () => AppDeps) => sqsS3Consumer(post277caObject, getDeps);
export const handler = acknowledgment277caHandler();
