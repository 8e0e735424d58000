/** Claims and code sets for the diagnosis/procedure/modifier/institutional rule tests. */
import { loadCodeSetsFromDir } from '../../../../bin/cli/codeset-dir.js';
import { Claim, type ClaimInput } from '../../../../lambdas/core/claim/model.js';
import type { CodeSets } from '../../../../lambdas/core/codesets/lookup.js';
import { InMemoryCodeSets } from '../../../../lambdas/core/codesets/store.js';
import { scrubClaim } from '../../../../lambdas/core/scrub/engine.js';
import type { Rule, ScrubFinding } from '../../../../lambdas/core/scrub/rule.js';
import { sampleClaimInput } from '../../../fixtures/claims.js';

/** The hand-written fixture shipped in codesets/fixture. */
export const fixtureCodeSets = (): Promise<InMemoryCodeSets> => loadCodeSetsFromDir('codesets/fixture');
export const noCodeSets = (): InMemoryCodeSets => new InMemoryCodeSets();

/** A professional claim dated 2026-03-02 whose codes are all in the fixture (E11.9, I10; 99213-25, 36415). */
export function professional(overrides: Partial<ClaimInput> = {}): Claim {
  return Claim.parse(sampleClaimInput(overrides));
}

/** A clean inpatient 837I (type of bill 0111, discharged 2026-03-05), coded from the fixture. */
export function inpatientInput(overrides: Partial<ClaimInput> = {}, institutional: Record<string, unknown> = {}): ClaimInput {
  return {
    tenantId: 'acme-billing',
    claimId: 'INP-1',
    claimType: 'institutional',
    billingProvider: {
      entity: 'organization',
      lastOrOrganizationName: 'General Hospital Demo',
      npi: '1221254166',
      tin: '271234501',
      taxonomy: '282N00000X',
      address: { line1: '1 Hospital Way', city: 'Springfield', state: 'IL', postalCode: '627040001' },
    },
    subscriber: {
      memberId: 'MEM123456',
      name: { last: 'Patient', first: 'Pat' },
      birthDate: '1950-02-03',
      sex: 'F',
      address: { line1: '9 Home St', city: 'Springfield', state: 'IL', postalCode: '62704' },
    },
    payer: { name: 'Demo Payer', payerId: 'DEMO1' },
    diagnoses: [
      { code: 'N39.0', presentOnAdmission: 'Y' },
      { code: 'E11.9', presentOnAdmission: 'Y' },
      { code: 'I10', presentOnAdmission: 'N' },
    ],
    institutional: {
      facilityTypeCode: '11',
      statementFrom: '2026-03-01',
      statementTo: '2026-03-05',
      admission: { date: '2026-03-01' },
      admittingDiagnosis: 'R05.1',
      externalCauses: [{ code: 'W01.0XXA' }],
      principalProcedure: { code: '0DTJ4ZZ', date: '2026-03-02' },
      otherProcedures: [{ code: '3E0234Z', date: '2026-03-03' }],
      ...institutional,
    },
    serviceLines: [
      { revenueCode: '0120', units: 4, unitBasis: 'DA', charge: '8000.00' },
      { revenueCode: '0300', procedureCode: '36415', units: 1, charge: '25.00', serviceDate: '2026-03-02' },
    ],
    ...overrides,
  };
}

export const inpatient = (overrides: Partial<ClaimInput> = {}, institutional: Record<string, unknown> = {}): Claim =>
  Claim.parse(inpatientInput(overrides, institutional));

export function run(rule: Rule, claim: Claim, codeSets: CodeSets): ScrubFinding[] {
  return scrubClaim(claim, { rules: [rule], codeSets, today: '2026-11-23' });
}

/** Findings as "severity path" strings, for compact assertions. */
export const brief = (findings: ScrubFinding[]): string[] => findings.map((f) => `${f.severity} ${f.path ?? ''}`);
