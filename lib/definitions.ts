/**
 * The one source of truth for claimflow's resources. The CDK stack (lib/) and
 * the local stack (bin/local/) both build their tables, buckets, queues and
 * notifications from these definitions, so the two cannot drift apart.
 *
 * Pure data: no aws-cdk-lib and no AWS SDK imports here.
 */
import { layout } from '../lambdas/core/tenant/layout.js';

export interface KeyAttr {
  name: string;
  type: 'S' | 'N';
}

export interface IndexDefinition {
  indexName: string;
  partitionKey: KeyAttr;
  sortKey: KeyAttr;
  /** Why the index exists (documented in docs/data-model.md). */
  purpose: string;
}

export const TABLE = {
  /** Logical id in CDK; the local stack uses it as the table name. */
  id: 'ClaimsTable',
  partitionKey: { name: 'pk', type: 'S' } as KeyAttr,
  sortKey: { name: 'sk', type: 'S' } as KeyAttr,
  globalSecondaryIndexes: [
    {
      indexName: 'gsi1',
      partitionKey: { name: 'gsi1pk', type: 'S' },
      sortKey: { name: 'gsi1sk', type: 'S' },
      purpose: 'sparse: claims ready to batch, per tenant and receiver',
    },
    {
      indexName: 'gsi2',
      partitionKey: { name: 'gsi2pk', type: 'S' },
      sortKey: { name: 'gsi2sk', type: 'S' },
      purpose: 'claims by tenant and status, newest change last',
    },
  ] as IndexDefinition[],
  /** Attribute DynamoDB TTL reads (used for short-lived items only). */
  timeToLiveAttribute: 'expiresAt',
} as const;

export type QueueName = 'intake' | 'remittance' | 'ack999' | 'ack277ca';

export interface QueueDefinition {
  name: QueueName;
  /** Seconds a received message stays invisible: at least 6x the consumer's timeout. */
  visibilityTimeoutSeconds: number;
  /** Receives before a message moves to the dead-letter queue. */
  maxReceiveCount: number;
  deadLetterQueueName: string;
  /** SQS batch size handed to the Lambda (and to the local poller). */
  batchSize: number;
}

export type FunctionName = 'intake' | 'buildBatch' | 'remittance' | 'ack999' | 'ack277ca' | 'report';

export interface FunctionDefinition {
  name: FunctionName;
  /** Handler module, relative to the repository root. */
  entry: string;
  timeoutSeconds: number;
  memoryMiB: number;
  /** The queue that feeds it, when it is an SQS consumer. */
  queue?: QueueName;
}

export const FUNCTIONS: Record<FunctionName, FunctionDefinition> = {
  // Intake holds the code sets in memory (ICD-10-CM/PCS, HCPCS, and the NCCI/MUE tables with millions of
  // pairs once loaded); more memory also buys the CPU that makes the cold-start load fast.
  intake: { name: 'intake', entry: 'lambdas/handlers/intake.ts', timeoutSeconds: 60, memoryMiB: 2048, queue: 'intake' },
  buildBatch: { name: 'buildBatch', entry: 'lambdas/handlers/build-batch.ts', timeoutSeconds: 300, memoryMiB: 1024 },
  /**
   * 835 posting: streams the file twice and writes one transaction per claim payment, so a
   * payer's large 835 (tens of thousands of claims) needs minutes, not seconds. A delivery that
   * still times out resumes where it stopped (per-claim markers); see npm run bench.
   */
  remittance: {
    name: 'remittance',
    entry: 'lambdas/handlers/remittance.ts',
    timeoutSeconds: 900,
    memoryMiB: 1024,
    queue: 'remittance',
  },
  /** 999 implementation acknowledgments -> batch and claim states (reads the batch's 837 to locate IK3 errors). */
  ack999: {
    name: 'ack999',
    entry: 'lambdas/handlers/acknowledgment-999.ts',
    timeoutSeconds: 120,
    memoryMiB: 512,
    queue: 'ack999',
  },
  /** 277CA claim acknowledgments -> claims accepted or rejected. */
  ack277ca: {
    name: 'ack277ca',
    entry: 'lambdas/handlers/acknowledgment-277ca.ts',
    timeoutSeconds: 120,
    memoryMiB: 512,
    queue: 'ack277ca',
  },
  /**
   * The biller's report per tenant (scheduled like build-batch): reads every claim, batch,
   * acknowledgment, remittance and exception of the tenant; writes tenants/<t>/reports/.
   */
  report: { name: 'report', entry: 'lambdas/handlers/report.ts', timeoutSeconds: 300, memoryMiB: 1024 },
};

/**
 * When a tenant's report runs unless its config sets `reportSchedule`: daily at
 * 06:00 in the tenant's schedule time zone, before the working day starts.
 */
export const DEFAULT_REPORT_SCHEDULE = { expression: 'cron(0 6 * * ? *)' } as const;

function queueFor(name: QueueName, fn: FunctionDefinition, batchSize = 10): QueueDefinition {
  return {
    name,
    visibilityTimeoutSeconds: fn.timeoutSeconds * 6,
    maxReceiveCount: 5,
    deadLetterQueueName: `${name}-dlq`,
    batchSize,
  };
}

export const QUEUES: Record<QueueName, QueueDefinition> = {
  intake: queueFor('intake', FUNCTIONS.intake),
  // One 835 per invocation: a large remittance gets the whole timeout to itself.
  remittance: queueFor('remittance', FUNCTIONS.remittance, 1),
  ack999: queueFor('ack999', FUNCTIONS.ack999),
  ack277ca: queueFor('ack277ca', FUNCTIONS.ack277ca),
};

export interface NotificationDefinition {
  queue: QueueName;
  /** Object-key prefix for one tenant; S3 filters cannot wildcard the tenant. */
  prefix: (tenantId: string) => string;
}

/** S3 ObjectCreated notifications on the data bucket, one pair per configured tenant. */
export const NOTIFICATIONS: NotificationDefinition[] = [
  { queue: 'intake', prefix: layout.inboundEncounters },
  { queue: 'remittance', prefix: layout.inbound835 },
  { queue: 'ack999', prefix: layout.inbound999 },
  { queue: 'ack277ca', prefix: layout.inbound277ca },
];

/** Environment variables the handlers read; set by CDK and by the local stack alike. */
export const ENV = {
  table: 'CLAIMFLOW_TABLE',
  bucket: 'CLAIMFLOW_BUCKET',
  hmacSecretArn: 'CLAIMFLOW_HMAC_SECRET_ARN',
  /** Local stack only: the HMAC key itself (never set in AWS). */
  hmacKey: 'CLAIMFLOW_HMAC_KEY',
  dynamoEndpoint: 'CLAIMFLOW_DYNAMODB_ENDPOINT',
  s3Endpoint: 'CLAIMFLOW_S3_ENDPOINT',
} as const;

export const BUCKETS = {
  data: { id: 'DataBucket', localName: 'claimflow-data' },
  accessLogs: { id: 'AccessLogsBucket', localName: 'claimflow-access-logs' },
} as const;
