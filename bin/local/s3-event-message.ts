/**
 * Builds the JSON bodies Amazon S3 sends to an SQS destination: the
 * `ObjectCreated:*` event record (event structure version 2.1) and the
 * `s3:TestEvent` sent when a notification configuration is set. Pure data.
 */
import type { S3Event, S3EventRecord } from 'aws-lambda';

export type ObjectCreatedEventName =
  | 'ObjectCreated:Put'
  | 'ObjectCreated:Post'
  | 'ObjectCreated:Copy'
  | 'ObjectCreated:CompleteMultipartUpload';

export interface ObjectCreatedInput {
  region: string;
  eventName: ObjectCreatedEventName;
  eventTime: Date;
  configurationId: string;
  bucket: string;
  /** The raw object key, as stored. */
  key: string;
  size: number;
  /** ETag with or without its surrounding quotes; S3 events carry it unquoted. */
  eTag: string;
  sequencer: string;
  sourceIPAddress: string;
  requestId: string;
  hostId: string;
}

/** Fixed local identities (real ones are AWS account/user ids; nothing reads them). */
export const LOCAL_PRINCIPAL_ID = 'AWS:AIDALOCALCLAIMFLOW00';
export const LOCAL_BUCKET_OWNER_ID = 'A1LOCALCLAIMFLOWOWNER';

/**
 * S3 writes the key of an event form-URL-encoded (like Java's URLEncoder):
 * a space becomes '+', and everything except letters, digits and `*-._`
 * is percent-encoded, except that '/' is kept. Consumers must decode with
 * `decodeURIComponent(key.replace(/\+/g, ' '))`.
 */
export function encodeEventKey(key: string): string {
  return key
    .split('/')
    .map((segment) =>
      encodeURIComponent(segment)
        .replace(/[!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
        .replace(/%20/g, '+'),
    )
    .join('/');
}

export function objectCreatedRecord(input: ObjectCreatedInput): S3EventRecord {
  return {
    eventVersion: '2.1',
    eventSource: 'aws:s3',
    awsRegion: input.region,
    eventTime: input.eventTime.toISOString(),
    eventName: input.eventName,
    userIdentity: { principalId: LOCAL_PRINCIPAL_ID },
    requestParameters: { sourceIPAddress: input.sourceIPAddress },
    responseElements: { 'x-amz-request-id': input.requestId, 'x-amz-id-2': input.hostId },
    s3: {
      s3SchemaVersion: '1.0',
      configurationId: input.configurationId,
      bucket: {
        name: input.bucket,
        ownerIdentity: { principalId: LOCAL_BUCKET_OWNER_ID },
        arn: `arn:aws:s3:::${input.bucket}`,
      },
      object: {
        key: encodeEventKey(input.key),
        size: input.size,
        eTag: input.eTag.replace(/^"|"$/g, ''),
        sequencer: input.sequencer,
      },
    },
  };
}

export function objectCreatedMessage(input: ObjectCreatedInput): S3Event {
  return { Records: [objectCreatedRecord(input)] };
}

/** What S3 sends to each destination when a notification configuration is put on a bucket. */
export interface S3TestEvent {
  Service: 'Amazon S3';
  Event: 's3:TestEvent';
  Time: string;
  Bucket: string;
  RequestId: string;
  HostId: string;
}

export function testEventMessage(bucket: string, time: Date, requestId: string, hostId: string): S3TestEvent {
  return { Service: 'Amazon S3', Event: 's3:TestEvent', Time: time.toISOString(), Bucket: bucket, RequestId: requestId, HostId: hostId };
}

/**
 * Sequencers order events for one key: S3 documents them as hex strings to be
 * compared after right-padding the shorter with zeros. A strictly increasing
 * counter (time in ms, then a per-process counter) gives the same guarantee.
 */
export function createSequencer(): () => string {
  let last = 0n;
  return () => {
    const now = BigInt(Date.now()) << 16n;
    last = now > last ? now : last + 1n;
    return last.toString(16).toUpperCase().padStart(18, '0');
  };
}
