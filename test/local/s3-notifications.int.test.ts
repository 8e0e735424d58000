import {
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateMultipartUploadCommand,
  HeadObjectCommand,
  PutObjectCommand,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { DeleteMessageCommand, PurgeQueueCommand, ReceiveMessageCommand, type Message } from '@aws-sdk/client-sqs';
import type { S3Event } from 'aws-lambda';
import { beforeEach, describe, expect, it } from 'vitest';
import { layout, parseInboundKey } from '../../lambdas/core/tenant/layout.js';
import { BUCKETS } from '../../lib/definitions.js';
import { createLocalResources } from '../../bin/local/resources.js';
import { useLocalStack } from '../support/local-stack.js';

const BUCKET = BUCKETS.data.localName;

describe('S3 event notifications from fauxqs', () => {
  const stack = useLocalStack({ tenants: ['acme', 'globex'] });

  async function drain(queueUrl: string): Promise<Message[]> {
    const all: Message[] = [];
    for (;;) {
      const { Messages = [] } = await stack.clients.sqs.send(
        new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 0 }),
      );
      if (Messages.length === 0) return all;
      for (const m of Messages) await stack.clients.sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: m.ReceiptHandle }));
      all.push(...Messages);
    }
  }
  const intake = () => stack.resources.queues.intake.url;
  const remittance = () => stack.resources.queues.remittance.url;
  const put = (key: string, body: string) => stack.clients.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: body }));
  const records = (m: Message) => (JSON.parse(m.Body ?? '{}') as S3Event).Records;

  it('sends s3:TestEvent to each queue when the configuration is set, and not again for the same configuration', async () => {
    const tests = [...(await drain(intake())), ...(await drain(remittance()))].map((m) => JSON.parse(m.Body ?? '{}'));
    expect(tests).toHaveLength(2);
    for (const t of tests) {
      expect(t).toMatchObject({ Service: 'Amazon S3', Event: 's3:TestEvent', Bucket: BUCKET });
      expect(Number.isNaN(Date.parse(t.Time))).toBe(false);
    }
    await createLocalResources(stack.services, ['acme', 'globex']);
    expect(await drain(intake())).toHaveLength(0);
    expect(await drain(remittance())).toHaveLength(0);
  });

  describe('object writes', () => {
    beforeEach(async () => {
      await stack.clients.sqs.send(new PurgeQueueCommand({ QueueUrl: intake() }));
      await stack.clients.sqs.send(new PurgeQueueCommand({ QueueUrl: remittance() }));
    });

    it('an encounter upload puts exactly one S3-shaped event on the intake queue, before the upload returns', async () => {
      const key = `${layout.inboundEncounters('acme')}2026/11/visit 001 (final).json`;
      const body = '{"encounters":[]}';
      const before = Date.now();
      await put(key, body);
      const messages = await drain(intake());
      expect(await drain(remittance())).toHaveLength(0);
      expect(messages).toHaveLength(1);
      const event = records(messages[0]!);
      expect(event).toHaveLength(1);
      const record = event[0]!;
      const head = await stack.clients.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }));
      expect(record).toMatchObject({
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        awsRegion: stack.services.region,
        eventName: 'ObjectCreated:Put',
        userIdentity: { principalId: expect.any(String) },
        requestParameters: { sourceIPAddress: '127.0.0.1' },
        responseElements: { 'x-amz-request-id': expect.any(String), 'x-amz-id-2': expect.any(String) },
        s3: {
          s3SchemaVersion: '1.0',
          configurationId: 'intake-acme',
          bucket: { name: BUCKET, ownerIdentity: { principalId: expect.any(String) }, arn: `arn:aws:s3:::${BUCKET}` },
          object: {
            key: 'tenants/acme/inbound/encounters/2026/11/visit+001+%28final%29.json',
            size: Buffer.byteLength(body),
            eTag: head.ETag?.replaceAll('"', ''),
            sequencer: expect.stringMatching(/^[0-9A-F]+$/),
          },
        },
      });
      expect(record.s3.object.versionId).toBeUndefined();
      const eventTime = Date.parse(record.eventTime);
      expect(eventTime).toBeGreaterThanOrEqual(before - 1);
      expect(eventTime).toBeLessThanOrEqual(Date.now());
      // What a handler does with the key gives back the original key.
      const decoded = decodeURIComponent(record.s3.object.key.replace(/\+/g, ' '));
      expect(decoded).toBe(key);
      expect(parseInboundKey(decoded)).toEqual({ tenantId: 'acme', kind: 'encounters', name: '2026/11/visit 001 (final).json' });
    });

    it('an 835 upload goes to the remittance queue, with its tenant configuration id', async () => {
      await put(`${layout.inbound835('globex')}era-1.x12`, 'ISA*00~');
      expect(await drain(intake())).toHaveLength(0);
      const messages = await drain(remittance());
      expect(messages).toHaveLength(1);
      const record = records(messages[0]!)[0]!;
      expect(record.s3.configurationId).toBe('remittance-globex');
      expect(record.s3.object.key).toBe('tenants/globex/inbound/835/era-1.x12');
      expect(record.s3.object.size).toBe(7);
    });

    it('writes outside the configured prefixes or for unknown tenants notify nobody', async () => {
      await put(`${layout.outbound837('acme')}batch.x12`, 'x');
      await put(`${layout.reports('acme')}r.json`, 'x');
      await put(`${layout.inboundEncounters('initech')}v.json`, 'x');
      await put('tenants/acme/inbound/encountersX/v.json', 'x');
      await put(`${layout.codesets}icd10.txt`, 'x');
      await stack.clients.s3.send(new PutObjectCommand({ Bucket: BUCKETS.accessLogs.localName, Key: `${layout.inboundEncounters('acme')}v.json`, Body: 'x' }));
      expect(await drain(intake())).toHaveLength(0);
      expect(await drain(remittance())).toHaveLength(0);
    });

    it('reports copies and multipart uploads with their own event names, and not the parts', async () => {
      const source = `${layout.reports('acme')}source.json`;
      await put(source, '{"a":1}');
      await stack.clients.s3.send(
        new CopyObjectCommand({ Bucket: BUCKET, Key: `${layout.inboundEncounters('acme')}copied.json`, CopySource: `${BUCKET}/${source}` }),
      );
      const key = `${layout.inbound835('acme')}big.x12`;
      const upload = await stack.clients.s3.send(new CreateMultipartUploadCommand({ Bucket: BUCKET, Key: key }));
      const part = await stack.clients.s3.send(
        new UploadPartCommand({ Bucket: BUCKET, Key: key, UploadId: upload.UploadId, PartNumber: 1, Body: 'ISA*00*~IEA*1~' }),
      );
      expect(await drain(remittance())).toHaveLength(0);
      await stack.clients.s3.send(
        new CompleteMultipartUploadCommand({
          Bucket: BUCKET,
          Key: key,
          UploadId: upload.UploadId,
          MultipartUpload: { Parts: [{ ETag: part.ETag, PartNumber: 1 }] },
        }),
      );
      const copied = (await drain(intake())).map((m) => records(m)[0]);
      expect(copied.map((r) => [r?.eventName, r?.s3.object.key, r?.s3.object.size])).toEqual([
        ['ObjectCreated:Copy', 'tenants/acme/inbound/encounters/copied.json', 7],
      ]);
      const completed = (await drain(remittance())).map((m) => records(m)[0]);
      expect(completed.map((r) => [r?.eventName, r?.s3.object.key, r?.s3.object.size])).toEqual([
        ['ObjectCreated:CompleteMultipartUpload', 'tenants/acme/inbound/835/big.x12', 14],
      ]);
    });

    it('gives later writes of a key a greater sequencer', async () => {
      const key = `${layout.inboundEncounters('acme')}same.json`;
      await put(key, '1');
      await put(key, '22');
      const seen = (await drain(intake())).map((m) => records(m)[0]!.s3.object);
      expect(seen.map((o) => o.size)).toEqual([1, 2]);
      const [first, second] = seen.map((o) => o.sequencer.padEnd(32, '0'));
      expect(second! > first!).toBe(true);
    });

    it('does not notify for a failed write', async () => {
      await expect(
        stack.clients.s3.send(new CopyObjectCommand({ Bucket: BUCKET, Key: `${layout.inboundEncounters('acme')}x.json`, CopySource: `${BUCKET}/missing` })),
      ).rejects.toThrow();
      expect(await drain(intake())).toHaveLength(0);
    });
  });
});
