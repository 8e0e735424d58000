/**
 * Coordination of benefits (COB): the other payers of a claim and what they
 * already adjudicated, as the 837P/837I carry them in loops 2320 (other
 * subscriber information), 2330A (other subscriber), 2330B (other payer) and
 * 2430 (line adjudication).
 *
 * A primary claim lists the payers that may pay after it (no adjudication);
 * a secondary (or later) claim lists the payers that paid before it, with
 * their claim-level payment and adjustments and, per service line, their
 * line payments and adjustments. How those amounts must balance is the
 * guides' rule and is checked with the 837 checks (x12/837/check-cob.ts),
 * not here: the model holds shapes only.
 */
import { z } from 'zod';
import { ClaimFilingIndicator, PersonName, RelationshipCode } from './model-parties.js';
import { Address, isoDate, Modifier, Money, text } from './model-values.js';

/** SBR01: P primary, S secondary, T tertiary, A-H payer 4-11, U unknown. */
export const PayerResponsibility = z.enum(['P', 'S', 'T', 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'U']);

/** CAS01 claim adjustment group codes of the 837 (CR is still listed in 5010). */
export const ClaimAdjustmentGroup = z.enum(['CO', 'CR', 'OA', 'PI', 'PR']);

/** A payer identifier as written in NM109 and SVD01: letters and digits. */
const PayerId = z.string().min(2).max(80).regex(/^[A-Za-z0-9]+$/, 'must be letters and digits');

/** Adjustment and paid quantities (CAS04, SVD05, MIA/MOA counts): X12 R, up to three decimals. */
const Count = z
  .union([z.string(), z.number().int().nonnegative()])
  .transform((value) => String(value))
  .refine((value) => /^-?\d{1,10}(\.\d{1,3})?$/.test(value), 'must be a number such as 1 or "1.5"');

/** A remittance advice remark code (RARC), e.g. N130, M15, MA01. */
export const RemarkCode = z.string().regex(/^[A-Z]{1,2}\d{1,4}$/, 'must be a remittance advice remark code such as N130 or MA01');

/** One reason/amount/quantity triple of a CAS segment, with its group code. */
export const ClaimAdjustment = z.object({
  group: ClaimAdjustmentGroup.meta({ description: 'CAS01: CO contractual, CR correction, OA other, PI payer initiated, PR patient responsibility.' }),
  reason: z.string().regex(/^[A-Z0-9]{1,5}$/, 'must be a claim adjustment reason code (CARC) such as 45').meta({ description: 'CAS02/05/08/11/14/17 (CARC).' }),
  amount: Money.meta({ description: 'CAS03/06/...: positive amounts reduce the payment, negative ones increase it.' }),
  quantity: Count.optional().meta({ description: 'CAS04/07/...' }),
});

/** 2320 MOA: outpatient adjudication information from the other payer's 835. */
export const OutpatientRemarks = z.object({
  reimbursementRate: z.string().regex(/^\d{1,3}(\.\d{1,6})?$/, 'must be a rate such as 0.8').optional().meta({ description: 'MOA01.' }),
  hcpcsPayable: Money.optional().meta({ description: 'MOA02 HCPCS payable amount.' }),
  remarks: z.array(RemarkCode).max(5).default([]).meta({ description: 'MOA03-MOA07 remark codes.' }),
  esrdPayment: Money.optional().meta({ description: 'MOA08 end stage renal disease payment amount.' }),
  nonPayableProfessional: Money.optional().meta({ description: 'MOA09 non-payable professional component billed amount.' }),
});

/** 2320 MIA (837I only): inpatient adjudication information from the other payer's 835. */
export const InpatientAdjudication = z.object({
  coveredDays: Count.meta({ description: 'MIA01 covered days or visits.' }),
  lifetimePsychiatricDays: Count.optional().meta({ description: 'MIA03.' }),
  drgAmount: Money.optional().meta({ description: 'MIA04 claim DRG amount.' }),
  disproportionateShareAmount: Money.optional().meta({ description: 'MIA06.' }),
  mspPassThroughAmount: Money.optional().meta({ description: 'MIA07.' }),
  ppsCapitalAmount: Money.optional().meta({ description: 'MIA08.' }),
  ppsCapitalFspDrgAmount: Money.optional().meta({ description: 'MIA09.' }),
  ppsCapitalHspDrgAmount: Money.optional().meta({ description: 'MIA10.' }),
  ppsCapitalDshDrgAmount: Money.optional().meta({ description: 'MIA11.' }),
  oldCapitalAmount: Money.optional().meta({ description: 'MIA12.' }),
  ppsCapitalImeAmount: Money.optional().meta({ description: 'MIA13.' }),
  ppsOperatingHospitalSpecificDrgAmount: Money.optional().meta({ description: 'MIA14.' }),
  costReportDays: Count.optional().meta({ description: 'MIA15.' }),
  ppsOperatingFederalSpecificDrgAmount: Money.optional().meta({ description: 'MIA16.' }),
  ppsCapitalOutlierAmount: Money.optional().meta({ description: 'MIA17.' }),
  indirectTeachingAmount: Money.optional().meta({ description: 'MIA18.' }),
  nonPayableProfessionalAmount: Money.optional().meta({ description: 'MIA19.' }),
  ppsCapitalExceptionAmount: Money.optional().meta({ description: 'MIA24.' }),
  remarks: z.array(RemarkCode).max(5).default([]).meta({ description: 'MIA05, MIA20-MIA23 remark codes.' }),
});

/** What the other payer already decided on the whole claim (2320 CAS/AMT/MOA/MIA, 2330B DTP*573). */
export const OtherPayerAdjudication = z.object({
  paid: Money.meta({ description: '2320 AMT*D: what this payer paid on the claim.' }),
  paymentDate: isoDate.optional().meta({
    description: '2330B DTP*573: only when no service line carries this payer\'s adjudication (2430 DTP*573 holds the date then).',
  }),
  remainingPatientLiability: Money.optional().meta({ description: '2320 AMT*EAF.' }),
  nonCoveredAmount: Money.optional().meta({ description: '2320 AMT*A8 total non-covered amount.' }),
  adjustments: z.array(ClaimAdjustment).max(30).default([]).meta({
    description: '2320 CAS claim-level adjustments (line-level ones go on serviceLines[].adjudications). Written one CAS per group code, up to six each, five CAS at most.',
  }),
  outpatientRemarks: OutpatientRemarks.optional().meta({ description: '2320 MOA.' }),
  inpatient: InpatientAdjudication.optional().meta({ description: '2320 MIA (837I only).' }),
});

/** 2330A: the other payer's insured. */
export const OtherSubscriber = z.object({
  name: PersonName,
  memberId: z.string().min(2).max(80).meta({ description: 'NM109 (NM108 MI).' }),
  address: Address.optional().meta({ description: 'N3/N4.' }),
});

/** 2330B: the other payer. */
export const OtherPayer = z.object({
  name: z.string().min(1).max(60).meta({ description: 'NM103.' }),
  payerId: PayerId.meta({ description: 'NM109 (NM108 PI): SVD01 of this payer\'s line adjudications must repeat it.' }),
  address: Address.optional().meta({ description: 'N3/N4.' }),
  secondaryIds: z
    .array(z.object({ qualifier: z.enum(['2U', 'EI', 'FY', 'NF']), value: text(50) }))
    .max(2)
    .optional()
    .meta({ description: 'REF*2U payer id, EI employer id, FY claim office number, NF NAIC code.' }),
  priorAuthorization: text(50).optional().meta({ description: 'REF*G1: this payer\'s prior authorization number.' }),
  referralNumber: text(50).optional().meta({ description: 'REF*9F: this payer\'s referral number.' }),
  claimAdjustmentIndicator: z.literal(true).optional().meta({ description: 'REF*T4*Y: this payer adjusted the claim after its first adjudication.' }),
  claimControlNumber: z.string().min(1).max(50).optional().meta({ description: 'REF*F8: this payer\'s claim control number (its 835 CLP07).' }),
});

/** One other payer of the claim: 2320 with its 2330A and 2330B. */
export const OtherCoverage = z.object({
  responsibility: PayerResponsibility.meta({
    description: 'SBR01 of the 2320: differs from payer.responsibility and from every other coverage\'s.',
  }),
  relationship: RelationshipCode.meta({ description: 'SBR02: the patient\'s relationship to this insured (18 self).' }),
  groupNumber: z.string().min(1).max(50).optional().meta({ description: 'SBR03.' }),
  groupName: text(60).optional().meta({ description: 'SBR04 (only when there is no group number).' }),
  insuranceTypeCode: z
    .enum(['12', '13', '14', '15', '16', '41', '42', '43', '47'])
    .optional()
    .meta({ description: 'SBR05 (837P only): Medicare secondary payer type, when this payer is Medicare and not primary.' }),
  claimFilingIndicator: ClaimFilingIndicator.meta({ description: 'SBR09.' }),
  subscriber: OtherSubscriber.meta({ description: '2330A.' }),
  payer: OtherPayer.meta({ description: '2330B.' }),
  benefitsAssigned: z.enum(['Y', 'N', 'W']).default('Y').meta({ description: 'OI03.' }),
  patientSignatureSource: z.literal('P').optional().meta({ description: 'OI04 (837P only).' }),
  releaseOfInformation: z.enum(['I', 'Y']).default('Y').meta({ description: 'OI06.' }),
  adjudication: OtherPayerAdjudication.optional().meta({ description: 'Present when this payer already adjudicated the claim.' }),
});

/** SVD03: the procedure as the other payer adjudicated it (its 835 SVC01). */
export const AdjudicatedProcedure = z.object({
  qualifier: z.enum(['ER', 'HC', 'HP', 'IV', 'WK']).default('HC').meta({ description: 'SVD03-1 (HP on the 837I only).' }),
  code: z.string().regex(/^[A-Z0-9]{1,48}$/, 'must be letters and digits').meta({ description: 'SVD03-2.' }),
  modifiers: z.array(Modifier).max(4).default([]).meta({ description: 'SVD03-3..6.' }),
  description: text(80).optional().meta({ description: 'SVD03-7.' }),
});

/** 2430: one other payer's adjudication of one service line. */
export const LineAdjudication = z.object({
  payerId: PayerId.meta({ description: 'SVD01: the 2330B payer id (otherCoverages[].payer.payerId) of the payer that adjudicated the line.' }),
  paid: Money.meta({ description: 'SVD02 line paid amount.' }),
  procedure: AdjudicatedProcedure.optional().meta({ description: 'SVD03: required on professional lines; on institutional lines when the payer adjudicated a procedure.' }),
  revenueCode: z.string().regex(/^\d{4}$/, 'must be a 4-digit revenue code').optional().meta({
    description: 'SVD04 (837I only): when the payer adjudicated another revenue code than the line\'s SV201 (written otherwise).',
  }),
  units: Count.meta({ description: 'SVD05 paid units.' }),
  bundledLineNumber: z.number().int().min(1).max(999_999).optional().meta({ description: 'SVD06: the LX number of the line this one was bundled into or unbundled from.' }),
  adjustments: z.array(ClaimAdjustment).max(30).default([]).meta({ description: '2430 CAS line-level adjustments.' }),
  adjudicationDate: isoDate.meta({ description: '2430 DTP*573.' }),
  remainingPatientLiability: Money.optional().meta({ description: '2430 AMT*EAF.' }),
});

export type PayerResponsibility = z.output<typeof PayerResponsibility>;
export type ClaimAdjustment = z.output<typeof ClaimAdjustment>;
export type OutpatientRemarks = z.output<typeof OutpatientRemarks>;
export type InpatientAdjudication = z.output<typeof InpatientAdjudication>;
export type OtherPayerAdjudication = z.output<typeof OtherPayerAdjudication>;
export type OtherSubscriber = z.output<typeof OtherSubscriber>;
export type OtherPayer = z.output<typeof OtherPayer>;
export type OtherCoverage = z.output<typeof OtherCoverage>;
export type AdjudicatedProcedure = z.output<typeof AdjudicatedProcedure>;
export type LineAdjudication = z.output<typeof LineAdjudication>;
