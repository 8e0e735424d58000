/**
 * S3 event notifications for fauxqs, which stores objects but never notifies.
 * The bridge watches the emulator's own HTTP responses: every successful
 * object write (PutObject, CopyObject, CompleteMultipartUpload) is matched
 * against the bucket's queue configurations (prefix/suffix filters, like
 * PutBucketNotificationConfiguration) and each match gets one real-shaped
 * event message on its queue.
 *
 * Delivery happens before the write's response leaves the emulator: when an upload call resolves, its event is already on the
 * queue. Real S3 delivers a moment later; zero delay is one of the behaviours
 * S3 allows, and it keeps the demo and the tests free of timing races.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  createSequencer,
  objectCreatedMessage,
  testEventMessage,
  type ObjectCreatedEventName,
} from './s3-event-message.js';

/** One entry of a bucket's QueueConfigurations (only ObjectCreated events are emulated). */
export interface QueueNotification {
  /** The configuration's Id; S3 puts it in `s3.configurationId`. */
  id: string;
  queueUrl: string;
  queueArn: string;
  prefix?: string;
  suffix?: string;
}

export interface DeliveredNotification {
  bucket: string;
  key: string;
  eventName: ObjectCreatedEventName;
  configurationId: string;
  queueUrl: string;
}

export interface S3NotificationBridgeOptions {
  region: string;
  log?: (line: string) => void;
}

interface ObjectWrite {
  bucket: string;
  key: string;
  eventName: ObjectCreatedEventName;
}

function requestIdLike(): string {
  return randomUUID().replaceAll('-', '').toUpperCase().slice(0, 16);
}

/** Reads which object write (if any) a request was, from fauxqs's path-style routes. */
function objectWriteOf(request: FastifyRequest): ObjectWrite | undefined {
  if (request.routeOptions.url !== '/:bucket/*') return undefined;
  const params = request.params as { bucket?: string; '*'?: string };
  const bucket = params.bucket;
  const key = params['*'];
  if (!bucket || !key) return undefined;
  const query = (request.query ?? {}) as Record<string, unknown>;
  if (request.method === 'PUT') {
    if (query['partNumber'] !== undefined || query['uploadId'] !== undefined) return undefined; // UploadPart
    const copy = request.headers['x-amz-copy-source'] !== undefined;
    return { bucket, key, eventName: copy ? 'ObjectCreated:Copy' : 'ObjectCreated:Put' };
  }
  if (request.method === 'POST' && typeof query['uploadId'] === 'string') {
    return { bucket, key, eventName: 'ObjectCreated:CompleteMultipartUpload' };
  }
  return undefined;
}

function matches(config: QueueNotification, key: string): boolean {
  return key.startsWith(config.prefix ?? '') && key.endsWith(config.suffix ?? '');
}

function sameConfig(a: QueueNotification, b: QueueNotification): boolean {
  return a.id === b.id && a.queueUrl === b.queueUrl && (a.prefix ?? '') === (b.prefix ?? '') && (a.suffix ?? '') === (b.suffix ?? '');
}

/** S3 rejects configurations whose filters could both match one key for the same event type. */
function assertNoOverlap(configs: QueueNotification[]): void {
  const ids = new Set<string>();
  for (const [i, a] of configs.entries()) {
    if (ids.has(a.id)) throw new Error(`notification configuration id ${a.id} is used twice`);
    ids.add(a.id);
    for (const b of configs.slice(i + 1)) {
      const pa = a.prefix ?? '';
      const pb = b.prefix ?? '';
      const sa = a.suffix ?? '';
      const sb = b.suffix ?? '';
      const prefixesOverlap = pa.startsWith(pb) || pb.startsWith(pa);
      const suffixesOverlap = sa.endsWith(sb) || sb.endsWith(sa);
      if (prefixesOverlap && suffixesOverlap) {
        throw new Error(`notification configurations ${a.id} and ${b.id} overlap (prefix/suffix filters can match the same key)`);
      }
    }
  }
}

export class S3NotificationBridge {
  private readonly configs = new Map<string, QueueNotification[]>();
  private readonly nextSequencer = createSequencer();
  private readonly delivered: DeliveredNotification[] = [];
  private app: FastifyInstance | undefined;

  constructor(private readonly options: S3NotificationBridgeOptions) {}

  /**
   * Adds the hook to a fauxqs app; must be called before the app listens.
   *
   * The delivery holds back the raw `res.end()` of the write's response
   * rather than running in an async onSend hook: fauxqs's async route
   * handlers call reply.send() without returning the reply, so a pending
   * onSend hook would make Fastify send the reply (and run the hook) twice.
   */
  install(app: FastifyInstance): void {
    if (this.app) throw new Error('the S3 notification bridge is already installed');
    this.app = app;
    app.addHook('onRequest', (request, reply, done) => {
      const write = objectWriteOf(request);
      if (write) this.deliverBeforeEnd(write, request, reply);
      done();
    });
  }

  private deliverBeforeEnd(write: ObjectWrite, request: FastifyRequest, reply: FastifyReply): void {
    const raw = reply.raw;
    const end = raw.end.bind(raw) as (...args: unknown[]) => unknown;
    const deferredEnd = (...args: unknown[]) => {
      raw.end = end as typeof raw.end;
      if (raw.statusCode < 200 || raw.statusCode >= 300) return end(...args);
      this.objectCreated(write, request.ip, reply)
        .catch((error: unknown) => {
          // A failed notification must not fail the upload (S3 does not either).
          this.log(`[s3-notifications] delivery failed for a ${write.eventName} in ${write.bucket}: ${String(error)}`);
        })
        .finally(() => end(...args));
      return raw;
    };
    raw.end = deferredEnd as typeof raw.end;
  }

  /**
   * Sets a bucket's queue configurations, replacing the previous ones (like
   * PutBucketNotificationConfiguration). Like S3, sends an `s3:TestEvent` to
   * each destination that is new or changed; an identical call sends nothing.
   */
  async setQueueConfigurations(bucket: string, configs: QueueNotification[], opts: { testEvent?: boolean } = {}): Promise<void> {
    assertNoOverlap(configs);
    const previous = this.configs.get(bucket) ?? [];
    this.configs.set(bucket, configs.map((c) => ({ ...c })));
    if (opts.testEvent === false) return;
    const changedQueues = new Set(
      configs.filter((c) => !previous.some((p) => sameConfig(p, c))).map((c) => c.queueUrl),
    );
    for (const queueUrl of changedQueues) {
      const body = testEventMessage(bucket, new Date(), requestIdLike(), 'fauxqs');
      await this.sendMessage(queueUrl, JSON.stringify(body));
    }
  }

  queueConfigurations(bucket: string): QueueNotification[] {
    return (this.configs.get(bucket) ?? []).map((c) => ({ ...c }));
  }

  /** Every event message sent so far (not test events), oldest first; for diagnostics and tests. */
  deliveries(): DeliveredNotification[] {
    return this.delivered.map((d) => ({ ...d }));
  }

  private log(line: string): void {
    this.options.log?.(line);
  }

  private async objectCreated(write: ObjectWrite, sourceIp: string, reply: FastifyReply): Promise<void> {
    const targets = (this.configs.get(write.bucket) ?? []).filter((c) => matches(c, write.key));
    if (targets.length === 0) return;
    const head = await this.headObject(write.bucket, write.key);
    const requestIdHeader = reply.getHeader('x-amz-request-id');
    const requestId = typeof requestIdHeader === 'string' ? requestIdHeader : requestIdLike();
    const eventTime = new Date();
    const sequencer = this.nextSequencer();
    for (const target of targets) {
      const body = objectCreatedMessage({
        region: this.options.region,
        eventName: write.eventName,
        eventTime,
        configurationId: target.id,
        bucket: write.bucket,
        key: write.key,
        size: head.size,
        eTag: head.eTag,
        sequencer,
        sourceIPAddress: sourceIp,
        requestId,
        hostId: 'fauxqs',
      });
      await this.sendMessage(target.queueUrl, JSON.stringify(body));
      this.delivered.push({
        bucket: write.bucket,
        key: write.key,
        eventName: write.eventName,
        configurationId: target.id,
        queueUrl: target.queueUrl,
      });
    }
  }

  private requireApp(): FastifyInstance {
    if (!this.app) throw new Error('the S3 notification bridge is not installed on a fauxqs app');
    return this.app;
  }

  /** Size and ETag as stored, read back through the emulator itself (in-process, no socket). */
  private async headObject(bucket: string, key: string): Promise<{ size: number; eTag: string }> {
    const path = `/${encodeURIComponent(bucket)}/${key.split('/').map(encodeURIComponent).join('/')}`;
    const response = await this.requireApp().inject({ method: 'HEAD', url: path });
    if (response.statusCode !== 200) throw new Error(`HeadObject answered ${response.statusCode}`);
    const size = Number(response.headers['content-length'] ?? NaN);
    const eTag = response.headers['etag'];
    if (!Number.isFinite(size) || typeof eTag !== 'string') throw new Error('HeadObject lacked Content-Length or ETag');
    return { size, eTag };
  }

  /** SendMessage through the emulator's SQS JSON protocol, in-process. */
  private async sendMessage(queueUrl: string, body: string): Promise<void> {
    const response = await this.requireApp().inject({
      method: 'POST',
      url: '/',
      headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'AmazonSQS.SendMessage' },
      payload: JSON.stringify({ QueueUrl: queueUrl, MessageBody: body }),
    });
    if (response.statusCode !== 200) {
      throw new Error(`SendMessage to ${queueUrl} answered ${response.statusCode}: ${response.body.slice(0, 200)}`);
    }
  }
}
