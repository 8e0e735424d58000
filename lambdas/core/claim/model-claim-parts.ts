/**
 * Claim-level details shared by the 837P and 837I, or professional only:
 * CLM indicators and related causes, 2300 dates, attachments, contract,
 * notes, ambulance transport and repricing.
 */
import { z } from 'zod';
import { Address, isoDate, Money, text } from './model-values.js';

/** CLM06-CLM10: signature, assignment and release indicators. */
export const ClaimIndicators = z.object({
  providerSignature: z.enum(['Y', 'N']).default('Y').meta({ description: 'CLM06 (837P only).' }),
  assignment: z.enum(['A', 'B', 'C']).default('A').meta({ description: 'CLM07 assignment or plan participation.' }),
  benefitsAssigned: z.enum(['Y', 'N', 'W']).default('Y').meta({ description: 'CLM08.' }),
  releaseOfInformation: z.enum(['I', 'Y']).default('Y').meta({ description: 'CLM09.' }),
  patientSignatureSource: z.literal('P').optional().meta({ description: 'CLM10 (837P only).' }),
});

/** CLM11: related causes (accident or employment). */
export const RelatedCauses = z.object({
  codes: z.array(z.enum(['AA', 'EM', 'OA'])).min(1).max(2).meta({ description: 'AA auto accident, EM employment, OA other accident.' }),
  state: z.string().regex(/^[A-Z]{2}$/, 'must be a two-letter state code').optional().meta({ description: 'CLM11-4: required for auto accidents in the US.' }),
  country: z.string().regex(/^[A-Z]{2,3}$/).optional(),
});

/** 2300 DTP dates of a professional claim. */
export const ClaimDates = z
  .object({
    onset: isoDate.meta({ description: 'DTP*431 onset of current illness or symptom.' }),
    initialTreatment: isoDate.meta({ description: 'DTP*454.' }),
    lastSeen: isoDate.meta({ description: 'DTP*304.' }),
    acuteManifestation: isoDate.meta({ description: 'DTP*453.' }),
    accident: isoDate.meta({ description: 'DTP*439: required when relatedCauses holds AA or OA.' }),
    lastMenstrualPeriod: isoDate.meta({ description: 'DTP*484.' }),
    lastXray: isoDate.meta({ description: 'DTP*455.' }),
    admission: isoDate.meta({ description: 'DTP*435: inpatient professional services.' }),
    discharge: isoDate.meta({ description: 'DTP*096: inpatient professional services.' }),
  })
  .partial();

/** PWK: claim supplemental information (attachments). */
export const Attachment = z.object({
  reportType: z.string().regex(/^[0-9A-Z]{2}$/, 'must be a 2-character report type code (PWK01)'),
  transmission: z.enum(['AA', 'BM', 'EL', 'EM', 'FT', 'FX']).meta({ description: 'PWK02: AA available on request; others need controlNumber.' }),
  controlNumber: z.string().min(2).max(50).optional().meta({ description: 'PWK06 attachment control number (PWK05 = AC).' }),
});

/** CN1: contract information. */
export const Contract = z.object({
  typeCode: z.enum(['01', '02', '03', '04', '05', '06', '09']),
  amount: Money.optional(),
  percent: z.string().regex(/^\d{1,2}(\.\d{1,4})?$|^100$/, 'must be a percentage 0-100').optional(),
  code: text(50).optional(),
  termsDiscountPercent: z.string().regex(/^\d{1,2}(\.\d{1,4})?$|^100$/).optional(),
  version: text(30).optional(),
});

export const Note = z.object({
  code: z.string().regex(/^[A-Z]{3}$/, 'must be a 3-letter note reference code (NTE01)'),
  text: text(80),
});

/** CR1/CRC*07 and the pick-up/drop-off loops (2310E/2310F of the 837P). */
export const Ambulance = z.object({
  weightPounds: z.number().int().positive().max(9999).optional().meta({ description: 'CR102 (CR101 = LB).' }),
  transportReason: z.enum(['A', 'B', 'C', 'D', 'E']).meta({ description: 'CR104.' }),
  distanceMiles: z.string().regex(/^\d{1,4}(\.\d{1,2})?$/, 'must be miles, e.g. "12" or "12.5"').meta({ description: 'CR106 (CR105 = DH).' }),
  roundTripPurpose: text(80).optional().meta({ description: 'CR109.' }),
  stretcherPurpose: text(80).optional().meta({ description: 'CR110.' }),
  certifications: z
    .array(
      z.object({
        conditionIndicator: z.enum(['Y', 'N']),
        conditionCodes: z.array(z.enum(['01', '04', '05', '06', '07', '08', '09', '12'])).min(1).max(5),
      }),
    )
    .max(3)
    .optional()
    .meta({ description: 'CRC*07 ambulance certification.' }),
  pickup: Address.meta({ description: '2310E ambulance pick-up location.' }),
  dropoff: z.object({ name: text(60).optional(), address: Address }).meta({ description: '2310F ambulance drop-off location.' }),
});

/** HCP claim pricing/repricing information. */
export const Repricing = z.object({
  pricingMethodology: z.string().regex(/^\d{2}$/, 'must be a 2-digit pricing methodology code (HCP01)'),
  allowedAmount: Money.meta({ description: 'HCP02 repriced allowed amount.' }),
  savingsAmount: Money.optional().meta({ description: 'HCP03.' }),
  organizationId: text(50).optional().meta({ description: 'HCP04 repricing organization identifier.' }),
  rate: z.string().regex(/^\d{1,7}(\.\d{1,2})?$/).optional().meta({ description: 'HCP05 per diem or flat rate.' }),
  drgCode: text(50).optional().meta({ description: 'HCP06 approved DRG code (837I).' }),
});
