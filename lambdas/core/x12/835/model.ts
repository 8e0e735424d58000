/**
 * The remittance model: one 835 (005010X221A1) transaction set, read or to be
 * written. The reader (read-835.ts) fills it, the balancing checks
 * (balance.ts) and the posting code read it, the writer (write-835.ts) and the
 * payer sandbox produce it.
 *
 * Conventions (the same as the canonical claim):
 * - money: decimal strings with exactly two decimals as read ("125.00");
 *   calculations convert to integer cents with lambdas/core/money.ts;
 * - an amount the file left empty is `undefined`, never "0.00", so the
 *   balancing checks can say 'not-evaluable' instead of inventing a zero;
 * - dates: ISO calendar dates "YYYY-MM-DD";
 * - `position`: 1-based segment position in the file (ISA is 1) when read;
 *   absent for models built in memory (adjudication).
 * Names (NM1*QC patient, NM1*IL insured) live only here: messages and logs
 * about a remittance name segments and elements, never these values.
 */
import { z } from 'zod';
import { Money } from '../../claim/model.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD');
const position = z.number().int().positive().optional();

/** CAS01 claim adjustment group codes. */
export const AdjustmentGroup = z.enum(['CO', 'CR', 'OA', 'PI', 'PR']);

/** One reason/amount/quantity triple of a CAS segment, with the segment's group code. */
export const Adjustment = z.object({
  group: AdjustmentGroup,
  /** CARC, e.g. "45". */
  reason: z.string().min(1).max(5),
  /** Positive amounts reduce payment; undefined when the file left it empty. */
  amount: Money.optional(),
  quantity: z.string().optional(),
  /** Position of the CAS segment holding the triple. */
  position,
});

/** An identifier with its qualifier (REF01/REF02, N103/N104, NM108/NM109). */
export const Reference = z.object({
  qualifier: z.string().min(1).max(3),
  value: z.string().min(1).max(80),
});

export const DateQualified = z.object({
  /** DTM01, e.g. "232" claim statement period start, "472" service date. */
  qualifier: z.string().min(3).max(3),
  date: isoDate,
});

export const AmountQualified = z.object({
  /** AMT01, e.g. "AU" coverage amount, "B6" allowed. */
  qualifier: z.string().min(1).max(3),
  amount: Money.optional(),
});

/** QTY01/QTY02: a qualified quantity (claim: CA covered days, NE non-covered ...; line: ZK ... ZO). */
export const QuantityQualified = z.object({
  qualifier: z.string().min(1).max(3),
  /** As read (an X12 "R" number, e.g. "8.00"). */
  quantity: z.string().min(1).max(20),
});

export const Address = z.object({
  lines: z.array(z.string().min(1).max(55)).max(2).default([]),
  city: z.string().max(30).optional(),
  state: z.string().max(2).optional(),
  postalCode: z.string().max(15).optional(),
  /** N404 country code (outside the US). */
  country: z.string().max(3).optional(),
  /** N407 country subdivision code. */
  countrySubdivision: z.string().max(3).optional(),
});

export const Contact = z.object({
  /** PER01: CX payer business contact, BL technical contact, IC web site. */
  function: z.string().min(2).max(2),
  name: z.string().max(60).optional(),
  /** PER03/04, PER05/06, PER07/08 pairs, e.g. TE + number, EM + address, UR + web site. */
  communications: z.array(Reference.extend({ value: z.string().min(1).max(256) })).max(3).default([]),
});

/** BPR: the money movement. */
export const Payment = z.object({
  /** BPR01: I remittance with payment, H notification only, C payment only, D, P, U, X. */
  handlingCode: z.string().min(1).max(2),
  /** BPR02: total actual provider payment. */
  totalPaid: Money.optional(),
  /** BPR03: C credit (payer pays), D debit (provider owes). */
  creditDebit: z.enum(['C', 'D']),
  /** BPR04: ACH, BOP, CHK, FWT, NON. */
  method: z.string().min(3).max(3),
  /** BPR05: CCP, CTX when the method is ACH. */
  format: z.string().max(10).optional(),
  /**
   * BPR06-BPR15 for ACH/BOP/FWT payments: sending and receiving bank
   * (DFI qualifier + id, account qualifier + number) and BPR10/11 originator.
   */
  bank: z
    .object({
      senderDfiQualifier: z.string().max(2).optional(),
      senderDfiId: z.string().max(12).optional(),
      senderAccountQualifier: z.string().max(3).optional(),
      senderAccount: z.string().max(35).optional(),
      originatingCompanyId: z.string().max(10).optional(),
      originatingCompanySupplementalCode: z.string().max(9).optional(),
      receiverDfiQualifier: z.string().max(2).optional(),
      receiverDfiId: z.string().max(12).optional(),
      receiverAccountQualifier: z.string().max(3).optional(),
      receiverAccount: z.string().max(35).optional(),
    })
    .optional(),
  /** BPR16: check issue or EFT effective date. */
  date: isoDate.optional(),
  position,
});

/** CUR (header): the currency of every amount when it is not US dollars. */
export const Currency = z.object({
  /** CUR01: PR (payer). */
  entityCode: z.string().min(2).max(3),
  /** CUR02: ISO 4217 code, e.g. "CAD". */
  currencyCode: z.string().min(3).max(3),
  /** CUR03 exchange rate, as read (not used in 005010X221A1; 4010 files carry it). */
  exchangeRate: z.string().max(10).optional(),
  position,
});

/** TRN: the reassociation trace. */
export const Trace = z.object({
  /** TRN01: 1 current transaction trace numbers. */
  typeCode: z.string().min(1).max(2).default('1'),
  /** TRN02: check or EFT trace number. */
  traceNumber: z.string().min(1).max(50),
  /** TRN03: payer identifier, "1" + EIN in most files. */
  payerId: z.string().min(1).max(10).optional(),
  /** TRN04: originating company supplemental code. */
  supplementalCode: z.string().max(50).optional(),
  position,
});

export const PayerParty = z.object({
  /** N1*PR N102. */
  name: z.string().min(1).max(60),
  /** N103/N104: XV CMS plan id, when present. */
  identifier: Reference.optional(),
  /** REF*2U payer identification, EO, HI, NF. */
  references: z.array(Reference).default([]),
  address: Address.optional(),
  contacts: z.array(Contact).default([]),
  position,
});

/** RDM (1000B): how the remittance is delivered when it is sent apart from the payment. */
export const DeliveryMethod = z.object({
  /** RDM01: BM by mail, EM e-mail, FT file transfer, OL on-line. */
  code: z.string().min(1).max(2),
  /** RDM02: name of the person or office (required for BM). */
  name: z.string().max(60).optional(),
  /** RDM03: e-mail address, FTP site or web address. */
  communicationNumber: z.string().max(256).optional(),
  position,
});

export const PayeeParty = z.object({
  /** N1*PE N102. */
  name: z.string().min(1).max(60),
  /** N103/N104: XX NPI, FI federal tax id, PI payer-assigned id (required by the guide; absent only in faulty files). */
  identifier: Reference.optional(),
  /** Convenience copies of the identifiers most callers need. */
  npi: z.string().optional(),
  tin: z.string().optional(),
  /** REF*TJ tax id, PQ payee id, 0B state licence ... */
  references: z.array(Reference).default([]),
  address: Address.optional(),
  /** RDM remittance delivery method. */
  deliveryMethod: DeliveryMethod.optional(),
  position,
});

/** An NM1 person in loop 2100 (patient QC, insured IL, corrected 74). */
export const PersonEntity = z.object({
  /** NM102: 1 person, 2 non-person entity. */
  entityType: z.enum(['1', '2']).optional(),
  last: z.string().max(60).optional(),
  first: z.string().max(35).optional(),
  middle: z.string().max(25).optional(),
  suffix: z.string().max(10).optional(),
  /** NM108/NM109, e.g. MI member id. */
  identifier: Reference.optional(),
  position,
});

/** An NM1 payer in loop 2100: TT crossover carrier, PR corrected priority payer. */
export const OtherPayer = z.object({
  /** NM103: payer name. */
  name: z.string().max(60).optional(),
  /** NM108/NM109: AD, FI, NI, PI, PP or XV + identifier. */
  identifier: Reference.optional(),
  position,
});

/** MIA: Medicare inpatient adjudication (loop 2100). Amounts as model money, counts as read. */
export const InpatientAdjudication = z.object({
  /** MIA01: covered days or visits count. */
  coveredDaysOrVisits: z.string().max(20).optional(),
  /** MIA02: PPS operating outlier amount. */
  ppsOperatingOutlierAmount: Money.optional(),
  /** MIA03: lifetime psychiatric days count. */
  lifetimePsychiatricDays: z.string().max(20).optional(),
  /** MIA04: claim DRG amount. */
  drgAmount: Money.optional(),
  /** MIA05, then MIA20-MIA23: claim payment remark codes (RARC), in element order. */
  remarkCodes: z.array(z.string().min(1).max(50)).max(5).default([]),
  /** MIA06: claim disproportionate share amount. */
  disproportionateShareAmount: Money.optional(),
  /** MIA07: claim MSP pass-through amount. */
  mspPassThroughAmount: Money.optional(),
  /** MIA08: claim PPS capital amount. */
  ppsCapitalAmount: Money.optional(),
  /** MIA09: PPS-capital FSP DRG amount. */
  ppsCapitalFspDrgAmount: Money.optional(),
  /** MIA10: PPS-capital HSP DRG amount. */
  ppsCapitalHspDrgAmount: Money.optional(),
  /** MIA11: PPS-capital DSH DRG amount. */
  ppsCapitalDshDrgAmount: Money.optional(),
  /** MIA12: old capital amount. */
  oldCapitalAmount: Money.optional(),
  /** MIA13: PPS-capital IME amount. */
  ppsCapitalImeAmount: Money.optional(),
  /** MIA14: PPS-operating hospital specific DRG amount. */
  ppsOperatingHospitalSpecificDrgAmount: Money.optional(),
  /** MIA15: cost report day count. */
  costReportDayCount: z.string().max(20).optional(),
  /** MIA16: PPS-operating federal specific DRG amount. */
  ppsOperatingFederalSpecificDrgAmount: Money.optional(),
  /** MIA17: claim PPS capital outlier amount. */
  ppsCapitalOutlierAmount: Money.optional(),
  /** MIA18: claim indirect teaching amount. */
  indirectTeachingAmount: Money.optional(),
  /** MIA19: nonpayable professional component amount. */
  nonpayableProfessionalComponentAmount: Money.optional(),
  /** MIA24: PPS-capital exception amount. */
  ppsCapitalExceptionAmount: Money.optional(),
  position,
});

/** MOA: outpatient adjudication (loop 2100). */
export const OutpatientAdjudication = z.object({
  /** MOA01: reimbursement rate (a percentage, as read). */
  reimbursementRate: z.string().max(20).optional(),
  /** MOA02: claim HCPCS payable amount. */
  hcpcsPayableAmount: Money.optional(),
  /** MOA03-MOA07: claim payment remark codes (RARC), in element order. */
  remarkCodes: z.array(z.string().min(1).max(50)).max(5).default([]),
  /** MOA08: claim ESRD payment amount. */
  esrdPaymentAmount: Money.optional(),
  /** MOA09: nonpayable professional component amount. */
  nonpayableProfessionalComponentAmount: Money.optional(),
  position,
});

/** SVC01 / SVC06 composite: qualifier:code:modifiers...:description. */
export const Procedure = z.object({
  /** HC CPT/HCPCS, AD ADA, ER, HP, IV, N4, NU, WK. */
  qualifier: z.string().min(2).max(2),
  code: z.string().min(1).max(48),
  modifiers: z.array(z.string().min(2).max(2)).max(4).default([]),
  description: z.string().max(80).optional(),
});

/** Loop 2110: one service line payment. */
export const ServicePayment = z.object({
  procedure: Procedure,
  /** SVC02: line item charge. */
  charge: Money.optional(),
  /** SVC03: line item provider payment. */
  paid: Money.optional(),
  /** SVC04: NUBC revenue code (institutional). */
  revenueCode: z.string().max(48).optional(),
  /** SVC05: units paid. */
  units: z.string().optional(),
  /** SVC06: the procedure as submitted, when the payer restated it in SVC01. */
  originalProcedure: Procedure.optional(),
  /** SVC07: original units, when they differ. */
  originalUnits: z.string().optional(),
  /** DTM*472, or DTM*150 when a period is given. */
  serviceDate: isoDate.optional(),
  serviceDateEnd: isoDate.optional(),
  adjustments: z.array(Adjustment).default([]),
  /** REF*6R: the line item control number from the 837, echoed. */
  lineControlNumber: z.string().max(50).optional(),
  references: z.array(Reference).default([]),
  /** AMT*B6: allowed amount. */
  allowed: Money.optional(),
  amounts: z.array(AmountQualified).default([]),
  /** LQ*HE remark codes. */
  remarks: z.array(Reference).default([]),
  /** QTY*ZK..ZO service supplemental quantities. */
  quantities: z.array(QuantityQualified).optional(),
  position,
});

/** Loop 2100: one claim payment (CLP). */
export const ClaimPaymentInfo = z.object({
  /** LX01 of the enclosing header loop 2000, when present. */
  lxNumber: z.string().optional(),
  /** CLP01: patient control number (the 837 CLM01, our claim id). */
  patientControlNumber: z.string().min(1).max(38),
  /** CLP02: 1 processed as primary, 2 secondary, 3 tertiary, 4 denied, 19-23, 25. */
  statusCode: z.string().min(1).max(2),
  /** CLP03: total claim charge. */
  charge: Money.optional(),
  /** CLP04: claim payment amount. */
  paid: Money.optional(),
  /** CLP05: patient responsibility. */
  patientResponsibility: Money.optional(),
  /** CLP06: claim filing indicator (12 PPO, MB Medicare B, MC Medicaid, CI commercial ...). */
  filingIndicator: z.string().max(2).optional(),
  /** CLP07: payer claim control number. */
  payerClaimControlNumber: z.string().max(50).optional(),
  /** CLP08: facility type code (place of service for professional claims). */
  facilityTypeCode: z.string().max(2).optional(),
  /** CLP09: claim frequency code. */
  frequencyCode: z.string().max(1).optional(),
  /** CLP10: patient status code (not used in 005010X221A1; kept when a file has it). */
  patientStatusCode: z.string().max(2).optional(),
  /** CLP11: DRG code. */
  drgCode: z.string().max(30).optional(),
  /** CLP12: DRG weight, as read. */
  drgWeight: z.string().max(20).optional(),
  /** CLP13: discharge fraction (a percentage), as read. */
  dischargeFraction: z.string().max(20).optional(),
  /** CLP14: yes/no condition (not used in 005010X221A1; kept when a file has it). */
  yesNoCondition: z.string().max(1).optional(),
  adjustments: z.array(Adjustment).default([]),
  patient: PersonEntity.optional(),
  insured: PersonEntity.optional(),
  /** NM1*74 corrected patient/insured name (NM108 C: the insured's changed identifier). */
  correctedInsured: PersonEntity.optional(),
  /** NM1*82 rendering provider: name and NPI. */
  renderingProvider: PersonEntity.optional(),
  /** NM1*TT crossover carrier: the claim was forwarded to this payer (CLP02 19, 20, 21). */
  crossoverCarrier: OtherPayer.optional(),
  /** NM1*PR corrected priority payer: the payer the claim should have gone to first. */
  correctedPriorityPayer: OtherPayer.optional(),
  /** NM1*GB other subscriber. */
  otherSubscriber: PersonEntity.optional(),
  /** MIA inpatient adjudication (remark codes in `remarkCodes`). */
  inpatient: InpatientAdjudication.optional(),
  /** MOA outpatient adjudication (remark codes in `remarkCodes`). */
  outpatient: OutpatientAdjudication.optional(),
  /** DTM*050 received, 036 coverage expiration, 232/233 statement period. */
  dates: z.array(DateQualified).default([]),
  references: z.array(Reference).default([]),
  /** PER*CX claim contact. */
  contacts: z.array(Contact).optional(),
  amounts: z.array(AmountQualified).default([]),
  /** QTY: claim supplemental quantities. */
  quantities: z.array(QuantityQualified).optional(),
  serviceLines: z.array(ServicePayment).default([]),
  /** Position of the CLP segment. */
  position,
});

/**
 * One PLB adjustment pair: PLB03 (reason[:reference]) + PLB04, PLB05 + PLB06 ...
 * PLB13 + PLB14. Sign as in the file: a positive amount reduces the payment
 * (e.g. WO overpayment recovery 50.00), a negative one increases it (e.g. L6
 * interest -2.25): BPR02 = ΣCLP04 − ΣPLB amounts.
 */
export const ProviderAdjustmentItem = z.object({
  /** PLB03-1, e.g. WO overpayment recovery, L6 interest, FB forwarding balance. */
  reason: z.string().min(2).max(2),
  /** PLB03-2: reference (e.g. the payer claim control number). */
  reference: z.string().max(50).optional(),
  /** Positive when it reduces the payment, negative when it increases it. */
  amount: Money.optional(),
});

/** PLB: provider-level adjustments. */
export const ProviderAdjustment = z.object({
  /** PLB01: provider identifier (NPI or TIN). */
  providerId: z.string().min(1).max(50),
  /** PLB02: last day of the provider's fiscal year. */
  fiscalPeriodDate: isoDate.optional(),
  items: z.array(ProviderAdjustmentItem).min(1),
  position,
});

/** TS3 (loop 2000): provider summary of the claims under one LX. */
export const ProviderSummary = z.object({
  /** TS301: provider identifier. */
  providerId: z.string().max(50).optional(),
  /** TS302: facility type code (place of service or UB bill type digits). */
  facilityTypeCode: z.string().max(2).optional(),
  /** TS303: last day of the provider's fiscal year. */
  fiscalPeriodDate: isoDate.optional(),
  /** TS304: total claim count, as read. */
  claimCount: z.string().max(20).optional(),
  /** TS305: total claim charge amount. */
  totalCharge: Money.optional(),
  /** TS313: total MSP payer amount. */
  mspPayerAmount: Money.optional(),
  /** TS315: total non-lab charge amount. */
  nonLabChargeAmount: Money.optional(),
  /** TS317: total HCPCS reported charge amount. */
  hcpcsReportedChargeAmount: Money.optional(),
  /** TS318: total HCPCS payable amount. */
  hcpcsPayableAmount: Money.optional(),
  /** TS320: total professional component amount. */
  professionalComponentAmount: Money.optional(),
  /** TS321: total MSP patient liability met amount. */
  mspPatientLiabilityMetAmount: Money.optional(),
  /** TS322: total patient reimbursement amount. */
  patientReimbursementAmount: Money.optional(),
  /** TS323: total PIP claim count, as read. */
  pipClaimCount: z.string().max(20).optional(),
  /** TS324: total PIP adjustment amount. */
  pipAdjustmentAmount: Money.optional(),
  /**
   * Elements 005010X221A1 marks "not used" (TS306-TS312, TS314, TS316, TS319),
   * as read: 4010 files put totals there (e.g. TS309 total provider payment).
   */
  otherElements: z.array(z.object({ element: z.string().min(4).max(5), value: z.string().min(1).max(20) })).optional(),
  position,
});

/** TS2 (loop 2000): Medicare Part A provider supplemental summary. Amounts as money, counts as read. */
export const MedicarePartASummary = z.object({
  /** TS201 */ drgAmount: Money.optional(),
  /** TS202 */ federalSpecificAmount: Money.optional(),
  /** TS203 */ hospitalSpecificAmount: Money.optional(),
  /** TS204 */ disproportionateShareAmount: Money.optional(),
  /** TS205 */ capitalAmount: Money.optional(),
  /** TS206 */ indirectMedicalEducationAmount: Money.optional(),
  /** TS207 */ outlierDayCount: z.string().max(20).optional(),
  /** TS208 */ dayOutlierAmount: Money.optional(),
  /** TS209 */ costOutlierAmount: Money.optional(),
  /** TS210 */ averageDrgLengthOfStay: z.string().max(20).optional(),
  /** TS211 */ dischargeCount: z.string().max(20).optional(),
  /** TS212 */ costReportDayCount: z.string().max(20).optional(),
  /** TS213 */ coveredDayCount: z.string().max(20).optional(),
  /** TS214 */ noncoveredDayCount: z.string().max(20).optional(),
  /** TS215 */ mspPassThroughAmount: Money.optional(),
  /** TS216 */ averageDrgWeight: z.string().max(20).optional(),
  /** TS217 */ ppsCapitalFspDrgAmount: Money.optional(),
  /** TS218 */ ppsCapitalHspDrgAmount: Money.optional(),
  /** TS219 */ ppsDshDrgAmount: Money.optional(),
  position,
});

/** Loop 2000 header number: LX01 with the TS3/TS2 summaries that follow it. Claims carry the LX01 as `lxNumber`. */
export const HeaderNumber = z.object({
  lxNumber: z.string().min(1).max(6),
  ts3: ProviderSummary.optional(),
  ts2: MedicarePartASummary.optional(),
  /** Position of the LX segment. */
  position,
});

export const Remittance = z.object({
  /** ST02. */
  controlNumber: z.string().min(4).max(9).optional(),
  /** ST03 or the group's GS08. */
  version: z.string().optional(),
  payment: Payment,
  trace: Trace,
  /** CUR foreign currency (absent: US dollars). */
  currency: Currency.optional(),
  /** REF*EV receiver identifier. */
  receiverId: z.string().max(50).optional(),
  /** REF*F2 version identification. */
  versionId: z.string().max(50).optional(),
  /** Header REF segments other than EV and F2 (not in 005010X221A1; kept when a file has them). */
  references: z.array(Reference).optional(),
  /** DTM*405 production date. */
  productionDate: isoDate.optional(),
  /** Header DTM segments other than 405 (not in 005010X221A1; kept when a file has them). */
  dates: z.array(DateQualified).optional(),
  payer: PayerParty,
  payee: PayeeParty,
  /** Loop 2000: one entry per LX, with its TS3/TS2. */
  headerNumbers: z.array(HeaderNumber).optional(),
  claims: z.array(ClaimPaymentInfo).default([]),
  providerAdjustments: z.array(ProviderAdjustment).default([]),
  /** Position of the ST segment. */
  position,
});

export type AdjustmentGroup = z.output<typeof AdjustmentGroup>;
export type QuantityQualified = z.output<typeof QuantityQualified>;
export type Currency = z.output<typeof Currency>;
export type DeliveryMethod = z.output<typeof DeliveryMethod>;
export type OtherPayer = z.output<typeof OtherPayer>;
export type InpatientAdjudication = z.output<typeof InpatientAdjudication>;
export type OutpatientAdjudication = z.output<typeof OutpatientAdjudication>;
export type ProviderSummary = z.output<typeof ProviderSummary>;
export type MedicarePartASummary = z.output<typeof MedicarePartASummary>;
export type HeaderNumber = z.output<typeof HeaderNumber>;
export type Adjustment = z.output<typeof Adjustment>;
export type Reference = z.output<typeof Reference>;
export type DateQualified = z.output<typeof DateQualified>;
export type AmountQualified = z.output<typeof AmountQualified>;
export type RemitAddress = z.output<typeof Address>;
export type Contact = z.output<typeof Contact>;
export type Payment = z.output<typeof Payment>;
export type Trace = z.output<typeof Trace>;
export type PayerParty = z.output<typeof PayerParty>;
export type PayeeParty = z.output<typeof PayeeParty>;
export type PersonEntity = z.output<typeof PersonEntity>;
export type Procedure = z.output<typeof Procedure>;
export type ServicePayment = z.output<typeof ServicePayment>;
export type ClaimPaymentInfo = z.output<typeof ClaimPaymentInfo>;
export type ProviderAdjustmentItem = z.output<typeof ProviderAdjustmentItem>;
export type ProviderAdjustment = z.output<typeof ProviderAdjustment>;
export type Remittance = z.output<typeof Remittance>;
export type RemittanceInput = z.input<typeof Remittance>;
/** A remittance without its claims, provider adjustments and header numbers: what streaming knows when the first claim starts. */
export type RemittanceHeader = Omit<Remittance, 'claims' | 'providerAdjustments' | 'headerNumbers'>;

/** CLP02 codes of 005010X221A1. */
export const CLAIM_STATUS_CODES: Readonly<Record<string, string>> = {
  '1': 'processed as primary',
  '2': 'processed as secondary',
  '3': 'processed as tertiary',
  '4': 'denied',
  '19': 'processed as primary, forwarded to additional payer(s)',
  '20': 'processed as secondary, forwarded to additional payer(s)',
  '21': 'processed as tertiary, forwarded to additional payer(s)',
  '22': 'reversal of previous payment',
  '23': 'not our claim, forwarded to additional payer(s)',
  '25': 'predetermination pricing only, no payment',
};
