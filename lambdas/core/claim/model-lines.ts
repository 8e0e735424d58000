/** Service lines: professional (SV1) and institutional (SV2), with drug and line-level dates. */
import { z } from 'zod';
import { LineAdjudication } from './model-coordination.js';
import { Provider } from './model-parties.js';
import { isoDate, Modifier, Money, PlaceOfService, ProcedureCode, Quantity, text } from './model-values.js';

/** 2410 drug identification: LIN*N4 (11-digit NDC, 5-4-2 without hyphens) and CTP quantity. */
export const DrugIdentification = z.object({
  ndc: z.string().regex(/^\d{11}$/, 'must be an 11-digit NDC in 5-4-2 form without hyphens'),
  quantity: z.string().regex(/^\d{1,10}(\.\d{1,3})?$/, 'must be a positive decimal quantity').meta({ description: 'CTP04.' }),
  unit: z.enum(['F2', 'GR', 'ME', 'ML', 'UN']).meta({ description: 'CTP05-1: international unit, gram, milligram, millilitre, unit.' }),
  prescriptionNumber: text(50).optional().meta({ description: 'REF*XZ prescription number (or REF*VY link sequence is not supported).' }),
});

/** Line-level dates beyond the service date (2400 DTP). */
export const LineDates = z
  .object({
    prescription: isoDate.meta({ description: 'DTP*471.' }),
    certificationRevision: isoDate.meta({ description: 'DTP*607.' }),
    beginTherapy: isoDate.meta({ description: 'DTP*463.' }),
    lastCertification: isoDate.meta({ description: 'DTP*461.' }),
    lastSeen: isoDate.meta({ description: 'DTP*304.' }),
    shipped: isoDate.meta({ description: 'DTP*011.' }),
    lastXray: isoDate.meta({ description: 'DTP*455.' }),
    initialTreatment: isoDate.meta({ description: 'DTP*454.' }),
  })
  .partial();

export const ServiceLine = z.object({
  procedureCode: ProcedureCode.optional().meta({ description: 'SV101-2 (required on professional lines) or SV202-2 (institutional, when the line has one).' }),
  revenueCode: z.string().regex(/^\d{4}$/, 'must be a 4-digit revenue code').optional().meta({ description: 'SV201 (institutional lines only, required there).' }),
  modifiers: z.array(Modifier).max(4).default([]),
  units: Quantity,
  unitBasis: z.enum(['UN', 'MJ', 'DA']).default('UN').meta({ description: 'SV103/SV204: UN units, MJ minutes (anesthesia, professional), DA days (institutional).' }),
  charge: Money,
  nonCoveredCharge: Money.optional().meta({ description: 'SV207 (institutional).' }),
  serviceDate: isoDate.optional().meta({ description: 'DTP*472. Required on professional lines; on institutional lines when the line carries a HCPCS code (outpatient).' }),
  serviceDateEnd: isoDate.optional(),
  placeOfService: PlaceOfService.optional().meta({ description: 'Only when it differs from the claim place of service.' }),
  diagnosisPointers: z.array(z.number().int().min(1).max(12)).max(4).default([]).meta({ description: 'SV107, 1-4 pointers into diagnoses (professional lines; institutional lines have none).' }),
  emergency: z.boolean().optional().meta({ description: 'SV109 = Y.' }),
  drug: DrugIdentification.optional(),
  dates: LineDates.optional(),
  renderingProvider: z.lazy(() => Provider).optional().meta({ description: '2420A (837P) / 2420C (837I): only when it differs from the claim-level rendering provider.' }),
  lineItemControlNumber: z
    .string()
    .min(1)
    .max(50)
    .regex(/^[A-Za-z0-9\-_.]+$/, 'must be letters, digits, - _ .')
    .optional()
    .meta({ description: 'REF*6R: echoed by the payer on the 835 line (REF*6R) to match payments to lines.' }),
  adjudications: z.array(LineAdjudication).max(15).optional().meta({
    description: '2430: other payers\' adjudications of this line (secondary and later claims). Per payer they balance to the line charge: charge = Σ paid + Σ adjustments.',
  }),
});
