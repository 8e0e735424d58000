/** Claims and tenants for the 837 interchange tests (synthetic: invented people, valid NPI check digits). */
import { Claim, type ClaimInput } from '../../../lambdas/core/claim/model.js';
import { TenantConfig, type TenantConfigInput } from '../../../lambdas/core/tenant/config.js';
import { sampleClaimInput } from '../../fixtures/claims.js';

export function professional(claimId: string, overrides: Partial<ClaimInput> = {}): Claim {
  return Claim.parse(sampleClaimInput({ claimId, ...overrides }));
}

/** An outpatient (type of bill 013x) emergency visit. */
export function institutional(claimId: string, overrides: Partial<ClaimInput> = {}): Claim {
  const { placeOfService: _pos, serviceLines: _lines, ...base } = sampleClaimInput({ claimId });
  return Claim.parse({
    ...base,
    claimType: 'institutional',
    institutional: {
      facilityTypeCode: '13',
      statementFrom: '2026-03-02',
      statementTo: '2026-03-02',
      patientStatusCode: '01',
      attendingProvider: { entity: 'person', lastOrOrganizationName: 'Welby', firstName: 'Marcus', npi: '1245319599' },
    },
    serviceLines: [
      { revenueCode: '0450', procedureCode: '99283', units: 1, charge: '300.00', serviceDate: '2026-03-02' },
      { revenueCode: '0300', procedureCode: '80053', units: 1, charge: '45.00', serviceDate: '2026-03-02' },
    ],
    ...overrides,
  });
}

/** A second billing provider, so the plan has two 2000A levels to keep together. */
export const OTHER_BILLING_PROVIDER: ClaimInput['billingProvider'] = {
  entity: 'organization',
  lastOrOrganizationName: 'Riverside Medical Group',
  npi: '1679576722',
  tin: '987654321',
  address: { line1: '200 River Rd', city: 'Peoria', state: 'IL', postalCode: '616021234' },
};

export function tenantConfig(overrides: Partial<TenantConfigInput> = {}): TenantConfig {
  return TenantConfig.parse({
    tenantId: 'acme-billing',
    name: 'Acme Billing',
    schedule: { expression: 'cron(0 18 ? * MON-FRI *)', timezone: 'America/Chicago' },
    submitter: { name: 'ACME BILLING', identifier: 'ACME01', contactName: 'EDI DESK', phone: '5555550100' },
    interchange: { senderQualifier: 'ZZ', senderId: 'ACMEBILL', gsSenderCode: 'ACMEGS', usage: 'T' },
    receivers: [
      { id: 'clearinghouse', name: 'SANDBOX CLEARINGHOUSE', identifier: 'SBXCH', isaQualifier: 'ZZ', isaId: 'SBXCH', gsReceiverCode: 'SBXCHGS', default: true },
      {
        id: 'plan-direct',
        name: 'PLAN DIRECT',
        identifier: 'PLAN01',
        isaQualifier: '30',
        isaId: '123456789',
        gsReceiverCode: 'PLANGS',
        payerIds: ['PLAN01'],
        envelope: {
          senderQualifier: '01',
          senderId: 'ACMEDUNS01',
          gsSenderCode: 'ACMEPLAN',
          usage: 'P',
          acknowledgmentRequested: true,
          delimiters: { element: '|', component: '>' },
        },
      },
    ],
    ...overrides,
  });
}
