import { describe, expect, it } from 'vitest';
import { partyState, partyZip } from '../../../../../lambdas/core/scrub/rules/party/address.js';
import { sampleClaimInput } from '../../../../fixtures/claims.js';
import { runRule } from '../run-rule.js';

const base = sampleClaimInput();
const withBilling = (address: Partial<typeof base.billingProvider.address>) =>
  sampleClaimInput({ billingProvider: { ...base.billingProvider, address: { ...base.billingProvider.address, ...address } } });

describe('PARTY-STATE', () => {
  it('passes states, DC, territories and military codes', () => {
    for (const state of ['IL', 'DC', 'PR', 'GU', 'AE']) expect(runRule(partyState, withBilling({ state }))).toEqual([]);
  });

  it('flags a two-letter code that is no state, on any address and on the accident state', () => {
    expect(runRule(partyState, withBilling({ state: 'XX' })).map((f) => f.path)).toEqual(['billingProvider.address.state']);
    const subscriber = { ...base.subscriber, address: { ...base.subscriber.address!, state: 'ZZ' } };
    const findings = runRule(partyState, sampleClaimInput({ subscriber, relatedCauses: { codes: ['AA'], state: 'QQ' } }));
    expect(findings.map((f) => f.path)).toEqual(['subscriber.address.state', 'relatedCauses.state']);
  });
});

describe('PARTY-ZIP', () => {
  it('passes 5 and 9 digit ZIP codes', () => {
    expect(runRule(partyZip, withBilling({ postalCode: '62701' }))).toEqual([]);
    expect(runRule(partyZip, sampleClaimInput())).toEqual([]);
  });

  it('flags 00000, without repeating the subscriber address', () => {
    const subscriber = { ...base.subscriber, address: { ...base.subscriber.address!, postalCode: '000001234' } };
    const findings = runRule(partyZip, sampleClaimInput({ subscriber }));
    expect(findings.map((f) => f.path)).toEqual(['subscriber.address.postalCode']);
    expect(findings[0]?.message).not.toContain('0000');
  });
});
