/**
 * Per-tenant configuration: who the tenant is on the wire (submitter, ISA/GS
 * identities), where its claims go (receivers and the payers routed to each),
 * and when its batches run. Stored per tenant; never shared between tenants.
 */
import { z } from 'zod';
import { TenantId } from '../claim/model.js';

const IsaQualifier = z.enum(['01', '14', '20', '27', '28', '29', '30', '33', 'ZZ']);
const IsaId = z.string().min(1).max(15).regex(/^[A-Za-z0-9 ]+$/, 'must be letters, digits or spaces');

export const Receiver = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/, 'must be lower-case letters, digits and hyphens'),
  name: z.string().min(1).max(60).meta({ description: '1000B NM103 receiver name.' }),
  identifier: z.string().min(2).max(80).meta({ description: '1000B NM109 receiver primary identifier.' }),
  isaQualifier: IsaQualifier,
  isaId: IsaId,
  gsReceiverCode: z.string().min(2).max(15),
  payerIds: z.array(z.string().min(2).max(80)).default([]).meta({ description: 'Payer ids routed to this receiver.' }),
  default: z.boolean().default(false).meta({ description: 'Receives claims for payers not routed elsewhere.' }),
});

export const TenantConfig = z.object({
  tenantId: TenantId,
  name: z.string().min(1).max(60),
  schedule: z
    .object({
      expression: z
        .string()
        .regex(/^(cron|rate)\(.+\)$/, 'must be an EventBridge Scheduler expression such as cron(0 18 ? * MON-FRI *)'),
      timezone: z.string().min(3).default('America/New_York'),
    })
    .meta({ description: 'When build-batch runs for this tenant (EventBridge Scheduler).' }),
  submitter: z.object({
    name: z.string().min(1).max(60),
    identifier: z.string().min(2).max(80).meta({ description: '1000A NM109 submitter identifier.' }),
    contactName: z.string().min(1).max(60),
    phone: z.string().regex(/^\d{10}$/, 'must be 10 digits'),
  }),
  interchange: z.object({
    senderQualifier: IsaQualifier,
    senderId: IsaId,
    gsSenderCode: z.string().min(2).max(15),
    usage: z.enum(['T', 'P']).default('T').meta({ description: 'ISA15: T test, P production.' }),
  }),
  receivers: z.array(Receiver).min(1),
});

export type TenantConfig = z.output<typeof TenantConfig>;
export type TenantConfigInput = z.input<typeof TenantConfig>;
export type Receiver = z.output<typeof Receiver>;

/** The receiver a payer's claims go to: an explicit route first, then the default receiver. */
export function receiverForPayer(config: TenantConfig, payerId: string): Receiver | undefined {
  return config.receivers.find((r) => r.payerIds.includes(payerId)) ?? config.receivers.find((r) => r.default);
}
