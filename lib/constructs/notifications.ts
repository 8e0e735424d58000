import { Aws } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { NOTIFICATIONS } from '../definitions.js';
import type { Queues } from './queues.js';

/**
 * An SQS notification destination for a queue that shares the bucket's CMK.
 * aws-s3-notifications' SqsDestination grants S3 the key with a condition on
 * the bucket ARN in the key policy, which is a circular dependency when the
 * bucket is encrypted with the same key. Here the queue policy carries the
 * bucket condition and the key policy grant lives in Encryption.
 */
class SameKeyQueueDestination implements s3.IBucketNotificationDestination {
  constructor(private readonly queue: sqs.Queue) {}

  bind(_scope: Construct, bucket: s3.IBucket): s3.BucketNotificationDestinationConfig {
    this.queue.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal('s3.amazonaws.com')],
        actions: ['sqs:SendMessage'],
        resources: [this.queue.queueArn],
        conditions: {
          ArnLike: { 'aws:SourceArn': bucket.bucketArn },
          StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID },
        },
      }),
    );
    // The queue (and so its policy) must exist before S3 validates the destination.
    return { arn: this.queue.queueArn, type: s3.BucketNotificationDestinationType.QUEUE, dependencies: [this.queue] };
  }
}

/**
 * S3 ObjectCreated -> SQS on the data bucket, one filter per configured tenant
 * and NOTIFICATIONS entry. S3 key filters are plain prefixes and cannot
 * wildcard the tenant in the middle of the key, so each tenant gets its own.
 */
export function addTenantNotifications(bucket: s3.Bucket, queues: Queues, tenantIds: readonly string[]): void {
  for (const tenantId of tenantIds) {
    for (const notification of NOTIFICATIONS) {
      bucket.addEventNotification(
        s3.EventType.OBJECT_CREATED,
        new SameKeyQueueDestination(queues.byName[notification.queue].queue),
        { prefix: notification.prefix(tenantId) },
      );
    }
  }
}
