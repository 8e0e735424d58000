/**
 * Decodes the body of an SQS message that S3 sent: an S3 event notification
 * (one or more records), or the s3:TestEvent S3 sends when a notification is
 * configured. Keys arrive URL-encoded with '+' for spaces, as S3 writes them.
 */
import type { S3Event } from 'aws-lambda';

export interface S3ObjectRef {
  bucket: string;
  key: string;
  etag?: string;
  size?: number;
  eventName: string;
}

export type DecodedS3Message =
  | { kind: 'objects'; objects: S3ObjectRef[] }
  | { kind: 'test-event' }
  | { kind: 'invalid'; reason: string };

export function decodeS3Message(body: string): DecodedS3Message {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { kind: 'invalid', reason: 'message body is not JSON' };
  }
  if (parsed && typeof parsed === 'object' && (parsed as { Event?: unknown }).Event === 's3:TestEvent') {
    return { kind: 'test-event' };
  }
  const records = (parsed as Partial<S3Event> | null)?.Records;
  if (!Array.isArray(records) || records.length === 0) {
    return { kind: 'invalid', reason: 'message body holds no S3 event records' };
  }
  const objects: S3ObjectRef[] = [];
  for (const record of records) {
    const key = record?.s3?.object?.key;
    const bucket = record?.s3?.bucket?.name;
    if (typeof key !== 'string' || typeof bucket !== 'string') {
      return { kind: 'invalid', reason: 'an S3 event record lacks s3.bucket.name or s3.object.key' };
    }
    if (typeof record.eventName === 'string' && !record.eventName.startsWith('ObjectCreated:')) continue;
    objects.push({
      bucket,
      key: decodeS3Key(key),
      etag: record.s3.object.eTag,
      size: record.s3.object.size,
      eventName: record.eventName,
    });
  }
  return { kind: 'objects', objects };
}

export function decodeS3Key(key: string): string {
  return decodeURIComponent(key.replace(/\+/g, ' '));
}
