/**
 * The canonical claim: every intake format is normalised into this shape, the
 * scrubber checks it, the 837 writers serialise it. The native JSON encounter
 * format *is* this model (see docs/encounter.schema.json, generated from here).
 *
 * Conventions:
 * - money: decimal strings with at most two decimals ("125.00"), never numbers;
 * - dates: ISO calendar dates "YYYY-MM-DD";
 * - codes: upper case, without the ICD-10 dot (it is stripped on input).
 */
import { z } from 'zod';
import { isMoney } from '../money.js';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, 'must be a real calendar date');

export const Money = z
  .string()
  .refine(isMoney, 'must be a decimal amount as a string with at most two decimals, e.g. "125.00"')
  .meta({ description: 'Decimal amount as a string, e.g. "125.00". Numbers are refused: no binary floats for money.' });

export const Quantity = z
  .union([z.string(), z.number().int().positive()])
  .transform((value) => String(value))
  .refine((value) => /^\d{1,8}(\.\d{1,3})?$/.test(value), 'must be a positive quantity such as 1 or "1.5"')
  .meta({ description: 'Units of service: a positive integer, or a decimal string with at most three decimals.' });

export const TenantId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$/, 'must be 3-40 characters of lower-case letters, digits and hyphens');

/** CLM01: the patient control number assigned by the provider (X12 AN 1-38; most payers keep 20). */
export const ClaimId = z
  .string()
  .min(1)
  .max(38)
  .regex(/^[A-Za-z0-9][A-Za-z0-9 .\-_/]*$/, 'must start with a letter or digit and hold only letters, digits, space, . - _ /');

export const Address = z.object({
  line1: z.string().min(1).max(55),
  line2: z.string().min(1).max(55).optional(),
  city: z.string().min(2).max(30),
  state: z.string().regex(/^[A-Z]{2}$/, 'must be a two-letter state code'),
  postalCode: z.string().regex(/^\d{5}(\d{4})?$/, 'must be a 5 or 9 digit ZIP code without a hyphen'),
});

export const Npi = z.string().regex(/^\d{10}$/, 'must be 10 digits');
export const Ein = z.string().regex(/^\d{9}$/, 'must be 9 digits without a hyphen');
export const Taxonomy = z.string().regex(/^[0-9A-Z]{9}X$/, 'must be a 10-character NUCC taxonomy code ending in X');

export const Provider = z.object({
  entity: z.enum(['person', 'organization']).meta({ description: 'NM102: person (1) or organization (2).' }),
  lastOrOrganizationName: z.string().min(1).max(60),
  firstName: z.string().min(1).max(35).optional(),
  middleName: z.string().min(1).max(25).optional(),
  suffix: z.string().min(1).max(10).optional(),
  npi: Npi,
  taxonomy: Taxonomy.optional(),
  address: Address.optional(),
});

export const BillingProvider = Provider.extend({
  entity: z.enum(['person', 'organization']),
  tin: Ein.meta({ description: 'Employer identification number (REF*EI), 9 digits.' }),
  address: Address,
});

export const Sex = z.enum(['M', 'F', 'U']);

export const PersonName = z.object({
  last: z.string().min(1).max(60),
  first: z.string().min(1).max(35).optional(),
  middle: z.string().min(1).max(25).optional(),
  suffix: z.string().min(1).max(10).optional(),
});

/**
 * The 837P carries the subscriber's address, birth date and sex only when the
 * subscriber is the patient (2010BA N3/N4/DMG); otherwise the patient loop
 * carries them. The claim-level check below requires them in that case.
 */
export const Subscriber = z.object({
  memberId: z.string().min(2).max(80),
  name: PersonName,
  birthDate: isoDate.optional(),
  sex: Sex.optional(),
  address: Address.optional(),
  groupNumber: z.string().min(1).max(50).optional(),
});

/** SBR02/PAT01 individual relationship codes of 005010X222A1. 18 (self) means no 2000C loop. */
export const RelationshipCode = z.enum(['01', '18', '19', '20', '21', '39', '40', '53', 'G8']);

export const Patient = z.object({
  relationship: RelationshipCode.exclude(['18']).meta({
    description: 'Relationship of the patient to the subscriber (01 spouse, 19 child, 20 employee, 21 unknown, 39 organ donor, 40 cadaver donor, 53 life partner, G8 other). Omit the patient when it is the subscriber.',
  }),
  name: PersonName,
  birthDate: isoDate,
  sex: Sex,
  address: Address,
});

/** SBR09 claim filing indicator codes. */
export const ClaimFilingIndicator = z.enum([
  '11', '12', '13', '14', '15', '16', '17', 'AM', 'BL', 'CH', 'CI', 'DS', 'FI', 'HM', 'LM', 'MA', 'MB', 'MC', 'OF', 'TV', 'VA', 'WC', 'ZZ',
]);

export const Payer = z.object({
  name: z.string().min(1).max(60),
  payerId: z.string().min(2).max(80).regex(/^[A-Za-z0-9]+$/, 'must be letters and digits'),
  claimFilingIndicator: ClaimFilingIndicator.default('CI'),
  address: Address.optional(),
});

export const Diagnosis = z.object({
  code: z
    .string()
    .transform((value) => value.replace('.', '').trim().toUpperCase())
    .pipe(z.string().regex(/^[A-Z][0-9][0-9A-Z]{1,5}$/, 'must be an ICD-10-CM code such as E11.9 or E119')),
  system: z.enum(['ICD-10-CM', 'ICD-9-CM']).default('ICD-10-CM'),
});

export const ProcedureCode = z
  .string()
  .transform((value) => value.trim().toUpperCase())
  .pipe(z.string().regex(/^[A-Z0-9]{5}$/, 'must be a 5-character CPT or HCPCS code'));

export const Modifier = z
  .string()
  .transform((value) => value.trim().toUpperCase())
  .pipe(z.string().regex(/^[A-Z0-9]{2}$/, 'must be a 2-character modifier'));

export const PlaceOfService = z.string().regex(/^\d{2}$/, 'must be a 2-digit CMS place of service code');

export const ServiceLine = z.object({
  procedureCode: ProcedureCode,
  modifiers: z.array(Modifier).max(4).default([]),
  units: Quantity,
  charge: Money,
  serviceDate: isoDate,
  serviceDateEnd: isoDate.optional(),
  placeOfService: PlaceOfService.optional().meta({ description: 'Only when it differs from the claim place of service.' }),
  diagnosisPointers: z.array(z.number().int().min(1).max(12)).min(1).max(4),
  lineItemControlNumber: z
    .string()
    .min(1)
    .max(50)
    .regex(/^[A-Za-z0-9\-_.]+$/, 'must be letters, digits, - _ .')
    .optional()
    .meta({ description: 'REF*6R: echoed by the payer on the 835 line (REF*6R) to match payments to lines.' }),
});

export const ClaimType = z.enum(['professional', 'institutional']);
export const FrequencyCode = z.enum(['1', '7', '8']).meta({
  description: 'CLM05-3: 1 original, 7 replacement, 8 void. 7 and 8 need payerClaimControlNumber.',
});

export const ClaimFields = z.object({
  tenantId: TenantId,
  claimId: ClaimId,
  claimType: ClaimType.default('professional'),
  frequencyCode: FrequencyCode.default('1'),
  payerClaimControlNumber: z.string().min(1).max(50).optional().meta({
    description: 'REF*F8: the payer claim control number (835 CLP07) of the claim being replaced or voided.',
  }),
  placeOfService: PlaceOfService,
  totalCharge: Money.optional().meta({ description: 'CLM02. When given it must equal the sum of the line charges.' }),
  priorAuthorization: z.string().min(1).max(50).optional(),
  billingProvider: BillingProvider,
  renderingProvider: Provider.optional(),
  referringProvider: Provider.optional(),
  subscriber: Subscriber,
  patient: Patient.optional().meta({ description: 'Only when the patient is not the subscriber.' }),
  payer: Payer,
  diagnoses: z.array(Diagnosis).min(1).max(12),
  serviceLines: z.array(ServiceLine).min(1).max(50),
});

/** When the subscriber is the patient, their address, birth date and sex are required. */
function subscriberDemographics(
  claim: { patient?: unknown; subscriber?: { birthDate?: unknown; sex?: unknown; address?: unknown } },
  ctx: z.RefinementCtx,
): void {
  if (claim.patient || !claim.subscriber || typeof claim.subscriber !== 'object') return;
  for (const field of ['birthDate', 'sex', 'address'] as const) {
    if (claim.subscriber[field] === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['subscriber', field],
        message: 'is required when the subscriber is the patient (no separate patient given)',
      });
    }
  }
}

/**
 * The check runs even when other fields already failed (zod skips refinements
 * of an invalid object otherwise), so one pass names every missing field.
 */
export const requireSubscriberDemographics = z.superRefine(subscriberDemographics as (value: unknown, ctx: z.RefinementCtx) => void, {
  when: (payload) => payload.value !== null && typeof payload.value === 'object',
});

export const Claim = ClaimFields.check(requireSubscriberDemographics).meta({
  title: 'claimflow encounter',
  description: 'One encounter, normalised to the canonical claim.',
});

export type Claim = z.output<typeof Claim>;
export type ClaimInput = z.input<typeof Claim>;
export type ServiceLine = z.output<typeof ServiceLine>;
export type Provider = z.output<typeof Provider>;
export type BillingProvider = z.output<typeof BillingProvider>;
export type Subscriber = z.output<typeof Subscriber>;
export type Patient = z.output<typeof Patient>;
export type Payer = z.output<typeof Payer>;
export type Address = z.output<typeof Address>;
export type PersonName = z.output<typeof PersonName>;
export type Diagnosis = z.output<typeof Diagnosis>;
