import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { BUCKETS } from '../definitions.js';
import { RECORD_RETENTION_DAYS } from '../retention.js';
import { useDefinitionLogicalId } from './logical-id.js';

export interface StorageProps {
  key: kms.IKey;
}

/** Prefix of the data bucket's server access logs inside the access-logs bucket. */
export const DATA_BUCKET_ACCESS_LOG_PREFIX = 'data-bucket/';

/**
 * The data bucket (every tenant's encounters, 837s, 835s and reports) and the
 * bucket that receives its S3 server access logs.
 */
export class Storage extends Construct {
  readonly dataBucket: s3.Bucket;
  readonly accessLogsBucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: StorageProps) {
    super(scope, id);

    // S3 server access logging documents SSE-S3 as the only supported default
    // encryption for a log destination bucket ("Default server-side encryption
    // with AWS KMS keys (SSE-KMS) is not supported", S3 User Guide, Enabling
    // server access logging), so this bucket uses S3-managed keys. Access logs
    // hold request metadata (keys, requesters, times), not object contents.
    this.accessLogsBucket = new s3.Bucket(this, BUCKETS.accessLogs.id, {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      versioned: true,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [
        {
          id: 'expire-access-logs-after-retention',
          expiration: Duration.days(RECORD_RETENTION_DAYS),
          noncurrentVersionExpiration: Duration.days(30),
        },
      ],
    });

    this.dataBucket = new s3.Bucket(this, BUCKETS.data.id, {
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: props.key,
      // One data key per bucket instead of per object: far fewer KMS calls
      // (and throttles) when a tenant drops thousands of encounters at once.
      bucketKeyEnabled: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      versioned: true,
      serverAccessLogsBucket: this.accessLogsBucket,
      serverAccessLogsPrefix: DATA_BUCKET_ACCESS_LOG_PREFIX,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [{ id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(7) }],
    });

    // Logical ids straight from the definitions: stable across refactors of the
    // construct tree (a changed logical id would replace a RETAINed bucket).
    useDefinitionLogicalId(this.accessLogsBucket, BUCKETS.accessLogs.id);
    useDefinitionLogicalId(this.dataBucket, BUCKETS.data.id);
  }
}
