/**
 * Seeded random remittance models (005010X221A1) for property tests of the
 * 835 writer: several claims per transaction with claim- and line-level CAS
 * in every 5010 group, denied (CLP02 4) and reversal (CLP02 22, negative
 * amounts) claims, NM1*QC/IL/82, AMT*B6, REF*6R, LQ remarks, service and
 * claim dates, PLB adjustments with references, check and ACH payments.
 *
 * Models balance by construction (line, claim and payment); with
 * `unbalanced` > 0 some amounts are nudged by a cent so tests can check
 * that a check that failed in the model fails the same way in the file.
 */
import { fromCents } from '../../lambdas/core/money.js';
import {
  Remittance,
  type Adjustment,
  type ClaimPaymentInfo,
  type PersonEntity,
  type ProviderAdjustment,
  type RemittanceInput,
  type ServicePayment,
} from '../../lambdas/core/x12/835/model.js';
import { addDays, Random, randomNpi } from './random.js';

export interface RemittanceGeneratorOptions {
  /** Probability that one amount of a claim is off by a cent (default 0). */
  unbalanced?: number;
  /** Probability that a name is drawn from the hostile pool: accents, delimiters, maximum length (default 0.1). */
  hostility?: number;
  /**
   * At most one PLB segment per transaction (one provider adjustment of at
   * most six items). The guide allows PLB to repeat, but pyx12 counts every
   * PLB as a new summary loop and reports "Loop FOOTER exceeded max count".
   */
  singlePlbSegment?: boolean;
  /**
   * Also draw the segments beyond the posting core (default false, so the
   * models of existing seeds do not change): CUR, REF*F2, RDM, TS3/TS2 per LX,
   * CLP11-13, NM1*74/TT/PR/GB (CLP02 19-21 with a crossover carrier), MIA or
   * MOA with remark codes, PER*CX, claim and line QTY. Their values are plain
   * (no hostile names) so a round trip returns them unchanged.
   */
  extended?: boolean;
}

/** CAS01 groups of 005010X221A1 (CR, correction and reversal, was retired after 4010). */
const GROUPS = ['CO', 'OA', 'PI', 'PR'] as const;
const REASONS: Record<(typeof GROUPS)[number], readonly string[]> = {
  CO: ['45', '50', '97', '96', '16', '18', '29', '59', '119', '253', 'B7'],
  OA: ['23', '94', '18', '209'],
  PI: ['45', '104', '131'],
  PR: ['1', '2', '3', '96', '204'],
};
const REMARKS = ['N130', 'M15', 'N362', 'MA01', 'N4', 'M80', 'N19', 'N20', 'MA130', 'N386'];
const PLB_REASONS = ['WO', 'L6', 'FB', '72', 'CS', 'J1', 'IR', 'B2', 'AP', '50'];
const CLP06 = ['12', '13', '14', '15', '16', '17', 'AM', 'CH', 'DS', 'HM', 'LM', 'MA', 'MB', 'MC', 'OF', 'TV', 'VA', 'WC', 'ZZ'];
const POS = ['11', '12', '19', '21', '22', '23', '31', '49', '81', '99'];
const PROCEDURES = ['99213', '99214', '36415', '85025', '80053', '93000', '97110', 'J3490', 'G0438'];
const MODIFIERS = ['25', '59', '26', 'TC', 'GT', '95', 'LT', 'RT'];
const STATES = ['IL', 'MA', 'CT', 'NY', 'CA', 'TX', 'PR', 'GU', 'DC'];
const LAST = ['Doe', "O'Brien", 'García', 'Smith-Jones', 'Nguyễn', 'St. John', 'Ng'];
const FIRST = ['Jane', 'José', 'Zoë', 'Mary-Kate', 'Seán', 'J'];
const HOSTILE = ['A*B', 'C:D', 'E^F', 'G~H', 'I|J', 'K>L', 'Straße', 'ﬁnance', 'Ærø', 'Long Name '.repeat(7)];
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

export class RemittanceGenerator {
  private readonly unbalanced: number;
  private readonly hostility: number;
  private readonly singlePlbSegment: boolean;
  private readonly extended: boolean;

  constructor(
    private readonly random: Random,
    options: RemittanceGeneratorOptions = {},
  ) {
    this.unbalanced = options.unbalanced ?? 0;
    this.hostility = options.hostility ?? 0.1;
    this.singlePlbSegment = options.singlePlbSegment ?? false;
    this.extended = options.extended ?? false;
  }

  remittance(): Remittance {
    return Remittance.parse(this.remittanceInput());
  }

  remittanceInput(): RemittanceInput {
    const r = this.random;
    const payeeNpi = randomNpi(r);
    const checkDate = r.date('2016-01-01', '2026-12-31');
    const claims = Array.from({ length: r.int(0, 8) }, (_, i) => this.claim(i, checkDate));
    if (claims.length === 0 && r.chance(0.5)) claims.push(this.claim(0, checkDate));
    const plbCount = this.singlePlbSegment ? 1 : r.int(1, 2);
    const plbs: ProviderAdjustment[] = r.chance(0.35) ? Array.from({ length: plbCount }, () => this.plb(payeeNpi, checkDate)) : [];

    // BPR02 = ΣCLP04 − ΣPLB; a net debit is written as BPR03 D with a positive BPR02.
    let net = claims.reduce((sum, c) => sum + cents(c.paid), 0);
    for (const plb of plbs) for (const item of plb.items) net -= cents(item.amount);
    if (r.chance(this.unbalanced)) net += 1;
    const ach = net !== 0 && r.chance(0.4);
    const method = net === 0 ? 'NON' : ach ? 'ACH' : r.pick(['CHK', 'CHK', 'BOP', 'FWT']);
    const payment: RemittanceInput['payment'] = {
      handlingCode: net === 0 ? 'H' : 'I',
      totalPaid: fromCents(Math.abs(net)),
      creditDebit: net < 0 ? 'D' : 'C',
      method,
      date: checkDate,
      ...(ach || method === 'BOP' || method === 'FWT'
        ? {
            format: method === 'ACH' ? r.pick(['CCP', 'CTX']) : undefined,
            bank: {
              senderDfiQualifier: '01',
              senderDfiId: r.digits(9),
              senderAccountQualifier: 'DA',
              senderAccount: r.digits(r.int(6, 17)),
              originatingCompanyId: `1${r.digits(9)}`,
              ...(r.chance(0.5) ? { originatingCompanySupplementalCode: r.text(ALNUM, 9) } : {}),
              receiverDfiQualifier: '01',
              receiverDfiId: r.digits(9),
              receiverAccountQualifier: r.pick(['DA', 'SG']),
              receiverAccount: r.digits(r.int(6, 17)),
            },
          }
        : {}),
    };
    const payerId = r.digits(9);
    const input: RemittanceInput = {
      payment,
      trace: { typeCode: '1', traceNumber: r.text(ALNUM, r.int(6, 30)), payerId: `1${payerId}`, ...(r.chance(0.3) ? { supplementalCode: r.text(ALNUM, 9) } : {}) },
      ...(r.chance(0.5) ? { receiverId: r.text(ALNUM, r.int(2, 15)) } : {}),
      ...(r.chance(0.7) ? { productionDate: addDays(checkDate, -r.int(0, 3)) } : {}),
      payer: {
        name: this.name(r.pick(['Acme Health Plan', 'Medicare Part B', "Workers' Comp Fund", 'Blue Cross Blue Shield']), 60),
        ...(r.chance(0.2) ? { identifier: { qualifier: 'XV', value: r.text(ALNUM, 10) } } : {}),
        references: r.sample(['2U', 'EO', 'HI', 'NF'], r.chance(0.6) ? r.int(1, 4) : 0).map((qualifier) => ({ qualifier, value: r.text(ALNUM, r.int(2, 10)) })),
        address: { lines: r.chance(0.3) ? ['1 Payer Plaza', 'Suite 9'] : ['PO Box 100'], city: 'Hartford', state: r.pick(STATES), postalCode: r.chance(0.5) ? r.digits(5) : r.digits(9) },
        contacts: [
          ...(r.chance(0.4) ? [{ function: 'CX', name: 'Claims', communications: [{ qualifier: 'TE', value: r.digits(10) }] }] : []),
          { function: 'BL', name: 'EDI Desk', communications: [{ qualifier: 'TE', value: r.digits(10) }, ...(r.chance(0.5) ? [{ qualifier: 'EM', value: 'EDI@PAYER.EXAMPLE' }] : [])] },
          ...(r.chance(0.3) ? [{ function: 'IC', communications: [{ qualifier: 'UR', value: 'WWW.PAYER.EXAMPLE' }] }] : []),
        ],
      },
      payee: {
        name: this.name(r.pick(['Smith Clinic', "St. Mary's Hospital", 'Café Clinic']), 60),
        ...r.pick([
          { identifier: { qualifier: 'XX', value: payeeNpi }, npi: payeeNpi },
          { identifier: { qualifier: 'XX', value: payeeNpi }, npi: payeeNpi },
          { identifier: { qualifier: 'FI', value: r.digits(9) } },
          { identifier: { qualifier: 'XV', value: r.text(ALNUM, 10) } },
          { npi: payeeNpi },
        ]),
        ...(r.chance(0.5) ? { tin: r.digits(9) } : {}),
        references: r.sample(['PQ', '0B', 'D3'], r.chance(0.3) ? r.int(1, 2) : 0).map((qualifier) => ({ qualifier, value: r.text(ALNUM, 8) })),
        ...(r.chance(0.6) ? { address: { lines: r.chance(0.3) ? ['9 Main St', 'Floor 2'] : ['9 Main St'], city: 'Boston', state: r.pick(STATES), postalCode: r.digits(5) } } : {}),
      },
      claims,
      providerAdjustments: plbs,
    };
    return this.extended ? this.extend(input, payeeNpi, checkDate) : input;
  }

  /** The segments beyond the posting core, drawn after the base model so base draws stay as they were. */
  private extend(input: RemittanceInput, payeeNpi: string, checkDate: string): RemittanceInput {
    const r = this.random;
    if (r.chance(0.3)) input.currency = { entityCode: 'PR', currencyCode: r.pick(['CAD', 'EUR', 'GBP']) };
    if (r.chance(0.4)) input.versionId = r.text(ALNUM, r.int(1, 30));
    if (r.chance(0.4)) {
      const code = r.pick(['BM', 'EM', 'FT', 'OL']);
      input.payee.deliveryMethod = { code, name: 'Remittance Office', ...(code === 'BM' ? {} : { communicationNumber: 'WWW.CLINIC.EXAMPLE/REMIT' }) };
    }
    const claims = input.claims ?? [];
    // LX groups as the writer makes them: a new LX whenever LX01 changes.
    const groups: Array<{ lxNumber: string; claims: typeof claims }> = [];
    for (const claim of claims) {
      const lxNumber = claim.lxNumber ?? '1';
      const last = groups[groups.length - 1];
      if (last && last.lxNumber === lxNumber) last.claims.push(claim);
      else groups.push({ lxNumber, claims: [claim] });
    }
    if (groups.length > 0 && r.chance(0.6)) {
      input.headerNumbers = groups.map((group) => ({
        lxNumber: group.lxNumber,
        ts3: {
          providerId: payeeNpi,
          facilityTypeCode: r.pick(['11', '13', '21', '81']),
          fiscalPeriodDate: `${checkDate.slice(0, 4)}-12-31`,
          claimCount: String(group.claims.length),
          totalCharge: fromCents(group.claims.reduce((sum, c) => sum + cents(c.charge), 0)),
          ...(r.chance(0.3) ? { hcpcsReportedChargeAmount: fromCents(r.int(0, 90_000)), hcpcsPayableAmount: fromCents(r.int(0, 50_000)) } : {}),
          ...(r.chance(0.2) ? { pipClaimCount: String(r.int(0, 9)), pipAdjustmentAmount: fromCents(r.int(-5_000, 5_000)) } : {}),
        },
        ...(r.chance(0.3)
          ? { ts2: { drgAmount: fromCents(r.int(0, 900_000)), outlierDayCount: String(r.int(0, 5)), averageDrgWeight: `${r.int(0, 3)}.${r.digits(4)}`, ppsDshDrgAmount: fromCents(r.int(0, 9_000)) } }
          : {}),
      }));
    }
    for (const claim of claims) this.extendClaim(claim);
    return input;
  }

  private extendClaim(claim: RemittanceInput['claims'] extends Array<infer C> | undefined ? C : never): void {
    const r = this.random;
    const crossover: Record<string, string> = { '1': '19', '2': '20', '3': '21' };
    const forwarded = crossover[claim.statusCode];
    if (forwarded && r.chance(0.3)) {
      claim.statusCode = forwarded;
      claim.crossoverCarrier = { name: r.pick(['Medigap Plan', 'State Medicaid']), identifier: { qualifier: r.pick(['PI', 'XV', 'NI']), value: r.text(ALNUM, r.int(2, 15)) } };
    }
    if (r.chance(0.1)) claim.correctedPriorityPayer = { name: 'Primary Health Plan', identifier: { qualifier: r.pick(['PI', 'FI', 'AD']), value: r.text(ALNUM, r.int(2, 15)) } };
    if (r.chance(0.2)) claim.correctedInsured = { entityType: '1', last: 'Corrected', first: 'Name', identifier: { qualifier: 'C', value: r.text(ALNUM, r.int(2, 20)) } };
    if (r.chance(0.1)) claim.otherSubscriber = { entityType: '1', last: 'Other', first: 'Subscriber', identifier: { qualifier: 'MI', value: r.text(ALNUM, 10) } };
    if (r.chance(0.2)) {
      claim.drgCode = r.digits(3);
      claim.drgWeight = `${r.int(0, 4)}.${r.digits(4)}`;
      claim.dischargeFraction = `0.${r.digits(2)}`;
    }
    const remarks = () => r.sample(['MA01', 'N362', 'N130', 'M80', 'N4', 'MA130'], r.int(0, 5));
    if (r.chance(0.2)) {
      claim.inpatient = {
        coveredDaysOrVisits: String(r.int(0, 30)),
        remarkCodes: remarks(),
        ...(r.chance(0.5) ? { drgAmount: fromCents(r.int(0, 900_000)), lifetimePsychiatricDays: String(r.int(0, 190)) } : {}),
        ...(r.chance(0.5) ? { ppsCapitalAmount: fromCents(r.int(0, 90_000)), costReportDayCount: String(r.int(0, 30)), ppsCapitalExceptionAmount: fromCents(r.int(0, 9_000)) } : {}),
      };
    } else if (r.chance(0.3)) {
      claim.outpatient = {
        remarkCodes: remarks(),
        ...(r.chance(0.7) ? { reimbursementRate: `0.${r.digits(2)}` } : {}),
        ...(r.chance(0.5) ? { hcpcsPayableAmount: fromCents(r.int(0, 90_000)) } : {}),
        ...(r.chance(0.2) ? { esrdPaymentAmount: fromCents(r.int(0, 9_000)), nonpayableProfessionalComponentAmount: fromCents(r.int(0, 9_000)) } : {}),
      };
      if (Object.keys(claim.outpatient).length === 1 && claim.outpatient.remarkCodes?.length === 0) claim.outpatient.remarkCodes = ['MA01'];
    }
    if (r.chance(0.2)) {
      claim.contacts = [{ function: 'CX', name: 'Claims Desk', communications: [{ qualifier: 'TE', value: r.digits(10) }, ...(r.chance(0.5) ? [{ qualifier: 'EX', value: r.digits(3) }] : [])] }];
    }
    if (r.chance(0.3)) {
      claim.quantities = r.sample(['CA', 'CD', 'LA', 'NE', 'OU', 'PS', 'VS', 'ZK'], r.int(1, 3)).map((qualifier) => ({ qualifier, quantity: String(r.int(0, 40)) }));
    }
    for (const line of claim.serviceLines ?? []) {
      if (r.chance(0.15)) line.quantities = r.sample(['ZK', 'ZL', 'ZM', 'ZN', 'ZO'], r.int(1, 2)).map((qualifier) => ({ qualifier, quantity: `${r.int(0, 9)}.${r.int(0, 9)}` }));
    }
  }

  private claim(index: number, checkDate: string): ClaimPaymentInfo {
    const r = this.random;
    const kind = r.pick(['paid', 'paid', 'paid', 'denied', 'reversal', 'no-lines'] as const);
    const firstDate = addDays(checkDate, -r.int(10, 300));
    const lines = kind === 'no-lines' ? [] : Array.from({ length: r.int(1, 6) }, () => this.line(firstDate, kind === 'denied'));
    const claimAdjustments: Adjustment[] = kind === 'denied' || !r.chance(0.3) ? [] : this.adjustments(r.int(1, 3), false);
    if (kind === 'no-lines') claimAdjustments.push(...this.adjustments(r.int(1, 3), false));
    const lineCharge = lines.reduce((s, l) => s + cents(l.charge), 0);
    const lineAdjusted = lines.reduce((s, l) => s + l.adjustments.reduce((t, a) => t + cents(a.amount), 0), 0);
    const claimAdjusted = claimAdjustments.reduce((s, a) => s + cents(a.amount), 0);
    const charge = kind === 'no-lines' ? claimAdjusted + r.int(0, 50_000) : lineCharge;
    // CLP03 = CLP04 + claim CAS + line CAS.
    let paid = charge - claimAdjusted - lineAdjusted;
    if (r.chance(this.unbalanced)) paid += r.pick([1, -1]);
    const patientShare = [...claimAdjustments, ...lines.flatMap((l) => l.adjustments)].filter((a) => a.group === 'PR').reduce((s, a) => s + cents(a.amount), 0);
    const sign = kind === 'reversal' ? -1 : 1;
    const negate = (value: string | undefined) => (value === undefined ? undefined : fromCents(sign * cents(value)));
    const patient: PersonEntity = { entityType: '1', last: this.name(r.pick(LAST), 60), first: this.name(r.pick(FIRST), 35), identifier: { qualifier: 'MI', value: r.text(ALNUM, r.int(2, 20)) } };
    const dates = r.sample(
      [
        { qualifier: '232', date: firstDate },
        { qualifier: '233', date: addDays(firstDate, r.int(0, 9)) },
        { qualifier: '050', date: addDays(firstDate, 3) },
        { qualifier: '036', date: addDays(firstDate, 365) },
      ],
      r.int(0, 4),
    );
    return {
      lxNumber: r.chance(0.7) ? String(1 + Math.floor(index / 3)) : undefined,
      patientControlNumber: `${r.pick(['C', 'CLM-', 'A.'])}${index}-${r.text(ALNUM, r.int(1, 12))}`,
      statusCode: kind === 'denied' ? '4' : kind === 'reversal' ? '22' : r.pick(['1', '1', '2', '3', '19', '20']),
      charge: fromCents(sign * charge),
      paid: fromCents(sign * paid),
      ...(patientShare !== 0 || r.chance(0.5) ? { patientResponsibility: fromCents(sign * patientShare) } : {}),
      filingIndicator: r.pick(CLP06),
      payerClaimControlNumber: r.text(ALNUM, r.int(5, 30)),
      ...(r.chance(0.8) ? { facilityTypeCode: r.pick(POS), frequencyCode: r.pick(['1', '7', '8']) } : {}),
      adjustments: claimAdjustments.map((a) => ({ ...a, amount: negate(a.amount) })),
      patient,
      ...(r.chance(0.4) ? { insured: { entityType: '1', last: this.name(r.pick(LAST), 60), first: this.name(r.pick(FIRST), 35), identifier: { qualifier: 'MI', value: r.text(ALNUM, 12) } } } : {}),
      ...(r.chance(0.4)
        ? { renderingProvider: r.chance(0.7) ? { entityType: '1', last: this.name(r.pick(LAST), 60), first: 'Gregory', identifier: { qualifier: 'XX', value: randomNpi(r) } } : { entityType: '2', last: this.name('Smith Clinic', 60), identifier: { qualifier: 'XX', value: randomNpi(r) } } }
        : {}),
      dates,
      references: [
        ...(r.chance(0.3) ? [{ qualifier: r.pick(['1L', '6P', 'EA', 'F8', '9A', 'G1']), value: r.text(ALNUM, r.int(1, 20)) }] : []),
        ...(r.chance(0.2) ? [{ qualifier: r.pick(['0B', '1G', 'G2', 'LU']), value: r.text(ALNUM, r.int(1, 20)) }] : []),
      ],
      amounts: r.sample(['AU', 'F5', 'I', 'D8', 'ZK', 'T'], r.chance(0.3) ? r.int(1, 3) : 0).map((qualifier) => ({ qualifier, amount: fromCents(r.int(0, 20_000)) })),
      serviceLines: lines.map((line) => ({
        ...line,
        charge: negate(line.charge),
        paid: negate(line.paid),
        allowed: negate(line.allowed),
        adjustments: line.adjustments.map((a) => ({ ...a, amount: negate(a.amount) })),
      })),
      ...(kind === 'denied' ? { patientResponsibility: '0.00' } : {}),
    };
  }

  private line(firstDate: string, denied: boolean): ServicePayment {
    const r = this.random;
    const charge = r.int(1, 500_000);
    const adjustments: Adjustment[] = denied
      ? [{ group: 'CO', reason: r.pick(['50', '96', '29']), amount: fromCents(charge) }]
      : this.adjustments(r.int(0, 4), true).map((a) => ({ ...a, amount: fromCents(Math.min(cents(a.amount), Math.floor(charge / 5))) }));
    const adjusted = adjustments.reduce((s, a) => s + cents(a.amount), 0);
    let paid = charge - adjusted;
    if (r.chance(this.unbalanced)) paid += 1;
    const serviceDate = addDays(firstDate, r.int(0, 5));
    const contractual = adjustments.filter((a) => a.group === 'CO').reduce((s, a) => s + cents(a.amount), 0);
    return {
      procedure: { qualifier: 'HC', code: r.pick(PROCEDURES), modifiers: r.sample(MODIFIERS, r.int(0, 4)) },
      charge: fromCents(charge),
      paid: fromCents(paid),
      ...(r.chance(0.6) ? { units: r.chance(0.8) ? String(r.int(1, 4)) : `${r.int(0, 9)}.${r.int(1, 99)}` } : {}),
      ...(r.chance(0.1) ? { revenueCode: r.pick(['0450', '0300', '0762']) } : {}),
      ...(r.chance(0.1)
        ? { originalProcedure: { qualifier: 'HC', code: r.pick(PROCEDURES), modifiers: r.sample(MODIFIERS, r.int(0, 2)), ...(r.chance(0.5) ? { description: this.name('Office visit', 80) } : {}) }, originalUnits: String(r.int(1, 4)) }
        : {}),
      serviceDate,
      ...(r.chance(0.2) ? { serviceDateEnd: addDays(serviceDate, r.int(1, 10)) } : {}),
      adjustments,
      ...(r.chance(0.5) ? { lineControlNumber: r.text(`${ALNUM}-_.`, r.int(1, 30)) } : {}),
      references: r.sample(
        [
          { qualifier: r.pick(['1S', 'APC', 'G1', 'LU']), value: r.text(ALNUM, r.int(1, 15)) },
          { qualifier: r.pick(['0B', 'HPI', 'SY', 'TJ']), value: r.text(ALNUM, r.int(1, 15)) },
          { qualifier: '0K', value: r.text(ALNUM, r.int(1, 15)) },
        ],
        r.chance(0.3) ? r.int(1, 3) : 0,
      ),
      ...(r.chance(0.5) ? { allowed: fromCents(charge - contractual) } : {}),
      amounts: r.chance(0.2) ? [{ qualifier: r.pick(['KH', 'T', 'ZK']), amount: fromCents(r.int(0, 5_000)) }] : [],
      remarks: r.chance(0.3) ? r.sample(REMARKS, r.int(1, 3)).map((value) => ({ qualifier: 'HE', value })) : [],
    };
  }

  /** Adjustments with amounts up to 200.00; on lines sometimes with a quantity. */
  private adjustments(count: number, line: boolean): Adjustment[] {
    const r = this.random;
    return Array.from({ length: count }, () => {
      const group = r.pick(GROUPS);
      return {
        group,
        reason: r.pick(REASONS[group]),
        amount: fromCents(r.int(r.chance(0.1) ? -5_000 : 0, 20_000)),
        ...(r.chance(line ? 0.1 : 0.05) ? { quantity: r.chance(0.8) ? String(r.int(1, 3)) : '1.5' } : {}),
      };
    });
  }

  private plb(providerId: string, checkDate: string): ProviderAdjustment {
    const r = this.random;
    return {
      providerId,
      fiscalPeriodDate: `${checkDate.slice(0, 4)}-12-31`,
      items: Array.from({ length: r.int(1, this.singlePlbSegment ? 6 : 8) }, () => {
        const reason = r.pick(PLB_REASONS);
        return {
          reason,
          ...(reason !== 'L6' || r.chance(0.5) ? { reference: r.text(ALNUM, r.int(1, 30)) } : {}),
          amount: fromCents(r.int(-50_000, 50_000)),
        };
      }),
    };
  }

  private name(seed: string, max: number): string {
    const r = this.random;
    const value = r.chance(this.hostility) ? `${seed} ${r.pick(HOSTILE)}` : seed;
    return value.slice(0, max);
  }
}

function cents(value: string | undefined): number {
  if (value === undefined) return 0;
  const negative = value.startsWith('-');
  const [whole = '0', fraction = ''] = value.replace('-', '').split('.');
  const total = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return negative ? -total : total;
}
