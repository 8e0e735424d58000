/**
 * The data bucket as an ObjectStore. In AWS the bucket's default encryption
 * (SSE-KMS with the stack's key) applies to every put, so no encryption header
 * is sent unless a KMS key id is given explicitly.
 */
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { ObjectStore } from '../../core/ports.js';

export interface S3ObjectStoreOptions {
  /** Only when puts must name a KMS key themselves (the bucket default covers the deployed stack). */
  kmsKeyId?: string;
}

export class S3ObjectStore implements ObjectStore {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
    private readonly options: S3ObjectStoreOptions = {},
  ) {}

  /** The etag comes back without the quotes S3 puts around it, as in S3 event notifications. */
  async get(key: string): Promise<{ body: Buffer; etag?: string }> {
    const result = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
    if (!result.Body) throw new Error('object has no body');
    const body = Buffer.from(await result.Body.transformToByteArray());
    const etag = unquote(result.ETag);
    return etag === undefined ? { body } : { body, etag };
  }

  /** The body as it arrives: the SDK's Node stream is an async iterable of chunks. */
  async *stream(key: string): AsyncIterable<Uint8Array> {
    const result = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
    if (!result.Body) throw new Error('object has no body');
    const body = result.Body as unknown as AsyncIterable<Uint8Array>;
    if (typeof (body as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] !== 'function') {
      // Not a Node stream (e.g. a browser runtime): fall back to the whole body.
      yield await result.Body.transformToByteArray();
      return;
    }
    for await (const chunk of body) yield chunk;
  }

  async put(key: string, body: string | Buffer, contentType?: string): Promise<void> {
    const { kmsKeyId } = this.options;
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Body: body,
        ...(contentType ? { ContentType: contentType } : {}),
        ...(kmsKeyId ? { ServerSideEncryption: 'aws:kms' as const, SSEKMSKeyId: kmsKeyId } : {}),
      }),
    );
  }

  /** Every key under the prefix, following continuation tokens to the end. */
  async list(prefix: string): Promise<string[]> {
    const found: string[] = [];
    let token: string | undefined;
    do {
      const page = await this.client.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token }));
      for (const object of page.Contents ?? []) if (object.Key !== undefined) found.push(object.Key);
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token !== undefined);
    return found;
  }
}

function unquote(etag: string | undefined): string | undefined {
  if (etag === undefined) return undefined;
  return etag.replace(/^"(.*)"$/, '$1');
}
