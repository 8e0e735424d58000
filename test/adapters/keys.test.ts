import { describe, expect, it } from 'vitest';
import { controlNumberFromSequence, MAX_CONTROL_NUMBER } from '../../lambdas/adapters/dynamo/control-numbers.js';
import { claimHash, exceptionPartition, keys, SYSTEM_TENANT, tenantPrefix } from '../../lambdas/adapters/dynamo/keys.js';

const KEY = 'test-hmac-key';

describe('claimHash', () => {
  it('is HMAC-SHA256 of tenant NUL claim id, 32 hex characters', async () => {
    const { createHmac } = await import('node:crypto');
    const expected = createHmac('sha256', KEY).update('acme\u0000PCN-001').digest('hex').slice(0, 32);
    expect(claimHash(KEY, 'acme', 'PCN-001')).toBe(expected);
    expect(claimHash(KEY, 'acme', 'PCN-001')).toMatch(/^[0-9a-f]{32}$/);
  });

  it('differs per tenant, per claim id and per key', () => {
    const base = claimHash(KEY, 'acme', 'PCN-001');
    expect(claimHash(KEY, 'other', 'PCN-001')).not.toBe(base);
    expect(claimHash(KEY, 'acme', 'PCN-002')).not.toBe(base);
    expect(claimHash('another-key', 'acme', 'PCN-001')).not.toBe(base);
  });

  it('separates tenant and claim id (no ambiguity from concatenation)', () => {
    expect(claimHash(KEY, 'abc', 'd-1')).not.toBe(claimHash(KEY, 'ab', 'cd-1'));
  });
});

describe('keys', () => {
  const hash = claimHash(KEY, 'acme', 'PCN-001');

  it('start every partition key with T#<tenant>#', () => {
    const partitionKeys = [
      keys.tenantConfig('acme').pk,
      keys.claim('acme', hash).pk,
      keys.claimEvent('acme', hash, 3).pk,
      keys.claimStatusIndex('acme', 'ready', '2026-01-01T00:00:00.000Z', hash).gsi2pk,
      keys.claimReadyIndex('acme', 'rcv-1', '2026-01-01T00:00:00.000Z', hash).gsi1pk,
      keys.remittancePosting('acme', 'R1', hash).pk,
      keys.remittance('acme', 'R1').pk,
      keys.controlNumberCounter('acme').pk,
      keys.scopedControlNumberCounter('acme', 'ZZ:ACME', 'ZZ:RCV').pk,
      keys.batch('acme', 'b1').pk,
      keys.openBatch('acme', 'rcv-1').pk,
      keys.exception('acme', '2026-01-01T00:00:00.000Z', 'x').pk,
    ];
    for (const pk of partitionKeys) expect(pk.startsWith('T#acme#')).toBe(true);
  });

  it('never put the claim id in a key', () => {
    const claim = keys.claim('acme', hash);
    const event = keys.claimEvent('acme', hash, 1);
    const marker = keys.remittancePosting('acme', 'R1', hash);
    for (const value of [claim.pk, claim.sk, event.pk, event.sk, marker.pk, marker.sk]) expect(value).not.toContain('PCN-001');
    expect(claim).toEqual({ pk: `T#acme#CLAIM#${hash}`, sk: 'CLAIM' });
  });

  it('scope a control-number counter by ISA sender and receiver, refusing parts that are not qualifier:id', () => {
    expect(keys.scopedControlNumberCounter('acme', 'ZZ:ACME BILL', '30:123456789')).toEqual({ pk: 'T#acme#COUNTER', sk: 'ISA13#ZZ:ACME BILL#30:123456789' });
    expect(() => keys.scopedControlNumberCounter('acme', 'ZZ:A#B', 'ZZ:RCV')).toThrow(/qualifier:id/);
    expect(() => keys.scopedControlNumberCounter('acme', 'ZZ:ACME', 'RCV')).toThrow(/qualifier:id/);
    expect(() => keys.scopedControlNumberCounter('acme', 'ZZ:ACME', 'ZZ:SIXTEENCHARSXXXX')).toThrow(/qualifier:id/);
  });

  it('pad event versions so they sort as strings', () => {
    expect(keys.claimEvent('acme', hash, 7).sk).toBe('EVT#0000000007');
    const sks = [2, 10, 1].map((v) => keys.claimEvent('acme', hash, v).sk).sort();
    expect(sks).toEqual(['EVT#0000000001', 'EVT#0000000002', 'EVT#0000000010']);
  });

  it('refuse tenant ids that are not valid tenant ids (no forged prefixes)', () => {
    expect(() => tenantPrefix('acme#CLAIM')).toThrow(/not a valid tenant id/);
    expect(() => keys.claim('', hash)).toThrow(/not a valid tenant id/);
    expect(() => keys.tenantConfig(SYSTEM_TENANT)).toThrow(/not a valid tenant id/);
  });

  it('allow the _system tenant for exceptions only', () => {
    expect(exceptionPartition(SYSTEM_TENANT)).toBe('T#_system#EXCEPTION');
  });
});

describe('controlNumberFromSequence', () => {
  it('counts 1..999,999,999 then wraps to 1', () => {
    expect(controlNumberFromSequence(1)).toBe(1);
    expect(controlNumberFromSequence(MAX_CONTROL_NUMBER)).toBe(999_999_999);
    expect(controlNumberFromSequence(MAX_CONTROL_NUMBER + 1)).toBe(1);
    expect(controlNumberFromSequence(2 * MAX_CONTROL_NUMBER + 5)).toBe(5);
  });
});
