/**
 * Seeded random institutional (837I / UB-04) claims for property tests of the
 * 837I writer and reader. Every institutional field is exercised: inpatient
 * and outpatient types of bill, every frequency, statement periods on both
 * sides of the ICD-10 date (ICD-9-CM diagnoses and volume 3 procedures before
 * 2015-10-01), admission date with and without hour, discharge hour, CL1,
 * up to 25 diagnoses with present-on-admission indicators, admitting and
 * reason-for-visit diagnoses, external causes, principal and other ICD
 * procedures, occurrence spans, occurrences, values and condition codes (up
 * to 24 each, so the two-HI cases occur), repricing, attending / operating /
 * other operating / rendering / referring providers, service facility,
 * pay-to address and plan, notes, attachments, contract, K3, REF*9F/G1/F8/EA,
 * subscriber secondary ids, dependants, and lines with revenue codes, HCPCS
 * with modifiers, unit basis DA/UN, non-covered charges, date ranges, drugs,
 * line rendering providers and REF*6R; and coordination of benefits (2320
 * with MIA/MOA, 2330A/2330B, 2430 with adjudicated revenue codes) from the
 * professional generator's `coordination`.
 *
 * Names, addresses and subscriber data come from the professional
 * ClaimGenerator (with its hostile values when `hostility` > 0); tests keep
 * the claims check837I accepts (institutionalClaimFile does that).
 */
import { Claim, type ClaimInput } from '../../lambdas/core/claim/model.js';
import { check837I } from '../../lambdas/core/x12/837i/check-837i.js';
import type { Delimiters } from '../../lambdas/core/x12/types.js';
import { ClaimGenerator, type ClaimGeneratorOptions } from './claim-generator.js';
import { addDays, Random } from './random.js';
import { DELIMITER_SETS, PROPERTY_TENANT } from './x12-property.js';

type ProviderInput = NonNullable<ClaimInput['renderingProvider']>;
type InstitutionalInput = NonNullable<ClaimInput['institutional']>;
type LineInput = ClaimInput['serviceLines'][number];
type DiagnosisInput = ClaimInput['diagnoses'][number];

export type InstitutionalGeneratorOptions = ClaimGeneratorOptions;

const ICD10_FROM = '2015-10-01';
export const INPATIENT_TYPES = ['11', '12', '18', '21', '22', '28', '41', '65', '66', '86'];
export const OUTPATIENT_TYPES = ['13', '14', '23', '32', '33', '34', '71', '72', '73', '74', '75', '76', '77', '79', '81', '82', '83', '85', '89'];

const ICD10_DX = ['E119', 'I10', 'J189', 'N179', 'I214', 'K359', 'S72001A', 'R0789', 'A419', 'J449', 'Z3800', 'F329', 'I5023', 'E871', 'N390'];
const ICD9_DX = ['4019', '25000', '486', '41401', '78650', '5849', '0389', '4280', '2765', '5990'];
const ICD10_EXTERNAL = ['W010XXA', 'V4352XA', 'X58XXXA', 'Y92009', 'W1830XA', 'V892XXA'];
const ICD9_EXTERNAL = ['E8889', 'E9174', 'E8190', 'E8859'];
const PCS = ['0DTJ4ZZ', '02703ZZ', '0SRB0J9', '3E0234Z', 'B2111ZZ', '0FT44ZZ', '0W9G3ZZ', '5A1955Z', '30233N1', '0QSB04Z'];
const ICD9_PROCEDURES = ['3893', '8154', '4523', '9904', '470', '8151', '3722'];
const POA = ['Y', 'N', 'U', 'W', 'Y', 'Y', '1'] as const;
const HCPCS = ['99284', '99213', '71046', '80053', '85025', '93005', '36415', 'J1100', 'G0378', '96374', '74177', '29125'];
const MODIFIERS = ['25', '59', '26', 'TC', 'LT', 'RT', 'XU', '76', 'GA', 'KX', 'PO', 'PN'];
const INPATIENT_REVENUE = ['0110', '0120', '0121', '0200', '0250', '0258', '0272', '0300', '0320', '0360', '0370', '0450', '0636', '0710', '0730'];
const OUTPATIENT_REVENUE = ['0250', '0260', '0300', '0301', '0320', '0324', '0350', '0450', '0510', '0636', '0730', '0761', '0920'];
const NOTE_CODES = ['ALG', 'DCP', 'DGN', 'DME', 'MED', 'NTR', 'ODT', 'RHB', 'RLH', 'RNH', 'SET', 'SFM', 'SPT', 'UPI'];
const REPORT_TYPES = ['03', '04', '05', '06', '07', '08', '09', '10', '11', '13', '15', '21', 'A3', 'B2', 'CT', 'DG', 'EB', 'HC', 'LA', 'M1', 'OB', 'OZ', 'PN', 'RX', 'V5', 'XP'];
const NOTE_TEXTS = ['Patient allergic to penicillin', 'Discharge plan: home with PT', 'Diet: low sodium', 'Updated info per payer request', 'Wound care 2x daily; see orders'];
const TAXONOMIES = ['207RC0000X', '207Q00000X', '208600000X', '207L00000X', '2085R0202X', '207X00000X'];
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ALNUM = `${LETTERS}0123456789`;

export class InstitutionalClaimGenerator {
  private readonly base: ClaimGenerator;
  private readonly hostility: number;

  constructor(
    private readonly random: Random,
    options: InstitutionalGeneratorOptions = {},
  ) {
    this.base = new ClaimGenerator(random, options);
    this.hostility = options.hostility ?? 0.1;
  }

  /** Claims for one file: 1-3 billing providers and 1-3 payers shared among 1-`maxClaims` claims. */
  batch(maxClaims = 12): Claim[] {
    const r = this.random;
    const providers = Array.from({ length: r.int(1, 3) }, () => this.billingProvider());
    const payers = Array.from({ length: r.int(1, 3) }, () => this.payer());
    return Array.from({ length: r.int(1, maxClaims) }, () => this.claim({ billingProvider: r.pick(providers), payer: r.pick(payers) }));
  }

  claim(overrides: Partial<ClaimInput> = {}): Claim {
    return Claim.parse(this.claimInput(overrides));
  }

  claimInput(overrides: Partial<ClaimInput> = {}): ClaimInput {
    const r = this.random;
    // Claim id, subscriber and patient from the professional generator (names, hostile values); the rest is institutional.
    const professional = this.base.claimInput({}, { coordination: false });
    const common = {
      tenantId: professional.tenantId,
      claimId: professional.claimId,
      subscriber: professional.subscriber,
      ...(professional.patient ? { patient: professional.patient } : {}),
    };
    const inpatient = r.chance(0.5);
    const facilityTypeCode = r.pick(inpatient ? INPATIENT_TYPES : OUTPATIENT_TYPES);
    const frequencyCode = r.pick(inpatient ? (['1', '1', '1', '2', '3', '4', '7', '8', '0', '5'] as const) : (['1', '1', '1', '7', '8', '0'] as const));

    let statementFrom = r.date('2013-01-01', '2026-09-30');
    let statementTo = addDays(statementFrom, inpatient ? r.int(0, 30) : r.chance(0.8) ? 0 : r.int(1, 5));
    if (!inpatient && statementFrom < ICD10_FROM && statementTo >= ICD10_FROM) {
      // An outpatient claim may not straddle the ICD-10 date: it would be split.
      statementFrom = ICD10_FROM;
      statementTo = addDays(ICD10_FROM, r.int(0, 3));
    }
    const icd9 = (inpatient ? statementTo : statementFrom) < ICD10_FROM;

    const dxCount = r.chance(0.15) ? r.int(13, 25) : r.int(1, 6);
    const dxCodes = new Set<string>(r.sample(icd9 ? ICD9_DX : ICD10_DX, Math.min(dxCount, 8)));
    while (dxCodes.size < dxCount) dxCodes.add(icd9 ? this.icd9() : this.icd10());
    const diagnoses: DiagnosisInput[] = [...dxCodes].map((code) => ({
      code: r.chance(0.3) && code.length > 3 ? `${code.slice(0, 3)}.${code.slice(3)}` : code,
      ...(icd9 ? { system: 'ICD-9-CM' as const } : r.chance(0.3) ? { system: 'ICD-10-CM' as const } : {}),
      ...(inpatient && r.chance(0.8) ? { presentOnAdmission: r.pick(POA) } : {}),
    }));

    const institutional: InstitutionalInput = {
      facilityTypeCode,
      statementFrom,
      statementTo,
      patientStatusCode: r.pick(inpatient ? ['01', '02', '03', '06', '20', '30', '50', '62'] : ['01', '01', '07']),
      ...this.maybe(inpatient ? 1 : 0.3, () => ({ admissionTypeCode: String(r.int(1, 5)) })),
      ...this.maybe(0.7, () => ({ admissionSourceCode: r.pick(['1', '2', '4', '5', '6', '8', '9', 'D', 'E', 'F']) })),
      ...this.maybe(inpatient ? 1 : 0.1, () => ({
        admission: {
          date: addDays(statementFrom, -r.int(0, inpatient && frequencyCode !== '1' ? 20 : 0)),
          ...this.maybe(0.6, () => ({ hour: `${String(r.int(0, 23)).padStart(2, '0')}${String(r.int(0, 59)).padStart(2, '0')}` })),
        },
      })),
      ...this.maybe(inpatient ? 0.5 : 0, () => ({ dischargeHour: `${String(r.int(0, 23)).padStart(2, '0')}${String(r.int(0, 59)).padStart(2, '0')}` })),
      ...this.maybe(inpatient ? 1 : 0, () => ({ admittingDiagnosis: r.pick(icd9 ? ICD9_DX : ICD10_DX) })),
      ...this.maybe(inpatient ? 0 : 0.5, () => ({ reasonForVisit: r.sample(icd9 ? ICD9_DX : ICD10_DX, r.int(1, 3)) })),
      ...this.maybe(0.2, () => ({
        externalCauses: Array.from({ length: r.chance(0.2) ? 12 : r.int(1, 3) }, () => ({
          code: r.pick(icd9 ? ICD9_EXTERNAL : ICD10_EXTERNAL),
          ...(inpatient && r.chance(0.7) ? { presentOnAdmission: r.pick(POA) } : {}),
        })),
      })),
      ...this.procedures(inpatient, icd9, statementFrom, statementTo),
      ...this.maybe(0.4, () => ({
        occurrenceSpans: Array.from({ length: this.listLength() }, () => {
          const from = r.date('2012-01-01', statementTo);
          return { code: r.pick(['70', '71', '72', '74', '75', 'M0', 'M1', '80']), from, to: addDays(from, r.int(0, 10)) };
        }),
      })),
      ...this.maybe(0.4, () => ({
        occurrences: Array.from({ length: this.listLength() }, () => ({ code: r.pick(['01', '02', '05', '11', '24', '42', 'A1', '50', '31']), date: r.date('2010-01-01', statementTo) })),
      })),
      ...this.maybe(0.4, () => ({
        values: Array.from({ length: this.listLength() }, () => ({
          code: r.pick(['01', '02', '80', '81', 'A1', 'A2', '54', '48', '49', 'D3']),
          amount: r.chance(0.05) ? `-${r.int(1, 500)}.${r.digits(2)}` : r.chance(0.5) ? String(r.int(0, 99999)) : `${r.int(0, 9999999)}.${r.digits(r.int(1, 2))}`,
        })),
      })),
      ...this.maybe(0.4, () => ({ conditionCodes: Array.from({ length: this.listLength() }, () => r.pick(['01', '02', '17', '20', '39', '40', 'A0', 'B3', 'C1', 'D1', 'W2', '44'])) })),
      attendingProvider: this.person(),
    };
    if (institutional.principalProcedure && r.chance(0.8)) institutional.operatingProvider = this.person();
    if (institutional.operatingProvider && r.chance(0.3)) institutional.otherOperatingProvider = this.person();

    const lines = this.lines(inpatient, statementFrom, statementTo);
    const renderingProvider = this.maybe(0.4, () => ({
      renderingProvider: r.chance(0.3) ? { ...this.person(), npi: institutional.attendingProvider?.npi ?? this.person().npi } : this.person(),
    }));
    const input: ClaimInput = {
      ...common,
      billingProvider: this.billingProvider(),
      payer: this.payer(),
      claimType: 'institutional',
      frequencyCode,
      ...(frequencyCode === '7' || frequencyCode === '8' ? { payerClaimControlNumber: this.identifier(1, 50) } : {}),
      diagnoses,
      institutional,
      serviceLines: lines,
      indicators: {
        assignment: r.pick(['A', 'A', 'B', 'C'] as const),
        benefitsAssigned: r.pick(['Y', 'Y', 'N', 'W'] as const),
        releaseOfInformation: r.pick(['Y', 'I'] as const),
      },
      ...renderingProvider,
      ...this.maybe(0.3, () => ({ referringProvider: this.person() })),
      ...this.maybe(0.3, () => {
        const place = this.billingProvider();
        return { serviceFacility: { name: place.lastOrOrganizationName, ...(r.chance(0.7) ? { npi: place.npi } : {}), address: place.address } };
      }),
      ...this.maybe(0.2, () => ({ payToAddress: this.billingProvider().address })),
      ...this.maybe(0.4, () => ({ totalCharge: sumMoney(lines.map((l) => l.charge)) })),
      ...this.maybe(0.3, () => ({ priorAuthorization: this.identifier(1, 50) })),
      ...this.maybe(0.2, () => ({ referralNumber: this.identifier(1, 50) })),
      ...this.maybe(0.5, () => ({ medicalRecordNumber: this.identifier(1, 50) })),
      ...this.maybe(0.1, () => ({ delayReasonCode: r.pick(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '15'] as const) })),
      ...this.maybe(0.25, () => ({
        notes: [
          ...Array.from({ length: r.int(1, 4) }, () => ({ code: r.pick(NOTE_CODES), text: r.pick(NOTE_TEXTS) })),
          ...(r.chance(0.3) ? [{ code: 'ADD', text: 'Billing note: corrected charges' }] : []),
        ],
      })),
      ...this.maybe(0.1, () => ({ supplementalInfo: Array.from({ length: r.int(1, 3) }, () => r.pick(NOTE_TEXTS)) })),
      ...this.maybe(0.15, () => ({
        attachments: Array.from({ length: r.int(1, 3) }, () => {
          const transmission = r.pick(['AA', 'BM', 'EL', 'EM', 'FT', 'FX'] as const);
          return { reportType: r.pick(REPORT_TYPES), transmission, ...(transmission !== 'AA' || r.chance(0.3) ? { controlNumber: this.identifier(2, 50) } : {}) };
        }),
      })),
      ...this.maybe(0.1, () => ({
        contract: {
          typeCode: r.pick(['01', '02', '03', '04', '05', '06', '09'] as const),
          ...this.maybe(0.6, () => ({ amount: `${r.int(0, 99999)}.${r.digits(2)}` })),
          ...this.maybe(0.3, () => ({ percent: `${r.int(0, 99)}.${r.digits(r.int(1, 4))}` })),
          ...this.maybe(0.4, () => ({ code: this.identifier(1, 50) })),
          ...this.maybe(0.2, () => ({ termsDiscountPercent: String(r.int(0, 99)) })),
          ...this.maybe(0.3, () => ({ version: this.identifier(1, 30) })),
        },
      })),
      ...this.maybe(0.2, () => ({
        repricing: {
          pricingMethodology: r.pick(['00', '01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12', '13', '14']),
          allowedAmount: `${r.int(0, 999999)}.${r.digits(2)}`,
          ...this.maybe(0.5, () => ({ savingsAmount: `${r.int(0, 99999)}.${r.digits(2)}` })),
          ...this.maybe(0.5, () => ({ organizationId: this.identifier(1, 50) })),
          ...this.maybe(0.3, () => ({ rate: `${r.int(0, 99999)}.${r.digits(r.int(1, 2))}` })),
          ...this.maybe(inpatient ? 0.5 : 0.1, () => ({ drgCode: String(r.int(1, 999)).padStart(3, '0') })),
        },
      })),
    };
    if (r.chance(0.1)) {
      input.payToPlan = {
        name: this.billingProvider().lastOrOrganizationName,
        payerId: r.text(ALNUM, r.int(2, 12)),
        address: this.billingProvider().address,
        tin: r.digits(9),
        ...this.maybe(0.5, () => ({ secondaryId: { qualifier: r.pick(['2U', 'FY', 'NF'] as const), value: this.identifier(1, 50) } })),
      };
    }
    const whole: ClaimInput['subscriber'] = input.subscriber;
    const { groupName: _groupName, secondaryIds: _secondaryIds, ...rest } = whole;
    const subscriber: ClaimInput['subscriber'] = rest;
    if (subscriber.groupNumber === undefined && r.chance(0.3)) subscriber.groupName = r.pick(['Acme Corp Employees', "St. Mary's Staff Plan", 'Local 42 Union']);
    if (r.chance(0.2)) {
      subscriber.secondaryIds = r.sample(['SY', 'Y4'] as const, r.int(1, 2)).map((qualifier) => ({ qualifier, value: qualifier === 'SY' ? r.digits(9) : this.identifier(1, 50) }));
    }
    input.subscriber = subscriber;
    const claim = { ...input, ...overrides };
    if (overrides.otherCoverages !== undefined || overrides.serviceLines !== undefined) return claim;
    return this.base.coordination(claim, 'institutional');
  }

  /** An organization billing provider with a nine-digit ZIP street address (unless hostile). */
  billingProvider(): ClaimInput['billingProvider'] {
    const p = this.base.billingProvider();
    const { firstName: _f, middleName: _m, suffix: _s, ...rest } = p;
    return { ...rest, entity: 'organization' };
  }

  payer(): ClaimInput['payer'] {
    const { insuranceTypeCode: _sbr05, ...payer } = this.base.payer();
    return { ...payer, responsibility: this.random.pick(['P', 'P', 'P', 'S', 'T', 'A', 'U'] as const) };
  }

  private person(): ProviderInput {
    const r = this.random;
    const p = this.base.billingProvider();
    return {
      entity: 'person',
      lastOrOrganizationName: p.lastOrOrganizationName,
      ...(p.firstName !== undefined ? { firstName: p.firstName } : r.chance(0.5) ? { firstName: 'Ana' } : {}),
      ...(p.middleName !== undefined ? { middleName: p.middleName } : {}),
      ...(p.suffix !== undefined ? { suffix: p.suffix } : {}),
      npi: p.npi,
      ...(r.chance(0.5) ? { taxonomy: r.pick(TAXONOMIES) } : {}),
    };
  }

  private procedures(inpatient: boolean, icd9: boolean, from: string, to: string): Partial<InstitutionalInput> {
    const r = this.random;
    if (!inpatient || !r.chance(0.6)) return {};
    const make = () => ({
      code: r.pick(icd9 ? ICD9_PROCEDURES : PCS),
      ...(icd9 ? { system: 'ICD-9-CM' as const } : r.chance(0.5) ? { system: 'ICD-10-PCS' as const } : {}),
      date: r.date(addDays(from, -3), to),
    });
    return {
      principalProcedure: make(),
      ...this.maybe(0.5, () => ({ otherProcedures: Array.from({ length: this.listLength() }, make) })),
    };
  }

  private lines(inpatient: boolean, from: string, to: string): LineInput[] {
    const r = this.random;
    const count = r.chance(0.1) ? r.int(20, 60) : r.int(1, 8);
    const days = Math.max(0, (Date.parse(to) - Date.parse(from)) / 86_400_000);
    const seenControl = new Set<string>();
    return Array.from({ length: count }, (_, index) => {
      const revenueCode = r.pick(inpatient ? INPATIENT_REVENUE : OUTPATIENT_REVENUE);
      const room = /^01/.test(revenueCode);
      const hcpcs = !room && r.chance(inpatient ? 0.2 : 0.85);
      const dated = hcpcs ? !inpatient || r.chance(0.6) : r.chance(inpatient ? 0.4 : 0.7);
      const serviceDate = addDays(from, r.int(0, days));
      const charge = this.money();
      let control = `${r.text(ALNUM, r.int(1, 12))}${r.pick(['', '-', '_', '.'])}${index}`;
      while (seenControl.has(control)) control = `${control}X`;
      seenControl.add(control);
      return {
        revenueCode,
        ...(hcpcs ? { procedureCode: r.pick(HCPCS), modifiers: r.sample(MODIFIERS, r.chance(0.6) ? 0 : r.int(1, 4)) } : {}),
        charge,
        unitBasis: room ? ('DA' as const) : ('UN' as const),
        units: room ? r.int(1, Math.max(1, days)) : r.pick([1, 2, 3, '1.5', '0.25', '10', '004', '12.125']),
        ...(dated ? { serviceDate } : {}),
        // Line dates stay inside the statement period.
        ...(dated && r.chance(0.15) ? { serviceDateEnd: addDays(serviceDate, r.int(0, Math.max(0, (Date.parse(to) - Date.parse(serviceDate)) / 86_400_000))) } : {}),
        ...this.maybe(0.1, () => ({ nonCoveredCharge: charge })),
        ...this.maybe(0.5, () => ({ lineItemControlNumber: control })),
        ...(revenueCode === '0636' && r.chance(0.6)
          ? {
              drug: {
                ndc: r.digits(11),
                quantity: r.pick(['1', '2.5', '10', '0.125', '250']),
                unit: r.pick(['F2', 'GR', 'ME', 'ML', 'UN'] as const),
                ...this.maybe(0.3, () => ({ prescriptionNumber: this.identifier(1, 20) })),
              },
            }
          : {}),
        ...this.maybe(0.08, () => ({ renderingProvider: this.person() })),
      };
    });
  }

  /** 1-3 mostly; 13-24 sometimes, so two HI segments are needed. */
  private listLength(): number {
    const r = this.random;
    return r.chance(0.15) ? r.int(13, 24) : r.chance(0.2) ? 12 : r.int(1, 3);
  }

  /** A code shaped like ICD-10-CM (letter other than U, digit, then 1-5 letters or digits). */
  private icd10(): string {
    const r = this.random;
    return `${r.pick(LETTERS.replace('U', '').split(''))}${r.int(0, 9)}${r.text(ALNUM, r.int(1, 5))}`;
  }

  /** A code shaped like ICD-9-CM: 3-5 digits, or V + 2-4 digits. */
  private icd9(): string {
    const r = this.random;
    return r.chance(0.8) ? r.digits(r.int(3, 5)) : `V${r.digits(r.int(2, 4))}`;
  }

  private money(): string {
    const r = this.random;
    const cents = r.chance(0.05) ? 0 : r.chance(0.1) ? r.int(1, 500_000_000) : r.int(1, 2_000_000);
    const whole = Math.floor(cents / 100);
    const fraction = cents % 100;
    return r.chance(0.3) && fraction === 0 ? String(whole) : `${whole}.${String(fraction).padStart(2, '0')}`;
  }

  private identifier(min: number, max: number): string {
    const r = this.random;
    if (r.chance(this.hostility / 10)) return r.pick(['AB*12', 'X~Y', 'ID ', 'Z:9', 'é1']).padEnd(min, '1');
    const length = r.chance(0.05) ? max : r.int(Math.max(min, 2), Math.min(max, 16));
    const core = r.text(ALNUM, length);
    if (length < 5 || !r.chance(0.3)) return core;
    const cut = r.int(1, length - 2);
    return `${core.slice(0, cut)}${r.pick(['-', '.', '/'])}${core.slice(cut + 1)}`;
  }

  private maybe<T extends object>(p: number, make: () => T): T | Record<string, never> {
    return this.random.chance(p) ? make() : {};
  }
}

/** `count` seeded institutional claims (Claim-schema valid; not filtered by check837I). */
export function generateInstitutionalClaims(seed: number, count: number, options: InstitutionalGeneratorOptions = {}): Claim[] {
  const generator = new InstitutionalClaimGenerator(new Random(seed), { tenantId: PROPERTY_TENANT.tenantId, ...options });
  return Array.from({ length: count }, () => generator.claim());
}

export interface InstitutionalClaimFile {
  seed: number;
  claims: Claim[];
  /** How many generated claims check837I refused. */
  refused: number;
  delimiters: Required<Delimiters>;
  lineBreak: '' | '\n' | '\r\n';
}

/** The claims of one 837I file: a generated batch minus the claims check837I refuses. */
export function institutionalClaimFile(seed: number, options: InstitutionalGeneratorOptions & { maxClaims?: number } = {}): InstitutionalClaimFile {
  const generator = new InstitutionalClaimGenerator(new Random(seed), { tenantId: PROPERTY_TENANT.tenantId, ...options });
  const batch = generator.batch(options.maxClaims);
  const claims = batch.filter((claim) => check837I(claim, PROPERTY_TENANT.tenantId).length === 0);
  return {
    seed,
    claims,
    refused: batch.length - claims.length,
    delimiters: DELIMITER_SETS[seed % DELIMITER_SETS.length] as Required<Delimiters>,
    lineBreak: (['', '\n', '\r\n'] as const)[seed % 3] as InstitutionalClaimFile['lineBreak'],
  };
}

/** Σ of decimal money strings, as a decimal string (no floats). */
function sumMoney(values: ReadonlyArray<string>): string {
  let cents = 0n;
  for (const value of values) {
    const [whole = '0', fraction = ''] = value.trim().split('.');
    cents += BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
  }
  return `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;
}
