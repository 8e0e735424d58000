/**
 * Writes 005010X221A1 835 transaction sets from the remittance model, one
 * ST/SE per remittance inside one ISA / GS(HP) envelope, with the shared
 * segment writer (sanitising, counted SE/GE/IEA, fixed-width ISA).
 *
 * The writer refuses (X12Error "X835-WRITE-MISSING", naming the element) a
 * model that lacks what the guide requires: it never fills a required amount
 * with zero. Amounts are written in X12 "R" form from integer cents.
 */
import { writeSingleGroupInterchange, type SingleGroupEnvelope } from '../single-group.js';
import { X12Error } from '../errors.js';
import { composite, resolveDelimiters } from '../writer.js';
import { BANK_METHODS, check835 } from './check-835.js';
import type { PayeeParty, PayerParty, ProviderAdjustment, RemitAddress, Remittance } from './model.js';
import { isoToX12Date } from './values.js';
import { detailSegments, perSegment } from './write-835-detail.js';
import { amount, need, ref, requiredText, withRequired, type Seg } from './write-835-values.js';

export const X221A1 = '005010X221A1';

export type { Seg } from './write-835-values.js';

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
  // CUR03 (exchange rate) is not used in 005010X221A1.
  if (remittance.currency) out.push(['CUR', remittance.currency.entityCode, remittance.currency.currencyCode]);
  if (remittance.receiverId) out.push(ref('EV', remittance.receiverId));
  if (remittance.versionId) out.push(ref('F2', remittance.versionId));
  if (remittance.productionDate) out.push(['DTM', '405', isoToX12Date(remittance.productionDate)]);
  out.push(...payerSegments(remittance.payer));
  out.push(...payeeSegments(remittance.payee));
  out.push(...detailSegments(remittance));
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
  const rdm = payee.deliveryMethod;
  if (rdm) out.push(['RDM', rdm.code, rdm.name, rdm.communicationNumber]);
  return out;
}

function addressSegments(address: RemitAddress, required: boolean): Seg[] {
  const out: Seg[] = [];
  const [line1, line2] = address.lines;
  if (line1) out.push(['N3', line1, line2]);
  else if (required) throw new X12Error('X835-WRITE-MISSING', 'N301 (address line) is required', undefined, 'N3', 'N301');
  if (address.city) {
    out.push(['N4', address.city, address.state, address.postalCode, address.country, undefined, undefined, address.countrySubdivision]);
  }
  else if (required) throw new X12Error('X835-WRITE-MISSING', 'N401 (city) is required', undefined, 'N4', 'N401');
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
