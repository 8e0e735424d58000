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

export const Address = z.object({
  lines: z.array(z.string().min(1).max(55)).max(2).default([]),
  city: z.string().max(30).optional(),
  state: z.string().max(2).optional(),
  postalCode: z.string().max(15).optional(),
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
  adjustments: z.array(Adjustment).default([]),
  patient: PersonEntity.optional(),
  insured: PersonEntity.optional(),
  /** NM1*82 rendering provider: name and NPI. */
  renderingProvider: PersonEntity.optional(),
  dates: z.array(DateQualified).default([]),
  references: z.array(Reference).default([]),
  amounts: z.array(AmountQualified).default([]),
  serviceLines: z.array(ServicePayment).default([]),
  /** Position of the CLP segment. */
  position,
});

/** One PLB adjustment pair: PLB03 (reason[:reference]) + PLB04, ... */
export const ProviderAdjustmentItem = z.object({
  /** PLB03-1, e.g. WO overpayment recovery, L6 interest, FB forwarding balance. */
  reason: z.string().min(2).max(2),
  /** PLB03-2: reference (e.g. the payer claim control number). */
  reference: z.string().max(50).optional(),
  /** Positive when it reduces the payment. */
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

export const Remittance = z.object({
  /** ST02. */
  controlNumber: z.string().min(4).max(9).optional(),
  /** ST03 or the group's GS08. */
  version: z.string().optional(),
  payment: Payment,
  trace: Trace,
  /** REF*EV receiver identifier. */
  receiverId: z.string().max(50).optional(),
  /** DTM*405 production date. */
  productionDate: isoDate.optional(),
  payer: PayerParty,
  payee: PayeeParty,
  claims: z.array(ClaimPaymentInfo).default([]),
  providerAdjustments: z.array(ProviderAdjustment).default([]),
  /** Position of the ST segment. */
  position,
});

export type AdjustmentGroup = z.output<typeof AdjustmentGroup>;
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
