/**
 * fauxqs (in-memory S3 + SQS) in this process, with the S3 notification
 * bridge installed before it listens. Built from `buildApp` rather than
 * `startFauxqs` because hooks can only be added before listening.
 */
import { buildApp } from 'fauxqs';
import type { FastifyInstance } from 'fastify';
import { S3NotificationBridge } from './s3-notifications.js';

export interface FauxqsServer {
  endpoint: string;
  port: number;
  notifications: S3NotificationBridge;
  stop(): Promise<void>;
}

export async function startFauxqsServer(opts: { region: string; log?: (line: string) => void }): Promise<FauxqsServer> {
  const app = buildApp({ logger: false, defaultRegion: opts.region }) as unknown as FastifyInstance;
  const notifications = new S3NotificationBridge({ region: opts.region, ...(opts.log ? { log: opts.log } : {}) });
  notifications.install(app);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  if (!port) throw new Error('fauxqs did not report its port');
  const endpoint = `http://127.0.0.1:${port}`;
  opts.log?.(`[fauxqs] listening on ${endpoint}`);
  let stopping: Promise<void> | undefined;
  return {
    endpoint,
    port,
    notifications,
    stop() {
      stopping ??= app.close().then(() => undefined);
      return stopping;
    },
  };
}
