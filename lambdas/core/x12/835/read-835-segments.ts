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
  Payment,
  PersonEntity,
  Procedure,
  ProviderAdjustment,
  Reference,
  RemitAddress,
  ServicePayment,
  Trace,
} from './model.js';
import { x12AmountToCents, x12DateToIso } from './values.js';

const GROUPS: readonly string[] = ['CO', 'CR', 'OA', 'PI', 'PR'];

export type Warn = (code: string, message: string, seg: Segment) => void;

export class SegmentReader835 {
  constructor(
    private readonly delimiters: Delimiters,
    private readonly warn: Warn,
  ) {}

  bpr(seg: Segment): Payment {
    const creditDebit = this.required(seg, 3, 'BPR03');
    if (creditDebit !== 'C' && creditDebit !== 'D') {
      throw new X12Error('X835-BAD-CODE', 'BPR03 must be C (credit) or D (debit)', seg.position, 'BPR', 'BPR03');
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
      throw new X12Error('X835-MISSING-ELEMENT', 'SVC01 (procedure) is required', seg.position, 'SVC', 'SVC01');
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
      throw new X12Error('X835-BAD-CODE', 'CAS01 is not a claim adjustment group code', seg.position, 'CAS', 'CAS01');
    }
    const adjustments: Adjustment[] = [];
    for (let triple = 0; triple < 6; triple += 1) {
      const at = 2 + triple * 3;
      const reason = el(seg, at);
      const amountText = el(seg, at + 1);
      const quantity = el(seg, at + 2);
      const name = (n: number) => `CAS${String(n).padStart(2, '0')}`;
      if (!reason) {
        if (amountText || quantity) {
          throw new X12Error('X835-MISSING-ELEMENT', `${name(at)} (reason) is required with an amount`, seg.position, 'CAS', name(at));
        }
        if (triple === 0) {
          throw new X12Error('X835-MISSING-ELEMENT', 'CAS02 (reason) is required', seg.position, 'CAS', 'CAS02');
        }
        continue;
      }
      adjustments.push({
        group: group as AdjustmentGroup,
        reason,
        amount: this.amount(seg, at + 1, name(at + 1), true),
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
          throw new X12Error('X835-MISSING-ELEMENT', `${name} (adjustment reason) is required with an amount`, seg.position, 'PLB', name);
        }
        continue;
      }
      const [reason = '', reference] = composite.split(this.delimiters.component);
      if (!reason) {
        throw new X12Error('X835-MISSING-ELEMENT', `${name}-1 (adjustment reason code) is required`, seg.position, 'PLB', `${name}-1`);
      }
      const amountName = `PLB${String(at + 1).padStart(2, '0')}`;
      items.push({ reason, reference: reference || undefined, amount: this.amount(seg, at + 1, amountName, true) });
    }
    if (items.length === 0) {
      throw new X12Error('X835-MISSING-ELEMENT', 'PLB03 (first adjustment) is required', seg.position, 'PLB', 'PLB03');
    }
    return { providerId, fiscalPeriodDate, items, position: seg.position };
  }

  procedure(seg: Segment, index: number, name: string): Procedure | undefined {
    const composite = el(seg, index);
    if (!composite) return undefined;
    const parts = composite.split(this.delimiters.component).map((p) => p.trim());
    const [qualifier = '', code = ''] = parts;
    if (!qualifier || !code) {
      throw new X12Error('X835-MISSING-ELEMENT', `${name}-1 and ${name}-2 (qualifier and code) are required`, seg.position, 'SVC', name);
    }
    return {
      qualifier,
      code,
      modifiers: parts.slice(2, 6).filter((m) => m !== ''),
      description: parts[6] || undefined,
    };
  }

  ref(seg: Segment): Reference[] {
    const qualifier = el(seg, 1);
    const value = el(seg, 2);
    if (!qualifier || !value) {
      this.warn('X835-MISSING-ELEMENT', `${seg.id}01 and ${seg.id}02 are required`, seg);
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
    }
    return address;
  }

  /** An amount as a two-decimal string; empty → undefined (warned when required); not a decimal → X12Error. */
  amount(seg: Segment, index: number, name: string, required: boolean): string | undefined {
    const text = el(seg, index);
    if (text === '') {
      if (required) this.warn('X835-MISSING-AMOUNT', `${name} is empty: balancing that needs it is not evaluable`, seg);
      return undefined;
    }
    const cents = x12AmountToCents(text);
    if (cents === undefined) {
      throw new X12Error('X835-BAD-AMOUNT', `${name} is not a decimal amount with at most two decimals`, seg.position, seg.id, name);
    }
    return fromCents(cents);
  }

  date(seg: Segment, index: number, name: string, required = false): string | undefined {
    const text = el(seg, index);
    if (text === '') {
      if (required) this.warn('X835-MISSING-ELEMENT', `${name} (date) is required`, seg);
      return undefined;
    }
    const iso = x12DateToIso(text);
    if (!iso) this.warn('X835-BAD-DATE', `${name} is not a valid CCYYMMDD date`, seg);
    return iso;
  }

  required(seg: Segment, index: number, name: string): string {
    const value = el(seg, index);
    if (!value) throw new X12Error('X835-MISSING-ELEMENT', `${name} is required`, seg.position, seg.id, name);
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
