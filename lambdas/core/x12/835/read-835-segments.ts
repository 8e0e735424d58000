/**
 * Element-level reading of the 835 segments for read-835.ts: one method per
 * segment kind, turning elements into model values. Amount, date and
 * required-element rules are the reader's error policy (see read-835.ts);
 * messages name elements, never their values.
 */
import { fromCents } from '../../money.js';
import { X12Error } from '../errors.js';
import { element } from '../segment.js';
import type { Delimiters, Segment } from '../types.js';
import type {
  Adjustment,
  AdjustmentGroup,
  ClaimPaymentInfo,
  Contact,
  Currency,
  DeliveryMethod,
  OtherPayer,
  Payment,
  PersonEntity,
  Procedure,
  ProviderAdjustment,
  QuantityQualified,
  Reference,
  RemitAddress,
  ServicePayment,
  Trace,
} from './model.js';
import { X835_ERROR, X835_WARNING } from './reader-codes.js';
import { isX12Number, x12AmountToCents, x12DateToIso } from './values.js';

const GROUPS: readonly string[] = ['CO', 'CR', 'OA', 'PI', 'PR'];

/**
 * SVC01-1 / SVC06-1 qualifiers. Some senders join SVC01 with ">" although
 * ISA16 is another character ("HC>99213"); a composite that starts with one
 * of these and ">" is read that way (see procedure()).
 */
const PROCEDURE_QUALIFIERS: ReadonlySet<string> = new Set(['AD', 'ER', 'HC', 'HP', 'IV', 'N4', 'N6', 'NU', 'UI', 'WK']);
const FALLBACK_COMPONENT = '>';

/** "CAS05". */
const casElement = (n: number): string => `CAS${String(n).padStart(2, '0')}`;

export type Warn = (code: string, message: string, seg: Segment) => void;

export class SegmentReader835 {
  constructor(
    private readonly delimiters: Delimiters,
    private readonly warn: Warn,
  ) {}

  /** Reports a warning on `seg` (for the table readers). */
  warnAt(code: string, message: string, seg: Segment): void {
    this.warn(code, message, seg);
  }

  bpr(seg: Segment): Payment {
    const creditDebit = this.required(seg, 3, 'BPR03');
    if (creditDebit !== 'C' && creditDebit !== 'D') {
      throw new X12Error(X835_ERROR.BAD_CODE, 'BPR03 must be C (credit) or D (debit)', seg.position, 'BPR', 'BPR03');
    }
    return {
      handlingCode: this.required(seg, 1, 'BPR01'),
      totalPaid: this.amount(seg, 2, 'BPR02', true),
      creditDebit: creditDebit as 'C' | 'D',
      method: this.required(seg, 4, 'BPR04'),
      format: el(seg, 5) || undefined,
      bank: this.bank(seg),
      date: this.date(seg, 16, 'BPR16', true),
      position: seg.position,
    };
  }

  bank(seg: Segment): Payment['bank'] {
    const names = [
      'senderDfiQualifier',
      'senderDfiId',
      'senderAccountQualifier',
      'senderAccount',
      'originatingCompanyId',
      'originatingCompanySupplementalCode',
      'receiverDfiQualifier',
      'receiverDfiId',
      'receiverAccountQualifier',
      'receiverAccount',
    ] as const;
    const bank: NonNullable<Payment['bank']> = {};
    names.forEach((name, offset) => {
      const value = el(seg, 6 + offset);
      if (value) bank[name] = value;
    });
    return Object.keys(bank).length > 0 ? bank : undefined;
  }

  trn(seg: Segment): Trace {
    return {
      typeCode: this.required(seg, 1, 'TRN01'),
      traceNumber: this.required(seg, 2, 'TRN02'),
      payerId: el(seg, 3) || undefined,
      supplementalCode: el(seg, 4) || undefined,
      position: seg.position,
    };
  }

  clp(seg: Segment, lxNumber: string | undefined): ClaimPaymentInfo {
    return {
      lxNumber,
      patientControlNumber: this.required(seg, 1, 'CLP01'),
      statusCode: this.required(seg, 2, 'CLP02'),
      charge: this.amount(seg, 3, 'CLP03', true),
      paid: this.amount(seg, 4, 'CLP04', true),
      patientResponsibility: this.amount(seg, 5, 'CLP05', false),
      filingIndicator: el(seg, 6) || undefined,
      payerClaimControlNumber: el(seg, 7) || undefined,
      facilityTypeCode: el(seg, 8) || undefined,
      frequencyCode: el(seg, 9) || undefined,
      patientStatusCode: el(seg, 10) || undefined,
      drgCode: el(seg, 11) || undefined,
      drgWeight: this.count(seg, 12, 'CLP12'),
      dischargeFraction: this.count(seg, 13, 'CLP13'),
      yesNoCondition: el(seg, 14) || undefined,
      adjustments: [],
      dates: [],
      references: [],
      amounts: [],
      serviceLines: [],
      position: seg.position,
    };
  }

  svc(seg: Segment): ServicePayment {
    const procedure = this.procedure(seg, 1, 'SVC01');
    if (!procedure) {
      throw new X12Error(X835_ERROR.MISSING_ELEMENT, 'SVC01 (procedure) is required', seg.position, 'SVC', 'SVC01');
    }
    return {
      procedure,
      charge: this.amount(seg, 2, 'SVC02', true),
      paid: this.amount(seg, 3, 'SVC03', true),
      revenueCode: el(seg, 4) || undefined,
      units: el(seg, 5) || undefined,
      originalProcedure: this.procedure(seg, 6, 'SVC06'),
      originalUnits: el(seg, 7) || undefined,
      adjustments: [],
      references: [],
      amounts: [],
      remarks: [],
      position: seg.position,
    };
  }

  /** CAS: group code, then up to six reason/amount/quantity triples (CAS02-04 ... CAS17-19). */
  cas(seg: Segment): Adjustment[] {
    const group = this.required(seg, 1, 'CAS01');
    if (!GROUPS.includes(group)) {
      throw new X12Error(X835_ERROR.BAD_CODE, 'CAS01 is not a claim adjustment group code', seg.position, 'CAS', 'CAS01');
    }
    const adjustments: Adjustment[] = [];
    for (let triple = 0; triple < 6; triple += 1) {
      const at = 2 + triple * 3;
      const reason = el(seg, at);
      const amountText = el(seg, at + 1);
      const quantity = el(seg, at + 2);
      if (!reason) {
        if (amountText || quantity) {
          throw new X12Error(X835_ERROR.MISSING_ELEMENT, `${casElement(at)} (reason) is required with an amount`, seg.position, 'CAS', casElement(at));
        }
        if (triple === 0) {
          throw new X12Error(X835_ERROR.MISSING_ELEMENT, 'CAS02 (reason) is required', seg.position, 'CAS', 'CAS02');
        }
        continue;
      }
      adjustments.push({
        group: group as AdjustmentGroup,
        reason,
        amount: this.amount(seg, at + 1, casElement(at + 1), true),
        quantity: quantity || undefined,
        position: seg.position,
      });
    }
    return adjustments;
  }

  /** NM1 in loop 2100: the entity code (QC, IL, 82, ...) and the person or organisation it names. */
  nm1(seg: Segment): { entity: string; person: PersonEntity } {
    const type = el(seg, 2);
    const person: PersonEntity = {
      entityType: type === '1' || type === '2' ? type : undefined,
      last: el(seg, 3) || undefined,
      first: el(seg, 4) || undefined,
      middle: el(seg, 5) || undefined,
      suffix: el(seg, 7) || undefined,
      identifier: ident(el(seg, 8), el(seg, 9)),
      position: seg.position,
    };
    return { entity: el(seg, 1), person };
  }

  /** NM1*TT / NM1*PR in loop 2100: an organisation name with its payer identifier. */
  otherPayer(seg: Segment): OtherPayer {
    return { name: el(seg, 3) || undefined, identifier: ident(el(seg, 8), el(seg, 9)), position: seg.position };
  }

  /** CUR01 entity, CUR02 currency code (CUR03 exchange rate when a file has it). */
  cur(seg: Segment): Currency {
    return {
      entityCode: this.required(seg, 1, 'CUR01'),
      currencyCode: this.required(seg, 2, 'CUR02'),
      exchangeRate: this.count(seg, 3, 'CUR03'),
      position: seg.position,
    };
  }

  /** RDM01 report transmission code, RDM02 name, RDM03 communication number. */
  rdm(seg: Segment): DeliveryMethod {
    return {
      code: this.required(seg, 1, 'RDM01'),
      name: el(seg, 2) || undefined,
      communicationNumber: el(seg, 3) || undefined,
      position: seg.position,
    };
  }

  /** QTY01 qualifier and QTY02 quantity; both are required, a segment without them is skipped with a warning. */
  qty(seg: Segment): QuantityQualified | undefined {
    const qualifier = el(seg, 1);
    const quantity = this.count(seg, 2, 'QTY02');
    if (!qualifier || quantity === undefined) {
      if (!qualifier || el(seg, 2) === '') this.warn(X835_WARNING.MISSING_ELEMENT, 'QTY01 and QTY02 are required', seg);
      return undefined;
    }
    return { qualifier, quantity };
  }

  /** PLB: provider id, fiscal date, then up to six reason(:reference)/amount pairs (PLB03/04 ... PLB13/14). */
  plb(seg: Segment): ProviderAdjustment {
    const providerId = this.required(seg, 1, 'PLB01');
    const fiscalPeriodDate = this.date(seg, 2, 'PLB02', true);
    const items: ProviderAdjustment['items'] = [];
    for (let pair = 0; pair < 6; pair += 1) {
      const at = 3 + pair * 2;
      const name = `PLB${String(at).padStart(2, '0')}`;
      const composite = el(seg, at);
      if (!composite) {
        if (el(seg, at + 1)) {
          throw new X12Error(X835_ERROR.MISSING_ELEMENT, `${name} (adjustment reason) is required with an amount`, seg.position, 'PLB', name);
        }
        continue;
      }
      const [reason = '', reference] = composite.split(this.delimiters.component);
      if (!reason) {
        throw new X12Error(X835_ERROR.MISSING_ELEMENT, `${name}-1 (adjustment reason code) is required`, seg.position, 'PLB', `${name}-1`);
      }
      const amountName = `PLB${String(at + 1).padStart(2, '0')}`;
      items.push({ reason, reference: reference || undefined, amount: this.amount(seg, at + 1, amountName, true) });
    }
    if (items.length === 0) {
      throw new X12Error(X835_ERROR.MISSING_ELEMENT, 'PLB03 (first adjustment) is required', seg.position, 'PLB', 'PLB03');
    }
    return { providerId, fiscalPeriodDate, items, position: seg.position };
  }

  procedure(seg: Segment, index: number, name: string): Procedure | undefined {
    const composite = el(seg, index);
    if (!composite) return undefined;
    const parts = composite.split(this.componentSeparatorOf(seg, composite, name)).map((p) => p.trim());
    const [qualifier = '', code = ''] = parts;
    if (!qualifier || !code) {
      throw new X12Error(X835_ERROR.MISSING_ELEMENT, `${name}-1 and ${name}-2 (qualifier and code) are required`, seg.position, 'SVC', name);
    }
    return {
      qualifier,
      code,
      modifiers: parts.slice(2, 6).filter((m) => m !== ''),
      description: parts[6] || undefined,
    };
  }

  /**
   * The separator to split an SVC01/SVC06 composite with: ISA16, except for
   * the documented leniency: a composite without ISA16 that starts with a
   * procedure qualifier followed by ">" (and ">" is no delimiter of the
   * interchange) was joined with ">" by its sender. A procedure code never
   * holds ">", so the split cannot change a well-formed value; it is reported.
   */
  private componentSeparatorOf(seg: Segment, composite: string, name: string): string {
    const { component, element, repetition, segment } = this.delimiters;
    if (composite.includes(component)) return component;
    if ([component, element, repetition, segment].includes(FALLBACK_COMPONENT)) return component;
    const cut = composite.indexOf(FALLBACK_COMPONENT);
    if (cut < 0 || !PROCEDURE_QUALIFIERS.has(composite.slice(0, cut).trim())) return component;
    this.warn(X835_WARNING.COMPONENT_SEPARATOR, `${name} joins its components with ">" instead of ISA16; read as components`, seg);
    return FALLBACK_COMPONENT;
  }

  ref(seg: Segment): Reference[] {
    const qualifier = el(seg, 1);
    const value = el(seg, 2);
    if (!qualifier || !value) {
      this.warn(X835_WARNING.MISSING_ELEMENT, `${seg.id}01 and ${seg.id}02 are required`, seg);
      return [];
    }
    return [{ qualifier, value }];
  }

  amt(seg: Segment) {
    return { qualifier: this.required(seg, 1, 'AMT01'), amount: this.amount(seg, 2, 'AMT02', true) };
  }

  per(seg: Segment): Contact {
    const communications: Reference[] = [];
    for (const at of [3, 5, 7]) {
      const qualifier = el(seg, at);
      const value = el(seg, at + 1);
      if (qualifier && value) communications.push({ qualifier, value });
    }
    return { function: this.required(seg, 1, 'PER01'), name: el(seg, 2) || undefined, communications };
  }

  address(current: RemitAddress | undefined, seg: Segment): RemitAddress {
    const address: RemitAddress = current ?? { lines: [] };
    if (seg.id === 'N3') {
      address.lines = [el(seg, 1), el(seg, 2)].filter((l) => l !== '');
    } else {
      address.city = el(seg, 1) || undefined;
      address.state = el(seg, 2) || undefined;
      address.postalCode = el(seg, 3) || undefined;
      const country = el(seg, 4);
      const subdivision = el(seg, 7);
      if (country) address.country = country;
      if (subdivision) address.countrySubdivision = subdivision;
    }
    return address;
  }

  /** An amount as a two-decimal string; empty → undefined (warned when required); not a decimal → X12Error. */
  amount(seg: Segment, index: number, name: string, required: boolean): string | undefined {
    const text = el(seg, index);
    if (text === '') {
      if (required) this.warn(X835_WARNING.MISSING_AMOUNT, `${name} is empty: balancing that needs it is not evaluable`, seg);
      return undefined;
    }
    const cents = x12AmountToCents(text);
    if (cents === undefined) {
      throw new X12Error(X835_ERROR.BAD_AMOUNT, `${name} is not a decimal amount with at most two decimals`, seg.position, seg.id, name);
    }
    return fromCents(cents);
  }

  /** A count, rate or weight (X12 "R") as read; one that is not a number is dropped with a warning. */
  count(seg: Segment, index: number, name: string): string | undefined {
    const text = el(seg, index);
    if (text === '') return undefined;
    if (isX12Number(text)) return text;
    this.warn(X835_WARNING.BAD_NUMBER, `${name} is not a decimal number; it is not kept`, seg);
    return undefined;
  }

  date(seg: Segment, index: number, name: string, required = false): string | undefined {
    const text = el(seg, index);
    if (text === '') {
      if (required) this.warn(X835_WARNING.MISSING_ELEMENT, `${name} (date) is required`, seg);
      return undefined;
    }
    const iso = x12DateToIso(text);
    if (!iso) this.warn(X835_WARNING.BAD_DATE, `${name} is not a valid CCYYMMDD date`, seg);
    return iso;
  }

  required(seg: Segment, index: number, name: string): string {
    const value = el(seg, index);
    if (!value) throw new X12Error(X835_ERROR.MISSING_ELEMENT, `${name} is required`, seg.position, seg.id, name);
    return value;
  }
}

/** Element n, trimmed; '' when absent or blank. */
export function el(seg: Segment, index: number): string {
  return element(seg, index) ?? '';
}

export function ident(qualifier: string, value: string): Reference | undefined {
  return qualifier && value ? { qualifier, value } : undefined;
}
