/** The NCCI, MUE, party, arithmetic and date families together, against the in-repo code-set fixture. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Claim } from '../../../../lambdas/core/claim/model.js';
import { validateClaim, REQUIRED_DATA_RULES } from '../../../../lambdas/core/claim/validate.js';
import { decodeArtifact, isArtifactFileName } from '../../../../lambdas/core/codesets/artifact.js';
import { InMemoryCodeSets } from '../../../../lambdas/core/codesets/store.js';
import { scrubClaim } from '../../../../lambdas/core/scrub/engine.js';
import { ARITHMETIC_RULES } from '../../../../lambdas/core/scrub/rules/arithmetic/index.js';
import { DATE_RULES } from '../../../../lambdas/core/scrub/rules/date/index.js';
import { MUE_RULES } from '../../../../lambdas/core/scrub/rules/mue/index.js';
import { NCCI_RULES } from '../../../../lambdas/core/scrub/rules/ncci/index.js';
import { PARTY_RULES } from '../../../../lambdas/core/scrub/rules/party/index.js';
import { sampleClaimInput } from '../../../fixtures/claims.js';

const dir = fileURLToPath(new URL('../../../../codesets/fixture', import.meta.url));
const fixture = new InMemoryCodeSets(readdirSync(dir).filter(isArtifactFileName).map((name) => decodeArtifact(name, readFileSync(join(dir, name)))));
const RULES = [...NCCI_RULES, ...MUE_RULES, ...PARTY_RULES, ...ARITHMETIC_RULES, ...DATE_RULES];
const families = { ncci: NCCI_RULES, mue: MUE_RULES, party: PARTY_RULES, arithmetic: ARITHMETIC_RULES, date: DATE_RULES };

describe('claim rule families', () => {
  it('have unique ids, each rule in the family its index exports', () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    for (const [family, rules] of Object.entries(families)) expect(rules.every((r) => r.family === family)).toBe(true);
  });

  it('find nothing on the sample claim with the fixture code sets', () => {
    expect(scrubClaim(Claim.parse(sampleClaimInput()), { rules: RULES, codeSets: fixture, today: '2026-06-30' })).toEqual([]);
  });

  it('decide PTP and MUE from the fixture and record its versions', () => {
    const base = sampleClaimInput();
    const lines = [
      { ...base.serviceLines[0]!, procedureCode: '99214', modifiers: [], units: 2 },
      { procedureCode: 'G0008', units: 1, charge: '20.00', serviceDate: '2026-03-02', diagnosisPointers: [1] },
    ];
    const findings = scrubClaim(Claim.parse(sampleClaimInput({ serviceLines: lines })), { rules: RULES, codeSets: fixture, today: '2026-06-30' });
    expect(findings.map((f) => [f.ruleId, f.path, f.codesetVersion])).toEqual([
      ['NCCI-PTP', 'serviceLines[1].procedureCode', 'NCCI-PTP-PRACTITIONER fixture'],
      ['MUE-UNITS', 'serviceLines[0].units', 'MUE-PRACTITIONER 2026Q1'],
    ]);
  });

  it('validateClaim runs exactly the code-set-free rules that replaced its checks', () => {
    expect(REQUIRED_DATA_RULES.map((r) => r.id)).toEqual(['LINE-CHARGE-POSITIVE', 'CLAIM-TOTAL-CHARGE', 'LINE-DX-POINTER', 'LINE-DATE-RANGE', 'CLAIM-FREQUENCY-F8', 'NPI-CHECK-DIGIT']);
    // DATE-FUTURE is a scrubber rule, not a required-data check: a future claim still validates.
    const future = sampleClaimInput({ serviceLines: [{ ...sampleClaimInput().serviceLines[0]!, serviceDate: '2999-01-01' }] });
    expect(validateClaim(Claim.parse(future))).toEqual([]);
  });
});
