import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import type { S3Event } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { layout, parseInboundKey } from '../../lambdas/core/tenant/layout.js';
import { ENV } from '../../lib/definitions.js';
import { runQueue } from '../../bin/local/poller.js';
import { startLocalStack } from '../../bin/local/stack.js';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('startLocalStack', () => {
  it('runs an upload through notification, queue and handler, then stops cleanly', async () => {
    const stack = await startLocalStack({ tenants: ['acme'] });
    const pid = stack.services.dynamoPid;
    try {
      const key = `${layout.inboundEncounters('acme')}2026/visit 7.json`;
      await stack.clients.s3.send(new PutObjectCommand({ Bucket: stack.resources.buckets.data, Key: key, Body: '{"n":7}' }));

      // What an intake handler does: ignore S3's test event, decode the key, read the object.
      const read: Array<{ tenantId: string; body: string }> = [];
      let testEvents = 0;
      const result = await runQueue(
        stack.resources.queues.intake.url,
        async (event) => {
          for (const record of event.Records) {
            const body = JSON.parse(record.body) as Partial<S3Event> & { Event?: string };
            if (body.Event === 's3:TestEvent') {
              testEvents += 1;
              continue;
            }
            for (const s3 of body.Records ?? []) {
              const objectKey = decodeURIComponent(s3.s3.object.key.replace(/\+/g, ' '));
              const parsed = parseInboundKey(objectKey);
              if ('error' in parsed) throw new Error(parsed.error);
              const object = await stack.clients.s3.send(new GetObjectCommand({ Bucket: s3.s3.bucket.name, Key: objectKey }));
              read.push({ tenantId: parsed.tenantId, body: (await object.Body?.transformToString()) ?? '' });
            }
          }
        },
        { sqs: stack.clients.sqs, timeoutMs: 10_000 },
      );
      expect(result.stoppedBy).toBe('idle');
      expect(testEvents).toBe(1);
      expect(read).toEqual([{ tenantId: 'acme', body: '{"n":7}' }]);
      expect(stack.resources.env[ENV.bucket]).toBe(stack.resources.buckets.data);
    } finally {
      await stack.stop();
    }
    expect(isAlive(pid)).toBe(false);
  });
});
