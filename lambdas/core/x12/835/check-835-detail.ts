/**
 * check835 for the segments beyond the payment core: CUR, header REF/DTM,
 * RDM, LX/TS3/TS2, the 2100 NM1 names other than QC/IL/82, MIA, MOA, PER*CX,
 * QTY, CLP10-CLP14. Elements the guide marks "not used" that the model can
 * hold (read from 4010 files) are refused rather than silently dropped.
 */
import type { Checker } from './check-835-checker.js';
import {
  CLAIM_CONTACT_QUALIFIERS,
  CLAIM_QTY,
  CUR01_ENTITY,
  LINE_QTY,
  NM108_BY_ENTITY,
  OTHER_PAYER_ID_QUALIFIER,
  RDM01_TRANSMISSION,
} from './code-lists.js';
import type {
  ClaimPaymentInfo,
  Contact,
  InpatientAdjudication,
  MedicarePartASummary,
  OtherPayer,
  OutpatientAdjudication,
  PersonEntity,
  ProviderSummary,
  QuantityQualified,
  Remittance,
} from './model.js';
import { MIA_ROWS, MOA_ROWS, TS2_ROWS, TS3_ROWS, elementName, type Row } from './read-835-tables.js';
import { lxGroups } from './write-835-detail.js';

export function checkHeaderExtras(c: Checker, remittance: Remittance): void {
  const { currency } = remittance;
  if (currency) {
    c.code(currency.entityCode, CUR01_ENTITY, 'CUR', 'CUR01');
    if (!/^[A-Z]{3}$/.test(currency.currencyCode)) c.invalid('CUR', 'CUR02', 'must be a three-letter ISO 4217 currency code');
    if (currency.exchangeRate !== undefined) c.invalid('CUR', 'CUR03', 'is not used in 005010X221A1');
  }
  c.text(remittance.versionId, 'REF', 'REF02 (F2)', 1, 50);
  if ((remittance.references ?? []).length > 0) c.invalid('REF', 'REF01 (header)', 'the 835 header has REF*EV and REF*F2 only');
  if ((remittance.dates ?? []).length > 0) c.invalid('DTM', 'DTM01 (header)', 'the 835 header has DTM*405 only');
  const rdm = remittance.payee.deliveryMethod;
  if (rdm) {
    c.code(rdm.code, RDM01_TRANSMISSION, 'RDM', 'RDM01');
    c.text(rdm.name, 'RDM', 'RDM02', 1, 60, true);
    c.text(rdm.communicationNumber, 'RDM', 'RDM03', 1, 256, true);
  }
  const { unused } = lxGroups(remittance);
  if (unused.length > 0) c.invalid('TS3', 'LX01', 'a TS3/TS2 belongs to an LX01 no claim carries');
  for (const header of remittance.headerNumbers ?? []) {
    if (!/^\d{1,6}$/.test(header.lxNumber)) c.invalid('LX', 'LX01', 'must be a number of 1-6 digits');
    if (header.ts3) checkTs3(c, header.ts3);
    if (header.ts2) checkTs2(c, header.ts2);
  }
}

function checkTs3(c: Checker, ts3: ProviderSummary): void {
  c.text(ts3.providerId, 'TS3', 'TS301', 1, 50);
  c.text(ts3.facilityTypeCode, 'TS3', 'TS302', 1, 2);
  c.date(ts3.fiscalPeriodDate, 'TS3', 'TS303');
  checkTable(c, 'TS3', TS3_ROWS, ts3);
  if ((ts3.otherElements ?? []).length > 0) c.invalid('TS3', ts3.otherElements?.[0]?.element ?? 'TS306', 'is not used in 005010X221A1');
}

function checkTs2(c: Checker, ts2: MedicarePartASummary): void {
  if (!checkTable(c, 'TS2', TS2_ROWS, ts2)) c.invalid('TS2', 'TS201', 'a TS2 needs at least one amount or count');
}

/** Money and counts of a table segment; true when any element is present. */
function checkTable<T extends object>(c: Checker, id: string, rows: ReadonlyArray<Row<T>>, model: T): boolean {
  const values = model as Record<string, unknown>;
  let present = false;
  for (const [index, field, kind] of rows) {
    const value = values[field];
    if (typeof value !== 'string') continue;
    present = true;
    if (kind === 'money') c.cents(value);
    else if (kind === 'count') c.decimal(value, id, elementName(id, index));
  }
  return present;
}

export function checkClaimExtras(c: Checker, claim: ClaimPaymentInfo): void {
  if (claim.patientStatusCode !== undefined) c.invalid('CLP', 'CLP10', 'is not used in 005010X221A1');
  if (claim.yesNoCondition !== undefined) c.invalid('CLP', 'CLP14', 'is not used in 005010X221A1');
  c.text(claim.drgCode, 'CLP', 'CLP11', 1, 30, true);
  c.decimal(claim.drgWeight, 'CLP', 'CLP12');
  c.decimal(claim.dischargeFraction, 'CLP', 'CLP13');
  if (claim.correctedInsured) checkName(c, claim.correctedInsured, '74');
  if (claim.otherSubscriber) checkName(c, claim.otherSubscriber, 'GB');
  if (claim.crossoverCarrier) checkOtherPayer(c, claim.crossoverCarrier, 'TT');
  if (claim.correctedPriorityPayer) checkOtherPayer(c, claim.correctedPriorityPayer, 'PR');
  if (claim.inpatient) checkMia(c, claim.inpatient);
  if (claim.outpatient) checkMoa(c, claim.outpatient);
  const contacts = claim.contacts ?? [];
  if (contacts.length > 2) c.invalid('PER', 'PER01 (claim)', 'a claim carries at most two PER*CX');
  contacts.forEach((contact) => checkClaimContact(c, contact));
  checkQuantities(c, claim.quantities, CLAIM_QTY, 14, 'claim');
  for (const line of claim.serviceLines) checkQuantities(c, line.quantities, LINE_QTY, 6, 'line');
}

function checkName(c: Checker, person: PersonEntity, entity: '74' | 'GB'): void {
  const where = (element: string) => `${element} (${entity})`;
  c.text(person.last, 'NM1', where('NM103'), 1, 60, true);
  if ((person.entityType ?? (person.first ? '1' : '2')) === '1') {
    c.text(person.first, 'NM1', where('NM104'), 1, 35, true);
    c.text(person.middle, 'NM1', where('NM105'), 1, 25, true);
    c.text(person.suffix, 'NM1', where('NM107'), 1, 10, true);
  }
  const codes = NM108_BY_ENTITY[entity];
  if (person.identifier && codes) c.pair(person.identifier.qualifier, person.identifier.value, codes, 'NM1', where('NM108'), where('NM109'), 80, 2);
}

function checkOtherPayer(c: Checker, payer: OtherPayer, entity: 'TT' | 'PR'): void {
  c.text(payer.name ?? '', 'NM1', `NM103 (${entity})`, 1, 60);
  const id = payer.identifier;
  c.pair(id?.qualifier ?? '', id?.value ?? '', OTHER_PAYER_ID_QUALIFIER, 'NM1', `NM108 (${entity})`, `NM109 (${entity})`, 80, 2);
}

function checkMia(c: Checker, mia: InpatientAdjudication): void {
  if (mia.coveredDaysOrVisits === undefined) c.invalid('MIA', 'MIA01', 'is required');
  checkTable(c, 'MIA', MIA_ROWS, mia);
  checkRemarks(c, mia.remarkCodes, 'MIA', 'MIA05', 50);
}

function checkMoa(c: Checker, moa: OutpatientAdjudication): void {
  const present = checkTable(c, 'MOA', MOA_ROWS, moa);
  if (!present && moa.remarkCodes.length === 0) c.invalid('MOA', 'MOA01', 'an MOA needs at least one element');
  checkRemarks(c, moa.remarkCodes, 'MOA', 'MOA03', 50);
}

function checkRemarks(c: Checker, codes: readonly string[], id: string, element: string, max: number): void {
  if (codes.length > 5) c.invalid(id, element, 'at most five remark codes fit the segment');
  for (const code of codes) c.text(code, id, element, 1, max);
}

function checkClaimContact(c: Checker, contact: Contact): void {
  if (contact.function !== 'CX') c.invalid('PER', 'PER01 (claim)', 'must be CX in loop 2100');
  c.text(contact.name, 'PER', 'PER02 (claim)', 1, 60, true);
  if (contact.communications.length === 0) c.invalid('PER', 'PER03 (claim)', 'a claim contact needs a communication number');
  contact.communications.forEach((comm, i) => {
    const codes = CLAIM_CONTACT_QUALIFIERS[i];
    const element = `PER${String(3 + i * 2).padStart(2, '0')} (claim)`;
    if (codes) c.code(comm.qualifier, codes, 'PER', element);
    c.text(comm.value, 'PER', `PER${String(4 + i * 2).padStart(2, '0')} (claim)`, 1, 256);
  });
}

function checkQuantities(c: Checker, quantities: readonly QuantityQualified[] | undefined, codes: ReadonlySet<string>, max: number, level: string): void {
  const list = quantities ?? [];
  if (list.length > max) c.invalid('QTY', `QTY01 (${level})`, `at most ${max} QTY segments are allowed`);
  for (const q of list) {
    c.code(q.qualifier, codes, 'QTY', `QTY01 (${level})`);
    c.decimal(q.quantity, 'QTY', `QTY02 (${level})`);
  }
}
