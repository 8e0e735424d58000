import { Duration } from 'aws-cdk-lib';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { FUNCTIONS, QUEUES, type QueueDefinition, type QueueName } from '../definitions.js';
import { pascalCase } from './naming.js';

/** SQS keeps a message at most 14 days: dead letters get the longest look. */
const DLQ_RETENTION = Duration.days(14);
/** AWS's guidance: a queue feeding Lambda needs at least 6x the function timeout. */
export const MIN_VISIBILITY_TIMEOUT_FACTOR = 6;
/** Fewer receives than this sends transient throttles (not bad data) to the DLQ. */
export const MIN_MAX_RECEIVE_COUNT = 5;

export interface QueuesProps {
  key: kms.IKey;
}

export interface QueuePair {
  definition: QueueDefinition;
  queue: sqs.Queue;
  deadLetterQueue: sqs.Queue;
}

/** Refuses definitions that would make SQS + Lambda redeliver or dead-letter healthy messages. */
export function checkQueueDefinition(def: QueueDefinition): void {
  const consumers = Object.values(FUNCTIONS).filter((fn) => fn.queue === def.name);
  for (const fn of consumers) {
    if (def.visibilityTimeoutSeconds < MIN_VISIBILITY_TIMEOUT_FACTOR * fn.timeoutSeconds) {
      throw new Error(
        `queue ${def.name}: visibilityTimeoutSeconds ${def.visibilityTimeoutSeconds} is below ` +
          `${MIN_VISIBILITY_TIMEOUT_FACTOR}x the ${fn.name} timeout (${fn.timeoutSeconds}s)`,
      );
    }
  }
  if (def.maxReceiveCount < MIN_MAX_RECEIVE_COUNT) {
    throw new Error(`queue ${def.name}: maxReceiveCount ${def.maxReceiveCount} is below ${MIN_MAX_RECEIVE_COUNT}`);
  }
}

/**
 * One queue and one dead-letter queue per QUEUES entry, both encrypted with the
 * CMK: S3 cannot publish notifications to a queue under the AWS-managed SQS key
 * (its key policy cannot be edited to let S3 in), and SSE-SQS would leave the
 * messages (object keys of claim files) outside the CMK's key policy.
 */
export class Queues extends Construct {
  readonly byName: Record<QueueName, QueuePair>;

  constructor(scope: Construct, id: string, props: QueuesProps) {
    super(scope, id);

    const build = (def: QueueDefinition): QueuePair => {
      checkQueueDefinition(def);
      const deadLetterQueue = encryptedDeadLetterQueue(this, pascalCase(def.deadLetterQueueName), props.key);
      const queue = new sqs.Queue(this, pascalCase(def.name), {
        encryption: sqs.QueueEncryption.KMS,
        encryptionMasterKey: props.key,
        enforceSSL: true,
        visibilityTimeout: Duration.seconds(def.visibilityTimeoutSeconds),
        deadLetterQueue: { queue: deadLetterQueue, maxReceiveCount: def.maxReceiveCount },
      });
      return { definition: def, queue, deadLetterQueue };
    };

    this.byName = Object.fromEntries(
      Object.values(QUEUES).map((def) => [def.name, build(def)] as const),
    ) as Record<QueueName, QueuePair>;
  }
}

/**
 * A dead-letter queue outside QUEUES (e.g. for the scheduled build-batch runs):
 * same CMK, TLS-only and retention as the QUEUES dead-letter queues.
 */
export function encryptedDeadLetterQueue(scope: Construct, id: string, key: kms.IKey): sqs.Queue {
  return new sqs.Queue(scope, id, {
    encryption: sqs.QueueEncryption.KMS,
    encryptionMasterKey: key,
    enforceSSL: true,
    retentionPeriod: DLQ_RETENTION,
  });
}
