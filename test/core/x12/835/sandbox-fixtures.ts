/**
 * Canonical claims for the payer sandbox tests, chosen to hit every
 * adjudication rule: fee-schedule reductions, each cost-share kind, decimal
 * units, an uncovered code, a denied claim id and a claim with nothing covered.
 */
import { createHash } from 'node:crypto';
import type { AdjudicateOptions } from '../../../../bin/local/payer-sandbox/adjudicate.js';
import { Claim, type ClaimInput } from '../../../../lambdas/core/claim/model.js';

type LineInput = ClaimInput['serviceLines'][number];

const line = (procedureCode: string, charge: string, extra: Partial<LineInput> = {}): LineInput => ({
  procedureCode,
  units: 1,
  charge,
  serviceDate: '2026-10-05',
  diagnosisPointers: [1],
  ...extra,
});

function claim(claimId: string, serviceLines: LineInput[], extra: Partial<ClaimInput> = {}): Claim {
  return Claim.parse({
    tenantId: 'demo',
    claimId,
    placeOfService: '11',
    billingProvider: {
      entity: 'organization',
      lastOrOrganizationName: 'SMITH CLINIC',
      npi: '1234567893',
      tin: '123456789',
      address: { line1: '9 MAIN ST', city: 'BOSTON', state: 'MA', postalCode: '02101' },
    },
    subscriber: {
      memberId: 'MEM001',
      name: { last: 'DOE', first: 'JANE' },
      birthDate: '1980-01-02',
      sex: 'F',
      address: { line1: '1 ELM ST', city: 'BOSTON', state: 'MA', postalCode: '02101' },
    },
    payer: { name: 'SANDBOX HEALTH', payerId: 'SBX01' },
    diagnoses: [{ code: 'J06.9' }],
    serviceLines,
    ...extra,
  });
}

export const OPTS: AdjudicateOptions = {
  payerName: 'SANDBOX HEALTH',
  payerId: 'SBX01',
  payeeName: 'SMITH CLINIC',
  payeeNpi: '1234567893',
  checkDate: new Date('2026-11-02T00:00:00Z'),
  traceNumber: 'SBXTRACE0001',
};

/** The documented cost-share rule, restated here: first byte of SHA-256(claim id) mod 3. */
export const costShareOf = (claimId: string) => (['deductible', 'coinsurance', 'copay'] as const)[createHash('sha256').update(claimId).digest()[0]! % 3];

/** Claim ids with a given cost-share kind, found by trying ids (none ends in 7: those are denied). */
export function idWith(kind: 'deductible' | 'coinsurance' | 'copay'): string {
  for (let n = 1000; ; n++) {
    const id = `CLM-${n}`;
    if (!id.endsWith('7') && costShareOf(id) === kind) return id;
  }
}

export const CLAIMS = [
  // 99213 fee 92.00 < 150.00 charge; 36415 fee 3.00 > 2.00 charge; 85025 fee 8.00 × 2 units.
  claim(idWith('coinsurance'), [
    line('99213', '150.00', { lineItemControlNumber: 'A-1' }),
    line('36415', '2.00', { lineItemControlNumber: 'A-2' }),
    line('85025', '30.00', { units: 2, lineItemControlNumber: 'A-3' }),
  ]),
  // 99214 fee 130.00, then J3490 not in the fee schedule.
  claim(idWith('deductible'), [line('99214', '200.00'), line('J3490', '45.00')]),
  // 97110 fee 29.00 × 1.5 units = 43.50.
  claim(idWith('copay'), [line('97110', '60.00', { units: '1.5' }), line('99212', '50.00')], {
    patient: {
      relationship: '19',
      name: { last: 'DOE', first: 'JIMMY' },
      birthDate: '2015-05-05',
      sex: 'M',
      address: { line1: '1 ELM ST', city: 'BOSTON', state: 'MA', postalCode: '02101' },
    },
    renderingProvider: { entity: 'person', lastOrOrganizationName: 'HOUSE', firstName: 'GREGORY', npi: '1497758544' },
  }),
  // Ends in 7: denied whatever the codes.
  claim('CLM-2017', [line('99213', '120.00', { lineItemControlNumber: 'D-1' })]),
  // Nothing covered: denied by CO-96.
  claim('CLM-3001', [line('A4550', '25.00')]),
];
