/**
 * cdk-nag (AwsSolutions + HIPAA Security) on the claimflow stack: no
 * unacknowledged errors, and every acknowledgement carries a real reason.
 */
import { Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildStack, newApp, removeAssemblies, type BuiltStack } from './stack-fixture.js';

const NAG_RULE = Match.stringLikeRegexp('AwsSolutions-.*|HIPAA.Security-.*');
/** Long enough to say why, not just "n/a" or "not needed". */
const MIN_REASON_LENGTH = 60;

/**
 * Findings that must be fixed, never acknowledged: encryption at rest and in
 * transit, key rotation, PITR, log retention/encryption, queue DLQs.
 */
const NEVER_SUPPRESSED = [
  'AwsSolutions-S10',
  'AwsSolutions-SQS2',
  'AwsSolutions-SQS3',
  'AwsSolutions-SQS4',
  'AwsSolutions-KMS5',
  'AwsSolutions-DDB3',
  'AwsSolutions-IAM5[Action::*]',
  'HIPAA.Security-S3BucketSSLRequestsOnly',
  'HIPAA.Security-S3BucketVersioningEnabled',
  'HIPAA.Security-S3BucketLevelPublicAccessProhibited',
  'HIPAA.Security-S3BucketLoggingEnabled',
  'HIPAA.Security-DynamoDBPITREnabled',
  'HIPAA.Security-DynamoDBInBackupPlan',
  'HIPAA.Security-CloudWatchLogGroupEncrypted',
  'HIPAA.Security-CloudWatchLogGroupRetentionPeriod',
  'HIPAA.Security-SecretsManagerUsingKMSKey',
];

interface Suppression {
  path: string;
  id: string;
  reason: string;
  appliesTo: unknown[];
}

function suppressionsIn(built: BuiltStack): Suppression[] {
  const resources = built.template.toJSON().Resources as Record<string, { Metadata?: Record<string, any> }>;
  return Object.entries(resources).flatMap(([logicalId, resource]) =>
    ((resource.Metadata?.cdk_nag?.rules_to_suppress ?? []) as { id: string; reason: string; applies_to?: unknown[] }[]).map(
      (rule) => ({ path: logicalId, id: rule.id, reason: rule.reason, appliesTo: rule.applies_to ?? [] }),
    ),
  );
}

let built: BuiltStack;

beforeAll(() => {
  built = buildStack(undefined, { nag: true });
});
afterAll(() => {
  removeAssemblies();
});

describe('cdk-nag', () => {
  it('reports no unacknowledged AwsSolutions or HIPAA Security errors', () => {
    const errors = Annotations.fromStack(built.stack).findError('*', NAG_RULE);
    expect(errors.map((e) => `${e.id}: ${String(e.entry.data).split(':')[0]}`)).toEqual([]);
  });

  it('reports no AwsSolutions or HIPAA Security warnings either', () => {
    const warnings = Annotations.fromStack(built.stack).findWarning('*', NAG_RULE);
    expect(warnings.map((w) => `${w.id}: ${String(w.entry.data).split(':')[0]}`)).toEqual([]);
  });

  it('gives every acknowledged finding a specific written reason', () => {
    const suppressions = suppressionsIn(built);
    expect(suppressions.length).toBeGreaterThan(0);
    for (const s of suppressions) {
      expect(s.reason.trim().length, `${s.path} ${s.id}`).toBeGreaterThanOrEqual(MIN_REASON_LENGTH);
      expect(s.id, s.path).toMatch(/^(AwsSolutions|HIPAA\.Security)-[A-Za-z0-9]+$/);
    }
    // Wildcard-permission acknowledgements name the exact findings they cover.
    for (const s of suppressions.filter((x) => x.id === 'AwsSolutions-IAM5' || x.id === 'AwsSolutions-IAM4')) {
      expect(s.appliesTo.length, `${s.path} ${s.id}`).toBeGreaterThan(0);
    }
  });

  it('never acknowledges a finding that must be fixed', () => {
    const acknowledged = suppressionsIn(built).flatMap((s) => [s.id, ...s.appliesTo.map((a) => `${s.id}[${String(a)}]`)]);
    for (const rule of NEVER_SUPPRESSED) expect(acknowledged, rule).not.toContain(rule);
  });

  it('the packs are live: an unencrypted queue without a DLQ is reported', () => {
    const app = newApp({ nag: true, bundle: false });
    const probe = new Stack(app, 'NagProbe');
    new sqs.Queue(probe, 'Plain', { encryption: sqs.QueueEncryption.UNENCRYPTED });
    const ids = Annotations.fromStack(probe)
      .findError('*', NAG_RULE)
      .map((e) => String(e.entry.data).split(':')[0]);
    expect(ids).toEqual(expect.arrayContaining(['AwsSolutions-SQS2', 'AwsSolutions-SQS3', 'AwsSolutions-SQS4']));
  });
});
