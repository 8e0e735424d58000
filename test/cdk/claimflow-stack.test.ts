/**
 * The synthesized claimflow template, checked against lib/definitions.ts:
 * every expected value below is computed from the definitions or the test
 * tenants, never typed in a second time.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Match } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOG_RETENTION } from '../../lib/retention.js';
import { BUCKETS, DEFAULT_REPORT_SCHEDULE, ENV, FUNCTIONS, NOTIFICATIONS, QUEUES, TABLE } from '../../lib/definitions.js';
import {
  BUCKET_EXTRA_READS,
  BUCKET_WRITES,
  CODESET_READERS,
  POWERTOOLS_ENV,
  RUNTIME,
  TABLE_READ_ONLY,
  WITHOUT_BUCKET_READS,
  WITHOUT_HMAC_KEY,
} from '../../lib/constructs/functions.js';
import { layout } from '../../lambdas/core/tenant/layout.js';
import { checkQueueDefinition, MIN_MAX_RECEIVE_COUNT, MIN_VISIBILITY_TIMEOUT_FACTOR } from '../../lib/constructs/queues.js';
import { reportScheduleName, reportScheduleOf, SCHEDULE_GROUP_NAME, scheduleName } from '../../lib/constructs/schedules.js';
import { buildStack, getAttArn, logicalId, ref, removeAssemblies, TEST_TENANTS, type BuiltStack } from './stack-fixture.js';

type Json = Record<string, any>;

let built: BuiltStack;
let keyId: string;

function resource(id: string): Json {
  const found = built.template.toJSON().Resources[id] as Json | undefined;
  if (!found) throw new Error(`no resource ${id} in the template`);
  return found;
}

function resourcesOfType(type: string): Record<string, Json> {
  return built.template.findResources(type);
}

/** All statements of every AWS::IAM::Policy attached to the role with this logical id. */
function roleStatements(roleId: string): Json[] {
  return Object.values(resourcesOfType('AWS::IAM::Policy'))
    .filter((p) => (p.Properties.Roles as Json[]).some((r) => r.Ref === roleId))
    .flatMap((p) => p.Properties.PolicyDocument.Statement as Json[]);
}

const actionsOf = (statement: Json): string[] => [statement.Action].flat();

beforeAll(() => {
  built = buildStack();
  keyId = logicalId(built.stack.key);
});
afterAll(() => {
  removeAssemblies();
});

describe('encryption key', () => {
  it('is the one customer-managed key, rotated and retained', () => {
    expect(Object.keys(resourcesOfType('AWS::KMS::Key'))).toEqual([keyId]);
    expect(resource(keyId).Properties.EnableKeyRotation).toBe(true);
    expect(resource(keyId).DeletionPolicy).toBe('Retain');
  });

  it('lets S3 use it for notifications to the encrypted queues, and CloudWatch Logs for log groups', () => {
    const statements = resource(keyId).Properties.KeyPolicy.Statement as Json[];
    const s3 = statements.find((s) => s.Principal?.Service === 's3.amazonaws.com');
    expect(s3?.Effect).toBe('Allow');
    expect(actionsOf(s3!)).toEqual(expect.arrayContaining(['kms:GenerateDataKey*', 'kms:Decrypt']));
    const logs = statements.find((s) => JSON.stringify(s.Principal?.Service ?? '').includes('logs.'));
    expect(actionsOf(logs!)).toEqual(expect.arrayContaining(['kms:Encrypt*', 'kms:GenerateDataKey*']));
    expect(Object.keys(logs!.Condition.ArnLike)).toEqual(['kms:EncryptionContext:aws:logs:arn']);
  });
});

describe('buckets', () => {
  const sslDeny = (bucketId: string) =>
    Match.objectLike({
      Effect: 'Deny',
      Action: 's3:*',
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      Resource: Match.arrayWith([getAttArn(bucketId)]),
    });

  it('data bucket: KMS with the CMK, versioned, private, logged to the access-logs bucket, retained', () => {
    const bucket = resource(BUCKETS.data.id);
    expect(bucket.DeletionPolicy).toBe('Retain');
    expect(bucket.Properties.BucketEncryption.ServerSideEncryptionConfiguration).toEqual([
      expect.objectContaining({
        ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: getAttArn(keyId) },
      }),
    ]);
    expect(bucket.Properties.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(bucket.Properties.LoggingConfiguration.DestinationBucketName).toEqual(ref(BUCKETS.accessLogs.id));
  });

  it('access-logs bucket: SSE-S3 (what server access logging supports), versioned, private, retained', () => {
    const bucket = resource(BUCKETS.accessLogs.id);
    expect(bucket.DeletionPolicy).toBe('Retain');
    expect(bucket.Properties.BucketEncryption.ServerSideEncryptionConfiguration).toEqual([
      { ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } },
    ]);
    expect(bucket.Properties.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    expect(Object.values(bucket.Properties.PublicAccessBlockConfiguration)).toEqual([true, true, true, true]);
  });

  it('both bucket policies deny requests without TLS', () => {
    for (const bucketId of [BUCKETS.data.id, BUCKETS.accessLogs.id]) {
      built.template.hasResourceProperties('AWS::S3::BucketPolicy', {
        Bucket: ref(bucketId),
        PolicyDocument: { Statement: Match.arrayWith([sslDeny(bucketId)]) },
      });
    }
  });
});

describe('S3 -> SQS notifications', () => {
  it('has one ObjectCreated filter per tenant and NOTIFICATIONS entry, to the right queue', () => {
    const [notifications, ...more] = Object.values(resourcesOfType('Custom::S3BucketNotifications'));
    expect(more).toHaveLength(0);
    expect(notifications!.Properties.BucketName).toEqual(ref(BUCKETS.data.id));

    const expected = TEST_TENANTS.flatMap(({ tenantId }) =>
      NOTIFICATIONS.map((n) => ({
        Events: ['s3:ObjectCreated:*'],
        Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: n.prefix(tenantId) }] } },
        QueueArn: getAttArn(logicalId(built.stack.queues.byName[n.queue].queue)),
      })),
    );
    const actual = notifications!.Properties.NotificationConfiguration.QueueConfigurations as Json[];
    expect(actual).toHaveLength(expected.length);
    expect(actual).toEqual(expect.arrayContaining(expected));
    // Each prefix names its tenant: no filter reaches another tenant's files.
    for (const tenant of TEST_TENANTS) {
      const prefixes = actual.map((c) => c.Filter.Key.FilterRules[0].Value as string).filter((p) => p.includes(tenant.tenantId));
      expect(prefixes).toHaveLength(NOTIFICATIONS.length);
    }
  });

  it('each notified queue lets only the data bucket send to it', () => {
    for (const queueName of new Set(NOTIFICATIONS.map((n) => n.queue))) {
      const queueId = logicalId(built.stack.queues.byName[queueName].queue);
      built.template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [ref(queueId)],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Effect: 'Allow',
              Principal: { Service: 's3.amazonaws.com' },
              Action: 'sqs:SendMessage',
              Condition: Match.objectLike({ ArnLike: { 'aws:SourceArn': getAttArn(BUCKETS.data.id) } }),
            }),
          ]),
        },
      });
    }
  });
});

describe('queues', () => {
  it.each(Object.values(QUEUES))('$name: CMK, DLQ with maxReceiveCount, visibility >= 6x the consumer timeout', (def) => {
    const pair = built.stack.queues.byName[def.name];
    const queue = resource(logicalId(pair.queue)).Properties;
    const dlqId = logicalId(pair.deadLetterQueue);

    expect(queue.KmsMasterKeyId).toEqual(getAttArn(keyId));
    expect(resource(dlqId).Properties.KmsMasterKeyId).toEqual(getAttArn(keyId));
    expect(queue.RedrivePolicy).toEqual({ deadLetterTargetArn: getAttArn(dlqId), maxReceiveCount: def.maxReceiveCount });
    expect(queue.RedrivePolicy.maxReceiveCount).toBeGreaterThanOrEqual(MIN_MAX_RECEIVE_COUNT);

    expect(queue.VisibilityTimeout).toBe(def.visibilityTimeoutSeconds);
    const consumers = Object.values(FUNCTIONS).filter((fn) => fn.queue === def.name);
    expect(consumers.length).toBeGreaterThan(0);
    for (const fn of consumers) {
      expect(queue.VisibilityTimeout).toBeGreaterThanOrEqual(MIN_VISIBILITY_TIMEOUT_FACTOR * fn.timeoutSeconds);
    }
  });

  it('every queue (DLQs included) uses the CMK, never the AWS-managed SQS key, and refuses non-TLS access', () => {
    const queues = resourcesOfType('AWS::SQS::Queue');
    expect(Object.keys(queues)).toHaveLength(Object.keys(QUEUES).length * 2 + 1);
    for (const [id, queue] of Object.entries(queues)) {
      expect(queue.Properties.KmsMasterKeyId, id).toEqual(getAttArn(keyId));
      expect(queue.Properties.SqsManagedSseEnabled, id).toBeUndefined();
      built.template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [ref(id)],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          ]),
        },
      });
    }
  });

  it('refuses a definition that would redeliver or dead-letter healthy messages', () => {
    const fn = Object.values(FUNCTIONS).find((f) => f.queue === QUEUES.intake.name)!;
    const tooShort = MIN_VISIBILITY_TIMEOUT_FACTOR * fn.timeoutSeconds - 1;
    expect(() => checkQueueDefinition({ ...QUEUES.intake, visibilityTimeoutSeconds: tooShort })).toThrow(/visibilityTimeoutSeconds/);
    expect(() => checkQueueDefinition({ ...QUEUES.intake, maxReceiveCount: MIN_MAX_RECEIVE_COUNT - 1 })).toThrow(/maxReceiveCount/);
    expect(() => checkQueueDefinition(QUEUES.intake)).not.toThrow();
  });
});

describe('claims table', () => {
  it('has the keys, indexes, billing, PITR, CMK encryption, TTL and protection from TABLE', () => {
    const table = resource(TABLE.id);
    expect(table.DeletionPolicy).toBe('Retain');
    const p = table.Properties;
    expect(p.KeySchema).toEqual([
      { AttributeName: TABLE.partitionKey.name, KeyType: 'HASH' },
      { AttributeName: TABLE.sortKey.name, KeyType: 'RANGE' },
    ]);
    const keyAttrs = [TABLE.partitionKey, TABLE.sortKey, ...TABLE.globalSecondaryIndexes.flatMap((i) => [i.partitionKey, i.sortKey])];
    expect(p.AttributeDefinitions).toHaveLength(keyAttrs.length);
    expect(p.AttributeDefinitions).toEqual(
      expect.arrayContaining(keyAttrs.map((a) => ({ AttributeName: a.name, AttributeType: a.type }))),
    );
    expect(p.GlobalSecondaryIndexes).toEqual(
      TABLE.globalSecondaryIndexes.map((i) => ({
        IndexName: i.indexName,
        KeySchema: [
          { AttributeName: i.partitionKey.name, KeyType: 'HASH' },
          { AttributeName: i.sortKey.name, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    );
    expect(p.BillingMode).toBe('PAY_PER_REQUEST');
    expect(p.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    expect(p.SSESpecification).toEqual({ SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: getAttArn(keyId) });
    expect(p.TimeToLiveSpecification).toEqual({ AttributeName: TABLE.timeToLiveAttribute, Enabled: true });
    expect(p.DeletionProtectionEnabled).toBe(true);
  });

  it('is selected by an AWS Backup plan whose vault uses the CMK', () => {
    built.template.hasResourceProperties('AWS::Backup::BackupSelection', {
      BackupSelection: Match.objectLike({ Resources: Match.arrayWith([getAttArn(TABLE.id)]) }),
    });
    built.template.hasResourceProperties('AWS::Backup::BackupVault', { EncryptionKeyArn: getAttArn(keyId) });
  });
});

describe('functions', () => {
  const defs = Object.values(FUNCTIONS);

  it.each(defs)('$name: nodejs22.x on arm64, traced, sized from the definition, with the handler env', (def) => {
    const fn = resource(logicalId(built.stack.functions.byName[def.name])).Properties;
    expect(fn.Runtime).toBe('nodejs22.x');
    expect(fn.Runtime).toBe(RUNTIME.name);
    expect(fn.Architectures).toEqual(['arm64']);
    expect(fn.TracingConfig).toEqual({ Mode: 'Active' });
    expect(fn.Timeout).toBe(def.timeoutSeconds);
    expect(fn.MemorySize).toBe(def.memoryMiB);
    expect(fn.Handler).toBe('index.handler');

    const vars = fn.Environment.Variables as Json;
    expect(vars[ENV.table]).toEqual(ref(TABLE.id));
    expect(vars[ENV.bucket]).toEqual(ref(BUCKETS.data.id));
    if (WITHOUT_HMAC_KEY.includes(def.name)) expect(vars).not.toHaveProperty(ENV.hmacSecretArn);
    else expect(vars[ENV.hmacSecretArn]).toEqual(ref(logicalId(built.stack.hmac.secret)));
    expect(vars).toMatchObject(POWERTOOLS_ENV);
    // The raw key and the emulator endpoints are local-stack settings only.
    for (const localOnly of [ENV.hmacKey, ENV.dynamoEndpoint, ENV.s3Endpoint]) expect(vars).not.toHaveProperty(localOnly);
  });

  it.each(defs)('$name: bundled locally by esbuild as minified ESM with the createRequire banner and a source map', async (def) => {
    const fn = resource(logicalId(built.stack.functions.byName[def.name]));
    const outdir = built.app.outdir;
    const assetDir = path.join(outdir, fn.Metadata['aws:asset:path'] as string);
    const bundle = readFileSync(path.join(assetDir, 'index.mjs'), 'utf8');
    expect(bundle.startsWith("import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);")).toBe(true);
    expect(bundle).toMatch(/export\s*\{[^}]*\bhandler\b/);
    expect(existsSync(path.join(assetDir, 'index.mjs.map'))).toBe(true);
    // Minified: far fewer lines than characters.
    expect(bundle.split('\n').length).toBeLessThan(bundle.length / 1000);
    // The bundle loads as ESM on this Node (CommonJS deps go through the banner's require).
    const module = (await import(pathToFileURL(path.join(assetDir, 'index.mjs')).href)) as { handler?: unknown };
    expect(typeof module.handler).toBe('function');
  });

  it.each(defs)('$name: logs to its own CMK-encrypted log group with the chosen retention', (def) => {
    const fn = resource(logicalId(built.stack.functions.byName[def.name])).Properties;
    const logGroupId = fn.LoggingConfig.LogGroup.Ref as string;
    const logGroup = resource(logGroupId);
    expect(logGroup.Properties.RetentionInDays).toBe(LOG_RETENTION);
    expect(logGroup.Properties.KmsKeyId).toEqual(getAttArn(keyId));
    expect(logGroup.DeletionPolicy).toBe('Retain');
    const writes = roleStatements(fn.Role['Fn::GetAtt'][0]).filter((s) => actionsOf(s).some((a) => a.startsWith('logs:')));
    expect(writes).toEqual([expect.objectContaining({ Resource: getAttArn(logGroupId) })]);
  });

  it('every log group has an explicit retention and the CMK', () => {
    const logGroups = Object.values(resourcesOfType('AWS::Logs::LogGroup'));
    expect(logGroups).toHaveLength(defs.length);
    for (const lg of logGroups) {
      expect(lg.Properties.RetentionInDays).toBe(LOG_RETENTION);
      expect(lg.Properties.KmsKeyId).toEqual(getAttArn(keyId));
    }
  });

  it('SQS-fed functions have one event source each, batch size from QUEUES, reporting item failures', () => {
    const mappings = Object.values(resourcesOfType('AWS::Lambda::EventSourceMapping'));
    const fed = defs.filter((d) => d.queue !== undefined);
    expect(mappings).toHaveLength(fed.length);
    for (const def of fed) {
      const queueName = def.queue!;
      built.template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        FunctionName: ref(logicalId(built.stack.functions.byName[def.name])),
        EventSourceArn: getAttArn(logicalId(built.stack.queues.byName[queueName].queue)),
        BatchSize: QUEUES[queueName].batchSize,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
      });
    }
  });

  it('roles are least-privilege: object actions on their own prefixes, listing only codesets/ for intake, only build-batch writes', () => {
    const dataArn = getAttArn(BUCKETS.data.id);
    for (const def of defs) {
      const fn = resource(logicalId(built.stack.functions.byName[def.name])).Properties;
      const roleId = fn.Role['Fn::GetAtt'][0] as string;
      const role = resource(roleId).Properties;
      expect(role.ManagedPolicyArns ?? []).toEqual([]);

      const statements = roleStatements(roleId);
      const s3Actions = statements.flatMap(actionsOf).filter((a) => a.startsWith('s3:'));
      expect(s3Actions.every((a) => a === 's3:GetObject' || a === 's3:PutObject' || a === 's3:ListBucket')).toBe(true);
      // Listing: only the code-set readers, only the bucket's codesets/ prefix.
      const lists = statements.filter((s) => actionsOf(s).includes('s3:ListBucket'));
      if (CODESET_READERS.includes(def.name)) {
        expect(lists).toHaveLength(1);
        expect(lists[0]!.Resource).toEqual(dataArn);
        expect(lists[0]!.Condition).toEqual({ StringLike: { 's3:prefix': [`${layout.codesets}*`] } });
      } else {
        expect(lists).toEqual([]);
      }

      const objectResources = (action: string) =>
        statements
          .filter((s) => actionsOf(s).includes(action))
          .flatMap((s) => [s.Resource].flat())
          .map((r) => JSON.stringify(r));
      const inbound = NOTIFICATIONS.filter((n) => n.queue === def.queue).map((n) =>
        JSON.stringify({ 'Fn::Join': ['', [dataArn, `/${n.prefix('*')}*`]] }),
      );
      expect(objectResources('s3:GetObject')).toEqual(expect.arrayContaining(inbound));
      const otherInbound = NOTIFICATIONS.filter((n) => n.queue !== def.queue).map((n) => `/${n.prefix('*')}*`);
      for (const other of otherInbound) expect(objectResources('s3:GetObject').join()).not.toContain(other);

      // Reads are exactly the code sets, the function's own inbound prefixes and its declared extras.
      const objectArn = (pattern: string) => JSON.stringify({ 'Fn::Join': ['', [dataArn, `/${pattern}`]] });
      const extras = (BUCKET_EXTRA_READS[def.name] ?? []).map(objectArn);
      if (WITHOUT_BUCKET_READS.includes(def.name)) expect(objectResources('s3:GetObject')).toEqual([]);
      else expect(objectResources('s3:GetObject').sort()).toEqual([objectArn(`${layout.codesets}*`), ...inbound, ...extras].sort());
      if (def.name === 'ack999') expect(extras).toEqual([objectArn(`${layout.outbound837('*')}*`)]);
      else expect(objectResources('s3:GetObject').join()).not.toContain('/outbound/');

      const puts = objectResources('s3:PutObject');
      expect(puts.sort()).toEqual((BUCKET_WRITES[def.name] ?? []).map(objectArn).sort());
      if (def.name === 'buildBatch') expect(puts).toEqual([objectArn('tenants/*/outbound/837/*')]);
      else if (def.name === 'report') expect(puts).toEqual([objectArn('tenants/*/reports/*')]);
      else expect(puts).toEqual([]);
    }
  });

  it('the report function only reads the table: no item writes, no HMAC secret, no bucket reads', () => {
    const writes = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem', 'dynamodb:TransactWriteItems'];
    expect(TABLE_READ_ONLY).toContain('report');
    for (const def of defs) {
      const roleId = resource(logicalId(built.stack.functions.byName[def.name])).Properties.Role['Fn::GetAtt'][0] as string;
      const statements = roleStatements(roleId);
      const tableActions = statements
        .filter((s) => [s.Resource].flat().some((r) => JSON.stringify(r).includes(TABLE.id)))
        .flatMap(actionsOf);
      expect(tableActions, def.name).toEqual(expect.arrayContaining(['dynamodb:Query', 'dynamodb:GetItem']));
      if (TABLE_READ_ONLY.includes(def.name)) {
        for (const action of writes) expect(tableActions, `${def.name} ${action}`).not.toContain(action);
      } else {
        expect(tableActions, def.name).toEqual(expect.arrayContaining(['dynamodb:PutItem', 'dynamodb:UpdateItem']));
      }
    }
    const report = resource(logicalId(built.stack.functions.byName.report)).Properties;
    const statements = roleStatements(report.Role['Fn::GetAtt'][0] as string);
    expect(statements.flatMap(actionsOf).filter((a) => a.startsWith('secretsmanager:'))).toEqual([]);
    expect(statements.flatMap(actionsOf)).not.toContain('s3:GetObject');
  });

  it('acknowledgments: 999/ and 277ca/ of every tenant feed their own queue and function', () => {
    const cases = [
      { fn: FUNCTIONS.ack999, prefix: layout.inbound999 },
      { fn: FUNCTIONS.ack277ca, prefix: layout.inbound277ca },
    ];
    const [notifications] = Object.values(resourcesOfType('Custom::S3BucketNotifications'));
    const configs = notifications!.Properties.NotificationConfiguration.QueueConfigurations as Json[];
    for (const { fn, prefix } of cases) {
      const queueId = logicalId(built.stack.queues.byName[fn.queue!].queue);
      for (const { tenantId } of TEST_TENANTS) {
        const config = configs.find((c) => c.Filter.Key.FilterRules[0].Value === prefix(tenantId));
        expect(config?.QueueArn, `${fn.name} ${tenantId}`).toEqual(getAttArn(queueId));
      }
      built.template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        FunctionName: ref(logicalId(built.stack.functions.byName[fn.name])),
        EventSourceArn: getAttArn(queueId),
      });
      expect(QUEUES[fn.queue!].deadLetterQueueName).toBe(`${fn.queue}-dlq`);
    }
  });

  it('the scheduled build-batch has an async dead-letter queue; SQS-fed functions rely on their queue DLQ', () => {
    for (const def of defs) {
      const fn = resource(logicalId(built.stack.functions.byName[def.name])).Properties;
      if (def.queue === undefined) {
        expect(fn.DeadLetterConfig).toEqual({ TargetArn: getAttArn(logicalId(built.stack.buildBatchFailures)) });
      } else {
        expect(fn.DeadLetterConfig).toBeUndefined();
      }
    }
  });
});

describe('HMAC secret', () => {
  it('is generated by Secrets Manager, encrypted with the CMK and readable by every function that hashes claim ids', () => {
    const secretId = logicalId(built.stack.hmac.secret);
    const secret = resource(secretId).Properties;
    expect(secret.KmsKeyId).toEqual(getAttArn(keyId));
    expect(secret.GenerateSecretString.PasswordLength).toBeGreaterThanOrEqual(32);
    expect(secret.SecretString).toBeUndefined();
    for (const def of Object.values(FUNCTIONS).filter((d) => !WITHOUT_HMAC_KEY.includes(d.name))) {
      const roleId = resource(logicalId(built.stack.functions.byName[def.name])).Properties.Role['Fn::GetAtt'][0];
      expect(roleStatements(roleId)).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ Action: expect.arrayContaining(['secretsmanager:GetSecretValue']), Resource: ref(secretId) }),
        ]),
      );
    }
  });
});

describe('EventBridge Scheduler', () => {
  it('has the claimflow group and one build-batch and one report schedule per tenant', () => {
    built.template.resourceCountIs('AWS::Scheduler::ScheduleGroup', 1);
    built.template.hasResourceProperties('AWS::Scheduler::ScheduleGroup', { Name: SCHEDULE_GROUP_NAME });
    built.template.resourceCountIs('AWS::Scheduler::Schedule', TEST_TENANTS.length * 2);
  });

  it('build-batch schedules: the tenant expression, timezone and input', () => {
    const buildBatchId = logicalId(built.stack.functions.byName.buildBatch);
    const dlqId = logicalId(built.stack.buildBatchFailures);
    const schedules = Object.values(resourcesOfType('AWS::Scheduler::Schedule')).map((s) => s.Properties as Json);
    for (const tenant of TEST_TENANTS) {
      const schedule = schedules.find((s) => s.Name === scheduleName(tenant.tenantId));
      expect(schedule, tenant.tenantId).toBeDefined();
      expect(schedule!.ScheduleExpression).toBe(tenant.schedule.expression);
      expect(schedule!.ScheduleExpressionTimezone).toBe(tenant.schedule.timezone);
      expect(schedule!.FlexibleTimeWindow).toEqual({ Mode: 'OFF' });
      expect(schedule!.GroupName).toEqual(ref(logicalId(built.stack.schedules.group)));
      expect(schedule!.Target.Arn).toEqual(getAttArn(buildBatchId));
      expect(JSON.parse(schedule!.Target.Input as string)).toEqual({ tenantId: tenant.tenantId });
      expect(schedule!.Target.RetryPolicy.MaximumRetryAttempts).toBeGreaterThan(0);
      expect(schedule!.Target.DeadLetterConfig).toEqual({ Arn: getAttArn(dlqId) });
    }
    expect(resource(dlqId).Properties.KmsMasterKeyId).toEqual(getAttArn(keyId));
  });

  it('report schedules: the tenant reportSchedule or the daily default, in the tenant time zone, invoking report', () => {
    const reportId = logicalId(built.stack.functions.byName.report);
    const dlqId = logicalId(built.stack.buildBatchFailures);
    const schedules = Object.values(resourcesOfType('AWS::Scheduler::Schedule')).map((s) => s.Properties as Json);
    for (const tenant of TEST_TENANTS) {
      const schedule = schedules.find((s) => s.Name === reportScheduleName(tenant.tenantId));
      expect(schedule, tenant.tenantId).toBeDefined();
      const expected = tenant.reportSchedule?.expression ?? DEFAULT_REPORT_SCHEDULE.expression;
      expect(schedule!.ScheduleExpression).toBe(expected);
      expect(reportScheduleOf(tenant).expression).toBe(expected);
      expect(schedule!.ScheduleExpressionTimezone).toBe(tenant.reportSchedule?.timezone ?? tenant.schedule.timezone);
      expect(schedule!.GroupName).toEqual(ref(logicalId(built.stack.schedules.group)));
      expect(schedule!.Target.Arn).toEqual(getAttArn(reportId));
      expect(schedule!.Target.RoleArn).toEqual(getAttArn(logicalId(built.stack.schedules.reportRole)));
      expect(JSON.parse(schedule!.Target.Input as string)).toEqual({ tenantId: tenant.tenantId });
      expect(schedule!.Target.DeadLetterConfig).toEqual({ Arn: getAttArn(dlqId) });
    }
    // One tenant sets its own schedule, the other takes the default: both paths are covered.
    expect(TEST_TENANTS.some((t) => t.reportSchedule) && TEST_TENANTS.some((t) => !t.reportSchedule)).toBe(true);
  });

  it('the report schedules use their own role, which may invoke only the report function', () => {
    const roleId = logicalId(built.stack.schedules.reportRole);
    expect(roleId).not.toBe(logicalId(built.stack.schedules.role));
    const trust = resource(roleId).Properties.AssumeRolePolicyDocument.Statement as Json[];
    expect(trust).toEqual([expect.objectContaining({ Principal: { Service: 'scheduler.amazonaws.com' } })]);
    expect(JSON.stringify(trust[0]!.Condition.ArnLike)).toContain(`schedule/${SCHEDULE_GROUP_NAME}/${reportScheduleName('')}*`);
    const invokes = roleStatements(roleId).filter((s) => actionsOf(s).some((a) => a.startsWith('lambda:')));
    expect(invokes).toEqual([
      expect.objectContaining({ Action: 'lambda:InvokeFunction', Resource: getAttArn(logicalId(built.stack.functions.byName.report)) }),
    ]);
  });

  it('uses a role that scheduler may assume and that may invoke only build-batch', () => {
    const roleId = logicalId(built.stack.schedules.role);
    const trust = resource(roleId).Properties.AssumeRolePolicyDocument.Statement as Json[];
    expect(trust).toEqual([expect.objectContaining({ Principal: { Service: 'scheduler.amazonaws.com' } })]);
    expect(trust[0]!.Condition.StringEquals).toHaveProperty('aws:SourceAccount');

    const statements = roleStatements(roleId);
    const invokes = statements.filter((s) => actionsOf(s).some((a) => a.startsWith('lambda:')));
    expect(invokes).toEqual([
      expect.objectContaining({
        Action: 'lambda:InvokeFunction',
        Resource: getAttArn(logicalId(built.stack.functions.byName.buildBatch)),
      }),
    ]);
    const sends = statements.filter((s) => actionsOf(s).includes('sqs:SendMessage'));
    expect(sends).toEqual([expect.objectContaining({ Resource: getAttArn(logicalId(built.stack.buildBatchFailures)) })]);
  });
});

describe('outputs', () => {
  it('export the bucket name, table name and every queue URL', () => {
    const outputs = built.template.toJSON().Outputs as Json;
    const values = Object.values(outputs).map((o) => JSON.stringify(o.Value));
    expect(values).toContain(JSON.stringify(ref(BUCKETS.data.id)));
    expect(values).toContain(JSON.stringify(ref(TABLE.id)));
    for (const pair of Object.values(built.stack.queues.byName)) {
      expect(values).toContain(JSON.stringify(ref(logicalId(pair.queue))));
      expect(values).toContain(JSON.stringify(ref(logicalId(pair.deadLetterQueue))));
    }
  });
});

describe('tenant list', () => {
  it('refuses a tenant configured twice', () => {
    const [first] = TEST_TENANTS;
    expect(() => buildStack([first!, { ...first! }], { bundle: false })).toThrow(/configured more than once/);
  });
});
