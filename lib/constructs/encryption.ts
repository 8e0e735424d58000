import { Aws, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

/**
 * The one customer-managed key that encrypts claimflow's data at rest: the data
 * bucket, the queues and their DLQs, the table, the HMAC secret, the log groups,
 * the scheduler DLQ and the backup vault. One key keeps the key policy (who may
 * ever decrypt PHI) in a single reviewable place.
 */
export class Encryption extends Construct {
  readonly key: kms.Key;

  constructor(scope: Construct, id: string) {
    super(scope, id);

    this.key = new kms.Key(this, 'Key', {
      description: 'claimflow: encrypts claim data, queues, table, secret and logs',
      enableKeyRotation: true,
      // Destroying the key would make every retained bucket object, backup and
      // log unreadable, so it outlives the stack like the data it protects.
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // CloudWatch Logs encrypts log groups with the key itself (not through the
    // caller's grants), so the key policy must name the regional Logs service.
    // The encryption-context condition limits it to log groups of this account
    // and region.
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowCloudWatchLogsForThisAccountsLogGroups',
        principals: [new iam.ServicePrincipal(`logs.${Aws.REGION}.amazonaws.com`)],
        actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
        resources: ['*'],
        conditions: {
          ArnLike: {
            'kms:EncryptionContext:aws:logs:arn': `arn:${Aws.PARTITION}:logs:${Aws.REGION}:${Aws.ACCOUNT_ID}:log-group:*`,
          },
        },
      }),
    );

    // S3 event notifications go to CMK-encrypted queues, so S3 needs the key
    // for the messages it sends (and for the test message it sends when the
    // notification is configured). The condition cannot name the queues or
    // the bucket: both are encrypted with this key, and referencing them here
    // would be a circular dependency. It limits S3 to SQS data keys of queues
    // in this account and region (SQS sets aws:sqs:arn as encryption context);
    // the queue policies limit the sender to the data bucket.
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowS3NotificationsToThisAccountsQueues',
        principals: [new iam.ServicePrincipal('s3.amazonaws.com')],
        actions: ['kms:GenerateDataKey*', 'kms:Decrypt'],
        resources: ['*'],
        conditions: {
          ArnLike: {
            'kms:EncryptionContext:aws:sqs:arn': `arn:${Aws.PARTITION}:sqs:${Aws.REGION}:${Aws.ACCOUNT_ID}:*`,
          },
        },
      }),
    );
  }
}
