/**
 * Writes 005010X214 277CA claim acknowledgments: one ST 277 per Ack277CA
 * inside one ISA / GS(HN) envelope. The hierarchy is written from the model's
 * tree (`sources`): HL 20 → 21 → 19 → PT, one patient HL per claim.
 *
 * The writer refuses (X12Error X277-WRITE-INVALID, naming the element) a
 * model the guide cannot express: a missing required status element (STC02,
 * STC03, STC04 where the level needs them), a level without the statuses it
 * must carry, a claim without its service date. Nothing is invented; the
 * derived `disposition` fields are not written (they follow from the STCs).
 */
import { toCents, toX12Amount } from '../../money.js';
import { isoToX12Date, x12DateToIso } from '../835/values.js';
import { X12Error } from '../errors.js';
import { writeSingleGroupInterchange } from '../single-group.js';
import { composite, delimiterProofCore, type Composite, type ElementValue } from '../writer.js';
import type { AckWriteOptions } from '../999/write-999.js';
import { X277_ERROR } from './codes.js';
import type { Ack277CAInput, ClaimAck, ClaimStatus, LevelTotals, LineAck, PartyName, ProviderAck, ReceiverAck, SourceAck, StatusCode } from './model.js';
import { X214 } from './read-277ca.js';

export type Write277CAOptions = AckWriteOptions;

type Seg = [string, ...ElementValue[]];

/** Which STC elements a level must (R) or must not (N) carry; the rest are situational. */
interface StcRules {
  where: string;
  date: 'R' | 'N';
  amount: 'R' | 'N';
  actions: readonly string[];
  message: boolean;
}

const RECEIVER_STC: StcRules = { where: '2200B', date: 'R', amount: 'R', actions: ['WQ', 'U'], message: false };
const PROVIDER_STC: StcRules = { where: '2200C', date: 'N', amount: 'R', actions: ['WQ', 'U'], message: false };
const CLAIM_STC: StcRules = { where: '2200D', date: 'R', amount: 'R', actions: ['WQ', 'U'], message: true };
// The guide uses service lines only to report rejected lines: STC03 is always U.
const LINE_STC: StcRules = { where: '2220D', date: 'R', amount: 'N', actions: ['U'], message: false };

/** The full interchange text: ISA, GS*HN, one ST 277 per acknowledgment, GE, IEA. */
export function write277CA(acks: readonly Ack277CAInput[], options: Write277CAOptions): string {
  if (acks.length === 0) throw invalid('a 277CA interchange needs at least one acknowledgment');
  // Build every body first: a model the guide refuses must not leave a half-written file.
  const bodies = acks.map(ackSegments);
  return writeSingleGroupInterchange(options, { functionalId: 'HN', version: X214, transactionType: '277', implementationReference: X214 }, bodies.length, (out, index) => {
    for (const [id, ...elements] of bodies[index] ?? []) out.segment(id, ...elements);
  });
}

/** The segments between ST and SE for one acknowledgment. */
export function ackSegments(ack: Ack277CAInput): Seg[] {
  const referenceId = required(ack.referenceId, 'BHT', 'BHT03', 50);
  const date = d8(required(ack.transactionDate, 'BHT', 'BHT04'), 'BHT', 'BHT04');
  const time = required(ack.transactionTime, 'BHT', 'BHT05');
  if (!/^\d{4}(\d{2}(\d{1,2})?)?$/.test(time)) throw invalid('BHT05 must be HHMM, HHMMSS or HHMMSSD', 'BHT', 'BHT05');
  if (ack.sources.length === 0) throw invalid('a 277CA needs an information source (2000A)', 'HL', 'HL03');
  const out: Seg[] = [['BHT', '0085', '08', referenceId, date, time, 'TH']];
  const hl = new HlCounter();
  for (const source of ack.sources) out.push(...sourceSegments(source, hl));
  return out;
}

class HlCounter {
  private last = 0;
  next(): string {
    this.last += 1;
    return String(this.last);
  }
}

function sourceSegments(source: SourceAck, hl: HlCounter): Seg[] {
  if (source.receivers.length !== 1) throw invalid('each information source (2000A) carries exactly one information receiver (2000B)', 'HL', 'HL03');
  if (source.statuses.length > 0) throw invalid('the information source level (2200A) carries no STC', 'STC', 'STC01');
  const id = hl.next();
  const out: Seg[] = [['HL', id, undefined, '20', '1']];
  out.push(nm1(source.name, '2100A', ['PR', 'AY'], ['2'], ['46', 'FI', 'PI', 'XV']));
  out.push(['TRN', '1', required(source.traceNumber, 'TRN', 'TRN02', 50)]);
  out.push(['DTP', '050', 'D8', d8(required(source.receivedDate, 'DTP', 'DTP03'), 'DTP', 'DTP03')]);
  out.push(['DTP', '009', 'D8', d8(required(source.processDate, 'DTP', 'DTP03'), 'DTP', 'DTP03')]);
  for (const receiver of source.receivers) out.push(...receiverSegments(receiver, id, hl));
  return out;
}

function receiverSegments(receiver: ReceiverAck, parent: string, hl: HlCounter): Seg[] {
  const id = hl.next();
  const out: Seg[] = [['HL', id, parent, '21', receiver.providers.length > 0 ? '1' : '0']];
  out.push(nm1(receiver.name, '2100B', ['41'], ['1', '2'], ['46']));
  out.push(['TRN', '2', required(receiver.traceNumber, 'TRN', 'TRN02', 50)]);
  out.push(...statuses(receiver.statuses, RECEIVER_STC));
  out.push(...totals(receiver.totals, '90', 'AA'));
  for (const provider of receiver.providers) out.push(...providerSegments(provider, id, hl));
  return out;
}

function providerSegments(provider: ProviderAck, parent: string, hl: HlCounter): Seg[] {
  if (provider.claims.length === 0) throw invalid('a billing provider (2000C) needs at least one claim under it', 'HL', 'HL04');
  const id = hl.next();
  const out: Seg[] = [['HL', id, parent, '19', '1']];
  out.push(nm1(provider.name, '2100C', ['85'], ['1', '2'], ['FI', 'SV', 'XX']));
  out.push(['TRN', '1', required(provider.traceNumber, 'TRN', 'TRN02', 50)]);
  out.push(...statuses(provider.statuses, PROVIDER_STC));
  if (provider.references.length > 1) throw invalid('2200C carries at most one provider secondary identifier (REF)', 'REF', 'REF01');
  for (const ref of provider.references) {
    if (!['0B', '1G', 'G2', 'LU', 'SY', 'TJ'].includes(ref.qualifier)) throw invalid('REF01 of 2200C must be 0B, 1G, G2, LU, SY or TJ', 'REF', 'REF01');
    out.push(['REF', ref.qualifier, required(ref.value, 'REF', 'REF02', 50)]);
  }
  out.push(...totals(provider.totals, 'QA', 'QC'));
  for (const claim of provider.claims) out.push(...claimSegments(claim, id, hl));
  return out;
}

function claimSegments(claim: ClaimAck, parent: string, hl: HlCounter): Seg[] {
  const out: Seg[] = [['HL', hl.next(), parent, 'PT']];
  out.push(nm1(claim.patient, '2100D', ['QC'], ['1'], ['II', 'MI']));
  out.push(['TRN', '2', required(claim.patientControlNumber, 'TRN', 'TRN02', 50)]);
  out.push(...statuses(claim.statuses, CLAIM_STC));
  if (claim.payerClaimId) out.push(['REF', '1K', required(claim.payerClaimId, 'REF', 'REF02', 50)]);
  if (claim.clearinghouseTraceNumber) out.push(['REF', 'D9', required(claim.clearinghouseTraceNumber, 'REF', 'REF02', 50)]);
  if (claim.billType) out.push(['REF', 'BLT', required(claim.billType, 'REF', 'REF02', 50)]);
  if (!claim.serviceDates) throw invalid('a claim needs its service date (2200D DTP*472)', 'DTP', 'DTP03');
  out.push(dtp472(claim.serviceDates));
  for (const line of claim.lines) out.push(...lineSegments(line));
  return out;
}

function lineSegments(line: LineAck): Seg[] {
  const procedure = line.procedure;
  if (!procedure) throw invalid('a service line needs its procedure (SVC01)', 'SVC', 'SVC01');
  if (!['AD', 'ER', 'HC', 'HP', 'IV', 'NU', 'WK'].includes(procedure.qualifier)) throw invalid('SVC01-1 is not a product/service id qualifier of the guide', 'SVC', 'SVC01');
  if (procedure.modifiers.length > 4) throw invalid('SVC01 holds at most four modifiers', 'SVC', 'SVC01');
  if (line.statuses.length !== 1) throw invalid('a service line (2220D) carries exactly one STC', 'STC', 'STC01');
  const svc: Seg = [
    'SVC',
    composite(procedure.qualifier, required(procedure.code, 'SVC', 'SVC01-2', 48), ...padded(procedure.modifiers, 4), procedure.description),
    amount(required(line.charge, 'SVC', 'SVC02'), 'SVC', 'SVC02'),
    undefined,
    line.revenueCode,
    undefined,
    undefined,
    line.units,
  ];
  const out: Seg[] = [svc, ...statuses(line.statuses, LINE_STC)];
  if (line.lineItemControlNumber) out.push(['REF', 'FJ', required(line.lineItemControlNumber, 'REF', 'REF02', 50)]);
  if (line.serviceDates) out.push(dtp472(line.serviceDates));
  return out;
}

function nm1(name: PartyName, loop: string, entityCodes: string[], entityTypes: string[], idQualifiers: string[]): Seg {
  const entityCode = name.entityCode ?? entityCodes[0];
  if (!entityCode || !entityCodes.includes(entityCode)) throw invalid(`NM101 of ${loop} must be ${entityCodes.join(' or ')}`, 'NM1', 'NM101');
  const entityType = name.entityType ?? (entityTypes.length === 1 ? entityTypes[0] : undefined);
  if (!entityType || !entityTypes.includes(entityType)) throw invalid(`NM102 of ${loop} must be ${entityTypes.join(' or ')}`, 'NM1', 'NM102');
  if (!name.idQualifier || !idQualifiers.includes(name.idQualifier)) throw invalid(`NM108 of ${loop} must be ${idQualifiers.join(', ')}`, 'NM1', 'NM108');
  const person = entityType === '1';
  return [
    'NM1',
    entityCode,
    entityType,
    required(name.lastOrOrganization, 'NM1', 'NM103', 60),
    person ? name.first : undefined,
    person ? name.middle : undefined,
    undefined,
    // NM107 (suffix) is not used in 2100B.
    person && loop !== '2100B' ? name.suffix : undefined,
    name.idQualifier,
    required(name.id, 'NM1', 'NM109', 80),
  ];
}

function statuses(list: readonly ClaimStatus[], rules: StcRules): Seg[] {
  if (list.length === 0) throw invalid(`loop ${rules.where} needs at least one status (STC)`, 'STC', 'STC01');
  return list.map((status) => {
    const action = required(status.action, 'STC', 'STC03');
    if (!rules.actions.includes(action)) throw invalid(`STC03 in ${rules.where} must be ${rules.actions.join(' or ')}`, 'STC', 'STC03');
    if (status.additional.length > 2) throw invalid('a status carries at most two further composites (STC10, STC11)', 'STC', 'STC10');
    const date = rules.date === 'R' ? d8(required(status.effectiveDate, 'STC', 'STC02'), 'STC', 'STC02') : undefined;
    const total = rules.amount === 'R' ? amount(required(status.amount, 'STC', 'STC04'), 'STC', 'STC04') : undefined;
    const [stc10, stc11] = status.additional;
    return [
      'STC',
      statusComposite(status, 'STC01'),
      date,
      action,
      total,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      stc10 ? statusComposite(stc10, 'STC10') : undefined,
      stc11 ? statusComposite(stc11, 'STC11') : undefined,
      rules.message ? status.message : undefined,
    ];
  });
}

function statusComposite(code: StatusCode, ref: string): Composite {
  return composite(required(code.category, 'STC', `${ref}-1`, 2), required(code.status, 'STC', `${ref}-2`, 30), code.entity);
}

function totals(t: LevelTotals, acceptedQualifier: string, rejectedQualifier: string): Seg[] {
  const out: Seg[] = [];
  if (t.acceptedQuantity !== undefined) out.push(['QTY', acceptedQualifier, quantity(t.acceptedQuantity)]);
  if (t.rejectedQuantity !== undefined) out.push(['QTY', rejectedQualifier, quantity(t.rejectedQuantity)]);
  if (t.acceptedAmount !== undefined) out.push(['AMT', 'YU', amount(t.acceptedAmount, 'AMT', 'AMT02')]);
  if (t.rejectedAmount !== undefined) out.push(['AMT', 'YY', amount(t.rejectedAmount, 'AMT', 'AMT02')]);
  return out;
}

function quantity(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0 || n > 999_999_999) throw invalid('QTY02 must be a whole number 0-999999999', 'QTY', 'QTY02');
  return String(n);
}

function dtp472(dates: { from: string; to?: string }): Seg {
  const from = d8(dates.from, 'DTP', 'DTP03');
  if (dates.to === undefined) return ['DTP', '472', 'D8', from];
  const to = d8(dates.to, 'DTP', 'DTP03');
  if (dates.to < dates.from) throw invalid('DTP03 range ends before it starts', 'DTP', 'DTP03');
  return ['DTP', '472', 'RD8', `${from}-${to}`];
}

function amount(value: string, segmentId: string, ref: string): string {
  let cents: number;
  try {
    cents = toCents(value);
  } catch {
    throw invalid(`${ref} must be a decimal amount with at most two decimals`, segmentId, ref);
  }
  return toX12Amount(cents);
}

function d8(iso: string, segmentId: string, ref: string): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? isoToX12Date(iso) : '';
  if (x12DateToIso(date) !== iso) throw invalid(`${ref} must be a calendar date written YYYY-MM-DD`, segmentId, ref);
  return date;
}

function padded(values: readonly string[], length: number): Array<string | undefined> {
  return Array.from({ length }, (_, i) => values[i]);
}

function required(value: string | undefined, segmentId: string, ref: string, max = 80): string {
  // A value made only of characters that may be delimiters could be emptied by sanitising.
  if (value === undefined || delimiterProofCore(value) === '') throw invalid(`${ref} is required`, segmentId, ref);
  if (value.length > max) throw invalid(`${ref} is longer than ${max} characters`, segmentId, ref);
  return value;
}

function invalid(message: string, segmentId?: string, ref?: string): X12Error {
  return new X12Error(X277_ERROR.WRITE_INVALID, message, undefined, segmentId, ref);
}
