/**
 * Writes 005010X221A1 835 transaction sets from the remittance model, one
 * ST/SE per remittance inside one ISA / GS(HP) envelope, with the shared
 * segment writer (sanitising, counted SE/GE/IEA, fixed-width ISA).
 *
 * The writer refuses (X12Error "X835-WRITE-MISSING", naming the element) a
 * model that lacks what the guide requires: it never fills a required amount
 * with zero. Amounts are written in X12 "R" form from integer cents.
 */
import { toCents, toX12Amount } from '../../money.js';
import { writeSingleGroupInterchange, type SingleGroupEnvelope } from '../single-group.js';
import { X12Error } from '../errors.js';
import { composite, resolveDelimiters, type Composite, type ElementValue } from '../writer.js';
import { BANK_METHODS, check835 } from './check-835.js';
import { CLAIM_DATE_ORDER, CLAIM_REF_ORDER, LINE_REF_ORDER } from './code-lists.js';
import type {
  Adjustment,
  ClaimPaymentInfo,
  Contact,
  PayeeParty,
  PayerParty,
  PersonEntity,
  Procedure,
  ProviderAdjustment,
  Reference,
  RemitAddress,
  Remittance,
  ServicePayment,
} from './model.js';
import { isoToX12Date } from './values.js';

export const X221A1 = '005010X221A1';

/** [segment id, element 1, element 2, ...]. */
export type Seg = [string, ...ElementValue[]];

/** The envelope of an 835: ISA05/06 the payer (or its clearinghouse), ISA07/08 the provider or billing service. */
export type Write835Options = SingleGroupEnvelope;

/** The full interchange text: ISA, GS*HP, one ST 835 per remittance, GE, IEA. */
export function write835(remittances: readonly Remittance[], options: Write835Options): string {
  if (remittances.length === 0) {
    throw new X12Error('X835-WRITE-EMPTY', 'an 835 interchange needs at least one remittance');
  }
  // Build every body first: a model the guide refuses must not leave a half-written file.
  const bodies = remittances.map(remittanceSegments);
  const delimiters = resolveDelimiters(options.delimiters);
  for (const remittance of remittances) {
    const [problem] = check835(remittance, delimiters);
    if (problem) throw problem;
  }
  // ST03 is "not used" in 005010X221A1: the version is GS08's.
  return writeSingleGroupInterchange(options, { functionalId: 'HP', version: X221A1, transactionType: '835' }, bodies.length, (out, index) => {
    for (const seg of bodies[index] ?? []) {
      const [id, ...elements] = seg;
      for (const value of requiredText.get(seg) ?? []) {
        if (out.clean(value.text) === '') {
          throw new X12Error('X835-WRITE-MISSING', `${value.element} is empty once delimiters are removed`, undefined, id, value.element);
        }
      }
      out.segment(id, ...elements);
    }
  });
}

/** Required free-text values per built segment, re-checked after sanitising. */
const requiredText = new WeakMap<Seg, Array<{ element: string; text: string }>>();

function withRequired(seg: Seg, ...values: Array<{ element: string; text: string }>): Seg {
  requiredText.set(seg, values);
  return seg;
}

/** The segments between ST and SE for one remittance. */
export function remittanceSegments(remittance: Remittance): Seg[] {
  const out: Seg[] = [];
  out.push(bpr(remittance));
  const { trace } = remittance;
  const payerId = need(trace.payerId, 'TRN03', 'TRN');
  out.push(
    withRequired(
      ['TRN', trace.typeCode || '1', trace.traceNumber, payerId, trace.supplementalCode],
      { element: 'TRN02', text: trace.traceNumber },
      { element: 'TRN03', text: payerId },
    ),
  );
  if (remittance.receiverId) out.push(ref('EV', remittance.receiverId));
  if (remittance.productionDate) out.push(['DTM', '405', isoToX12Date(remittance.productionDate)]);
  out.push(...payerSegments(remittance.payer));
  out.push(...payeeSegments(remittance.payee));

  let lx: string | undefined;
  for (const claim of remittance.claims) {
    const number = claim.lxNumber && /^\d{1,6}$/.test(claim.lxNumber) ? claim.lxNumber : '1';
    if (number !== lx) {
      out.push(['LX', number]);
      lx = number;
    }
    out.push(...claimSegments(claim));
  }
  for (const plb of remittance.providerAdjustments) out.push(...plbSegments(plb));
  return out;
}

function bpr(remittance: Remittance): Seg {
  const { payment } = remittance;
  // BPR05-BPR15 describe a bank transfer: the guide says not to send them for a check or no payment.
  const bank = BANK_METHODS.has(payment.method) ? (payment.bank ?? {}) : {};
  const date = need(payment.date, 'BPR16', 'BPR');
  return [
    'BPR',
    payment.handlingCode,
    amount(payment.totalPaid, 'BPR02', 'BPR'),
    payment.creditDebit,
    payment.method,
    payment.method === 'ACH' ? payment.format : undefined,
    bank.senderDfiQualifier,
    bank.senderDfiId,
    bank.senderAccountQualifier,
    bank.senderAccount,
    bank.originatingCompanyId,
    bank.originatingCompanySupplementalCode,
    bank.receiverDfiQualifier,
    bank.receiverDfiId,
    bank.receiverAccountQualifier,
    bank.receiverAccount,
    isoToX12Date(date),
  ];
}

const CONTACT_ORDER = ['CX', 'BL', 'IC'];

function payerSegments(payer: PayerParty): Seg[] {
  const out: Seg[] = [
    withRequired(['N1', 'PR', payer.name, payer.identifier?.qualifier, payer.identifier?.value], { element: 'N102', text: payer.name }),
  ];
  // 1000A N3 and N4 are required in 005010X221A1.
  out.push(...addressSegments(need(payer.address, 'N3/N4 (payer address)', 'N1'), true));
  for (const r of payer.references) out.push(ref(r.qualifier, r.value));
  const contacts = [...payer.contacts].sort(
    (a, b) => CONTACT_ORDER.indexOf(a.function) - CONTACT_ORDER.indexOf(b.function),
  );
  if (!contacts.some((c) => c.function === 'BL')) {
    throw new X12Error('X835-WRITE-MISSING', 'PER*BL (payer technical contact) is required', undefined, 'PER', 'PER01');
  }
  for (const contact of contacts) out.push(perSegment(contact));
  return out;
}

function perSegment(contact: Contact): Seg {
  // PER02 (name) is not used in the payer web site contact (PER*IC).
  const segment: Seg = ['PER', contact.function, contact.function === 'IC' ? undefined : contact.name];
  for (const comm of contact.communications) segment.push(comm.qualifier, comm.value);
  return segment;
}

function payeeSegments(payee: PayeeParty): Seg[] {
  const identifier =
    payee.identifier ??
    (payee.npi ? { qualifier: 'XX', value: payee.npi } : payee.tin ? { qualifier: 'FI', value: payee.tin } : undefined);
  if (!identifier) {
    throw new X12Error('X835-WRITE-MISSING', 'N103/N104 (payee identifier) is required', undefined, 'N1', 'N104');
  }
  const out: Seg[] = [
    withRequired(
      ['N1', 'PE', payee.name, identifier.qualifier, identifier.value],
      { element: 'N102', text: payee.name },
      { element: 'N104', text: identifier.value },
    ),
  ];
  if (payee.address) out.push(...addressSegments(payee.address, false));
  const references = [...payee.references];
  if (payee.tin && identifier.qualifier !== 'FI' && !references.some((r) => r.qualifier === 'TJ')) {
    references.push({ qualifier: 'TJ', value: payee.tin });
  }
  for (const r of references) out.push(ref(r.qualifier, r.value));
  return out;
}

function addressSegments(address: RemitAddress, required: boolean): Seg[] {
  const out: Seg[] = [];
  const [line1, line2] = address.lines;
  if (line1) out.push(['N3', line1, line2]);
  else if (required) throw new X12Error('X835-WRITE-MISSING', 'N301 (address line) is required', undefined, 'N3', 'N301');
  if (address.city) out.push(['N4', address.city, address.state, address.postalCode]);
  else if (required) throw new X12Error('X835-WRITE-MISSING', 'N401 (city) is required', undefined, 'N4', 'N401');
  return out;
}

function claimSegments(claim: ClaimPaymentInfo): Seg[] {
  const pccn = need(claim.payerClaimControlNumber, 'CLP07', 'CLP');
  const clp: Seg = [
    'CLP',
    claim.patientControlNumber,
    claim.statusCode,
    amount(claim.charge, 'CLP03', 'CLP'),
    amount(claim.paid, 'CLP04', 'CLP'),
    claim.patientResponsibility === undefined ? undefined : amount(claim.patientResponsibility, 'CLP05', 'CLP'),
    need(claim.filingIndicator, 'CLP06', 'CLP'),
    pccn,
    claim.facilityTypeCode,
    claim.frequencyCode,
  ];
  const out: Seg[] = [
    withRequired(clp, { element: 'CLP01', text: claim.patientControlNumber }, { element: 'CLP07', text: pccn }),
  ];
  out.push(...casSegments(claim.adjustments));
  out.push(nm1('QC', need(claim.patient, 'NM1*QC (patient)', 'NM1')));
  // NM1*IL and NM1*82 need NM108/NM109 in the guide: without an identifier they are not written.
  if (claim.insured?.identifier) out.push(nm1('IL', claim.insured));
  if (claim.renderingProvider?.identifier) out.push(nm1('82', claim.renderingProvider));
  for (const r of inGuideOrder(claim.references, CLAIM_REF_ORDER)) out.push(ref(r.qualifier, r.value));
  const dates = [...claim.dates].sort((a, b) => CLAIM_DATE_ORDER.indexOf(a.qualifier) - CLAIM_DATE_ORDER.indexOf(b.qualifier));
  for (const date of dates) out.push(['DTM', date.qualifier, isoToX12Date(date.date)]);
  for (const amt of claim.amounts) out.push(['AMT', amt.qualifier, amount(amt.amount, 'AMT02', 'AMT')]);
  for (const line of claim.serviceLines) out.push(...lineSegments(line));
  return out;
}

function nm1(entity: string, person: PersonEntity): Seg {
  // The patient is always a person (NM102 = 1 is the only code the guide allows for QC).
  const type = entity === 'QC' ? '1' : (person.entityType ?? (person.first ? '1' : '2'));
  // First, middle name and suffix belong to a person only.
  const individual = type === '1';
  return [
    'NM1',
    entity,
    type,
    person.last,
    individual ? person.first : undefined,
    individual ? person.middle : undefined,
    undefined,
    individual ? person.suffix : undefined,
    person.identifier?.qualifier,
    person.identifier?.value,
  ];
}

/** References sorted into the guide's groups (stable within a group); unknown ones last (check835 refuses them). */
function inGuideOrder(references: readonly Reference[], groups: ReadonlyArray<ReadonlySet<string>>): Reference[] {
  const rank = (r: Reference) => {
    const index = groups.findIndex((codes) => codes.has(r.qualifier));
    return index === -1 ? groups.length : index;
  };
  return [...references].sort((a, b) => rank(a) - rank(b));
}

function lineSegments(line: ServicePayment): Seg[] {
  const svc: Seg = [
    'SVC',
    procedureComposite(line.procedure, false),
    amount(line.charge, 'SVC02', 'SVC'),
    amount(line.paid, 'SVC03', 'SVC'),
    line.revenueCode,
    line.units,
    line.originalProcedure ? procedureComposite(line.originalProcedure, true) : undefined,
    line.originalUnits,
  ];
  const out: Seg[] = [withRequired(svc, { element: 'SVC01-2', text: line.procedure.code })];
  if (line.serviceDate && line.serviceDateEnd && line.serviceDateEnd !== line.serviceDate) {
    out.push(['DTM', '150', isoToX12Date(line.serviceDate)], ['DTM', '151', isoToX12Date(line.serviceDateEnd)]);
  } else if (line.serviceDate) {
    out.push(['DTM', '472', isoToX12Date(line.serviceDate)]);
  }
  out.push(...casSegments(line.adjustments));
  // Guide order: service identification, 6R line item control number, rendering provider, healthcare policy.
  const [serviceIds = [], ...later] = LINE_REF_ORDER.map((codes) => line.references.filter((r) => codes.has(r.qualifier)));
  for (const r of serviceIds) out.push(ref(r.qualifier, r.value));
  if (line.lineControlNumber) out.push(ref('6R', line.lineControlNumber));
  for (const r of later.flat()) out.push(ref(r.qualifier, r.value));
  if (line.allowed !== undefined) out.push(['AMT', 'B6', amount(line.allowed, 'AMT02', 'AMT')]);
  for (const amt of line.amounts) out.push(['AMT', amt.qualifier, amount(amt.amount, 'AMT02', 'AMT')]);
  for (const remark of line.remarks) out.push(['LQ', remark.qualifier, remark.value]);
  return out;
}

/** SVC01/SVC06: qualifier:code:modifier 1-4[:description]. The guide uses the description in SVC06 only. */
function procedureComposite(procedure: Procedure, withDescription: boolean): Composite {
  const parts: Array<string | undefined> = [procedure.qualifier, procedure.code, ...procedure.modifiers];
  if (withDescription && procedure.description) {
    while (parts.length < 6) parts.push(undefined);
    parts.push(procedure.description);
  }
  return composite(...parts);
}

/** One CAS segment per group code (in first-seen order), six triples at most per segment. */
function casSegments(adjustments: readonly Adjustment[]): Seg[] {
  const byGroup = new Map<string, Adjustment[]>();
  for (const adjustment of adjustments) {
    const list = byGroup.get(adjustment.group) ?? [];
    list.push(adjustment);
    byGroup.set(adjustment.group, list);
  }
  const out: Seg[] = [];
  for (const [group, list] of byGroup) {
    for (let start = 0; start < list.length; start += 6) {
      const segment: Seg = ['CAS', group];
      list.slice(start, start + 6).forEach((adj, i) => {
        const n = 3 + i * 3;
        segment.push(adj.reason, amount(adj.amount, `CAS${String(n).padStart(2, '0')}`, 'CAS'), adj.quantity);
      });
      out.push(segment);
    }
  }
  return out;
}

function plbSegments(plb: ProviderAdjustment): Seg[] {
  const date = isoToX12Date(need(plb.fiscalPeriodDate, 'PLB02', 'PLB'));
  const out: Seg[] = [];
  for (let start = 0; start < plb.items.length; start += 6) {
    const segment = withRequired(['PLB', plb.providerId, date], { element: 'PLB01', text: plb.providerId });
    plb.items.slice(start, start + 6).forEach((item, i) => {
      const n = 4 + i * 2;
      segment.push(item.reference ? composite(item.reason, item.reference) : item.reason);
      segment.push(amount(item.amount, `PLB${String(n).padStart(2, '0')}`, 'PLB'));
    });
    out.push(segment);
  }
  return out;
}

function ref(qualifier: string, value: string): Seg {
  return withRequired(['REF', qualifier, value], { element: 'REF02', text: value });
}

function amount(value: string | undefined, element: string, segmentId: string): string {
  const text = need(value, element, segmentId);
  try {
    return toX12Amount(toCents(text));
  } catch {
    // MoneyFormatError quotes the value; the X12 error names the element only.
    throw new X12Error('X835-WRITE-BAD-AMOUNT', `${element} is not a decimal amount with at most two decimals`, undefined, segmentId, element);
  }
}

function need<T>(value: T | undefined, element: string, segmentId: string): T {
  if (value === undefined || value === '') {
    throw new X12Error('X835-WRITE-MISSING', `${element} is required to write the 835`, undefined, segmentId, element);
  }
  return value;
}
