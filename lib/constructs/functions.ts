import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { layout } from '../../lambdas/core/tenant/layout.js';
import { ENV, FUNCTIONS, NOTIFICATIONS, type FunctionDefinition, type FunctionName } from '../definitions.js';
import { LOG_RETENTION } from '../retention.js';
import { pascalCase } from './naming.js';
import type { Queues } from './queues.js';

/** Entries in FUNCTIONS are relative to the repository root, wherever cdk or vitest runs from. */
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const RUNTIME = lambda.Runtime.NODEJS_22_X;

/** Application settings every handler reads (beside the ENV resource names). */
export const POWERTOOLS_ENV = {
  POWERTOOLS_SERVICE_NAME: 'claimflow',
  POWERTOOLS_LOG_LEVEL: 'INFO',
} as const;

/**
 * ESM output cannot `require`, but some bundled CommonJS dependencies still
 * call it: the banner gives the bundle a real `require` bound to its own URL.
 */
const ESM_REQUIRE_BANNER = "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);";

/**
 * Object-key patterns a function may write, beyond its reads. Reads are derived:
 * the NOTIFICATIONS prefixes of the queue that feeds it, plus the shared code
 * sets. build-batch writes the 837 files it produces, report the report pages.
 */
export const BUCKET_WRITES: Partial<Record<FunctionName, string[]>> = {
  buildBatch: [`${layout.outbound837('*')}*`],
  report: [`${layout.reports('*')}*`],
};

/**
 * The report reads the table only (it lists records, never changes one), needs
 * no claim-id hashing (it never looks a claim up by id, so no HMAC secret) and
 * reads nothing from the bucket: its role says exactly that.
 */
export const TABLE_READ_ONLY: readonly FunctionName[] = ['report'];
export const WITHOUT_HMAC_KEY: readonly FunctionName[] = ['report'];
export const WITHOUT_BUCKET_READS: readonly FunctionName[] = ['report'];

/**
 * Reads beyond a function's inbound prefixes. The 999 function re-reads the
 * 837 a 999 answers, to map IK3 segment positions to claims (read only).
 */
export const BUCKET_EXTRA_READS: Partial<Record<FunctionName, string[]>> = {
  ack999: [`${layout.outbound837('*')}*`],
};

/**
 * Functions that load the code sets at cold start (lambdas/adapters/s3/codeset-store.ts):
 * they may list the bucket, but only under the `codesets/` prefix.
 */
export const CODESET_READERS: readonly FunctionName[] = ['intake'];

function bucketReads(def: FunctionDefinition): string[] {
  if (WITHOUT_BUCKET_READS.includes(def.name)) return [];
  const inbound = NOTIFICATIONS.filter((n) => n.queue === def.queue).map((n) => `${n.prefix('*')}*`);
  return [`${layout.codesets}*`, ...inbound, ...(BUCKET_EXTRA_READS[def.name] ?? [])];
}

/** Every object-key pattern a function's role names (for reviews and nag acknowledgements). */
export function objectPatterns(def: FunctionDefinition): string[] {
  return [...bucketReads(def), ...(BUCKET_WRITES[def.name] ?? [])];
}

/**
 * Object-level actions only, on key patterns only: no s3:ListBucket beyond
 * the code-set readers' `codesets/` prefix, so a function cannot enumerate
 * other prefixes (or tenants) of the bucket. (A missing key then reads as
 * AccessDenied rather than NoSuchKey.)
 */
function grantObjectAccess(fn: lambda.IFunction, def: FunctionDefinition, props: FunctionsProps): void {
  const reads = bucketReads(def);
  if (reads.length > 0) {
    fn.addToRolePolicy(
      new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: reads.map((p) => props.bucket.arnForObjects(p)) }),
    );
    props.key.grantDecrypt(fn);
  }
  if (CODESET_READERS.includes(def.name)) {
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['s3:ListBucket'],
        resources: [props.bucket.bucketArn],
        conditions: { StringLike: { 's3:prefix': [`${layout.codesets}*`] } },
      }),
    );
  }
  const writes = BUCKET_WRITES[def.name] ?? [];
  if (writes.length > 0) {
    fn.addToRolePolicy(
      new iam.PolicyStatement({ actions: ['s3:PutObject'], resources: writes.map((p) => props.bucket.arnForObjects(p)) }),
    );
    // SSE-KMS puts need a data key from the bucket's CMK.
    props.key.grant(fn, 'kms:GenerateDataKey');
  }
}

export interface FunctionsProps {
  key: kms.IKey;
  table: dynamodb.ITable;
  bucket: s3.IBucket;
  hmacSecret: secretsmanager.ISecret;
  queues: Queues;
  /**
   * Where asynchronous invocations (functions without a queue, i.e. the
   * scheduled build-batch and report) go after Lambda's own retries fail.
   */
  asyncDeadLetterQueue: sqs.IQueue;
}

/** One NodejsFunction per FUNCTIONS entry, with its log group, role and (if any) SQS source. */
export class Functions extends Construct {
  readonly byName: Record<FunctionName, NodejsFunction>;

  constructor(scope: Construct, id: string, props: FunctionsProps) {
    super(scope, id);
    this.byName = Object.fromEntries(
      Object.values(FUNCTIONS).map((def) => [def.name, this.build(def, props)] as const),
    ) as Record<FunctionName, NodejsFunction>;
  }

  private build(def: FunctionDefinition, props: FunctionsProps): NodejsFunction {
    const id = pascalCase(def.name);

    const logGroup = new logs.LogGroup(this, `${id}Logs`, {
      retention: LOG_RETENTION,
      encryptionKey: props.key,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // An own role instead of the default one: the default attaches the
    // AWSLambdaBasicExecutionRole managed policy (logs:* on every log group);
    // this one may only write to its own log group.
    const role = new iam.Role(this, `${id}Role`, {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `claimflow ${def.name} function`,
    });
    logGroup.grantWrite(role);

    const fn = new NodejsFunction(this, id, {
      entry: path.join(REPO_ROOT, def.entry),
      handler: 'handler',
      projectRoot: REPO_ROOT,
      depsLockFilePath: path.join(REPO_ROOT, 'package-lock.json'),
      runtime: RUNTIME,
      architecture: lambda.Architecture.ARM_64,
      timeout: Duration.seconds(def.timeoutSeconds),
      memorySize: def.memoryMiB,
      role,
      logGroup,
      tracing: lambda.Tracing.ACTIVE,
      description: `claimflow ${def.name}`,
      environment: {
        [ENV.table]: props.table.tableName,
        [ENV.bucket]: props.bucket.bucketName,
        ...(WITHOUT_HMAC_KEY.includes(def.name) ? {} : { [ENV.hmacSecretArn]: props.hmacSecret.secretArn }),
        ...POWERTOOLS_ENV,
        // The bundle ships a source map: stack traces then name .ts lines.
        NODE_OPTIONS: '--enable-source-maps',
      },
      ...(def.queue === undefined ? { deadLetterQueue: props.asyncDeadLetterQueue } : {}),
      bundling: {
        format: OutputFormat.ESM,
        target: 'node22',
        mainFields: ['module', 'main'],
        banner: ESM_REQUIRE_BANNER,
        minify: true,
        sourceMap: true,
        sourcesContent: false,
        // Bundle the AWS SDK too: the functions run the exact versions pinned
        // in package-lock.json and tested locally, not whatever the runtime has.
        externalModules: [],
        // esbuild is a devDependency: bundling never needs Docker.
        forceDockerBundling: false,
      },
    });

    if (TABLE_READ_ONLY.includes(def.name)) props.table.grantReadData(fn);
    else props.table.grantReadWriteData(fn);
    if (!WITHOUT_HMAC_KEY.includes(def.name)) props.hmacSecret.grantRead(fn);
    grantObjectAccess(fn, def, props);

    if (def.queue === undefined) {
      // CDK grants sqs:SendMessage for the async DLQ, not the key use it needs.
      props.key.grant(fn, 'kms:GenerateDataKey', 'kms:Decrypt');
    } else {
      const pair = props.queues.byName[def.queue];
      fn.addEventSource(
        new SqsEventSource(pair.queue, {
          batchSize: pair.definition.batchSize,
          // Handlers return batchItemFailures: only failed records are retried.
          reportBatchItemFailures: true,
        }),
      );
    }
    return fn;
  }
}
