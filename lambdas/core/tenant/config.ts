/**
 * Per-tenant configuration: who the tenant is on the wire (submitter, ISA/GS
 * identities), where its claims go (receivers and the payers routed to each),
 * and when its batches run. Stored per tenant; never shared between tenants.
 */
import { z } from 'zod';
import { TenantId } from '../claim/model.js';
import { BillingProvider } from '../claim/model-parties.js';
import { CSV_FIELDS } from '../encounters/csv-layout.js';

const IsaQualifier = z.enum(['01', '14', '20', '27', '28', '29', '30', '33', 'ZZ']);
const IsaId = z.string().min(1).max(15).regex(/^[A-Za-z0-9 ]+$/, 'must be letters, digits or spaces');
const GsCode = z.string().min(2).max(15);
const Usage = z.enum(['T', 'P']).meta({ description: 'ISA15: T test, P production.' });

/**
 * One delimiter of the interchange. Printable ASCII only (configs are edited
 * by people; control characters would be invisible there), and never a
 * letter, digit, space, '.' or '-': those occur inside values the writers
 * generate themselves (ISA padding, decimals, date ranges) and could not be
 * stripped out of the data.
 */
const Delimiter = z
  .string()
  .regex(/^[!-~]$/, 'must be one printable character')
  .refine((c) => !/[A-Za-z0-9.-]/.test(c), "must not be a letter, digit, '.' or '-'");

/** Partial on purpose: a receiver may change one delimiter and inherit the rest. */
export const DelimiterOverrides = z
  .object({
    element: Delimiter.optional(),
    component: Delimiter.optional().meta({ description: 'ISA16.' }),
    repetition: Delimiter.optional().meta({ description: 'ISA11.' }),
    segment: Delimiter.optional(),
  })
  .strict();

export const DEFAULT_ENVELOPE_DELIMITERS = Object.freeze({ element: '*', component: ':', repetition: '^', segment: '~' });

/** What a receiver may set differently from the tenant's interchange settings. */
export const EnvelopeOverrides = z
  .object({
    senderQualifier: IsaQualifier.optional().meta({ description: 'ISA05 for this receiver.' }),
    senderId: IsaId.optional().meta({ description: 'ISA06 for this receiver.' }),
    gsSenderCode: GsCode.optional().meta({ description: 'GS02 for this receiver.' }),
    usage: Usage.optional(),
    acknowledgmentRequested: z.boolean().optional().meta({ description: 'ISA14: ask for a TA1.' }),
    delimiters: DelimiterOverrides.optional(),
  })
  .strict();

export const Receiver = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/, 'must be lower-case letters, digits and hyphens'),
  name: z.string().min(1).max(60).meta({ description: '1000B NM103 receiver name.' }),
  identifier: z.string().min(2).max(80).meta({ description: '1000B NM109 receiver primary identifier.' }),
  isaQualifier: IsaQualifier,
  isaId: IsaId,
  gsReceiverCode: GsCode,
  envelope: EnvelopeOverrides.optional().meta({ description: 'Envelope settings that differ from the tenant interchange for this receiver.' }),
  payerIds: z.array(z.string().min(2).max(80)).default([]).meta({ description: 'Payer ids routed to this receiver.' }),
  default: z.boolean().default(false).meta({ description: 'Receives claims for payers not routed elsewhere.' }),
});

/** Scrubber rule settings (lambdas/core/scrub/rule.ts RuleSettings): rule ids switched off, severities changed. */
export const RuleSettingsConfig = z
  .object({
    disabled: z.array(z.string().min(1).max(60)).optional().meta({ description: 'Rule ids that do not run (e.g. "DX-AGE").' }),
    severity: z
      .record(z.string().min(1).max(60), z.enum(['error', 'warning']))
      .optional()
      .meta({ description: 'Rule id -> severity replacing the rule default ("error" blocks the claim, "warning" does not).' }),
  })
  .strict();

export const ScrubberConfig = RuleSettingsConfig.extend({
  payers: z
    .record(z.string().min(2).max(80), RuleSettingsConfig)
    .optional()
    .meta({ description: "Per payer id: settings that win over the tenant's for that payer's claims." }),
}).strict();

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
  reportSchedule: z
    .object({
      expression: z
        .string()
        .regex(/^(cron|rate)\(.+\)$/, 'must be an EventBridge Scheduler expression such as cron(0 6 * * ? *)'),
      timezone: z.string().min(3).optional().meta({ description: "Default: the time zone of `schedule`." }),
    })
    .optional()
    .meta({ description: "When the biller's report is written for this tenant (EventBridge Scheduler); default daily at 06:00 in the tenant's time zone." }),
  submitter: z.object({
    name: z.string().min(1).max(60),
    identifier: z.string().min(2).max(80).meta({ description: '1000A NM109 submitter identifier.' }),
    contactName: z.string().min(1).max(60),
    phone: z.string().regex(/^\d{10}$/, 'must be 10 digits'),
  }),
  interchange: z.object({
    senderQualifier: IsaQualifier,
    senderId: IsaId,
    gsSenderCode: GsCode,
    usage: Usage.default('T'),
    acknowledgmentRequested: z.boolean().optional().meta({ description: 'ISA14: ask for a TA1 (default no).' }),
    delimiters: DelimiterOverrides.optional().meta({ description: 'Defaults * : ^ ~ (element, component, repetition, segment).' }),
  }),
  receivers: z.array(Receiver).min(1),
  csvMapping: z
    .record(z.string().min(1).max(80), z.string().refine((field) => field in CSV_FIELDS, 'must be a CSV superbill field of docs/csv-superbill.md'))
    .optional()
    .meta({ description: "CSV superbill column mapping: the practice's header name -> superbill field (e.g. \"Acct #\": \"claim_id\"). Unmapped headers use the default layout." }),
  defaultBillingProvider: BillingProvider.optional().meta({
    description: 'Billing provider (2010AA) for encounters whose format names none (HL7 v2 DFT^P03).',
  }),
  scrubber: ScrubberConfig.optional().meta({ description: 'Scrubber rule configuration: disable rules or change their severity, for the tenant and per payer (docs/scrubber.md).' }),
}).superRefine((config, ctx) => {
  // Overrides are checked one by one above; only the merged set can show two delimiters clashing.
  config.receivers.forEach((receiver, index) => {
    const delimiters = mergeDelimiters(config.interchange.delimiters, receiver.envelope?.delimiters);
    if (new Set(Object.values(delimiters)).size !== 4) {
      ctx.addIssue({
        code: 'custom',
        path: ['receivers', index, 'envelope', 'delimiters'],
        message: 'the element, component, repetition and segment delimiters must all differ (after the tenant defaults are applied)',
      });
    }
  });
});

export type TenantConfig = z.output<typeof TenantConfig>;
export type TenantConfigInput = z.input<typeof TenantConfig>;
export type Receiver = z.output<typeof Receiver>;

/** The receiver a payer's claims go to: an explicit route first, then the default receiver. */
export function receiverForPayer(config: TenantConfig, payerId: string): Receiver | undefined {
  return config.receivers.find((r) => r.payerIds.includes(payerId)) ?? config.receivers.find((r) => r.default);
}

/**
 * The envelope one receiver's interchanges are written with: the tenant's
 * interchange settings, overridden per receiver. The counter of ISA13/GS06
 * numbers is scoped by `sender` and `receiver` (qualifier:id), so a receiver
 * with its own ISA06 gets its own sequence.
 */
export interface EnvelopePolicy {
  /** ISA05/ISA06. */
  senderQualifier: string;
  senderId: string;
  /** ISA07/ISA08. */
  receiverQualifier: string;
  receiverId: string;
  /** GS02/GS03. */
  gsSenderCode: string;
  gsReceiverCode: string;
  /** ISA15. */
  usage: 'T' | 'P';
  /** ISA14. */
  acknowledgmentRequested: boolean;
  delimiters: { element: string; component: string; repetition: string; segment: string };
  /** ISA09/10, GS04/05 and BHT04/05 are wall-clock times in this zone (the tenant's schedule zone). */
  timeZone: string;
  /** Counter scope: "ISA05:ISA06" and "ISA07:ISA08". */
  sender: string;
  receiver: string;
}

export function envelopeFor(tenant: TenantConfig, receiver: Receiver): EnvelopePolicy {
  const base = tenant.interchange;
  const own = receiver.envelope ?? {};
  const senderQualifier = own.senderQualifier ?? base.senderQualifier;
  const senderId = own.senderId ?? base.senderId;
  return {
    senderQualifier,
    senderId,
    receiverQualifier: receiver.isaQualifier,
    receiverId: receiver.isaId,
    gsSenderCode: own.gsSenderCode ?? base.gsSenderCode,
    gsReceiverCode: receiver.gsReceiverCode,
    usage: own.usage ?? base.usage,
    acknowledgmentRequested: own.acknowledgmentRequested ?? base.acknowledgmentRequested ?? false,
    delimiters: mergeDelimiters(base.delimiters, own.delimiters),
    timeZone: tenant.schedule.timezone,
    sender: `${senderQualifier}:${senderId}`,
    receiver: `${receiver.isaQualifier}:${receiver.isaId}`,
  };
}

type DelimiterSet = EnvelopePolicy['delimiters'];

function mergeDelimiters(tenant: Partial<DelimiterSet> | undefined, receiver: Partial<DelimiterSet> | undefined): DelimiterSet {
  return { ...DEFAULT_ENVELOPE_DELIMITERS, ...stripUndefined(tenant), ...stripUndefined(receiver) };
}

function stripUndefined<T extends object>(value: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(value ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
}
