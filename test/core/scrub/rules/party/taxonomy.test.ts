import { describe, expect, it } from 'vitest';
import { partyTaxonomy } from '../../../../../lambdas/core/scrub/rules/party/taxonomy.js';
import { sampleClaimInput } from '../../../../fixtures/claims.js';
import { codeSets, runRule, version } from '../run-rule.js';

const nucc = codeSets({
  version: version('NUCC-TAXONOMY', '25.1', '2025-07-01'),
  kind: 'codes',
  source: 'test',
  rows: [{ code: '207Q00000X', billable: true }, { code: '207R00000X', billable: true }],
});
const withTaxonomy = (taxonomy: string) => {
  const base = sampleClaimInput();
  return sampleClaimInput({ billingProvider: { ...base.billingProvider, taxonomy } });
};

describe('PARTY-TAXONOMY', () => {
  it('checks only the shape when the NUCC list is not loaded (no warning)', () => {
    expect(runRule(partyTaxonomy, withTaxonomy('203BF0100Y'))).toEqual([]);
  });

  it('passes a code on the NUCC list and flags one that is not, with the list version', () => {
    expect(runRule(partyTaxonomy, sampleClaimInput(), { codeSets: nucc })).toEqual([]);
    const rendering = { entity: 'person' as const, lastOrOrganizationName: 'Doc', npi: '1234567893', taxonomy: '208D00000X' };
    const findings = runRule(partyTaxonomy, sampleClaimInput({ renderingProvider: rendering }), { codeSets: nucc });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: 'renderingProvider.taxonomy', severity: 'error', codesetVersion: 'NUCC-TAXONOMY 25.1' });
  });

  it('does not apply a NUCC release before its effective date', () => {
    const base = sampleClaimInput();
    const early = sampleClaimInput({
      renderingProvider: { entity: 'person', lastOrOrganizationName: 'Doc', npi: '1234567893', taxonomy: '208D00000X' },
      serviceLines: base.serviceLines.map((l) => ({ ...l, serviceDate: '2025-06-30' })),
    });
    expect(runRule(partyTaxonomy, early, { codeSets: nucc })).toEqual([]);
  });
});
