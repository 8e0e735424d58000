import { describe, expect, it } from 'vitest';
import { Claim } from '../../../../../lambdas/core/claim/model.js';
import { InMemoryCodeSets } from '../../../../../lambdas/core/codesets/store.js';
import { PARTY_RULES } from '../../../../../lambdas/core/scrub/rules/party/index.js';
import { partyRelationship } from '../../../../../lambdas/core/scrub/rules/party/relationship.js';
import { sampleClaimInput } from '../../../../fixtures/claims.js';
import { runRule } from '../run-rule.js';

const patient = {
  relationship: '19' as const,
  name: { last: 'Child', first: 'Kid' },
  birthDate: '2015-05-05',
  sex: 'M' as const,
  address: { line1: '1 Elm St', city: 'Springfield', state: 'IL', postalCode: '62701' },
};

describe('PARTY-RELATIONSHIP', () => {
  it('passes a claim without a patient loop and a patient with a valid code', () => {
    expect(runRule(partyRelationship, sampleClaimInput())).toEqual([]);
    expect(runRule(partyRelationship, sampleClaimInput({ patient }))).toEqual([]);
  });

  it('flags 18 (self) or an unknown code in the patient loop', () => {
    const claim = Claim.parse(sampleClaimInput({ patient }));
    for (const relationship of ['18', '99']) {
      const broken = { ...claim, patient: { ...claim.patient!, relationship: relationship as '19' } };
      expect(partyRelationship.check({ claim: broken, codeSets: new InMemoryCodeSets(), today: '2026-06-30' }).map((h) => h.path)).toEqual(['patient.relationship']);
    }
  });

  it('lists every party rule once', () => {
    const ids = PARTY_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['NPI-CHECK-DIGIT', 'PARTY-EIN', 'PARTY-TAXONOMY', 'PARTY-STATE', 'PARTY-ZIP', 'PARTY-MEMBER-ID', 'PARTY-PAYER-ID', 'PARTY-RELATIONSHIP']));
  });
});
