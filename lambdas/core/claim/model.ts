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

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, 'must be a real calendar date');

/** Wall-clock time HHMM (24h), as the 837I writes admission and discharge hours. */
export const Hour = z.string().regex(/^([01]\d|2[0-3])[0-5]\d$/, 'must be a time written HHMM (24-hour)');

/** Short free-text values that end up in an AN element. */
const text = (max: number) => z.string().min(1).max(max);

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
/**
 * PRV03 provider taxonomy: the shape only (10 characters). Whether the code is
 * on the NUCC list is a code-set question for the scrubber, not for the model:
 * the implementation guides' own examples use codes such as 203BF0100Y.
 */
export const Taxonomy = z.string().regex(/^[0-9A-Z]{10}$/, 'must be a 10-character provider taxonomy code such as 207Q00000X');

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
  groupNumber: z.string().min(1).max(50).optional().meta({ description: 'SBR03 group or policy number.' }),
  groupName: text(60).optional().meta({ description: 'SBR04 group name (when there is no group number).' }),
  secondaryIds: z
    .array(z.object({ qualifier: z.enum(['SY', 'Y4']), value: text(50) }))
    .max(2)
    .optional()
    .meta({ description: '2010BA REF: SY social security number, Y4 property and casualty claim number.' }),
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
  responsibility: z
    .enum(['P', 'S', 'T', 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'U'])
    .default('P')
    .meta({ description: 'SBR01 payer responsibility sequence: P primary, S secondary, T tertiary, A-H payer 4-11, U unknown.' }),
  insuranceTypeCode: z
    .enum(['12', '13', '14', '15', '16', '41', '42', '43', '47'])
    .optional()
    .meta({ description: 'SBR05: Medicare secondary payer type; only when Medicare is not primary.' }),
  address: Address.optional(),
});

const ICD10_CM = /^[A-Z][0-9][0-9A-Z]{1,5}$/;
const ICD9_CM = /^(\d{3,5}|V\d{2,4}|E\d{3,4})$/;

/** A diagnosis code as written on claims: upper case, without the dot. */
export const DiagnosisCode = z
  .string()
  .transform((value) => value.replace('.', '').trim().toUpperCase())
  .pipe(z.string().regex(/^[A-Z0-9]{3,7}$/, 'must be an ICD-10-CM code such as E11.9 (or an ICD-9-CM code such as 250.00)'));

export const DiagnosisSystem = z.enum(['ICD-10-CM', 'ICD-9-CM']);

/** Present-on-admission indicator (837I HI composite element 9): Y, N, U, W, or 1 (exempt, unreported). */
export const PresentOnAdmission = z.enum(['Y', 'N', 'U', 'W', '1']);

export const Diagnosis = z
  .object({
    code: DiagnosisCode,
    system: DiagnosisSystem.default('ICD-10-CM').meta({
      description: 'ICD-9-CM (X12 BK/BF) only for dates of service before 2015-10-01.',
    }),
    presentOnAdmission: PresentOnAdmission.optional().meta({ description: '837I only.' }),
  })
  .superRefine((dx, ctx) => {
    const pattern = dx.system === 'ICD-9-CM' ? ICD9_CM : ICD10_CM;
    if (!pattern.test(dx.code)) {
      ctx.addIssue({ code: 'custom', path: ['code'], message: `is not shaped like an ${dx.system} code` });
    }
  });

/** ICD-10-PCS (7 characters) or ICD-9-CM volume 3 (3-4 digits) inpatient procedure with its date. */
export const InpatientProcedure = z
  .object({
    code: z
      .string()
      .transform((value) => value.replace('.', '').trim().toUpperCase())
      .pipe(z.string().regex(/^[0-9A-Z]{3,7}$/, 'must be an ICD-10-PCS code (7 characters)')),
    system: z.enum(['ICD-10-PCS', 'ICD-9-CM']).default('ICD-10-PCS'),
    date: isoDate,
  })
  .superRefine((proc, ctx) => {
    const pattern = proc.system === 'ICD-9-CM' ? /^\d{3,4}$/ : /^[0-9A-HJ-NP-Z]{7}$/;
    if (!pattern.test(proc.code)) ctx.addIssue({ code: 'custom', path: ['code'], message: `is not shaped like an ${proc.system} code` });
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
});

export const ClaimType = z.enum(['professional', 'institutional']);
export const FrequencyCode = z.enum(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']).meta({
  description:
    'CLM05-3 (NUBC claim frequency): 1 original, 7 replacement, 8 void; professional claims use 1, 7 or 8, institutional claims also 0, 2-5 and 9. 7 and 8 need payerClaimControlNumber.',
});

/** 2010AC pay-to plan: used when a payer (e.g. a capitated plan) is paid instead of the provider. */
export const PayToPlan = z.object({
  name: text(60),
  payerId: z.string().min(2).max(80).regex(/^[A-Za-z0-9]+$/, 'must be letters and digits').meta({ description: 'NM109 with qualifier PI.' }),
  address: Address,
  secondaryId: z.object({ qualifier: z.enum(['2U', 'FY', 'NF']), value: text(50) }).optional(),
  tin: Ein,
});

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

/** 2310C (837P) / 2310E (837I) service facility location. */
export const ServiceFacility = z.object({
  name: text(60),
  npi: Npi.optional(),
  address: Address,
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

const CodeDate = z.object({ code: z.string().regex(/^[0-9A-Z]{2,3}$/), date: isoDate });

/** Everything only an institutional (837I / UB-04) claim carries. */
export const Institutional = z.object({
  facilityTypeCode: z.string().regex(/^\d{2}$/, 'must be the first two digits of the type of bill, e.g. 11 or 13').meta({
    description: 'CLM05-1 (qualifier A). With frequencyCode it makes the type of bill, e.g. 0111.',
  }),
  statementFrom: isoDate.meta({ description: 'DTP*434 statement period start.' }),
  statementTo: isoDate.meta({ description: 'DTP*434 statement period end.' }),
  admission: z.object({ date: isoDate, hour: Hour.optional() }).optional().meta({ description: 'DTP*435 (D8, or DT with the hour).' }),
  dischargeHour: Hour.optional().meta({ description: 'DTP*096 (inpatient, final bills).' }),
  admissionTypeCode: z.string().regex(/^\d$/).optional().meta({ description: 'CL101.' }),
  admissionSourceCode: z.string().regex(/^[0-9A-Z]$/).optional().meta({ description: 'CL102.' }),
  patientStatusCode: z.string().regex(/^\d{2}$/).optional().meta({ description: 'CL103 (inpatient).' }),
  admittingDiagnosis: DiagnosisCode.optional().meta({ description: 'HI*ABJ (BJ for ICD-9).' }),
  reasonForVisit: z.array(DiagnosisCode).max(3).optional().meta({ description: 'HI*APR (PR for ICD-9), outpatient.' }),
  externalCauses: z
    .array(z.object({ code: DiagnosisCode, presentOnAdmission: PresentOnAdmission.optional() }))
    .max(12)
    .optional()
    .meta({ description: 'HI*ABN (BN for ICD-9).' }),
  principalProcedure: InpatientProcedure.optional().meta({ description: 'HI*BBR (BR for ICD-9).' }),
  otherProcedures: z.array(InpatientProcedure).max(24).optional().meta({ description: 'HI*BBQ (BQ for ICD-9).' }),
  occurrenceSpans: z
    .array(z.object({ code: z.string().regex(/^[0-9A-Z]{2}$/), from: isoDate, to: isoDate }))
    .max(24)
    .optional()
    .meta({ description: 'HI*BI.' }),
  occurrences: z.array(CodeDate).max(24).optional().meta({ description: 'HI*BH.' }),
  values: z
    .array(z.object({ code: z.string().regex(/^[0-9A-Z]{2}$/), amount: z.string().regex(/^-?\d{1,10}(\.\d{1,2})?$/) }))
    .max(24)
    .optional()
    .meta({ description: 'HI*BE value codes with amounts.' }),
  conditionCodes: z.array(z.string().regex(/^[0-9A-Z]{2}$/)).max(24).optional().meta({ description: 'HI*BG.' }),
  attendingProvider: z.lazy(() => Provider).optional().meta({ description: '2310A (71).' }),
  operatingProvider: z.lazy(() => Provider).optional().meta({ description: '2310B (72).' }),
  otherOperatingProvider: z.lazy(() => Provider).optional().meta({ description: '2310C (ZZ).' }),
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
