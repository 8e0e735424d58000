/**
 * The loop logic of the 835 (005010X221A1) reader, fed one segment at a time.
 * It is the single implementation behind read835 (in memory: the segments of
 * a TransactionSet) and stream835 (segments as they are tokenised): it holds
 * the header, the claim being read and running payment sums, and hands each
 * claim to its listener when the claim's loop ends. It tracks the loop it is
 * in by the segments that open loops (N1 → 1000A/B, LX → 2000, CLP → 2100,
 * SVC → 2110, PLB → summary).
 *
 * Error policy (messages name segments and elements, never values):
 * - a required segment missing (BPR, TRN, N1*PR, N1*PE), an identifying
 *   element missing (CLP01, CLP02, SVC01, CAS01, ...), a code outside its list
 *   (BPR03, CAS01) or an amount that is not an X12 decimal → X12Error;
 * - an amount element left empty → warning, and the model keeps `undefined`
 *   so balancing reports 'not-evaluable' rather than assuming zero;
 * - an unreadable date or number, a segment out of place or unknown → warning.
 */
import { X12Error } from '../errors.js';
import type { Delimiters, Segment, X12Warning } from '../types.js';
import { PaymentBalance, type BalanceResult } from './balance.js';
import type {
  ClaimPaymentInfo,
  Currency,
  DateQualified,
  HeaderNumber,
  PayeeParty,
  PayerParty,
  Payment,
  ProviderAdjustment,
  Reference,
  RemittanceHeader,
  ServicePayment,
  Trace,
} from './model.js';
import { el, ident, SegmentReader835 } from './read-835-segments.js';
import { readMia, readMoa, readTs2, readTs3 } from './read-835-tables.js';
import { X835_ERROR, X835_WARNING } from './reader-codes.js';

type Loop = 'header' | 'payer' | 'payee' | 'other-party' | 'detail' | 'claim' | 'line' | 'summary';

/** What the reader needs to know of the ST that opened the transaction set. */
export interface Transaction835Context {
  /** ST01. */
  type: string;
  /** ST02. */
  controlNumber: string;
  /** ST03 or the group's GS08. */
  version: string;
  st: Segment;
}

export interface Remittance835Listener {
  /** Once, when the header is complete: at the first CLP, or at the end when there is none. */
  header?(header: RemittanceHeader): void;
  /** Each claim when its loop ends (next CLP, LX or PLB, or the end), with its 1-based ordinal in the transaction set. */
  claim(claim: ClaimPaymentInfo, ordinal: number): void;
}

/** What is known at the end of a transaction set besides the claims already handed out. */
export interface Remittance835Summary {
  header: RemittanceHeader;
  headerNumbers: HeaderNumber[];
  providerAdjustments: ProviderAdjustment[];
  claimCount: number;
  /** The payment check from running sums (equals balancePayment of the whole remittance). */
  payment: BalanceResult;
  warnings: X12Warning[];
}

export class Remittance835Reader {
  private readonly warnings: X12Warning[] = [];
  private readonly r: SegmentReader835;
  private readonly running = new PaymentBalance();

  private count = 0;
  private bprSegment: Segment | undefined;
  private last: Segment;
  private payment: Payment | undefined;
  private trace: Trace | undefined;
  private currency: Currency | undefined;
  private receiverId: string | undefined;
  private versionId: string | undefined;
  private readonly references: Reference[] = [];
  private productionDate: string | undefined;
  private readonly dates: DateQualified[] = [];
  private payer: PayerParty | undefined;
  private payee: PayeeParty | undefined;
  private readonly headerNumbers: HeaderNumber[] = [];
  private readonly providerAdjustments: ProviderAdjustment[] = [];

  private loop: Loop = 'header';
  private lxNumber: string | undefined;
  private headerNumber: HeaderNumber | undefined;
  private claim: ClaimPaymentInfo | undefined;
  private line: ServicePayment | undefined;
  private claimCount = 0;
  private headerSent = false;
  private finished = false;

  constructor(
    private readonly context: Transaction835Context,
    delimiters: Delimiters,
    private readonly listener: Remittance835Listener,
  ) {
    if (context.type !== '835') {
      throw new X12Error(X835_ERROR.NOT_835, 'transaction set is not an 835 (ST01)', context.st.position, 'ST', 'ST01');
    }
    this.last = context.st;
    this.r = new SegmentReader835(delimiters, (code, message, seg) => this.warn(code, message, seg));
  }

  /** Reads one segment between ST and SE. Throws X12Error when the transaction set cannot be read on. */
  accept(seg: Segment): void {
    const index = this.count++;
    this.last = seg;
    if (index === 0) {
      if (seg.id !== 'BPR') throw this.missingSegment('BPR', 'BPR must be the first segment after ST', seg);
      this.bprSegment = seg;
      return;
    }
    if (index === 1) {
      if (seg.id !== 'TRN') throw this.missingSegment('TRN', 'TRN must follow BPR', seg);
      // BPR is read once TRN is known to follow, as the guide's order is checked first.
      this.payment = this.r.bpr(this.bprSegment!);
      this.trace = this.r.trn(seg);
      return;
    }
    this.body(seg);
  }

  /** Ends the transaction set: hands out the last claim and returns the summary. Throws X12Error when it is incomplete. */
  finish(): Remittance835Summary {
    if (this.finished) throw new Error('Remittance835Reader.finish called twice');
    this.finished = true;
    if (!this.bprSegment) throw this.missingSegment('BPR', 'BPR must be the first segment after ST', this.context.st);
    if (!this.payment || !this.trace) throw this.missingSegment('TRN', 'TRN must follow BPR', this.bprSegment);
    this.closeClaim();
    const payer = this.payer;
    if (!payer) throw this.missingSegment('N1', 'N1*PR (payer) is required', this.last);
    if (!this.payee) throw this.missingSegment('N1', 'N1*PE (payee) is required', this.last);
    if (!payer.contacts.some((c) => c.function === 'BL')) {
      this.warn(X835_WARNING.MISSING_SEGMENT, 'PER*BL (payer technical contact) is required in loop 1000A', {
        id: 'N1',
        elements: [],
        position: payer.position ?? this.context.st.position,
      });
    }
    const header = this.sendHeader();
    return {
      header,
      headerNumbers: this.headerNumbers,
      providerAdjustments: this.providerAdjustments,
      claimCount: this.claimCount,
      payment: this.running.result(this.payment),
      warnings: this.warnings,
    };
  }

  private body(seg: Segment): void {
    const { id } = seg;
    const loop = this.loop;
    if (loop === 'summary' && id !== 'PLB') {
      this.warn(X835_WARNING.UNEXPECTED_SEGMENT, `${id} after PLB is not part of the 835 summary`, seg);
      return;
    }
    if (loop === 'other-party' && (id === 'N3' || id === 'N4' || id === 'REF' || id === 'PER' || id === 'RDM')) return;
    switch (id) {
      case 'CUR':
        if (loop === 'header') this.currency = this.r.cur(seg);
        else this.misplaced(seg);
        return;
      case 'REF':
        return this.ref(seg);
      case 'DTM':
        return this.dtm(seg);
      case 'N1':
        return this.n1(seg);
      case 'N3':
      case 'N4': {
        const party = loop === 'payer' ? this.payer : loop === 'payee' ? this.payee : undefined;
        if (party) party.address = this.r.address(party.address, seg);
        else this.misplaced(seg);
        return;
      }
      case 'PER':
        if (loop === 'payer' && this.payer) this.payer.contacts.push(this.r.per(seg));
        else if (loop === 'claim' && this.claim) (this.claim.contacts ??= []).push(this.r.per(seg));
        else this.misplaced(seg);
        return;
      case 'RDM':
        if (loop === 'payee' && this.payee) this.payee.deliveryMethod = this.r.rdm(seg);
        else this.misplaced(seg);
        return;
      case 'LX':
        return this.lx(seg);
      case 'TS3':
      case 'TS2':
        if (loop === 'detail' && this.headerNumber) {
          if (id === 'TS3') this.headerNumber.ts3 = readTs3(this.r, seg);
          else this.headerNumber.ts2 = readTs2(this.r, seg);
        } else this.misplaced(seg);
        return;
      case 'CLP':
        return this.clp(seg);
      case 'CAS':
        if (loop === 'claim' && this.claim) this.claim.adjustments.push(...this.r.cas(seg));
        else if (loop === 'line' && this.line) this.line.adjustments.push(...this.r.cas(seg));
        else this.misplaced(seg);
        return;
      case 'NM1':
        return this.nm1(seg);
      case 'MIA':
      case 'MOA':
        if (loop === 'claim' && this.claim) {
          if (id === 'MIA') this.claim.inpatient = readMia(this.r, seg);
          else this.claim.outpatient = readMoa(this.r, seg);
        } else this.misplaced(seg);
        return;
      case 'AMT':
        if (loop === 'claim' && this.claim) this.claim.amounts.push(this.r.amt(seg));
        else if (loop === 'line' && this.line) {
          const amount = this.r.amt(seg);
          if (amount.qualifier === 'B6') this.line.allowed = amount.amount;
          else this.line.amounts.push(amount);
        } else this.misplaced(seg);
        return;
      case 'QTY': {
        const owner = loop === 'claim' ? this.claim : loop === 'line' ? this.line : undefined;
        if (!owner) return this.misplaced(seg);
        const quantity = this.r.qty(seg);
        if (quantity) (owner.quantities ??= []).push(quantity);
        return;
      }
      case 'SVC':
        if (!this.claim) {
          throw new X12Error(X835_ERROR.SVC_OUTSIDE_CLAIM, 'SVC appears before any CLP', seg.position, 'SVC');
        }
        this.loop = 'line';
        this.line = this.r.svc(seg);
        this.claim.serviceLines.push(this.line);
        return;
      case 'LQ':
        if (loop === 'line' && this.line) {
          const [remark] = this.r.ref(seg);
          if (remark) this.line.remarks.push(remark);
        } else this.misplaced(seg);
        return;
      case 'PLB': {
        this.loop = 'summary';
        this.closeClaim();
        const plb = this.r.plb(seg);
        this.providerAdjustments.push(plb);
        this.running.addProviderAdjustment(plb);
        return;
      }
      default:
        this.warn(X835_WARNING.UNEXPECTED_SEGMENT, `${id} is not an 835 segment the reader knows`, seg);
    }
  }

  private ref(seg: Segment): void {
    const loop = this.loop;
    if (loop === 'header') {
      const [ref] = this.r.ref(seg);
      if (ref?.qualifier === 'EV') this.receiverId = ref.value;
      else if (ref?.qualifier === 'F2') this.versionId = ref.value;
      else if (ref) this.references.push(ref);
    } else if (loop === 'payer' && this.payer) this.payer.references.push(...this.r.ref(seg));
    else if (loop === 'payee' && this.payee) {
      const [ref] = this.r.ref(seg);
      if (ref) {
        this.payee.references.push(ref);
        if (ref.qualifier === 'TJ' && !this.payee.tin) this.payee.tin = ref.value;
      }
    } else if (loop === 'claim' && this.claim) this.claim.references.push(...this.r.ref(seg));
    else if (loop === 'line' && this.line) {
      const [ref] = this.r.ref(seg);
      if (ref?.qualifier === '6R') this.line.lineControlNumber = ref.value;
      else if (ref) this.line.references.push(ref);
    } else this.misplaced(seg);
  }

  private dtm(seg: Segment): void {
    const loop = this.loop;
    const qualifier = el(seg, 1);
    const date = this.r.date(seg, 2, 'DTM02');
    if (loop === 'header') {
      if (qualifier === '405') this.productionDate = date;
      else if (date && qualifier) this.dates.push({ qualifier, date });
    } else if (loop === 'claim' && this.claim) {
      if (date && qualifier) this.claim.dates.push({ qualifier, date });
    } else if (loop === 'line' && this.line) {
      if (qualifier === '472' || qualifier === '150') this.line.serviceDate = date;
      else if (qualifier === '151') this.line.serviceDateEnd = date;
    } else this.misplaced(seg);
  }

  private n1(seg: Segment): void {
    const entity = el(seg, 1);
    if ((entity === 'PR' && this.payer) || (entity === 'PE' && this.payee)) {
      // One payer and one payee per transaction set: a second one is not merged into the first.
      this.loop = 'other-party';
      this.warn(X835_WARNING.REPEATED_LOOP, `N1*${entity} appears more than once; only the first is read`, seg);
    } else if (entity === 'PR') {
      this.loop = 'payer';
      this.payer = {
        name: this.r.required(seg, 2, 'N102'),
        identifier: ident(el(seg, 3), el(seg, 4)),
        references: [],
        contacts: [],
        position: seg.position,
      };
    } else if (entity === 'PE') {
      this.loop = 'payee';
      const identifier = ident(el(seg, 3), el(seg, 4));
      if (!identifier) this.warn(X835_WARNING.MISSING_ELEMENT, 'N1*PE needs N103 and N104 (payee identifier)', seg);
      this.payee = {
        name: this.r.required(seg, 2, 'N102'),
        identifier,
        npi: identifier?.qualifier === 'XX' ? identifier.value : undefined,
        tin: identifier?.qualifier === 'FI' ? identifier.value : undefined,
        references: [],
        position: seg.position,
      };
    } else {
      this.loop = 'other-party';
      this.warn(X835_WARNING.UNEXPECTED_SEGMENT, 'N1 with an entity code other than PR or PE is not read', seg);
    }
  }

  private lx(seg: Segment): void {
    this.loop = 'detail';
    this.closeClaim();
    this.lxNumber = el(seg, 1) || undefined;
    this.line = undefined;
    this.headerNumber = undefined;
    if (this.lxNumber === undefined) {
      this.warn(X835_WARNING.MISSING_ELEMENT, 'LX01 (assigned number) is required', seg);
      return;
    }
    this.headerNumber = { lxNumber: this.lxNumber, position: seg.position };
    this.headerNumbers.push(this.headerNumber);
  }

  private clp(seg: Segment): void {
    if (!this.payer) throw this.missingSegment('N1', 'N1*PR (payer) is required before the first CLP', seg);
    if (!this.payee) throw this.missingSegment('N1', 'N1*PE (payee) is required before the first CLP', seg);
    this.closeClaim();
    this.sendHeader();
    this.loop = 'claim';
    this.line = undefined;
    this.claim = this.r.clp(seg, this.lxNumber);
  }

  private nm1(seg: Segment): void {
    const claim = this.claim;
    if (this.loop !== 'claim' || !claim) return this.misplaced(seg);
    const entity = el(seg, 1);
    if (entity === 'TT') claim.crossoverCarrier = this.r.otherPayer(seg);
    else if (entity === 'PR') claim.correctedPriorityPayer = this.r.otherPayer(seg);
    else {
      const { person } = this.r.nm1(seg);
      if (entity === 'QC') claim.patient = person;
      else if (entity === 'IL') claim.insured = person;
      else if (entity === '74') claim.correctedInsured = person;
      else if (entity === '82') claim.renderingProvider = person;
      else if (entity === 'GB') claim.otherSubscriber = person;
      else this.warn(X835_WARNING.UNEXPECTED_SEGMENT, 'NM1 entity code (NM101) is not one loop 2100 has', seg);
    }
  }

  /** Hands the claim being read to the listener and adds it to the running payment sums. */
  private closeClaim(): void {
    const claim = this.claim;
    this.claim = undefined;
    this.line = undefined;
    if (!claim) return;
    this.claimCount += 1;
    this.running.addClaim(claim);
    this.listener.claim(claim, this.claimCount);
  }

  private sendHeader(): RemittanceHeader {
    const header: RemittanceHeader = {
      controlNumber: this.context.controlNumber,
      version: this.context.version,
      payment: this.payment!,
      trace: this.trace!,
      ...(this.currency ? { currency: this.currency } : {}),
      receiverId: this.receiverId,
      ...(this.versionId !== undefined ? { versionId: this.versionId } : {}),
      ...(this.references.length > 0 ? { references: this.references } : {}),
      productionDate: this.productionDate,
      ...(this.dates.length > 0 ? { dates: this.dates } : {}),
      payer: this.payer!,
      payee: this.payee!,
      position: this.context.st.position,
    };
    if (!this.headerSent) {
      this.headerSent = true;
      this.listener.header?.(header);
    }
    return header;
  }

  private missingSegment(id: string, message: string, near: Segment): X12Error {
    return new X12Error(X835_ERROR.MISSING_SEGMENT, message, near.position, id);
  }

  private misplaced(seg: Segment): void {
    this.warn(X835_WARNING.UNEXPECTED_SEGMENT, `${seg.id} is not expected in the ${this.loop} part of the 835`, seg);
  }

  private warn(code: string, message: string, seg: Segment): void {
    this.warnings.push({ code, message, position: seg.position, segmentId: seg.id });
  }
}
