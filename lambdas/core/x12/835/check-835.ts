/**
 * What a remittance model must satisfy to be written as a conformant
 * 005010X221A1 835. The model is shaped for reading any 835 (4010 codes,
 * lengths the file happened to have), so the writer checks every value it
 * takes from the model against the guide: code lists, element lengths after
 * sanitising (with the interchange's own delimiters), number formats, real
 * dates, segment repeat counts and the BPR payment rules.
 *
 * Problems are X12Errors "X835-WRITE-INVALID" naming the segment and element
 * (never the value). Missing required values are reported by the writer
 * itself ("X835-WRITE-MISSING").
 */
import type { X12Error } from '../errors.js';
import { STATE_OR_PROVINCE } from '../guides/code-lists.js';
import type { WriterDelimiters } from '../writer.js';
import { Checker } from './check-835-checker.js';
import { checkClaimExtras, checkHeaderExtras } from './check-835-detail.js';
import {
  BPR01_HANDLING, BPR04_METHOD, BPR05_FORMAT, BPR08_ACCOUNT, BPR14_ACCOUNT, CAS01_GROUP, CLAIM_AMT, CLAIM_DATE_ORDER,
  CLAIM_REF_MAX, CLAIM_REF_ORDER, CLP02_STATUS, CLP06_FILING, CONTACT_QUALIFIERS, DFI_QUALIFIER, LINE_AMT, LINE_REF_MAX,
  LINE_REF_ORDER, LQ01_LIST, NM108_BY_ENTITY, PAYEE_ID_QUALIFIER, PAYEE_REF, PAYER_ID_QUALIFIER, PAYER_REF, PLB_REASON,
  SVC06_QUALIFIER, SVC_QUALIFIER, TRN01_TRACE,
} from './code-lists.js';
import type {
  Adjustment, ClaimPaymentInfo, Payment, PersonEntity, ProviderAdjustment, Reference, RemitAddress, Remittance, ServicePayment,
} from './model.js';

/** N402: US states and territories, and Canadian provinces (an address abroad carries N404). */
const STATES: ReadonlySet<string> = new Set(STATE_OR_PROVINCE);

/** Methods that move money through banks: BPR06-BPR13 describe the accounts. */
export const BANK_METHODS: ReadonlySet<string> = new Set(['ACH', 'BOP', 'FWT']);

export function check835(remittance: Remittance, delimiters: WriterDelimiters): X12Error[] {
  const c = new Checker(delimiters);
  checkPayment(c, remittance.payment);
  const { trace } = remittance;
  c.code(trace.typeCode || '1', TRN01_TRACE, 'TRN', 'TRN01');
  c.text(trace.traceNumber, 'TRN', 'TRN02', 1, 50);
  c.text(trace.payerId, 'TRN', 'TRN03', 10, 10);
  c.text(trace.supplementalCode, 'TRN', 'TRN04', 1, 50, true);
  c.text(remittance.receiverId, 'REF', 'REF02 (EV)', 1, 50);
  c.date(remittance.productionDate, 'DTM', 'DTM02 (405)');
  checkPayer(c, remittance);
  checkPayee(c, remittance);
  checkHeaderExtras(c, remittance);
  remittance.claims.forEach((claim) => {
    checkClaim(c, claim);
    checkClaimExtras(c, claim);
  });
  remittance.providerAdjustments.forEach((plb) => checkPlb(c, plb));
  return c.problems;
}

function checkPayment(c: Checker, payment: Payment): void {
  const { method, handlingCode } = payment;
  c.code(handlingCode, BPR01_HANDLING, 'BPR', 'BPR01');
  c.code(method, BPR04_METHOD, 'BPR', 'BPR04');
  c.date(payment.date, 'BPR', 'BPR16');
  const total = c.cents(payment.totalPaid);
  if (total !== undefined && total < 0) c.invalid('BPR', 'BPR02', 'cannot be negative: a net amount the provider owes is BPR03 D with a positive BPR02');
  // X12 RFI 2228: a zero payment is H (notification) with NON, or a P prenotification.
  if (total === 0 && handlingCode !== 'H' && handlingCode !== 'P') c.invalid('BPR', 'BPR01', 'must be H (or P) when BPR02 is zero');
  if (handlingCode === 'H' && total !== undefined && total !== 0) c.invalid('BPR', 'BPR02', 'must be zero when BPR01 is H');
  if ((handlingCode === 'H') !== (method === 'NON')) c.invalid('BPR', 'BPR04', 'is NON exactly when BPR01 is H');
  if (!BANK_METHODS.has(method)) return;
  const bank = payment.bank ?? {};
  if (method === 'ACH') c.code(payment.format ?? '', BPR05_FORMAT, 'BPR', 'BPR05');
  c.code(bank.senderDfiQualifier ?? '', DFI_QUALIFIER, 'BPR', 'BPR06');
  c.text(bank.senderDfiId ?? '', 'BPR', 'BPR07', 3, 12);
  c.pair(bank.senderAccountQualifier, bank.senderAccount, BPR08_ACCOUNT, 'BPR', 'BPR08', 'BPR09', 35);
  c.text(bank.originatingCompanyId ?? '', 'BPR', 'BPR10', 10, 10);
  c.text(bank.originatingCompanySupplementalCode, 'BPR', 'BPR11', 9, 9, true);
  c.code(bank.receiverDfiQualifier ?? '', DFI_QUALIFIER, 'BPR', 'BPR12');
  c.text(bank.receiverDfiId ?? '', 'BPR', 'BPR13', 3, 12);
  c.pair(bank.receiverAccountQualifier, bank.receiverAccount, BPR14_ACCOUNT, 'BPR', 'BPR14', 'BPR15', 35);
}

function checkPayer(c: Checker, remittance: Remittance): void {
  const { payer } = remittance;
  c.text(payer.name, 'N1', 'N102 (payer)', 1, 60);
  if (payer.identifier) c.pair(payer.identifier.qualifier, payer.identifier.value, PAYER_ID_QUALIFIER, 'N1', 'N103 (payer)', 'N104 (payer)', 80, 2);
  checkRefs(c, payer.references, [PAYER_REF], [4], 'REF02 (payer)');
  if (payer.address) checkAddress(c, payer.address, 'payer');
  const counts = new Map<string, number>();
  for (const contact of payer.contacts) {
    const qualifiers = CONTACT_QUALIFIERS[contact.function];
    if (!qualifiers) {
      c.invalid('PER', 'PER01', 'must be CX, BL or IC in loop 1000A');
      continue;
    }
    counts.set(contact.function, (counts.get(contact.function) ?? 0) + 1);
    if (contact.function !== 'IC') c.text(contact.name, 'PER', `PER02 (${contact.function})`, 1, 60, true);
    if (contact.function === 'IC' && contact.communications.length !== 1) c.invalid('PER', 'PER03 (IC)', 'PER*IC carries exactly one web address (UR)');
    for (const comm of contact.communications) {
      c.code(comm.qualifier, qualifiers, 'PER', `PER03 (${contact.function})`);
      c.text(comm.value, 'PER', `PER04 (${contact.function})`, 1, 256);
    }
  }
  if ((counts.get('CX') ?? 0) > 1 || (counts.get('IC') ?? 0) > 1) c.invalid('PER', 'PER01', 'PER*CX and PER*IC may each occur once in loop 1000A');
}

function checkPayee(c: Checker, remittance: Remittance): void {
  const { payee } = remittance;
  c.text(payee.name, 'N1', 'N102 (payee)', 1, 60);
  if (payee.identifier) c.pair(payee.identifier.qualifier, payee.identifier.value, PAYEE_ID_QUALIFIER, 'N1', 'N103 (payee)', 'N104 (payee)', 80, 2);
  else {
    c.text(payee.npi, 'N1', 'N104 (payee NPI)', 2, 80);
    if (!payee.npi) c.text(payee.tin, 'N1', 'N104 (payee TIN)', 2, 80);
  }
  c.text(payee.tin, 'REF', 'REF02 (payee TJ)', 1, 50);
  checkRefs(c, payee.references, [PAYEE_REF], [Number.POSITIVE_INFINITY], 'REF02 (payee)');
  if (payee.address) checkAddress(c, payee.address, 'payee');
}

function checkAddress(c: Checker, address: RemitAddress, party: string): void {
  const [line1, line2] = address.lines;
  c.text(line1 ?? '', 'N3', `N301 (${party})`, 1, 55);
  c.text(line2, 'N3', `N302 (${party})`, 1, 55, true);
  c.text(address.city ?? '', 'N4', `N401 (${party})`, 2, 30);
  if (address.state !== undefined && !STATES.has(address.state)) c.invalid('N4', `N402 (${party})`, 'is not a US state, territory, military state or Canadian province code');
  c.text(address.postalCode, 'N4', `N403 (${party})`, 3, 15, true);
  c.text(address.country, 'N4', `N404 (${party})`, 2, 3, true);
  c.text(address.countrySubdivision, 'N4', `N407 (${party})`, 1, 3, true);
  if (address.countrySubdivision !== undefined && address.country === undefined) c.invalid('N4', `N407 (${party})`, 'needs N404 (country)');
  if (address.countrySubdivision !== undefined && address.state !== undefined) c.invalid('N4', `N407 (${party})`, 'is not sent with N402 (state or province)');
}

function checkClaim(c: Checker, claim: ClaimPaymentInfo): void {
  c.text(claim.patientControlNumber, 'CLP', 'CLP01', 1, 38);
  c.code(claim.statusCode, CLP02_STATUS, 'CLP', 'CLP02');
  for (const amount of [claim.charge, claim.paid, claim.patientResponsibility]) c.cents(amount);
  if (claim.filingIndicator !== undefined) c.code(claim.filingIndicator, CLP06_FILING, 'CLP', 'CLP06');
  c.text(claim.payerClaimControlNumber, 'CLP', 'CLP07', 1, 50);
  c.text(claim.facilityTypeCode, 'CLP', 'CLP08', 1, 2, true);
  c.text(claim.frequencyCode, 'CLP', 'CLP09', 1, 1, true);
  checkAdjustments(c, claim.adjustments);
  if (claim.patient) checkPerson(c, claim.patient, 'QC');
  if (claim.insured?.identifier) checkPerson(c, claim.insured, 'IL');
  if (claim.renderingProvider?.identifier) checkPerson(c, claim.renderingProvider, '82');
  checkRefs(c, claim.references, CLAIM_REF_ORDER, CLAIM_REF_MAX, 'REF02 (claim)');
  const dates = new Map<string, number>();
  for (const date of claim.dates) {
    if (!CLAIM_DATE_ORDER.includes(date.qualifier)) c.invalid('DTM', 'DTM01 (claim)', 'must be 232, 233, 036 or 050');
    dates.set(date.qualifier, (dates.get(date.qualifier) ?? 0) + 1);
    c.date(date.date, 'DTM', `DTM02 (${date.qualifier})`);
  }
  if ([...dates.values()].some((n) => n > 1)) c.invalid('DTM', 'DTM01 (claim)', 'each claim date qualifier may occur once');
  checkAmounts(c, claim.amounts, CLAIM_AMT, 13, 'claim');
  if (claim.serviceLines.length > 999) c.invalid('SVC', 'SVC01', 'a claim carries at most 999 service lines');
  claim.serviceLines.forEach((line) => checkLine(c, line));
}

function checkLine(c: Checker, line: ServicePayment): void {
  const { procedure, originalProcedure } = line;
  c.code(procedure.qualifier, SVC_QUALIFIER, 'SVC', 'SVC01-1');
  c.text(procedure.code, 'SVC', 'SVC01-2', 1, 48);
  procedure.modifiers.forEach((modifier, i) => c.text(modifier, 'SVC', `SVC01-${i + 3}`, 2, 2));
  for (const amount of [line.charge, line.paid, line.allowed]) c.cents(amount);
  c.text(line.revenueCode, 'SVC', 'SVC04', 1, 48, true);
  c.decimal(line.units, 'SVC', 'SVC05');
  if (originalProcedure) {
    c.code(originalProcedure.qualifier, SVC06_QUALIFIER, 'SVC', 'SVC06-1');
    c.text(originalProcedure.code, 'SVC', 'SVC06-2', 1, 48);
    originalProcedure.modifiers.forEach((modifier, i) => c.text(modifier, 'SVC', `SVC06-${i + 3}`, 2, 2));
    c.text(originalProcedure.description, 'SVC', 'SVC06-7', 1, 80, true);
  }
  c.decimal(line.originalUnits, 'SVC', 'SVC07');
  c.date(line.serviceDate, 'DTM', 'DTM02 (service date)');
  c.date(line.serviceDateEnd, 'DTM', 'DTM02 (151)');
  if (line.serviceDateEnd !== undefined && line.serviceDate === undefined) c.invalid('DTM', 'DTM01 (151)', 'a service period end needs its start (DTM*150)');
  checkAdjustments(c, line.adjustments);
  c.text(line.lineControlNumber, 'REF', 'REF02 (6R)', 1, 50);
  if (line.references.some((r) => r.qualifier === '6R')) c.invalid('REF', 'REF01 (line)', '6R is carried by lineControlNumber');
  checkRefs(c, line.references, LINE_REF_ORDER, LINE_REF_MAX, 'REF02 (line)');
  if (line.allowed !== undefined && line.amounts.some((a) => a.qualifier === 'B6')) c.invalid('AMT', 'AMT01 (line)', 'B6 is carried by allowed');
  checkAmounts(c, line.amounts, LINE_AMT, line.allowed === undefined ? 9 : 8, 'line');
  if (line.remarks.length > 99) c.invalid('LQ', 'LQ01', 'a service line carries at most 99 remarks');
  for (const remark of line.remarks) {
    c.code(remark.qualifier, LQ01_LIST, 'LQ', 'LQ01');
    c.text(remark.value, 'LQ', 'LQ02', 1, 30);
  }
}

function checkAdjustments(c: Checker, adjustments: readonly Adjustment[]): void {
  for (const adjustment of adjustments) {
    c.code(adjustment.group, CAS01_GROUP, 'CAS', 'CAS01');
    if (!/^[A-Z0-9]{1,5}$/.test(adjustment.reason)) c.invalid('CAS', 'CAS02', 'must be a claim adjustment reason code (1-5 letters or digits)');
    c.cents(adjustment.amount);
    c.decimal(adjustment.quantity, 'CAS', 'CAS04');
  }
  // 99 CAS segments of up to six adjustments each.
  if (adjustments.length > 99 * 6) c.invalid('CAS', 'CAS01', 'too many adjustments for 99 CAS segments');
}

function checkPerson(c: Checker, person: PersonEntity, entity: 'QC' | 'IL' | '82'): void {
  const where = (element: string) => `${element} (${entity})`;
  c.text(person.last, 'NM1', where('NM103'), 1, 60, true);
  const personName = entity === 'QC' || (person.entityType ?? (person.first ? '1' : '2')) === '1';
  if (personName) {
    c.text(person.first, 'NM1', where('NM104'), 1, 35, true);
    c.text(person.middle, 'NM1', where('NM105'), 1, 25, true);
    c.text(person.suffix, 'NM1', where('NM107'), 1, 10, true);
  }
  const codes = NM108_BY_ENTITY[entity];
  if (person.identifier && codes) c.pair(person.identifier.qualifier, person.identifier.value, codes, 'NM1', where('NM108'), where('NM109'), 80, 2);
}

function checkRefs(c: Checker, refs: readonly Reference[], groups: ReadonlyArray<ReadonlySet<string>>, max: readonly number[], element: string): void {
  const counts = groups.map(() => 0);
  for (const ref of refs) {
    const group = groups.findIndex((codes) => codes.has(ref.qualifier));
    if (group === -1) c.invalid('REF', element.replace('REF02', 'REF01'), 'is not a qualifier the guide allows here');
    else counts[group] = (counts[group] ?? 0) + 1;
    c.text(ref.value, 'REF', element, 1, 50);
  }
  counts.forEach((count, i) => {
    if (count > (max[i] ?? 0)) c.invalid('REF', element.replace('REF02', 'REF01'), `at most ${max[i]} of these REF segments are allowed`);
  });
}

function checkAmounts(c: Checker, amounts: ReadonlyArray<{ qualifier: string; amount?: string }>, codes: ReadonlySet<string>, max: number, level: string): void {
  if (amounts.length > max) c.invalid('AMT', `AMT01 (${level})`, `at most ${max} AMT segments are allowed`);
  for (const amt of amounts) {
    c.code(amt.qualifier, codes, 'AMT', `AMT01 (${level})`);
    c.cents(amt.amount);
  }
}

function checkPlb(c: Checker, plb: ProviderAdjustment): void {
  c.text(plb.providerId, 'PLB', 'PLB01', 1, 50);
  c.date(plb.fiscalPeriodDate, 'PLB', 'PLB02');
  for (const item of plb.items) {
    c.code(item.reason, PLB_REASON, 'PLB', 'PLB03-1');
    c.text(item.reference, 'PLB', 'PLB03-2', 1, 50, true);
    c.cents(item.amount);
  }
}
