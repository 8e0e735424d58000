import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { TableBackup } from './constructs/backup.js';
import { Encryption } from './constructs/encryption.js';
import { Functions } from './constructs/functions.js';
import { HmacSecret } from './constructs/hmac-secret.js';
import { pascalCase } from './constructs/naming.js';
import { addTenantNotifications } from './constructs/notifications.js';
import { encryptedDeadLetterQueue, Queues } from './constructs/queues.js';
import { Schedules, type TenantSchedule } from './constructs/schedules.js';
import { Storage } from './constructs/storage.js';
import { ClaimsTable } from './constructs/table.js';
import { addNagSuppressions } from './nag-suppressions.js';

export interface ClaimflowStackProps extends StackProps {
  /** Tenants that get S3 notifications and a build-batch schedule. */
  tenants: readonly TenantSchedule[];
}

/**
 * claimflow in one stack: S3 (per-tenant prefixes) -> SQS -> intake; a
 * scheduled build-batch per tenant; 835s -> SQS -> remittance; all of it under
 * one customer-managed KMS key. Resources come from lib/definitions.ts.
 */
export class ClaimflowStack extends Stack {
  readonly key: kms.Key;
  readonly storage: Storage;
  readonly table: dynamodb.Table;
  readonly backup: TableBackup;
  readonly hmac: HmacSecret;
  readonly queues: Queues;
  /** Where failed scheduled runs (build-batch, report) end up (Scheduler DLQ and Lambda async DLQ). */
  readonly buildBatchFailures: sqs.Queue;
  readonly functions: Functions;
  readonly schedules: Schedules;

  constructor(scope: Construct, id: string, props: ClaimflowStackProps) {
    super(scope, id, props);

    const tenantIds = props.tenants.map((t) => t.tenantId);
    const duplicate = tenantIds.find((tenantId, i) => tenantIds.indexOf(tenantId) !== i);
    if (duplicate !== undefined) throw new Error(`tenant ${duplicate} is configured more than once`);

    this.key = new Encryption(this, 'Encryption').key;
    const key = this.key;
    this.storage = new Storage(this, 'Storage', { key });
    this.table = new ClaimsTable(this, 'Table', { key }).table;
    this.backup = new TableBackup(this, 'Backup', { key, table: this.table });
    this.hmac = new HmacSecret(this, 'HmacKey', { key });
    this.queues = new Queues(this, 'Queues', { key });
    addTenantNotifications(this.storage.dataBucket, this.queues, tenantIds);

    // Both ways a scheduled build-batch run can fail end here: Scheduler could
    // not invoke the function, or the function failed all async retries.
    this.buildBatchFailures = encryptedDeadLetterQueue(this, 'BuildBatchFailures', key);

    this.functions = new Functions(this, 'Functions', {
      key,
      table: this.table,
      bucket: this.storage.dataBucket,
      hmacSecret: this.hmac.secret,
      queues: this.queues,
      asyncDeadLetterQueue: this.buildBatchFailures,
    });
    this.schedules = new Schedules(this, 'Schedules', {
      tenants: props.tenants,
      target: this.functions.byName.buildBatch,
      reportTarget: this.functions.byName.report,
      deadLetterQueue: this.buildBatchFailures,
      key,
    });

    new CfnOutput(this, 'DataBucketName', { value: this.storage.dataBucket.bucketName });
    new CfnOutput(this, 'TableName', { value: this.table.tableName });
    for (const pair of Object.values(this.queues.byName)) {
      const name = pascalCase(pair.definition.name);
      new CfnOutput(this, `${name}QueueUrl`, { value: pair.queue.queueUrl });
      new CfnOutput(this, `${name}DeadLetterQueueUrl`, { value: pair.deadLetterQueue.queueUrl });
    }
    new CfnOutput(this, 'BuildBatchFailuresQueueUrl', { value: this.buildBatchFailures.queueUrl });

    addNagSuppressions(this, this);
  }
}
