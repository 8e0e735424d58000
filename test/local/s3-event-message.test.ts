import { describe, expect, it } from 'vitest';
import { createSequencer, encodeEventKey, objectCreatedMessage } from '../../bin/local/s3-event-message.js';

const decode = (key: string) => decodeURIComponent(key.replace(/\+/g, ' '));

describe('encodeEventKey', () => {
  it.each([
    ['tenants/acme/inbound/encounters/a.json', 'tenants/acme/inbound/encounters/a.json'],
    ['dir/visit 1.json', 'dir/visit+1.json'],
    ['dir/(final) copy!.json', 'dir/%28final%29+copy%21.json'],
    ["o'brien~x.json", 'o%27brien%7Ex.json'],
    ['dt=2026-11-01/t:1.json', 'dt%3D2026-11-01/t%3A1.json'],
    ['a+b.json', 'a%2Bb.json'],
    ['über/ä.json', '%C3%BCber/%C3%A4.json'],
    ['keep-these_chars.*', 'keep-these_chars.*'],
  ])('encodes %j as S3 does (%j)', (key, encoded) => {
    expect(encodeEventKey(key)).toBe(encoded);
    expect(decode(encoded)).toBe(key);
  });
});

describe('objectCreatedMessage', () => {
  it('strips the quotes of the ETag and leaves versionId out for an unversioned bucket', () => {
    const message = objectCreatedMessage({
      region: 'us-east-1',
      eventName: 'ObjectCreated:Put',
      eventTime: new Date('2026-11-01T10:00:00.123Z'),
      configurationId: 'intake-acme',
      bucket: 'b',
      key: 'k 1',
      size: 3,
      eTag: '"abc"',
      sequencer: '00ABC',
      sourceIPAddress: '127.0.0.1',
      requestId: 'R',
      hostId: 'H',
    });
    const record = message.Records[0];
    expect(record?.eventTime).toBe('2026-11-01T10:00:00.123Z');
    expect(record?.s3.object).toEqual({ key: 'k+1', size: 3, eTag: 'abc', sequencer: '00ABC' });
    expect(record?.s3.bucket.arn).toBe('arn:aws:s3:::b');
  });
});

describe('createSequencer', () => {
  it('increases strictly, also within one millisecond', () => {
    const next = createSequencer();
    const values = Array.from({ length: 1000 }, () => next());
    for (let i = 1; i < values.length; i++) expect(values[i]! > values[i - 1]!).toBe(true);
    expect(values.every((v) => /^[0-9A-F]{18}$/.test(v))).toBe(true);
  });
});
