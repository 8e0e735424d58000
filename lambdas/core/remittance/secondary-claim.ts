/**
 * The secondary claim of a primary claim the primary payer has adjudicated:
 * the same encounter, billed to the primary claim's secondary coverage, with
 * the primary payer's adjudication as the guides' coordination of benefits
 * carries it (2320 with AMT*D, the CLP-level CAS, MOA/MIA, AMT*EAF; 2330A
 * the primary subscriber; 2330B the primary payer with its claim control
 * number; per service line one 2430 per 835 service line matched to it).
 *
 * The same step bills the tertiary payer after the secondary: built from a
 * secondary claim (payer responsibility S) with a tertiary coverage, it adds
 * the secondary payer's adjudication beside the primary's (one 2320 and one
 * 2430 per line for each payer that paid before).
 *
 * Pure: nothing is stored or sent. Amounts are compared in integer cents and
 * never patched: an 835 whose amounts do not balance to the claim's charges
 * makes no claim, only problems (codes below, messages naming fields and
 * segments, never values).
 *
 * Choices the guides call for:
 * - SVD03 is the procedure as the payer adjudicated it (SVC01), falling back
 *   to the line's own code when SVC01 is not a code SVD03 can carry (an NDC,
 *   a revenue code: NU becomes SVD04 on the 837I);
 * - SVD05 is SVC05, or 1 when the 835 left it out (the 835 guide: "if not
 *   present, the value is assumed to be one");
 * - a line the payer unbundled (several SVC) gets one 2430 per SVC with SVD06
 *   naming the line; they balance to the line charge together;
 * - the payment date goes on every 2430 (DTP*573, required there); the 2330B
 *   DTP*573 is then not sent (the guide: only when 2430 is not used);
 * - what belongs to one payer moves with it: the primary's prior
 *   authorization and referral numbers go to its 2330B (REF*G1/9F) and the
 *   secondary coverage's become the claim's; the primary's payer claim
 *   control number (frequency 7/8), delay reason, contract (CN1) and
 *   repricing (HCP) are not the secondary payer's and are left out.
 */
import {
  Claim,
  ClaimId,
  type ClaimAdjustment,
  type ClaimInput,
  type LineAdjudication,
  type OtherCoverage,
  type ServiceLine,
} from '../claim/model.js';
import { fromCents, sumCents, toCents } from '../money.js';
import type { Adjustment, ClaimPaymentInfo, ServicePayment } from '../x12/835/model.js';
import { check837P } from '../x12/837/check-837p.js';
import { check837I } from '../x12/837i/check-837i.js';

export interface PrimaryAdjudication {
  /** 835 N1*PR N102. */
  payerName: string;
  /** The primary payer's id as the claim knows it (claim.payer.payerId). */
  payerId: string;
  /** 835 BPR16 or DTM*405 (ISO). */
  paymentDate?: string;
  /** The CLP loop that paid the primary claim. */
  clp: ClaimPaymentInfo;
  /** Per claim service line (same index as claim.serviceLines): the SVC loops matched to it (usually one; none => undefined). */
  lines: Array<ServicePayment[] | undefined>;
}

export interface SecondaryClaimProblem {
  /** Stable: NO-SECONDARY, INVALID-CLAIM-ID, CLAIM-MISMATCH, NOT-ADJUDICATED, NO-PAYMENT-DATE, LINE-UNKNOWN, LINE-UNADJUDICATED, AMOUNT-MISSING, AMOUNT-INVALID, CLAIM-CHARGE-MISMATCH, COB-LINE-UNBALANCED, COB-CLAIM-UNBALANCED, CLAIM-INVALID, NOT-WRITABLE. */
  code: string;
  message: string;
  /** 1-based service line number, when the problem is one line's. */
  line?: number;
}

export type SecondaryClaimResult = { ok: true; claim: Claim } | { ok: false; problems: SecondaryClaimProblem[] };

type CoverageInput = NonNullable<ClaimInput['otherCoverages']>[number];
type AdjudicationInput = NonNullable<CoverageInput['adjudication']>;
type LineInput = ClaimInput['serviceLines'][number];

/** SVD03-1 qualifiers of each guide. */
/** Who is billed after whom: primary → secondary → tertiary. */
const NEXT_PAYER: Partial<Record<string, 'S' | 'T'>> = { P: 'S', S: 'T' };

const SVD_QUALIFIERS = {
  professional: new Set(['ER', 'HC', 'IV', 'WK']),
  institutional: new Set(['ER', 'HC', 'HP', 'IV', 'WK']),
} as const;

export function buildSecondaryClaim(primary: Claim, adjudication: PrimaryAdjudication, secondaryClaimId: string): SecondaryClaimResult {
  const problems: SecondaryClaimProblem[] = [];
  const problem = (code: string, message: string, line?: number) => problems.push({ code, message, ...(line !== undefined ? { line } : {}) });
  const { clp } = adjudication;

  if (!ClaimId.safeParse(secondaryClaimId).success) {
    problem('INVALID-CLAIM-ID', 'the secondary claim id is not a valid claim id (CLM01: 1-38 letters, digits, space, . - _ /, starting with a letter or digit)');
  } else if (secondaryClaimId === primary.claimId) {
    problem('INVALID-CLAIM-ID', 'the secondary claim id must differ from the primary claim id');
  }
  const current = primary.payer.responsibility;
  const next = NEXT_PAYER[current];
  const coverage = next === undefined ? undefined : primary.otherCoverages?.find((candidate) => candidate.responsibility === next);
  if (!coverage) {
    problem('NO-SECONDARY', `the claim names no coverage to bill next (otherCoverages[].responsibility ${next ?? 'S or T'} after payer responsibility ${current})`);
  }
  if (clp.patientControlNumber !== primary.claimId) problem('CLAIM-MISMATCH', 'the claim payment (835 CLP01) is not for the primary claim (CLM01)');
  if (clp.statusCode === '22' || clp.statusCode === '25') {
    problem('NOT-ADJUDICATED', 'the claim payment is a reversal (CLP02 22) or a predetermination (CLP02 25), not an adjudication to coordinate with');
  }
  if (adjudication.paymentDate === undefined) {
    problem('NO-PAYMENT-DATE', 'the primary payment date (835 BPR16 or DTM*405) is needed for the line adjudication dates (2430 DTP*573)');
  }
  if (adjudication.lines.length > primary.serviceLines.length) {
    problem('LINE-UNKNOWN', 'service payments are matched to more lines than the claim has');
  }

  const amounts = balance(primary, adjudication, problem);
  if (problems.length > 0 || !coverage || !amounts || adjudication.paymentDate === undefined) return { ok: false, problems };

  const professional = primary.claimType !== 'institutional';
  const paymentDate = adjudication.paymentDate;
  const serviceLines = primary.serviceLines.map((line, index) =>
    lineWithAdjudications(line, index, adjudication.lines[index] ?? [], adjudication.payerId, paymentDate, professional),
  );
  const input = secondaryInput(primary, coverage, secondaryClaimId, primaryCoverage(primary, adjudication, amounts, professional), serviceLines, professional);

  const parsed = Claim.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({ code: 'CLAIM-INVALID', message: `${issue.path.join('.')}: ${issue.message}` })),
    };
  }
  const guide = professional ? check837P(parsed.data) : check837I(parsed.data);
  if (guide.length > 0) {
    return { ok: false, problems: guide.map((error) => ({ code: 'NOT-WRITABLE', message: `${error.code}: ${error.message}` })) };
  }
  return { ok: true, claim: parsed.data };
}

interface Amounts {
  paidCents: number;
  claimAdjustments: ClaimAdjustment[];
}

/**
 * The guides' balancing, before anything is built: each line's charge =
 * Σ SVC03 + Σ line CAS of the SVCs matched to it; the claim charge (CLM02)
 * = CLP04 + Σ claim CAS + Σ line CAS, and CLP04 = Σ SVC03 − Σ claim CAS.
 */
function balance(primary: Claim, adjudication: PrimaryAdjudication, problem: (code: string, message: string, line?: number) => void): Amounts | undefined {
  const { clp } = adjudication;
  let usable = true;
  /** Set when an amount of the line being summed is missing or invalid: its balance cannot be judged. */
  let lineBroken = false;
  const cents = (value: string | undefined, what: string, line?: number): number => {
    if (value === undefined) {
      problem('AMOUNT-MISSING', `${what} is missing in the 835`, line);
      usable = false;
      lineBroken = true;
      return 0;
    }
    try {
      return toCents(value);
    } catch {
      problem('AMOUNT-INVALID', `${what} is not an amount in exact cents`, line);
      usable = false;
      lineBroken = true;
      return 0;
    }
  };
  const adjustments = (items: readonly Adjustment[], what: string, line?: number) => items.map((item) => cents(item.amount, `${what} (CAS amount)`, line));

  const paidCents = cents(clp.paid, 'the claim payment (CLP04)');
  const claimCasCents = sumCents(adjustments(clp.adjustments, 'a claim adjustment'));
  let linePaidCents = 0;
  let lineCasCents = 0;
  const chargeCents = primary.serviceLines.map((line, index) => cents(line.charge, `line charge (line ${index + 1})`, index + 1));
  primary.serviceLines.forEach((_, index) => {
    const n = index + 1;
    const payments = adjudication.lines[index];
    if (!payments || payments.length === 0) {
      problem('LINE-UNADJUDICATED', 'no 835 service payment (SVC) is matched to the line', n);
      usable = false;
      return;
    }
    lineBroken = false;
    const paid = sumCents(payments.map((svc) => cents(svc.paid, 'the line payment (SVC03)', n)));
    const cas = sumCents(payments.flatMap((svc) => adjustments(svc.adjustments, 'a line adjustment', n)));
    linePaidCents += paid;
    lineCasCents += cas;
    if (!lineBroken && paid + cas !== chargeCents[index]) {
      problem('COB-LINE-UNBALANCED', 'the line payments (SVC03) and line adjustments (CAS) of the 835 do not add up to the line charge (SV102/SV203)', n);
    }
  });
  if (!usable) return undefined;
  const total = sumCents(chargeCents);
  if (clp.charge !== undefined && cents(clp.charge, 'the claim charge (CLP03)') !== total) {
    problem('CLAIM-CHARGE-MISMATCH', 'the claim charge the payer adjudicated (CLP03) differs from the claim charge (CLM02)');
  }
  const chargeBalances = total === paidCents + claimCasCents + lineCasCents;
  const paidBalances = paidCents === linePaidCents - claimCasCents;
  if (!chargeBalances || !paidBalances) {
    problem('COB-CLAIM-UNBALANCED', 'the claim payment (CLP04), claim adjustments and line adjustments of the 835 do not balance to the claim charge (CLM02) and the line payments (SVC03)');
  }
  return usable ? { paidCents, claimAdjustments: clp.adjustments.map(toClaimAdjustment) } : undefined;
}

/** The primary payer as the secondary claim's 2320 (P) with its 2330A/2330B and adjudication. */
function primaryCoverage(primary: Claim, adjudication: PrimaryAdjudication, amounts: Amounts, professional: boolean): CoverageInput {
  const { clp } = adjudication;
  const subscriber = primary.subscriber;
  const payerName = adjudication.payerName.trim() !== '' ? adjudication.payerName.trim() : primary.payer.name;
  const outcome: AdjudicationInput = {
    paid: fromCents(amounts.paidCents),
    adjustments: amounts.claimAdjustments,
    ...(clp.patientResponsibility !== undefined ? { remainingPatientLiability: money(clp.patientResponsibility) } : {}),
    ...outpatientRemarks(clp),
    ...(professional ? {} : inpatient(clp)),
  };
  return compact({
    responsibility: primary.payer.responsibility,
    relationship: primary.patient ? primary.patient.relationship : '18',
    groupNumber: subscriber.groupNumber,
    groupName: subscriber.groupNumber === undefined ? subscriber.groupName : undefined,
    claimFilingIndicator: primary.payer.claimFilingIndicator,
    subscriber: compact({ name: subscriber.name, memberId: subscriber.memberId, address: subscriber.address }),
    payer: compact({
      name: payerName,
      payerId: adjudication.payerId,
      address: primary.payer.address,
      priorAuthorization: primary.priorAuthorization,
      referralNumber: primary.referralNumber,
      claimControlNumber: clp.payerClaimControlNumber,
    }),
    benefitsAssigned: primary.indicators.benefitsAssigned,
    patientSignatureSource: professional ? primary.indicators.patientSignatureSource : undefined,
    releaseOfInformation: primary.indicators.releaseOfInformation,
    adjudication: outcome,
  }) as CoverageInput;
}

/** 835 MOA as the 2320 MOA, when it says anything. */
function outpatientRemarks(clp: ClaimPaymentInfo): Pick<AdjudicationInput, 'outpatientRemarks'> {
  const moa = clp.outpatient;
  if (!moa) return {};
  const remarks = compact({
    reimbursementRate: moa.reimbursementRate !== undefined ? decimal(moa.reimbursementRate) : undefined,
    hcpcsPayable: money(moa.hcpcsPayableAmount),
    remarks: moa.remarkCodes,
    esrdPayment: money(moa.esrdPaymentAmount),
    nonPayableProfessional: money(moa.nonpayableProfessionalComponentAmount),
  });
  const empty = Object.keys(remarks).length === 1 && remarks.remarks.length === 0;
  return empty ? {} : { outpatientRemarks: remarks };
}

/** 835 MIA as the 837I 2320 MIA (MIA01 is required there; MIA02 is not used). */
function inpatient(clp: ClaimPaymentInfo): Pick<AdjudicationInput, 'inpatient'> {
  const mia = clp.inpatient;
  if (!mia || mia.coveredDaysOrVisits === undefined) return {};
  return {
    inpatient: compact({
      coveredDays: decimal(mia.coveredDaysOrVisits),
      lifetimePsychiatricDays: mia.lifetimePsychiatricDays !== undefined ? decimal(mia.lifetimePsychiatricDays) : undefined,
      drgAmount: money(mia.drgAmount),
      disproportionateShareAmount: money(mia.disproportionateShareAmount),
      mspPassThroughAmount: money(mia.mspPassThroughAmount),
      ppsCapitalAmount: money(mia.ppsCapitalAmount),
      ppsCapitalFspDrgAmount: money(mia.ppsCapitalFspDrgAmount),
      ppsCapitalHspDrgAmount: money(mia.ppsCapitalHspDrgAmount),
      ppsCapitalDshDrgAmount: money(mia.ppsCapitalDshDrgAmount),
      oldCapitalAmount: money(mia.oldCapitalAmount),
      ppsCapitalImeAmount: money(mia.ppsCapitalImeAmount),
      ppsOperatingHospitalSpecificDrgAmount: money(mia.ppsOperatingHospitalSpecificDrgAmount),
      costReportDays: mia.costReportDayCount !== undefined ? decimal(mia.costReportDayCount) : undefined,
      ppsOperatingFederalSpecificDrgAmount: money(mia.ppsOperatingFederalSpecificDrgAmount),
      ppsCapitalOutlierAmount: money(mia.ppsCapitalOutlierAmount),
      indirectTeachingAmount: money(mia.indirectTeachingAmount),
      nonPayableProfessionalAmount: money(mia.nonpayableProfessionalComponentAmount),
      ppsCapitalExceptionAmount: money(mia.ppsCapitalExceptionAmount),
      remarks: mia.remarkCodes,
    }),
  };
}

/** One 2430 per SVC matched to the line; SVD06 names the line when the payer split it into several. */
function lineWithAdjudications(line: ServiceLine, index: number, payments: readonly ServicePayment[], payerId: string, date: string, professional: boolean): LineInput {
  const unbundled = payments.length > 1;
  const adjudications = payments.map((svc): LineAdjudication => ({
    payerId,
    paid: fromCents(toCents(svc.paid ?? '0')),
    ...adjudicated(svc, line, professional),
    units: svc.units !== undefined ? decimal(svc.units) : '1',
    ...(unbundled ? { bundledLineNumber: index + 1 } : {}),
    adjustments: svc.adjustments.map(toClaimAdjustment),
    adjudicationDate: date,
  }));
  // The adjudications of the payers before this one stay (a tertiary claim carries the primary's and the secondary's).
  return { ...structuredClone(line), adjudications: [...(line.adjudications ?? []), ...adjudications] };
}

/** SVD03 (and SVD04 on the 837I) from SVC01/SVC04. */
function adjudicated(svc: ServicePayment, line: ServiceLine, professional: boolean): Pick<LineAdjudication, 'procedure' | 'revenueCode'> {
  const { procedure } = svc;
  const qualifiers = professional ? SVD_QUALIFIERS.professional : SVD_QUALIFIERS.institutional;
  const code = procedure.code.trim().toUpperCase();
  const own = line.procedureCode !== undefined ? { procedure: { qualifier: 'HC' as const, code: line.procedureCode, modifiers: [...line.modifiers] } } : {};
  if (professional) {
    return qualifiers.has(procedure.qualifier) ? { procedure: { qualifier: procedure.qualifier as 'HC', code, modifiers: procedure.modifiers.map((m) => m.toUpperCase()) } } : own;
  }
  const revenue = (value: string | undefined) => (value !== undefined && /^\d{4}$/.test(value) && value !== line.revenueCode ? { revenueCode: value } : {});
  if (procedure.qualifier === 'NU') return { ...own, ...revenue(code) };
  if (qualifiers.has(procedure.qualifier)) {
    return { procedure: { qualifier: procedure.qualifier as 'HC', code, modifiers: procedure.modifiers.map((m) => m.toUpperCase()) }, ...revenue(svc.revenueCode) };
  }
  return { ...own, ...revenue(svc.revenueCode) };
}

/** The secondary claim: the primary's encounter with the secondary payer, its subscriber and patient, and the coordination loops. */
function secondaryInput(
  primary: Claim,
  coverage: OtherCoverage,
  claimId: string,
  prior: CoverageInput,
  serviceLines: LineInput[],
  professional: boolean,
): ClaimInput {
  const {
    payerClaimControlNumber: _replaced,
    delayReasonCode: _delay,
    contract: _contract,
    repricing: _repricing,
    priorAuthorization: _priorAuthorization,
    referralNumber: _referralNumber,
    patient: _patient,
    otherCoverages: _otherCoverages,
    ...encounter
  } = structuredClone(primary);
  // The patient: the primary claim's patient, or its subscriber when they were the same person.
  const person = primary.patient
    ? { name: primary.patient.name, birthDate: primary.patient.birthDate, sex: primary.patient.sex, address: primary.patient.address }
    : { name: primary.subscriber.name, birthDate: primary.subscriber.birthDate, sex: primary.subscriber.sex, address: primary.subscriber.address };
  const group = compact({ groupNumber: coverage.groupNumber, groupName: coverage.groupNumber === undefined ? coverage.groupName : undefined });
  const self = coverage.relationship === '18';
  const subscriber = self
    ? compact({
        memberId: coverage.subscriber.memberId,
        name: coverage.subscriber.name,
        birthDate: person.birthDate,
        sex: person.sex,
        address: coverage.subscriber.address ?? person.address,
        ...group,
      })
    : compact({ memberId: coverage.subscriber.memberId, name: coverage.subscriber.name, address: coverage.subscriber.address, ...group });
  // Payers that adjudicated before keep their adjudication; payers still to come have none.
  const earlier = (primary.otherCoverages ?? []).filter((other) => other !== coverage && other.adjudication !== undefined).map((other) => structuredClone(other));
  const later = (primary.otherCoverages ?? [])
    .filter((other) => other !== coverage && other.adjudication === undefined)
    .map((other) => structuredClone(other));
  return compact({
    ...encounter,
    claimId,
    frequencyCode: '1' as const,
    priorAuthorization: coverage.payer.priorAuthorization,
    referralNumber: coverage.payer.referralNumber,
    payer: compact({
      name: coverage.payer.name,
      payerId: coverage.payer.payerId,
      claimFilingIndicator: coverage.claimFilingIndicator,
      responsibility: coverage.responsibility,
      insuranceTypeCode: professional ? coverage.insuranceTypeCode : undefined,
      address: coverage.payer.address,
    }),
    subscriber: subscriber as ClaimInput['subscriber'],
    patient: self
      ? undefined
      : ({ relationship: coverage.relationship, name: person.name, birthDate: person.birthDate, sex: person.sex, address: person.address } as ClaimInput['patient']),
    otherCoverages: [...earlier, prior, ...later],
    serviceLines,
  }) as ClaimInput;
}

function toClaimAdjustment(adjustment: Adjustment): ClaimAdjustment {
  return {
    group: adjustment.group,
    reason: adjustment.reason.trim().toUpperCase(),
    amount: fromCents(toCents(adjustment.amount ?? '0')),
    ...(adjustment.quantity !== undefined ? { quantity: decimal(adjustment.quantity) } : {}),
  };
}

/** An 835 amount as the claim model writes it ("0" → "0.00"). */
function money(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  try {
    return fromCents(toCents(value));
  } catch {
    // Beyond exact cents: passed on as read, for the guide check to refuse (AMOUNT_TOO_LARGE).
    return value;
  }
}

/** An X12 R value as the model writes it: no leading point, no trailing zeros ("1.500" → "1.5", ".5" → "0.5"). */
function decimal(value: string): string {
  const text = value.trim();
  const negative = text.startsWith('-');
  const [whole = '', fraction = ''] = (negative ? text.slice(1) : text).split('.');
  const trimmedWhole = whole.replace(/^0+(?=\d)/, '') || '0';
  const trimmedFraction = fraction.replace(/0+$/, '');
  return `${negative ? '-' : ''}${trimmedWhole}${trimmedFraction ? `.${trimmedFraction}` : ''}`;
}

/** Drops undefined properties so optional fields are absent, not present-but-undefined. */
function compact<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) if (item !== undefined) out[key] = item;
  return out as T;
}
