/**
 * Reads one tokenised 835 transaction set (005010X221A1) into the remittance
 * model. It walks the segments once, tracking the loop it is in by the
 * segments that open loops (N1 → 1000A/B, LX → 2000, CLP → 2100, SVC → 2110,
 * PLB → summary).
 *
 * Error policy (messages name segments and elements, never values):
 * - a required segment missing (BPR, TRN, N1*PR, N1*PE), an identifying
 *   element missing (CLP01, CLP02, SVC01, CAS01, ...), a code outside its list
 *   (BPR03, CAS01) or an amount that is not an X12 decimal → X12Error;
 * - an amount element left empty → warning, and the model keeps `undefined`
 *   so balancing reports 'not-evaluable' rather than assuming zero;
 * - an unreadable date, a segment out of place or unknown → warning.
 */
import { X12Error } from '../errors.js';
import type { Delimiters, Segment, TransactionSet, X12Warning } from '../types.js';
import type { ClaimPaymentInfo, PayeeParty, PayerParty, ProviderAdjustment, Remittance, ServicePayment } from './model.js';
import { el, ident, SegmentReader835 } from './read-835-segments.js';

type Loop = 'header' | 'payer' | 'payee' | 'other-party' | 'detail' | 'claim' | 'line' | 'summary';

/** Segments the guide allows that the model does not keep; read past without a warning. */
const KNOWN_UNMODELLED = new Set(['CUR', 'RDM', 'TS3', 'TS2', 'MIA', 'MOA', 'QTY']);

export interface Read835Result {
  remittance: Remittance;
  warnings: X12Warning[];
}

export function read835(tx: TransactionSet, delimiters: Delimiters): Read835Result {
  return new Reader835(tx, delimiters).read();
}

class Reader835 {
  private readonly warnings: X12Warning[] = [];
  private readonly r: SegmentReader835;

  constructor(
    private readonly tx: TransactionSet,
    delimiters: Delimiters,
  ) {
    this.r = new SegmentReader835(delimiters, (code, message, seg) => this.warn(code, message, seg));
  }

  read(): Read835Result {
    const { tx } = this;
    if (tx.type !== '835') {
      throw new X12Error('X835-NOT-835', 'transaction set is not an 835 (ST01)', tx.st.position, 'ST', 'ST01');
    }
    const segments = tx.segments;
    const bprSegment = segments[0];
    if (!bprSegment || bprSegment.id !== 'BPR') {
      throw this.missingSegment('BPR', 'BPR must be the first segment after ST', bprSegment ?? tx.st);
    }
    const trnSegment = segments[1];
    if (!trnSegment || trnSegment.id !== 'TRN') {
      throw this.missingSegment('TRN', 'TRN must follow BPR', trnSegment ?? bprSegment);
    }

    const payment = this.r.bpr(bprSegment);
    const trace = this.r.trn(trnSegment);
    let receiverId: string | undefined;
    let productionDate: string | undefined;
    let payer: PayerParty | undefined;
    let payee: PayeeParty | undefined;
    const claims: ClaimPaymentInfo[] = [];
    const providerAdjustments: ProviderAdjustment[] = [];

    let loop: Loop = 'header';
    let lxNumber: string | undefined;
    let claim: ClaimPaymentInfo | undefined;
    let line: ServicePayment | undefined;

    for (const seg of segments.slice(2)) {
      const id = seg.id;
      if (loop === 'summary' && id !== 'PLB') {
        this.warn('X835-UNEXPECTED-SEGMENT', `${id} after PLB is not part of the 835 summary`, seg);
        continue;
      }
      if (loop === 'other-party' && (id === 'N3' || id === 'N4' || id === 'REF' || id === 'PER' || id === 'RDM')) continue;
      switch (id) {
        case 'REF':
          if (loop === 'header') {
            if (el(seg, 1) === 'EV') receiverId = el(seg, 2) || undefined;
          } else if (loop === 'payer' && payer) payer.references.push(...this.r.ref(seg));
          else if (loop === 'payee' && payee) {
            const [ref] = this.r.ref(seg);
            if (ref) {
              payee.references.push(ref);
              if (ref.qualifier === 'TJ' && !payee.tin) payee.tin = ref.value;
            }
          } else if (loop === 'claim' && claim) claim.references.push(...this.r.ref(seg));
          else if (loop === 'line' && line) {
            const [ref] = this.r.ref(seg);
            if (ref?.qualifier === '6R') line.lineControlNumber = ref.value;
            else if (ref) line.references.push(ref);
          } else this.misplaced(seg, loop);
          break;
        case 'DTM': {
          const qualifier = el(seg, 1);
          const date = this.r.date(seg, 2, 'DTM02');
          if (loop === 'header') {
            if (qualifier === '405') productionDate = date;
          } else if (loop === 'claim' && claim) {
            if (date && qualifier) claim.dates.push({ qualifier, date });
          } else if (loop === 'line' && line) {
            if (qualifier === '472' || qualifier === '150') line.serviceDate = date;
            else if (qualifier === '151') line.serviceDateEnd = date;
          } else this.misplaced(seg, loop);
          break;
        }
        case 'N1': {
          const entity = el(seg, 1);
          if ((entity === 'PR' && payer) || (entity === 'PE' && payee)) {
            // One payer and one payee per transaction set: a second one is not merged into the first.
            loop = 'other-party';
            this.warn('X835-REPEATED-LOOP', `N1*${entity} appears more than once; only the first is read`, seg);
          } else if (entity === 'PR') {
            loop = 'payer';
            payer = {
              name: this.r.required(seg, 2, 'N102'),
              identifier: ident(el(seg, 3), el(seg, 4)),
              references: [],
              contacts: [],
              position: seg.position,
            };
          } else if (entity === 'PE') {
            loop = 'payee';
            const identifier = ident(el(seg, 3), el(seg, 4));
            if (!identifier) this.warn('X835-MISSING-ELEMENT', 'N1*PE needs N103 and N104 (payee identifier)', seg);
            payee = {
              name: this.r.required(seg, 2, 'N102'),
              identifier,
              npi: identifier?.qualifier === 'XX' ? identifier.value : undefined,
              tin: identifier?.qualifier === 'FI' ? identifier.value : undefined,
              references: [],
              position: seg.position,
            };
          } else {
            loop = 'other-party';
            this.warn('X835-UNEXPECTED-SEGMENT', 'N1 with an entity code other than PR or PE is not read', seg);
          }
          break;
        }
        case 'N3':
        case 'N4': {
          const party = loop === 'payer' ? payer : loop === 'payee' ? payee : undefined;
          if (!party) {
            this.misplaced(seg, loop);
            break;
          }
          party.address = this.r.address(party.address, seg);
          break;
        }
        case 'PER':
          if (loop === 'payer' && payer) {
            payer.contacts.push(this.r.per(seg));
          } else if (loop !== 'claim') this.misplaced(seg, loop);
          break;
        case 'LX':
          loop = 'detail';
          lxNumber = el(seg, 1) || undefined;
          claim = undefined;
          line = undefined;
          break;
        case 'CLP':
          if (!payer) throw this.missingSegment('N1', 'N1*PR (payer) is required before the first CLP', seg);
          if (!payee) throw this.missingSegment('N1', 'N1*PE (payee) is required before the first CLP', seg);
          loop = 'claim';
          line = undefined;
          claim = this.r.clp(seg, lxNumber);
          claims.push(claim);
          break;
        case 'CAS':
          if (loop === 'claim' && claim) claim.adjustments.push(...this.r.cas(seg));
          else if (loop === 'line' && line) line.adjustments.push(...this.r.cas(seg));
          else this.misplaced(seg, loop);
          break;
        case 'NM1':
          if (loop === 'claim' && claim) {
            const { entity, person } = this.r.nm1(seg);
            if (entity === 'QC') claim.patient = person;
            else if (entity === 'IL') claim.insured = person;
            else if (entity === '82') claim.renderingProvider = person;
            // 74 corrected patient, TT crossover carrier, PR corrected payer, GB other subscriber: not modelled.
          } else this.misplaced(seg, loop);
          break;
        case 'AMT':
          if (loop === 'claim' && claim) claim.amounts.push(this.r.amt(seg));
          else if (loop === 'line' && line) {
            const amount = this.r.amt(seg);
            if (amount.qualifier === 'B6') line.allowed = amount.amount;
            else line.amounts.push(amount);
          } else this.misplaced(seg, loop);
          break;
        case 'SVC':
          if (!claim) {
            throw new X12Error('X835-SVC-OUTSIDE-CLAIM', 'SVC appears before any CLP', seg.position, 'SVC');
          }
          loop = 'line';
          line = this.r.svc(seg);
          claim.serviceLines.push(line);
          break;
        case 'LQ':
          if (loop === 'line' && line) {
            const [remark] = this.r.ref(seg);
            if (remark) line.remarks.push(remark);
          } else this.misplaced(seg, loop);
          break;
        case 'PLB':
          loop = 'summary';
          claim = undefined;
          line = undefined;
          providerAdjustments.push(this.r.plb(seg));
          break;
        default:
          if (!KNOWN_UNMODELLED.has(id)) {
            this.warn('X835-UNEXPECTED-SEGMENT', `${id} is not an 835 segment the reader knows`, seg);
          }
      }
    }

    const last = segments[segments.length - 1] ?? tx.st;
    if (!payer) throw this.missingSegment('N1', 'N1*PR (payer) is required', last);
    if (!payee) throw this.missingSegment('N1', 'N1*PE (payee) is required', last);
    if (!payer.contacts.some((c) => c.function === 'BL')) {
      this.warn('X835-MISSING-SEGMENT', 'PER*BL (payer technical contact) is required in loop 1000A', {
        id: 'N1',
        elements: [],
        position: payer.position ?? tx.st.position,
      });
    }

    const remittance: Remittance = {
      controlNumber: tx.controlNumber,
      version: tx.version,
      payment,
      trace,
      receiverId,
      productionDate,
      payer,
      payee,
      claims,
      providerAdjustments,
      position: tx.st.position,
    };
    return { remittance, warnings: this.warnings };
  }

  private missingSegment(id: string, message: string, near: Segment): X12Error {
    return new X12Error('X835-MISSING-SEGMENT', message, near.position, id);
  }

  private misplaced(seg: Segment, loop: Loop): void {
    this.warn('X835-UNEXPECTED-SEGMENT', `${seg.id} is not expected in the ${loop} part of the 835`, seg);
  }

  private warn(code: string, message: string, seg: Segment): void {
    this.warnings.push({ code, message, position: seg.position, segmentId: seg.id });
  }
}
