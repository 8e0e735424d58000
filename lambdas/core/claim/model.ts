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
import { Ambulance, Attachment, ClaimDates, ClaimIndicators, Contract, Note, RelatedCauses, Repricing } from './model-claim-parts.js';
import { OtherCoverage } from './model-coordination.js';
import { Institutional } from './model-institutional.js';
import { DrugIdentification, ServiceLine } from './model-lines.js';
import { BillingProvider, Patient, Payer, PayToPlan, PersonName, Provider, ServiceFacility, Subscriber } from './model-parties.js';
import { Address, ClaimId, Diagnosis, InpatientProcedure, Money, PlaceOfService, TenantId, text } from './model-values.js';

export * from './model-claim-parts.js';
export * from './model-coordination.js';
export * from './model-institutional.js';
export * from './model-lines.js';
export * from './model-parties.js';
export * from './model-values.js';

export const ClaimType = z.enum(['professional', 'institutional']);
export const FrequencyCode = z.enum(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']).meta({
  description:
    'CLM05-3 (NUBC claim frequency): 1 original, 7 replacement, 8 void; professional claims use 1, 7 or 8, institutional claims also 0, 2-5 and 9. 7 and 8 need payerClaimControlNumber.',
});

export const ClaimFields = z.object({
  tenantId: TenantId,
  claimId: ClaimId,
  claimType: ClaimType.default('professional'),
  frequencyCode: FrequencyCode.default('1'),
  payerClaimControlNumber: z.string().min(1).max(50).optional().meta({
    description: 'REF*F8: the payer claim control number (835 CLP07) of the claim being replaced or voided.',
  }),
  placeOfService: PlaceOfService.optional().meta({ description: 'CLM05-1 (qualifier B) of professional claims: required there.' }),
  totalCharge: Money.optional().meta({ description: 'CLM02. When given it must equal the sum of the line charges.' }),
  priorAuthorization: text(50).optional().meta({ description: 'REF*G1.' }),
  referralNumber: text(50).optional().meta({ description: 'REF*9F.' }),
  medicalRecordNumber: text(50).optional().meta({ description: 'REF*EA.' }),
  cliaNumber: text(50).optional().meta({ description: 'REF*X4 (professional, laboratory services).' }),
  indicators: ClaimIndicators.prefault({}),
  relatedCauses: RelatedCauses.optional(),
  delayReasonCode: z.enum(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '15']).optional().meta({ description: 'CLM20.' }),
  dates: ClaimDates.optional(),
  attachments: z.array(Attachment).max(10).optional(),
  contract: Contract.optional(),
  patientPaid: Money.optional().meta({ description: 'AMT*F5 patient amount paid.' }),
  supplementalInfo: z.array(text(80)).max(10).optional().meta({ description: 'K3 file information lines.' }),
  notes: z.array(Note).max(10).optional().meta({ description: 'NTE (837P: one; 837I: up to 10).' }),
  ambulance: Ambulance.optional(),
  repricing: Repricing.optional(),
  billingProvider: BillingProvider,
  payToAddress: Address.optional().meta({ description: '2010AB: where payment goes when not the billing provider address.' }),
  payToPlan: PayToPlan.optional(),
  renderingProvider: Provider.optional(),
  referringProvider: Provider.optional(),
  supervisingProvider: Provider.optional().meta({ description: '2310D (837P).' }),
  serviceFacility: ServiceFacility.optional(),
  subscriber: Subscriber,
  patient: Patient.optional().meta({ description: 'Only when the patient is not the subscriber.' }),
  payer: Payer,
  otherCoverages: z.array(OtherCoverage).max(10).optional().meta({
    description: '2320/2330A/2330B: the other payers of the claim. On a primary claim the payers after it (no adjudication); on a secondary or later claim the payers before it, with what they adjudicated.',
  }),
  diagnoses: z.array(Diagnosis).min(1).max(25).meta({
    description: 'First is the principal diagnosis. Professional claims carry up to 12; institutional up to 25 (principal + 24 other).',
  }),
  institutional: Institutional.optional().meta({ description: 'Required when claimType is institutional; absent otherwise.' }),
  serviceLines: z.array(ServiceLine).min(1).max(999),
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

/** What each claim type needs that the other does not carry (kept here so every intake format shares it). */
function claimTypeShape(claim: Record<string, unknown>, ctx: z.RefinementCtx): void {
  const lines = Array.isArray(claim.serviceLines) ? (claim.serviceLines as Array<Record<string, unknown> | undefined>) : [];
  const need = (present: boolean, path: Array<string | number>, message: string) => {
    if (!present) ctx.addIssue({ code: 'custom', path, message });
  };
  if (claim.claimType === 'institutional') {
    need(claim.institutional !== undefined, ['institutional'], 'is required on an institutional claim');
    need(claim.placeOfService === undefined, ['placeOfService'], 'is not used on an institutional claim (facilityTypeCode takes its place)');
    lines.forEach((line, index) => need(line?.revenueCode !== undefined, ['serviceLines', index, 'revenueCode'], 'is required on an institutional line'));
    return;
  }
  need(claim.institutional === undefined, ['institutional'], 'is only used on institutional claims');
  need(claim.placeOfService !== undefined, ['placeOfService'], 'is required on a professional claim');
  need(!Array.isArray(claim.diagnoses) || claim.diagnoses.length <= 12, ['diagnoses'], 'a professional claim carries at most 12 diagnoses');
  lines.forEach((line, index) => {
    if (!line || typeof line !== 'object') return;
    need(line.procedureCode !== undefined, ['serviceLines', index, 'procedureCode'], 'is required on a professional line');
    need(line.serviceDate !== undefined, ['serviceLines', index, 'serviceDate'], 'is required on a professional line');
    need(Array.isArray(line.diagnosisPointers) && line.diagnosisPointers.length > 0, ['serviceLines', index, 'diagnosisPointers'], 'needs 1 to 4 pointers on a professional line');
    need(line.revenueCode === undefined, ['serviceLines', index, 'revenueCode'], 'is only used on institutional lines');
  });
}

export const requireClaimTypeShape = z.superRefine(claimTypeShape as (value: unknown, ctx: z.RefinementCtx) => void, {
  when: (payload) => payload.value !== null && typeof payload.value === 'object',
});

/**
 * The check runs even when other fields already failed (zod skips refinements
 * of an invalid object otherwise), so one pass names every missing field.
 */
export const requireSubscriberDemographics = z.superRefine(subscriberDemographics as (value: unknown, ctx: z.RefinementCtx) => void, {
  when: (payload) => payload.value !== null && typeof payload.value === 'object',
});

export const Claim = ClaimFields.check(requireSubscriberDemographics, requireClaimTypeShape).meta({
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
export type Institutional = z.output<typeof Institutional>;
export type InpatientProcedure = z.output<typeof InpatientProcedure>;
export type DrugIdentification = z.output<typeof DrugIdentification>;
export type Ambulance = z.output<typeof Ambulance>;
export type ServiceFacility = z.output<typeof ServiceFacility>;
export type PayToPlan = z.output<typeof PayToPlan>;
export type Repricing = z.output<typeof Repricing>;
export type ClaimIndicators = z.output<typeof ClaimIndicators>;
