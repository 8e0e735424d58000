/**
 * The documented demo tenant: used by `claimflow x12 837` when no --tenant is
 * given. Its identifiers are placeholders agreed with nobody; a real tenant
 * passes its own configuration (same shape as examples/tenants/*.json).
 */
import { TenantConfig } from '../../lambdas/core/tenant/config.js';

export const DEMO_TENANT: TenantConfig = TenantConfig.parse({
  tenantId: 'demo',
  name: 'CLAIMFLOW DEMO BILLING',
  schedule: { expression: 'cron(0 18 ? * MON-FRI *)', timezone: 'America/New_York' },
  submitter: { name: 'CLAIMFLOW DEMO BILLING', identifier: 'CFDEMO01', contactName: 'EDI DESK', phone: '5555550100' },
  interchange: { senderQualifier: 'ZZ', senderId: 'CFDEMO01', gsSenderCode: 'CFDEMO01', usage: 'T' },
  receivers: [
    {
      id: 'demo-clearinghouse',
      name: 'DEMO CLEARINGHOUSE',
      identifier: 'DEMOCH01',
      isaQualifier: 'ZZ',
      isaId: 'DEMOCH01',
      gsReceiverCode: 'DEMOCH01',
      payerIds: [],
      default: true,
    },
  ],
});
