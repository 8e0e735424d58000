/** SQS (S3 ObjectCreated under tenants/<t>/inbound/encounters/) -> parse, validate, store claims. */
import type { AppDeps } from '../app/deps.js';
import { ingestEncounterObject } from '../app/intake.js';
import { sqsS3Consumer } from './shared/sqs-s3-consumer.js';

export const intakeHandler = (getDeps?: () => AppDeps) => sqsS3Consumer(ingestEncounterObject, getDeps);
export const handler = intakeHandler();
