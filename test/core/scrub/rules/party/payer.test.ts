import { describe, expect, it } from 'vitest';
import { Claim } from '../../../../../lambdas/core/claim/model.js';
import { InMemoryCodeSets } from '../../../../../lambdas/core/codesets/store.js';
import { partyPayerId } from '../../../../../lambdas/core/scrub/rules/party/payer.js';
import { sampleClaimInput } from '../../../../fixtures/claims.js';
import { runRule } from '../run-rule.js';

describe('PARTY-PAYER-ID', () => {
  it('passes the payer id of a parsed claim', () => {
    expect(runRule(partyPayerId, sampleClaimInput())).toEqual([]);
  });

  it('flags a payer id the schema would refuse, on a claim built without it (e.g. from an 837)', () => {
    const claim = Claim.parse(sampleClaimInput());
    const broken = { ...claim, payer: { ...claim.payer, payerId: 'EX HP' } };
    const hits = partyPayerId.check({ claim: broken, codeSets: new InMemoryCodeSets(), today: '2026-06-30' });
    expect(hits.map((h) => h.path)).toEqual(['payer.payerId']);
    const plan = { ...claim, payToPlan: { name: 'Plan', payerId: 'P', tin: '271234501', address: claim.billingProvider.address } };
    expect(partyPayerId.check({ claim: plan, codeSets: new InMemoryCodeSets(), today: '2026-06-30' }).map((h) => h.path)).toEqual(['payToPlan.payerId']);
  });
});
