/** SQS (S3 ObjectCreated under tenants/<t>/inbound/835/) -> parse, balance, post. */
import type { AppDeps } from '../app/deps.js';
import { postRemittanceObject } from '../app/post-remittance.js';
import { sqsS3Consumer } from './shared/sqs-s3-consumer.js';

export const remittanceHandler = (getDeps?: () => AppDeps) => sqsS3Consumer(postRemittanceObject, getDeps);
export const handler = remittanceHandler();
