/**
 * The payer sandbox's adjudication: turns the claims of an 837 into one 835
 * remittance. Pure and deterministic: the same claims and options always give
 * the same remittance (no clock, no randomness; "random" choices come from a
 * SHA-256 of the claim id). All money is integer cents.
 *
 * Rules, in the order they apply:
 * 1. Claim denial: a claim whose id ends in the digit 7 is denied
 *    (CLP02 = 4): every line gets CO-50 (not medically necessary) for its full
 *    charge and pays 0.
 * 2. Non-covered line: a procedure code missing from the fee schedule
 *    (fee-schedule.ts) gets CO-96 (non-covered charge) for its full charge and
 *    pays 0. A claim whose lines are all non-covered is denied (CLP02 = 4).
 * 3. Covered line: allowed = min(charge, fee × units), units may be decimal,
 *    rounded half up to the cent. charge − allowed > 0 is a CO-45
 *    (charge exceeds fee schedule) reduction; a line charged at or under the
 *    fee has no reduction (allowed = charge). AMT*B6 carries the allowed amount.
 * 4. Patient cost share, one kind per claim, chosen by the first byte of
 *    SHA-256(claim id) modulo 3:
 *    0 → PR-1 deductible: 40.00 per claim, taken from the covered lines'
 *        allowed amounts in line order until used up;
 *    1 → PR-2 coinsurance: 20 % of each covered line's allowed amount,
 *        rounded half up;
 *    2 → PR-3 copay: 25.00 on the first covered line, at most its allowed amount.
 * 5. Line paid (SVC03) = allowed − cost share, so SVC02 = SVC03 + ΣCAS holds
 *    exactly. All adjustments are at line level: CLP03 = Σ charges,
 *    CLP04 = Σ paid, CLP05 = Σ PR amounts, CLP02 = 1 unless rule 1 or 2 denied.
 * 6. CLP07 (payer claim control number) = "SBX" + the first 12 hex digits,
 *    upper case, of SHA-256(payer id | tenant id | claim id).
 * 7. CLP06 = the claim's filing indicator when the 835 code list has it
 *    (MB, MC, HM, 12 ...); CI and BL (commercial, Blue Cross: 837-only codes)
 *    become 12, other 837-only codes become ZZ. CLP08 = place of service,
 *    CLP09 = the claim frequency code. Replacement (7) and void (8) claims are
 *    adjudicated like originals: the sandbox keeps no history.
 * 8. BPR: I (remittance with payment) by CHK with BPR16 = check date when the
 *    total paid is above 0, else H (notification only) with NON. BPR02 =
 *    ΣCLP04 (the sandbox makes no PLB adjustments). TRN02 = trace number,
 *    TRN03 = "1" + the payer id when it is 9 digits, else "1" + 9 digits
 *    derived from SHA-256(payer id). DTM*405 = check date.
 * 9. Crossover: a primary claim that lists a secondary coverage and whose
 *    id ends in the digit 5 is processed as above and forwarded by the payer
 *    itself: CLP02 = 19 and NM1*TT names the secondary payer (PI + its id).
 * 10. Secondary claims (payer responsibility S) are paid from the primary's
 *    line adjudications (2430): per line the secondary pays 80 % of what
 *    the primary left to the patient (its PR amounts on the line), rounded
 *    half up; the rest stays with the patient as PR-2; the part the primary
 *    paid or adjusted is OA-23 (impact of prior payer adjudication).
 *    CLP02 = 2. Tertiary claims (T) the same way from the secondary's 2430s,
 *    CLP02 = 3. Their own id rules (7, 9) do not apply: the ids end in
 *    "-S" and "-T".
 * 11. NM1*QC is the patient (the subscriber when the patient is the
 *    subscriber) with MI + member id; NM1*IL the subscriber when the patient is
 *    someone else; NM1*82 the rendering provider with its NPI. REF*6R echoes
 *    the 837 line item control number when the line had one; DTM*472 is the
 *    service date (DTM*150/151 for a date range); DTM*232/233 the claim's
 *    first and last service dates.
 */
import { lineServiceDate } from '../../../lambdas/core/claim/service-dates.js';
import { createHash } from 'node:crypto';
import type { Claim, ServiceLine } from '../../../lambdas/core/claim/model.js';
import { fromCents, toCents } from '../../../lambdas/core/money.js';
import type {
  Adjustment,
  ClaimPaymentInfo,
  PersonEntity,
  RemitAddress,
  Remittance,
  ServicePayment,
} from '../../../lambdas/core/x12/835/model.js';
import { feeFor, revenueFeeFor } from './fee-schedule.js';

export interface AdjudicateOptions {
  payerName: string;
  payerId: string;
  payeeName: string;
  payeeNpi: string;
  checkDate: Date;
  traceNumber: string;
  /** Defaults to the sandbox payer's address. */
  payerAddress?: RemitAddress;
}

const DEDUCTIBLE_CENTS = 4_000;
const COINSURANCE_PERCENT = 20;
const COPAY_CENTS = 2_500;
const DENIED_CLAIM_ID_SUFFIX = '7';
const CROSSOVER_CLAIM_ID_SUFFIX = '5';
const SECONDARY_SHARE_PERCENT = 80;

const SANDBOX_PAYER_ADDRESS: RemitAddress = {
  lines: ['100 SANDBOX WAY'],
  city: 'SPRINGFIELD',
  state: 'IL',
  postalCode: '62701',
};

/** The 005010X221A1 CLP06 code list. */
const CLP06_CODES = new Set(['12', '13', '14', '15', '16', '17', 'AM', 'CH', 'DS', 'HM', 'LM', 'MA', 'MB', 'MC', 'OF', 'TV', 'VA', 'WC', 'ZZ']);

type CostShare = 'deductible' | 'coinsurance' | 'copay';

export function adjudicate(claims: readonly Claim[], opts: AdjudicateOptions): Remittance {
  const claimPayments = claims.map((claim) => adjudicateClaim(claim, opts));
  const totalPaid = claimPayments.reduce((sum, c) => sum + toCents(c.paid ?? '0'), 0);
  const checkDate = isoDate(opts.checkDate);
  const tins = new Set(claims.map((c) => c.billingProvider.tin));
  const [tin] = tins;

  return {
    payment: {
      handlingCode: totalPaid > 0 ? 'I' : 'H',
      totalPaid: fromCents(totalPaid),
      creditDebit: 'C',
      method: totalPaid > 0 ? 'CHK' : 'NON',
      date: checkDate,
    },
    trace: { typeCode: '1', traceNumber: opts.traceNumber, payerId: trnPayerId(opts.payerId) },
    productionDate: checkDate,
    payer: {
      name: opts.payerName,
      // REF02 holds 50 characters; an 837 payer id may have 80.
      references: opts.payerId.length <= 50 ? [{ qualifier: '2U', value: opts.payerId }] : [],
      address: opts.payerAddress ?? SANDBOX_PAYER_ADDRESS,
      contacts: [
        {
          function: 'BL',
          name: 'SANDBOX EDI SUPPORT',
          communications: [{ qualifier: 'TE', value: '5555550199' }],
        },
      ],
    },
    payee: {
      name: opts.payeeName,
      identifier: { qualifier: 'XX', value: opts.payeeNpi },
      npi: opts.payeeNpi,
      // REF*TJ only when every claim names the same billing tax id.
      tin: tins.size === 1 ? tin : undefined,
      references: [],
    },
    claims: claimPayments,
    providerAdjustments: [],
  };
}

/** Why a whole claim pays nothing, if it does. */
function claimDenialReason(claim: Claim): string | undefined {
  return claim.claimId.endsWith(DENIED_CLAIM_ID_SUFFIX) ? '50' : undefined;
}

export function adjudicateClaim(claim: Claim, opts: AdjudicateOptions): ClaimPaymentInfo {
  if (claim.payer.responsibility === 'S' || claim.payer.responsibility === 'T') return adjudicateSecondary(claim, opts);
  const costShare = costShareFor(claim.claimId);
  const denial = claimDenialReason(claim);
  let deductibleLeft = DEDUCTIBLE_CENTS;
  let copayTaken = false;

  const lines = claim.serviceLines.map((line): ServicePayment => {
    const charge = toCents(line.charge);
    // A HCPCS code on the line prices it; an institutional line without one is priced by its revenue code.
    const fee =
      (line.procedureCode === undefined ? undefined : feeFor(line.procedureCode)) ??
      (line.revenueCode === undefined ? undefined : revenueFeeFor(line.revenueCode));
    const base = serviceBase(line);
    if (denial || fee === undefined) {
      const reason = denial ?? '96';
      return { ...base, charge: fromCents(charge), paid: fromCents(0), adjustments: [co(reason, charge)] };
    }
    const allowed = Math.min(charge, roundHalfUp(fee * milliUnits(line.units), 1000));
    let patientShare = 0;
    let reason = '1';
    if (costShare === 'deductible') {
      patientShare = Math.min(deductibleLeft, allowed);
      deductibleLeft -= patientShare;
    } else if (costShare === 'coinsurance') {
      patientShare = roundHalfUp(allowed * COINSURANCE_PERCENT, 100);
      reason = '2';
    } else {
      reason = '3';
      if (!copayTaken) {
        patientShare = Math.min(COPAY_CENTS, allowed);
        copayTaken = true;
      }
    }
    const adjustments: Adjustment[] = [];
    if (charge > allowed) adjustments.push(co('45', charge - allowed));
    if (patientShare > 0) adjustments.push({ group: 'PR', reason, amount: fromCents(patientShare) });
    return {
      ...base,
      charge: fromCents(charge),
      paid: fromCents(allowed - patientShare),
      adjustments,
      allowed: fromCents(allowed),
    };
  });

  const charge = sum(lines.map((l) => l.charge));
  const paid = sum(lines.map((l) => l.paid));
  const patientResponsibility = sum(
    lines.flatMap((l) => l.adjustments.filter((a) => a.group === 'PR').map((a) => a.amount)),
  );
  const allDenied = lines.every((l) => toCents(l.paid ?? '0') === 0 && l.allowed === undefined);
  const serviceDates = claim.serviceLines.flatMap((l) => [l.serviceDate, l.serviceDateEnd ?? l.serviceDate]).sort();

  const crossover = crossoverCoverage(claim);
  return {
    patientControlNumber: claim.claimId,
    statusCode: allDenied ? '4' : crossover ? '19' : '1',
    ...(crossover && !allDenied
      ? { crossoverCarrier: { name: crossover.payer.name, identifier: { qualifier: 'PI', value: crossover.payer.payerId } } }
      : {}),
    charge: fromCents(charge),
    paid: fromCents(paid),
    patientResponsibility: fromCents(patientResponsibility),
    filingIndicator: clp06(claim.payer.claimFilingIndicator),
    payerClaimControlNumber: payerClaimControlNumber(opts.payerId, claim),
    facilityTypeCode: claim.placeOfService,
    frequencyCode: claim.frequencyCode,
    adjustments: [],
    patient: patientEntity(claim),
    insured: claim.patient ? subscriberEntity(claim) : undefined,
    renderingProvider: claim.renderingProvider
      ? {
          entityType: claim.renderingProvider.entity === 'person' ? '1' : '2',
          last: claim.renderingProvider.lastOrOrganizationName,
          first: claim.renderingProvider.firstName,
          middle: claim.renderingProvider.middleName,
          suffix: claim.renderingProvider.suffix,
          identifier: { qualifier: 'XX', value: claim.renderingProvider.npi },
        }
      : undefined,
    dates: [
      { qualifier: '232', date: serviceDates[0] ?? lineServiceDate(claim, claim.serviceLines[0]!) },
      { qualifier: '233', date: serviceDates[serviceDates.length - 1] ?? lineServiceDate(claim, claim.serviceLines[0]!) },
    ],
    references: [],
    amounts: [],
    serviceLines: lines,
  };
}

/** Rule 9: the coverage the payer forwards the claim to, when it does. */
function crossoverCoverage(claim: Claim) {
  if (claim.payer.responsibility !== 'P' || !claim.claimId.endsWith(CROSSOVER_CLAIM_ID_SUFFIX)) return undefined;
  return claim.otherCoverages?.find((coverage) => coverage.responsibility === 'S');
}

/** Rule 10: a secondary (or tertiary) claim, paid from the line adjudications of the payer just before. */
function adjudicateSecondary(claim: Claim, opts: AdjudicateOptions): ClaimPaymentInfo {
  const tertiary = claim.payer.responsibility === 'T';
  const primary = claim.otherCoverages?.find((coverage) => coverage.responsibility === (tertiary ? 'S' : 'P'));
  const lines = claim.serviceLines.map((line): ServicePayment => {
    const charge = toCents(line.charge);
    const adjudications = (line.adjudications ?? []).filter((a) => a.payerId === primary?.payer.payerId);
    const leftToPatient = adjudications.reduce(
      (total, a) => total + a.adjustments.filter((adj) => adj.group === 'PR').reduce((sum, adj) => sum + toCents(adj.amount), 0),
      0,
    );
    const paid = roundHalfUp(leftToPatient * SECONDARY_SHARE_PERCENT, 100);
    const adjustments: Adjustment[] = [];
    if (charge - leftToPatient !== 0) adjustments.push({ group: 'OA', reason: '23', amount: fromCents(charge - leftToPatient) });
    if (leftToPatient - paid > 0) adjustments.push({ group: 'PR', reason: '2', amount: fromCents(leftToPatient - paid) });
    return { ...serviceBase(line), charge: fromCents(charge), paid: fromCents(paid), adjustments };
  });
  const charge = sum(lines.map((l) => l.charge));
  const paid = sum(lines.map((l) => l.paid));
  const patientResponsibility = sum(lines.flatMap((l) => l.adjustments.filter((a) => a.group === 'PR').map((a) => a.amount)));
  return {
    ...claimFrame(claim, opts),
    statusCode: paid > 0 ? (tertiary ? '3' : '2') : '4',
    charge: fromCents(charge),
    paid: fromCents(paid),
    patientResponsibility: fromCents(patientResponsibility),
    serviceLines: lines,
  };
}

/** What every CLP loop of the sandbox carries besides the money. */
function claimFrame(claim: Claim, opts: AdjudicateOptions): Omit<ClaimPaymentInfo, 'statusCode' | 'charge' | 'paid' | 'patientResponsibility' | 'serviceLines'> {
  const serviceDates = claim.serviceLines.flatMap((l) => [l.serviceDate, l.serviceDateEnd ?? l.serviceDate]).filter((d): d is string => d !== undefined).sort();
  const first = lineServiceDate(claim, claim.serviceLines[0]!);
  return {
    patientControlNumber: claim.claimId,
    filingIndicator: clp06(claim.payer.claimFilingIndicator),
    payerClaimControlNumber: payerClaimControlNumber(opts.payerId, claim),
    facilityTypeCode: claim.placeOfService,
    frequencyCode: claim.frequencyCode,
    adjustments: [],
    patient: patientEntity(claim),
    insured: claim.patient ? subscriberEntity(claim) : undefined,
    dates: [
      { qualifier: '232', date: serviceDates[0] ?? first },
      { qualifier: '233', date: serviceDates[serviceDates.length - 1] ?? first },
    ],
    references: [],
    amounts: [],
  };
}

function serviceBase(line: ServiceLine): Omit<ServicePayment, 'charge' | 'paid' | 'adjustments'> {
  return {
    // An institutional line without a HCPCS code is paid by its revenue code (SVC01 qualifier NU).
    procedure:
      line.procedureCode !== undefined
        ? { qualifier: 'HC', code: line.procedureCode, modifiers: [...line.modifiers] }
        : { qualifier: 'NU', code: line.revenueCode ?? '', modifiers: [] },
    units: line.units,
    serviceDate: line.serviceDate,
    serviceDateEnd: line.serviceDateEnd,
    lineControlNumber: line.lineItemControlNumber,
    references: [],
    amounts: [],
    remarks: [],
  };
}

function co(reason: string, cents: number): Adjustment {
  return { group: 'CO', reason, amount: fromCents(cents) };
}

/** NM1*QC: the patient (the subscriber when there is no separate patient), identified by the member id. */
function patientEntity(claim: Claim): PersonEntity {
  return personEntity(claim.patient?.name ?? claim.subscriber.name, claim.subscriber.memberId);
}

/** NM1*IL: the subscriber, when the patient is someone else. */
function subscriberEntity(claim: Claim): PersonEntity {
  return personEntity(claim.subscriber.name, claim.subscriber.memberId);
}

function personEntity(name: Claim['subscriber']['name'], memberId: string): PersonEntity {
  return {
    entityType: '1',
    last: name.last,
    first: name.first,
    middle: name.middle,
    suffix: name.suffix,
    identifier: { qualifier: 'MI', value: memberId },
  };
}

function costShareFor(claimId: string): CostShare {
  const kinds: CostShare[] = ['deductible', 'coinsurance', 'copay'];
  return kinds[sha256(claimId)[0]! % 3]!;
}

/** CLP07, and the REF*1K of the sandbox 277CA: the same id for the same payer, tenant and claim. */
export function payerClaimControlNumber(payerId: string, claim: Pick<Claim, 'tenantId' | 'claimId'>): string {
  return `SBX${sha256(`${payerId}|${claim.tenantId}|${claim.claimId}`).toString('hex').slice(0, 12).toUpperCase()}`;
}

function trnPayerId(payerId: string): string {
  if (/^\d{9}$/.test(payerId)) return `1${payerId}`;
  const digits = BigInt(`0x${sha256(payerId).toString('hex').slice(0, 15)}`) % 1_000_000_000n;
  return `1${digits.toString().padStart(9, '0')}`;
}

function clp06(filingIndicator: string): string {
  if (CLP06_CODES.has(filingIndicator)) return filingIndicator;
  return filingIndicator === 'CI' || filingIndicator === 'BL' ? '12' : 'ZZ';
}

/** "1.5" → 1500: units as an integer count of thousandths (Quantity allows three decimals). */
function milliUnits(units: string): number {
  const [whole = '0', fraction = ''] = units.split('.');
  return Number(whole) * 1000 + Number(fraction.padEnd(3, '0'));
}

/** numerator / divisor rounded half up, for non-negative integers, without floating point. */
function roundHalfUp(numerator: number, divisor: number): number {
  const quotient = Math.trunc(numerator / divisor);
  const remainder = numerator - quotient * divisor;
  return remainder * 2 >= divisor ? quotient + 1 : quotient;
}

function sum(amounts: ReadonlyArray<string | undefined>): number {
  return amounts.reduce((total, amount) => total + toCents(amount ?? '0'), 0);
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
