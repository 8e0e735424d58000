/**
 * The detail of a written 835: loop 2000 (LX, TS3, TS2), 2100 (CLP, CAS, the
 * NM1 names, MIA, MOA, REF, DTM, PER, AMT, QTY) and 2110 (SVC, DTM, CAS, REF,
 * AMT, QTY, LQ), in the guide's segment order. Values come from the model
 * as read (see model.ts); check835 has refused what the guide does not allow.
 */
import { composite, type Composite, type ElementValue } from '../writer.js';
import { CLAIM_DATE_ORDER, CLAIM_REF_ORDER, LINE_REF_ORDER } from './code-lists.js';
import type {
  Adjustment,
  ClaimPaymentInfo,
  Contact,
  HeaderNumber,
  InpatientAdjudication,
  OtherPayer,
  OutpatientAdjudication,
  PersonEntity,
  Procedure,
  ProviderSummary,
  QuantityQualified,
  Reference,
  Remittance,
  ServicePayment,
} from './model.js';
import { MIA_REMARK_ELEMENTS, MIA_ROWS, MOA_REMARK_ELEMENTS, MOA_ROWS, TS2_ROWS, TS3_ROWS, elementName, type Row } from './read-835-tables.js';
import { isoToX12Date } from './values.js';
import { amount, need, ref, withRequired, type Seg } from './write-835-values.js';

/** LX01 of a claim: its lxNumber when it is a valid LX01, else 1. */
export function lxOf(claim: ClaimPaymentInfo): string {
  return claim.lxNumber && /^\d{1,6}$/.test(claim.lxNumber) ? claim.lxNumber : '1';
}

/**
 * The LX groups the writer makes: a new LX whenever a claim's LX01 differs
 * from the previous claim's. Each group takes, in order, the next header
 * number entry with its LX01 (for TS3/TS2); entries with a TS3 or TS2 that no
 * group took are returned as `unused` (check835 refuses them).
 */
export function lxGroups(remittance: Pick<Remittance, 'claims' | 'headerNumbers'>): {
  groups: Array<{ lxNumber: string; claims: ClaimPaymentInfo[]; headerNumber?: HeaderNumber }>;
  unused: HeaderNumber[];
} {
  const pending = [...(remittance.headerNumbers ?? [])];
  const groups: Array<{ lxNumber: string; claims: ClaimPaymentInfo[]; headerNumber?: HeaderNumber }> = [];
  for (const claim of remittance.claims) {
    const lxNumber = lxOf(claim);
    const last = groups[groups.length - 1];
    if (last && last.lxNumber === lxNumber) {
      last.claims.push(claim);
      continue;
    }
    const at = pending.findIndex((h) => h.lxNumber === lxNumber);
    const headerNumber = at >= 0 ? pending.splice(at, 1)[0] : undefined;
    groups.push({ lxNumber, claims: [claim], ...(headerNumber ? { headerNumber } : {}) });
  }
  return { groups, unused: pending.filter((h) => h.ts3 !== undefined || h.ts2 !== undefined) };
}

/** LX, TS3, TS2 and the claims of each LX group. */
export function detailSegments(remittance: Remittance): Seg[] {
  const out: Seg[] = [];
  for (const group of lxGroups(remittance).groups) {
    out.push(['LX', group.lxNumber]);
    const { ts3, ts2 } = group.headerNumber ?? {};
    if (ts3) out.push(ts3Segment(ts3));
    if (ts2) out.push(tableSegment('TS2', 19, TS2_ROWS, ts2));
    for (const claim of group.claims) out.push(...claimSegments(claim));
  }
  return out;
}

function ts3Segment(ts3: ProviderSummary): Seg {
  need(ts3.providerId, 'TS301', 'TS3');
  need(ts3.facilityTypeCode, 'TS302', 'TS3');
  need(ts3.fiscalPeriodDate, 'TS303', 'TS3');
  need(ts3.claimCount, 'TS304', 'TS3');
  need(ts3.totalCharge, 'TS305', 'TS3');
  return withRequired(tableSegment('TS3', 24, TS3_ROWS, ts3), { element: 'TS301', text: ts3.providerId ?? '' });
}

/** A segment whose elements come from a read table (amounts in X12 form, dates CCYYMMDD). */
function tableSegment<T extends object>(id: string, size: number, rows: ReadonlyArray<Row<T>>, model: T): Seg {
  const elements: ElementValue[] = Array.from({ length: size }, () => undefined);
  const values = model as Record<string, unknown>;
  for (const [index, field, kind] of rows) {
    const value = values[field];
    if (typeof value !== 'string') continue;
    const name = elementName(id, index);
    elements[index - 1] = kind === 'money' ? amount(value, name, id) : kind === 'date' ? isoToX12Date(value) : value;
  }
  return [id, ...elements];
}

function withRemarks(seg: Seg, elements: readonly number[], codes: readonly string[]): Seg {
  codes.slice(0, elements.length).forEach((code, i) => {
    seg[elements[i]!] = code;
  });
  return seg;
}

function mia(model: InpatientAdjudication): Seg {
  need(model.coveredDaysOrVisits, 'MIA01', 'MIA');
  return withRemarks(tableSegment('MIA', 24, MIA_ROWS, model), MIA_REMARK_ELEMENTS, model.remarkCodes);
}

function moa(model: OutpatientAdjudication): Seg {
  return withRemarks(tableSegment('MOA', 9, MOA_ROWS, model), MOA_REMARK_ELEMENTS, model.remarkCodes);
}

export function claimSegments(claim: ClaimPaymentInfo): Seg[] {
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
    // CLP10 (patient status) is not used in 005010X221A1.
    undefined,
    claim.drgCode,
    claim.drgWeight,
    claim.dischargeFraction,
  ];
  const out: Seg[] = [
    withRequired(clp, { element: 'CLP01', text: claim.patientControlNumber }, { element: 'CLP07', text: pccn }),
  ];
  out.push(...casSegments(claim.adjustments));
  out.push(nm1('QC', need(claim.patient, 'NM1*QC (patient)', 'NM1')));
  // NM1*IL and NM1*82 need NM108/NM109 in the guide: without an identifier they are not written.
  if (claim.insured?.identifier) out.push(nm1('IL', claim.insured));
  if (claim.correctedInsured) out.push(nm1('74', claim.correctedInsured));
  if (claim.renderingProvider?.identifier) out.push(nm1('82', claim.renderingProvider));
  if (claim.crossoverCarrier) out.push(payerNm1('TT', claim.crossoverCarrier));
  if (claim.correctedPriorityPayer) out.push(payerNm1('PR', claim.correctedPriorityPayer));
  if (claim.otherSubscriber) out.push(nm1('GB', claim.otherSubscriber));
  if (claim.inpatient) out.push(mia(claim.inpatient));
  if (claim.outpatient) out.push(moa(claim.outpatient));
  for (const r of inGuideOrder(claim.references, CLAIM_REF_ORDER)) out.push(ref(r.qualifier, r.value));
  const dates = [...claim.dates].sort((a, b) => CLAIM_DATE_ORDER.indexOf(a.qualifier) - CLAIM_DATE_ORDER.indexOf(b.qualifier));
  for (const date of dates) out.push(['DTM', date.qualifier, isoToX12Date(date.date)]);
  for (const contact of claim.contacts ?? []) out.push(perSegment(contact));
  for (const amt of claim.amounts) out.push(['AMT', amt.qualifier, amount(amt.amount, 'AMT02', 'AMT')]);
  out.push(...qtySegments(claim.quantities));
  for (const line of claim.serviceLines) out.push(...lineSegments(line));
  return out;
}

export function perSegment(contact: Contact): Seg {
  // PER02 (name) is not used in the payer web site contact (PER*IC).
  const segment: Seg = ['PER', contact.function, contact.function === 'IC' ? undefined : contact.name];
  for (const comm of contact.communications) segment.push(comm.qualifier, comm.value);
  return segment;
}

function qtySegments(quantities: readonly QuantityQualified[] | undefined): Seg[] {
  return (quantities ?? []).map((q) => ['QTY', q.qualifier, q.quantity]);
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

/** NM1*TT / NM1*PR: always an organisation (NM102 2) with NM103 and NM108/NM109. */
function payerNm1(entity: 'TT' | 'PR', payer: OtherPayer): Seg {
  const name = need(payer.name, `NM103 (${entity})`, 'NM1');
  const identifier = need(payer.identifier, `NM109 (${entity})`, 'NM1');
  return withRequired(
    ['NM1', entity, '2', name, undefined, undefined, undefined, undefined, identifier.qualifier, identifier.value],
    { element: 'NM103', text: name },
    { element: 'NM109', text: identifier.value },
  );
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
  out.push(...qtySegments(line.quantities));
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
