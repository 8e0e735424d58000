import { describe, expect, it } from 'vitest';
import { S3NotificationBridge } from '../../bin/local/s3-notifications.js';
import { notificationConfigurations } from '../../bin/local/resources.js';

const queues = {
  intake: { url: 'http://q/intake', arn: 'arn:aws:sqs:us-east-1:000000000000:intake' },
  remittance: { url: 'http://q/remittance', arn: 'arn:aws:sqs:us-east-1:000000000000:remittance' },
  ack999: { url: 'http://q/ack999', arn: 'arn:aws:sqs:us-east-1:000000000000:ack999' },
  ack277ca: { url: 'http://q/ack277ca', arn: 'arn:aws:sqs:us-east-1:000000000000:ack277ca' },
};

describe('S3NotificationBridge configurations', () => {
  it('rejects overlapping filters, as S3 does', async () => {
    const bridge = new S3NotificationBridge({ region: 'us-east-1' });
    await expect(
      bridge.setQueueConfigurations('b', [
        { id: 'one', queueUrl: 'http://q/a', queueArn: 'arn:a', prefix: 'tenants/' },
        { id: 'two', queueUrl: 'http://q/b', queueArn: 'arn:b', prefix: 'tenants/acme/' },
      ], { testEvent: false }),
    ).rejects.toThrow(/overlap/);
    await expect(
      bridge.setQueueConfigurations('b', [
        { id: 'one', queueUrl: 'http://q/a', queueArn: 'arn:a', prefix: 'x/' },
        { id: 'one', queueUrl: 'http://q/b', queueArn: 'arn:b', prefix: 'y/' },
      ], { testEvent: false }),
    ).rejects.toThrow(/used twice/);
    expect(bridge.queueConfigurations('b')).toEqual([]);
  });

  it('accepts the per-tenant configurations, including tenants whose ids share a beginning', async () => {
    const bridge = new S3NotificationBridge({ region: 'us-east-1' });
    const configs = notificationConfigurations(['acme', 'acme2'], queues);
    expect(configs.map((c) => [c.id, c.prefix, c.queueUrl])).toEqual([
      ['intake-acme', 'tenants/acme/inbound/encounters/', queues.intake.url],
      ['remittance-acme', 'tenants/acme/inbound/835/', queues.remittance.url],
      ['ack999-acme', 'tenants/acme/inbound/999/', queues.ack999.url],
      ['ack277ca-acme', 'tenants/acme/inbound/277ca/', queues.ack277ca.url],
      ['intake-acme2', 'tenants/acme2/inbound/encounters/', queues.intake.url],
      ['remittance-acme2', 'tenants/acme2/inbound/835/', queues.remittance.url],
      ['ack999-acme2', 'tenants/acme2/inbound/999/', queues.ack999.url],
      ['ack277ca-acme2', 'tenants/acme2/inbound/277ca/', queues.ack277ca.url],
    ]);
    await bridge.setQueueConfigurations('b', configs, { testEvent: false });
    expect(bridge.queueConfigurations('b')).toEqual(configs);
  });
});
