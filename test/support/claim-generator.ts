/**
 * Seeded random canonical claims for property tests of the 837P writer. It
 * covers the whole claim model: person/organization providers, optional
 * taxonomy, rendering (same or another NPI), referring, dependants with every
 * relationship code, every filing indicator, names with punctuation, accents
 * and delimiter characters, maximum lengths, 1-12 diagnoses (ICD-9 before
 * 2015-10-01), 1-50 lines with 0-4 modifiers, decimal units, date ranges,
 * replacement/void claims and batches with several providers and payers;
 * and every other professional feature of the model: pay-to address and
 * plan, payer sequence and SBR05, group names, subscriber SSN and P&C ids,
 * CLM06-10 indicators, related causes with state/country, delay reasons,
 * all 2300 dates, attachments, contracts, patient paid, referral / CLIA /
 * medical record numbers, K3, a note, ambulance (CR1, CRC, pick-up and
 * drop-off), repricing, service facility, supervising provider, and on lines
 * MJ minutes, the emergency flag, NDC drugs, line dates and line renderers;
 * and coordination of benefits (`coordination`, shared with the institutional
 * generator): primary claims naming the payers after them, and secondary or
 * later claims carrying what the payers before them adjudicated (2320 CAS,
 * AMT*D/A8/EAF, OI, MOA and MIA, 2330A/2330B with every REF, 2430 per line,
 * unbundled lines), balanced by construction.
 *
 * Most claims are acceptable; with `hostility` > 0 some values are the kind a
 * scrubber must refuse (characters X12 cannot carry, a PO box billing
 * address, ...). Tests keep the claims whose submissionFindings hold no error.
 */
import { Claim, type ClaimInput } from '../../lambdas/core/claim/model.js';
import { fromCents, toCents } from '../../lambdas/core/money.js';
import { addDays, Random, randomNpi } from './random.js';

type ProviderInput = NonNullable<ClaimInput['renderingProvider']>;
type BillingInput = ClaimInput['billingProvider'];
type AddressInput = BillingInput['address'];
type NameInput = ClaimInput['subscriber']['name'];
type LineInput = ClaimInput['serviceLines'][number];
type CoverageInput = NonNullable<ClaimInput['otherCoverages']>[number];
type AdjustmentInput = NonNullable<LineInput['adjudications']>[number]['adjustments'] extends (infer T)[] | undefined ? T : never;
type LineAdjudicationInput = NonNullable<LineInput['adjudications']>[number];

export type CoordinationKind = 'professional' | 'institutional';

export interface ClaimGeneratorOptions {
  tenantId?: string;
  /** Probability that a text value is drawn from the hostile pool (default 0.1). */
  hostility?: number;
  /**
   * Leave out codes that are valid today but missing from older validators'
   * code lists (place of service 10, 27, 58, 66; state PW), so those
   * validators' verdicts are about the writer only.
   */
  legacyCodeLists?: boolean;
  /** Probability that a claim carries coordination of benefits (other payers, 2320/2430); default 0.35. */
  coordination?: number;
}

/** CMS place of service codes in use (2024 list). */
export const PLACES_OF_SERVICE = [
  '01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12', '13', '14', '15', '16', '17', '18', '19', '20',
  '21', '22', '23', '24', '25', '26', '27', '31', '32', '33', '34', '41', '42', '49', '50', '51', '52', '53', '54', '55',
  '56', '57', '58', '60', '61', '62', '65', '66', '71', '72', '81', '99',
];
const NEWER_PLACES_OF_SERVICE = new Set(['10', '27', '58', '66']);

const STATES = [
  'AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'DC', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA', 'KS', 'KY', 'LA', 'ME',
  'MD', 'MA', 'MI', 'MN', 'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NM', 'NY', 'NC', 'ND', 'OH', 'OK', 'OR', 'PA', 'RI',
  'SC', 'SD', 'TN', 'TX', 'UT', 'VT', 'VA', 'WA', 'WV', 'WI', 'WY', 'AS', 'GU', 'MP', 'PR', 'VI', 'FM', 'MH', 'PW', 'AA',
  'AE', 'AP',
];

const FILING_INDICATORS = [
  '11', '12', '13', '14', '15', '16', '17', 'AM', 'BL', 'CH', 'CI', 'DS', 'FI', 'HM', 'LM', 'MA', 'MB', 'MC', 'OF', 'TV', 'VA', 'WC', 'ZZ',
] as const;
const RELATIONSHIPS = ['01', '19', '20', '21', '39', '40', '53', 'G8'] as const;
const TAXONOMIES = ['207Q00000X', '208D00000X', '261QP2300X', '363LF0000X', '207R00000X', '2084P0800X', '111N00000X', '225100000X', '193200000X'];
const PROCEDURES = ['99213', '99214', '99203', '36415', '85025', '80053', '93000', '71046', '97110', 'J3490', 'G0438', 'A0425', '3074F', '0042T', 'E0114', 'Q4081'];
const MODIFIERS = ['25', '59', '26', 'TC', 'GT', '95', 'LT', 'RT', 'XS', '76', 'GA', 'KX', 'QW', 'XU', 'AF', '50'];
const GROUP_NAMES = ['Acme Corp Employees', 'State Teachers Plan', "O'Hare Airport Union", 'Café Workers Local 12', 'Smith & Co'];
const INSURANCE_TYPES = ['12', '13', '14', '15', '16', '41', '42', '43', '47'] as const;
const ATTACHMENT_TYPES = ['03', '04', '05', '06', '07', '08', '09', '10', '11', '13', '15', '21', 'A3', 'AM', 'B2', 'CT', 'DG', 'EB', 'LA', 'M1', 'OB', 'OZ', 'P4', 'RR', 'XP'];
const FREE_TEXT = ['Patient seen after fall at home', 'Round trip: dialysis', "Stretcher needed; can't sit", 'Résumé of care attached', 'Re: claim #123 / 456', 'See notes & X-rays'];
const ICD9 = ['V700', 'V7231', 'E8889', 'V221', 'V5789', 'E9174', 'V0481'];

/** SBR01 in payment order: a coverage ranked before the claim's payer has adjudicated it. */
const SEQUENCE = ['P', 'S', 'T', 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'] as const;
const COB_RELATIONSHIPS = ['18', '18', '01', '19', '20', '21', '39', '40', '53', 'G8'] as const;
/** CARCs by group code that pyx12's adjustment reason list knows (CAS02). */
const CARC: Record<'CO' | 'OA' | 'PI' | 'PR', readonly string[]> = {
  CO: ['45', '97', '16', '18', '59', '119', '253', 'B7', '50'],
  OA: ['23', '94', '18', '209'],
  PI: ['45', '104', '131'],
  PR: ['1', '2', '3', '96', '204'],
};
/** RARCs pyx12's remark code list knows (MOA03-07, MIA05/20-23). */
const RARC = ['N130', 'M15', 'N362', 'MA01', 'N4', 'M80', 'N19', 'N20', 'MA130', 'N386', 'MA18', 'N1', 'M1', 'N95'];
const SVD_DESCRIPTIONS = ['Office visit', 'Lab panel; bundled', 'X-ray 2 views', 'Therapeutic exercise'];

const SURNAMES = [
  'Smith', "O'Brien", 'García', 'Nguyễn', 'Müller-Lüdenscheidt', "D'Angelo", 'St. John', 'van der Berg', 'Ångström',
  'MacDonald', 'Łukasz', 'Øster', 'Brontë', 'Smith-Jones', 'Ng', 'Li', 'Ó Súilleabháin', 'Al-Hassan', 'Dupont', 'X',
];
const FIRST_NAMES = ['Zoë', 'José', 'Renée', 'Mary-Kate', 'Jean-Luc', 'Anne Marie', 'Chloé', 'Björk', 'Seán', 'A.', 'J', 'Ólafur'];
const SUFFIXES = ['Jr', 'Sr', 'II', 'III', 'IV', 'Jr.'];
const ORGANIZATIONS = [
  'Acme Medical Group, LLC', "St. Mary's Hospital", 'Smith & Jones Pediatrics', 'Café Clinic', "Dr. Ng's Office",
  'North/South Health', 'Care+ Partners', '100% Health (PA)', "O'Neil Family Practice; Inc.", 'Mercy #5 Clinic', 'Ärztehaus Süd',
];
const PAYER_NAMES = ['Blue Cross Blue Shield of Illinois', 'Aetna', 'UnitedHealthcare', 'Medicare Part B', "Workers' Comp Fund", 'Tricare/Champus', 'Humana, Inc.'];
const STREETS = ['123 Main St', "4500 O'Connor Blvd.", "1 Rue de l'Église", '77 Sunset Blvd #200', '500 N. State St, Ste 3', '12-14 Elm Ct.', '9 Peachtree Rd NE'];
const SECOND_LINES = ['Apt 4B', 'Suite 100', 'Bldg 7, Fl 2', '#12', 'c/o Jane Roe', 'Unit ½'];
const CITIES = ["Coeur d'Alene", 'Springfield', 'St. Louis', 'Winston-Salem', 'Española', 'Wilkes-Barre', 'Truth or Consequences', 'Ny'];
/** Values a scrubber has to deal with: delimiters, control and non-ASCII characters, stray spaces. */
const HOSTILE = [
  'A*B', 'C:D', 'E^F', 'G~H', 'I|J', 'K>L', 'M\nN', 'O\tP', '  Q  R  ', 'ß', 'Straße', 'ﬁnance', '李', '李 Wei', '😀', '“Q”', 'A—B', '~', '*:', 'Z ',
];

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ALNUM = `${LETTERS}0123456789`;

export class ClaimGenerator {
  private hostility: number;
  private readonly tenantId: string;
  private readonly places: string[];
  private readonly states: string[];
  private readonly coordinationRate: number;
  private claimCounter = 0;

  constructor(
    private readonly random: Random,
    options: ClaimGeneratorOptions = {},
  ) {
    this.hostility = options.hostility ?? 0.1;
    this.tenantId = options.tenantId ?? 'prop-test';
    this.places = options.legacyCodeLists ? PLACES_OF_SERVICE.filter((p) => !NEWER_PLACES_OF_SERVICE.has(p)) : PLACES_OF_SERVICE;
    this.states = options.legacyCodeLists ? STATES.filter((s) => s !== 'PW') : STATES;
    this.coordinationRate = options.coordination ?? 0.35;
  }

  /** Claims for one file: 1-3 billing providers and 1-3 payers shared among 1-12 claims, unique claim ids. */
  batch(maxClaims = 12): Claim[] {
    const r = this.random;
    // A hostile billing provider refuses every claim it bills, so the shared ones are drawn mildly.
    const providers = Array.from({ length: r.int(1, 3) }, () => this.mild(() => this.billingProvider()));
    const payers = Array.from({ length: r.int(1, 3) }, () => this.payer());
    return Array.from({ length: r.int(1, maxClaims) }, () => this.claim({ billingProvider: r.pick(providers), payer: r.pick(payers) }));
  }

  claim(overrides: Partial<ClaimInput> = {}): Claim {
    return Claim.parse(this.claimInput(overrides));
  }

  /** `coordination: false` leaves out other payers (the institutional generator adds its own). */
  claimInput(overrides: Partial<ClaimInput> = {}, options: { coordination?: boolean } = {}): ClaimInput {
    const input = this.professionalInput(overrides);
    if (options.coordination === false || overrides.otherCoverages !== undefined || overrides.serviceLines !== undefined) return input;
    return this.coordination(input, 'professional');
  }

  private professionalInput(overrides: Partial<ClaimInput>): ClaimInput {
    const r = this.random;
    const billingProvider = overrides.billingProvider ?? this.billingProvider();
    const firstDate = r.date('2012-01-01', '2026-12-31');
    const icd9 = firstDate < '2015-10-01';
    const diagnoses = Array.from({ length: r.int(1, 12) }, () => ({
      code: icd9 ? r.pick(ICD9) : this.icd10(),
      ...(icd9 ? { system: 'ICD-9-CM' as const } : r.chance(0.5) ? { system: 'ICD-10-CM' as const } : {}),
    }));
    const placeOfService = r.chance(this.hostility / 10) ? r.pick(['00', '28', '98']) : r.pick(this.places);
    const lineCount = r.chance(0.1) ? r.int(20, 50) : r.int(1, 6);
    const serviceLines = Array.from({ length: lineCount }, (_, i) => this.line(firstDate, diagnoses.length, placeOfService, i));
    const frequencyCode = r.chance(this.hostility / 20) ? r.pick(['0', '2', '5'] as const) : r.pick(['1', '1', '1', '7', '8'] as const);
    const withPatient = r.chance(0.4);
    const renderingProvider = this.maybe(0.5, () =>
      r.chance(0.3) ? { ...this.provider(), npi: billingProvider.npi } : this.provider(),
    );
    const input: ClaimInput = {
      tenantId: this.tenantId,
      claimId: this.claimId(),
      placeOfService,
      billingProvider,
      subscriber: {
        memberId: this.identifier(2, 80),
        name: this.personName(),
        ...(withPatient
          ? this.maybeObject(0.3, () => ({ birthDate: this.birthDate(), sex: r.pick(['M', 'F', 'U'] as const) }))
          : { birthDate: this.birthDate(), sex: r.pick(['M', 'F', 'U'] as const), address: this.address(false) }),
        ...this.maybeObject(0.6, () => ({ groupNumber: this.identifier(1, 50) })),
        ...this.maybeObject(0.3, () => ({ groupName: this.text(r.pick(GROUP_NAMES), 60) })),
        ...this.maybeObject(0.15, () => ({ secondaryIds: this.secondaryIds() })),
      },
      payer: overrides.payer ?? this.payer(),
      diagnoses,
      serviceLines,
      ...(frequencyCode !== '1' || r.chance(0.3) ? { frequencyCode } : {}),
      ...(frequencyCode !== '1' ? { payerClaimControlNumber: this.identifier(1, 50) } : {}),
      ...this.maybeObject(0.4, () => ({ totalCharge: sumMoney(serviceLines.map((l) => l.charge)) })),
      ...this.maybeObject(0.3, () => ({ priorAuthorization: this.identifier(1, 50) })),
      ...(renderingProvider ? { renderingProvider } : {}),
      ...this.maybeObject(0.3, () => ({ referringProvider: { ...this.provider(), entity: r.chance(0.95) ? ('person' as const) : ('organization' as const) } })),
      ...this.professionalExtras(firstDate, billingProvider.npi),
      ...(withPatient
        ? {
            patient: {
              relationship: r.pick(RELATIONSHIPS),
              name: this.personName(),
              birthDate: this.birthDate(),
              sex: r.pick(['M', 'F', 'U'] as const),
              address: this.address(false),
            },
          }
        : {}),
    };
    return { ...input, ...overrides, billingProvider, payer: input.payer };
  }

  /**
   * Adds coordination of benefits to a share of the claims (options.coordination, a third by default): other
   * payers before the claim's payer (they adjudicated: claim and line
   * amounts that balance to the charges, or claim level only with a payment
   * date) and after it (named only). A primary claim becomes a secondary one
   * half of the time. Hostile draws (rare) break one rule of the guides.
   */
  coordination(input: ClaimInput, kind: CoordinationKind): ClaimInput {
    const r = this.random;
    if (!r.chance(this.coordinationRate)) return input;
    // Charges beyond exact cents (hostile ones) are refused anyway; no arithmetic on them.
    if (!input.serviceLines.every((line) => /^\d{1,12}(\.\d{1,2})?$/.test(line.charge))) return input;
    const rare = () => r.chance(this.hostility / 20);
    let claimSequence: string = input.payer.responsibility ?? 'P';
    if (claimSequence === 'U') return input;
    if (claimSequence === 'P' && r.chance(0.5)) claimSequence = 'S';
    const claimRank = SEQUENCE.indexOf(claimSequence as (typeof SEQUENCE)[number]);
    const before = SEQUENCE.slice(0, claimRank);
    const after = SEQUENCE.slice(claimRank + 1, claimRank + 3);
    // Every payer before the claim's is listed (it adjudicated); of those after, up to two.
    const sequences: string[] = [...before.slice(-3), ...r.sample(after, r.int(before.length === 0 ? 1 : 0, after.length))];
    if (sequences.length === 0) return input;
    if (r.chance(0.05)) sequences.push('U');
    if (rare()) sequences.push(sequences[0] as string);

    const serviceLines: LineInput[] = input.serviceLines.map((line) => ({ ...line }));
    const usedPayerIds = new Set<string>();
    const otherCoverages = sequences.slice(0, 10).map((sequence, index) => {
      let payerId = r.chance(0.5) ? r.digits(5) : r.text(ALNUM, r.int(2, 12));
      while (usedPayerIds.has(payerId)) payerId = `${payerId}${index}`;
      usedPayerIds.add(payerId);
      const coverage = this.otherCoverage(sequence, payerId, kind, rare);
      const adjudicated = claimRank >= 0 && SEQUENCE.indexOf(sequence as (typeof SEQUENCE)[number]) >= 0 && SEQUENCE.indexOf(sequence as (typeof SEQUENCE)[number]) < claimRank;
      if (adjudicated) {
        coverage.adjudication = this.adjudicate(serviceLines, payerId, kind, rare, input);
        if (r.chance(0.8)) coverage.payer.claimControlNumber = this.identifier(1, 50);
      }
      return coverage;
    });
    return {
      ...input,
      payer: { ...input.payer, responsibility: claimSequence as NonNullable<ClaimInput['payer']['responsibility']> },
      otherCoverages,
      serviceLines,
    };
  }

  private otherCoverage(sequence: string, payerId: string, kind: CoordinationKind, rare: () => boolean): CoverageInput {
    const r = this.random;
    const professional = kind === 'professional';
    const groupNumber = r.chance(0.5) ? this.identifier(1, 50) : undefined;
    return {
      responsibility: sequence as CoverageInput['responsibility'],
      relationship: r.pick(COB_RELATIONSHIPS),
      ...(groupNumber !== undefined ? { groupNumber } : {}),
      ...((groupNumber === undefined || rare()) && r.chance(0.3) ? { groupName: this.text(r.pick(GROUP_NAMES), 60) } : {}),
      ...(professional && sequence !== 'P' && r.chance(0.3) ? { insuranceTypeCode: r.pick(INSURANCE_TYPES) } : {}),
      claimFilingIndicator: r.pick(FILING_INDICATORS),
      subscriber: {
        name: this.personName(),
        memberId: this.identifier(2, 80),
        ...this.maybeObject(0.4, () => ({ address: this.address(false) })),
      },
      payer: {
        name: this.text(r.pick(PAYER_NAMES), 60),
        payerId,
        ...this.maybeObject(0.3, () => ({ address: this.address(false) })),
        ...this.maybeObject(0.15, () => ({
          secondaryIds: r.sample(['2U', 'EI', 'FY', 'NF'] as const, r.int(1, 2)).map((qualifier) => ({ qualifier, value: this.identifier(1, 50) })),
        })),
        ...this.maybeObject(0.1, () => ({ priorAuthorization: this.identifier(1, 50) })),
        ...this.maybeObject(0.1, () => ({ referralNumber: this.identifier(1, 50) })),
        ...this.maybeObject(0.05, () => ({ claimAdjustmentIndicator: true as const })),
      },
      ...this.maybeObject(0.3, () => ({ benefitsAssigned: r.pick(['Y', 'N', 'W'] as const) })),
      ...(professional && r.chance(0.3) ? { patientSignatureSource: 'P' as const } : {}),
      ...this.maybeObject(0.3, () => ({ releaseOfInformation: r.pick(['I', 'Y'] as const) })),
    };
  }

  /**
   * What one earlier payer decided: at line level (every line gets its 2430
   * loops, an unbundled line two; claim adjustments come off the line
   * payments) or, a fifth of the time, at claim level only.
   */
  private adjudicate(lines: LineInput[], payerId: string, kind: CoordinationKind, rare: () => boolean, input: ClaimInput): NonNullable<CoverageInput['adjudication']> {
    const r = this.random;
    const firstDate = lines.map((line) => line.serviceDate).find((date) => date !== undefined) ?? input.institutional?.statementTo ?? '2024-01-01';
    const paymentDate = addDays(firstDate, r.int(7, 120));
    const claimCents = lines.reduce((sum, line) => sum + toCents(line.charge), 0);
    const extras = {
      ...this.maybeObject(0.15, () => ({ nonCoveredAmount: fromCents(r.int(0, claimCents)) })),
      ...this.maybeObject(0.3, () => ({ outpatientRemarks: this.outpatientRemarks() })),
      ...(kind === 'institutional' && r.chance(0.2) ? { inpatient: this.inpatientAdjudication() } : {}),
    };
    if (r.chance(0.2)) {
      // Claim level only: the payment date is on the 2330B.
      const split = this.split(claimCents);
      return {
        paid: fromCents(split.paid),
        ...(rare() ? {} : { paymentDate }),
        adjustments: split.adjustments,
        ...this.patientLiability(split.adjustments),
        ...extras,
      };
    }
    let linePaid = 0;
    const lineAdjustments: AdjustmentInput[] = [];
    lines.forEach((line, index) => {
      const charge = toCents(line.charge);
      const date = addDays(line.serviceDate ?? firstDate, r.int(7, 120));
      const loops = r.chance(0.08) && charge > 1 ? this.unbundled(line, charge, index + 1, payerId, date, kind) : [this.lineAdjudication(line, charge, payerId, date, kind)];
      if (rare()) loops[0]!.paid = fromCents(toCents(loops[0]!.paid) + 1);
      for (const loop of loops) {
        linePaid += toCents(loop.paid);
        lineAdjustments.push(...(loop.adjustments ?? []));
      }
      line.adjudications = [...(line.adjudications ?? []), ...loops];
    });
    // A claim-level adjustment (e.g. OA 23, prior payer impact) comes off the line payments.
    const claimAdjustments: AdjustmentInput[] =
      linePaid > 0 && r.chance(0.25) ? [{ group: 'OA', reason: r.pick(CARC.OA), amount: fromCents(r.int(1, linePaid)) }] : [];
    const claimAdjustmentCents = claimAdjustments.reduce((sum, adjustment) => sum + toCents(adjustment.amount), 0);
    return {
      paid: fromCents(linePaid - claimAdjustmentCents),
      ...(rare() ? { paymentDate } : {}),
      adjustments: claimAdjustments,
      ...this.patientLiability([...lineAdjustments, ...claimAdjustments]),
      ...extras,
    };
  }

  private lineAdjudication(line: LineInput, charge: number, payerId: string, date: string, kind: CoordinationKind): LineAdjudicationInput {
    const r = this.random;
    const split = this.split(charge);
    return {
      payerId,
      paid: fromCents(split.paid),
      ...this.adjudicatedProcedure(line, kind),
      units: r.chance(0.7) ? '1' : String(r.int(0, 12)),
      adjustments: split.adjustments,
      adjudicationDate: date,
      ...this.maybeObject(0.2, () => this.patientLiability(split.adjustments)),
    };
  }

  /** The payer split the line into two procedures: two 2430 loops naming the line (SVD06), balancing together. */
  private unbundled(line: LineInput, charge: number, lineNumber: number, payerId: string, date: string, kind: CoordinationKind): LineAdjudicationInput[] {
    const r = this.random;
    const first = r.int(1, charge - 1);
    return [first, charge - first].map((part) => ({
      ...this.lineAdjudication(line, part, payerId, date, kind),
      bundledLineNumber: lineNumber,
      ...(kind === 'professional' || line.procedureCode !== undefined ? { procedure: { qualifier: 'HC' as const, code: r.pick(PROCEDURES), modifiers: [] } } : {}),
    }));
  }

  /** SVD03 (and SVD04 on the 837I): mostly the line's own codes, sometimes recoded by the payer. */
  private adjudicatedProcedure(line: LineInput, kind: CoordinationKind): Partial<LineAdjudicationInput> {
    const r = this.random;
    const code = line.procedureCode;
    const revenue = kind === 'institutional' && r.chance(0.1) ? { revenueCode: line.revenueCode === '0300' ? '0301' : '0300' } : {};
    if (code === undefined && kind === 'institutional') return revenue;
    return {
      ...revenue,
      procedure: {
        qualifier: 'HC',
        code: r.chance(0.1) ? r.pick(PROCEDURES) : (code ?? r.pick(PROCEDURES)),
        modifiers: r.chance(0.8) ? (line.modifiers ?? []) : [],
        ...this.maybeObject(0.05, () => ({ description: r.pick(SVD_DESCRIPTIONS) })),
      },
    };
  }

  /** An amount cut into a payment and adjustments (one to three groups, one or two reasons each), all in cents. */
  private split(cents: number): { paid: number; adjustments: AdjustmentInput[] } {
    const r = this.random;
    const paid = r.chance(0.1) ? 0 : r.chance(0.2) ? cents : r.int(0, cents);
    let rest = cents - paid;
    const adjustments: AdjustmentInput[] = [];
    const groups = r.sample(['CO', 'PR', 'OA', 'PI'] as const, r.int(1, 3));
    groups.forEach((group, g) => {
      const reasons = r.sample(CARC[group], r.int(1, 2));
      reasons.forEach((reason, k) => {
        const last = g === groups.length - 1 && k === reasons.length - 1;
        const amount = last ? rest : r.int(0, rest);
        rest -= amount;
        if (amount === 0 && !last) return;
        adjustments.push({ group, reason, amount: fromCents(amount), ...this.maybeObject(0.1, () => ({ quantity: String(r.int(1, 3)) })) });
      });
    });
    // Paid in full (or an adjustment drawn as zero): no CAS of zero is sent.
    return { paid, adjustments: adjustments.filter((adjustment) => toCents(adjustment.amount) !== 0) };
  }

  private patientLiability(adjustments: readonly AdjustmentInput[]): { remainingPatientLiability?: string } {
    const cents = adjustments.filter((adjustment) => adjustment.group === 'PR').reduce((sum, adjustment) => sum + toCents(adjustment.amount), 0);
    return this.random.chance(0.6) ? { remainingPatientLiability: fromCents(cents) } : {};
  }

  private outpatientRemarks(): NonNullable<NonNullable<CoverageInput['adjudication']>['outpatientRemarks']> {
    const r = this.random;
    return {
      ...this.maybeObject(0.3, () => ({ reimbursementRate: r.pick(['0.8', '0.85', '1', '0.5']) })),
      ...this.maybeObject(0.3, () => ({ hcpcsPayable: fromCents(r.int(0, 50_000)) })),
      remarks: r.sample(RARC, r.int(1, 5)),
      ...this.maybeObject(0.1, () => ({ esrdPayment: fromCents(r.int(0, 50_000)) })),
      ...this.maybeObject(0.1, () => ({ nonPayableProfessional: fromCents(r.int(0, 50_000)) })),
    };
  }

  private inpatientAdjudication(): NonNullable<NonNullable<CoverageInput['adjudication']>['inpatient']> {
    const r = this.random;
    const amount = () => fromCents(r.int(0, 2_000_000));
    return {
      coveredDays: String(r.int(0, 30)),
      ...this.maybeObject(0.2, () => ({ lifetimePsychiatricDays: String(r.int(0, 190)) })),
      ...this.maybeObject(0.5, () => ({ drgAmount: amount() })),
      ...this.maybeObject(0.2, () => ({ disproportionateShareAmount: amount() })),
      ...this.maybeObject(0.2, () => ({ ppsCapitalAmount: amount() })),
      ...this.maybeObject(0.1, () => ({ oldCapitalAmount: amount() })),
      ...this.maybeObject(0.1, () => ({ costReportDays: String(r.int(0, 30)) })),
      ...this.maybeObject(0.1, () => ({ indirectTeachingAmount: amount() })),
      ...this.maybeObject(0.1, () => ({ ppsCapitalExceptionAmount: amount() })),
      remarks: r.sample(RARC, r.int(0, 5)),
    };
  }

  billingProvider(): BillingInput {
    const r = this.random;
    const base = this.provider();
    return { ...base, tin: r.digits(9), address: this.address(true) };
  }

  payer(): ClaimInput['payer'] {
    const r = this.random;
    return {
      name: this.text(r.pick(PAYER_NAMES), 60),
      payerId: r.chance(0.1) ? r.text(ALNUM, 80) : r.chance(0.5) ? r.digits(5) : r.text(ALNUM, r.int(2, 10)),
      ...(r.chance(0.9) ? { claimFilingIndicator: r.pick(FILING_INDICATORS) } : {}),
      ...this.payerSequence(),
      ...this.maybeObject(0.5, () => ({ address: this.address(false) })),
    };
  }

  private provider(): ProviderInput {
    const r = this.random;
    const person = r.chance(0.5);
    const name = person ? this.personName() : undefined;
    return {
      entity: person ? 'person' : 'organization',
      lastOrOrganizationName: name ? name.last : this.text(r.pick(ORGANIZATIONS), 60),
      ...(name?.first !== undefined ? { firstName: name.first } : {}),
      ...(name?.middle !== undefined ? { middleName: name.middle } : {}),
      ...(name?.suffix !== undefined ? { suffix: name.suffix } : {}),
      npi: randomNpi(r),
      ...this.maybeObject(0.6, () => ({ taxonomy: r.pick(TAXONOMIES) })),
      ...this.maybeObject(0.2, () => ({ address: this.address(false) })),
    };
  }

  private personName(): NameInput {
    const r = this.random;
    return {
      last: this.text(r.pick(SURNAMES), 60),
      ...this.maybeObject(0.9, () => ({ first: this.text(r.pick(FIRST_NAMES), 35) })),
      ...this.maybeObject(0.3, () => ({ middle: this.text(r.chance(0.5) ? r.pick(FIRST_NAMES) : r.pick(LETTERS.split('')), 25) })),
      ...this.maybeObject(0.15, () => ({ suffix: this.text(r.pick(SUFFIXES), 10) })),
    };
  }

  /** Billing addresses get a nine-digit ZIP and a street (the guide's 2010AA rules) unless hostile. */
  private address(billing: boolean): AddressInput {
    const r = this.random;
    const hostile = r.chance(this.hostility / 2);
    return {
      line1: billing && hostile ? 'P.O. Box 100' : this.text(r.pick(STREETS), 55),
      ...this.maybeObject(0.3, () => ({ line2: this.text(r.pick(SECOND_LINES), 55) })),
      city: this.text(r.pick(CITIES), 30, 2),
      state: r.chance(this.hostility / 4) ? r.text(LETTERS, 2) : r.pick(this.states),
      postalCode: billing && !hostile ? r.digits(9) : r.chance(0.5) ? r.digits(5) : r.digits(9),
    };
  }

  private line(firstDate: string, diagnosisCount: number, claimPlace: string, index: number): LineInput {
    const r = this.random;
    const serviceDate = addDays(firstDate, r.int(0, 10));
    const end = r.chance(0.2) ? addDays(serviceDate, r.int(0, 30)) : undefined;
    const pointers = r.sample(
      Array.from({ length: diagnosisCount }, (_, i) => i + 1),
      r.int(1, Math.min(4, diagnosisCount)),
    );
    return {
      procedureCode: r.pick(PROCEDURES),
      modifiers: r.sample(MODIFIERS, r.int(0, 4)),
      units: this.units(),
      charge: this.money(),
      serviceDate,
      ...(end !== undefined ? { serviceDateEnd: end } : {}),
      ...this.maybeObject(0.2, () => ({ placeOfService: r.chance(0.3) ? claimPlace : r.pick(this.places) })),
      diagnosisPointers: pointers,
      ...this.maybeObject(0.5, () => ({ lineItemControlNumber: `${r.text(ALNUM, r.int(1, 20))}${r.pick(['', '-', '_', '.'])}${index}` })),
      ...this.mild(() => ({
        ...this.maybeObject(0.15, () => ({ unitBasis: 'MJ' as const })),
        ...this.maybeObject(0.1, () => ({ emergency: r.chance(0.8) })),
        ...this.maybeObject(0.12, () => ({ drug: this.drug() })),
        ...this.maybeObject(0.15, () => ({ dates: this.lineDates(serviceDate) })),
        ...this.maybeObject(0.05, () => ({ renderingProvider: this.provider() })),
      })),
    };
  }


  /** SBR01 (mostly primary) and, for a Medicare secondary payer, SBR05. */
  private payerSequence(): Partial<ClaimInput['payer']> {
    const r = this.random;
    if (r.chance(0.75)) return r.chance(0.5) ? { responsibility: 'P' } : {};
    const responsibility = r.pick(['S', 'T', 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'U'] as const);
    const hostile = r.chance(this.hostility / 20);
    return {
      responsibility: hostile ? 'P' : responsibility,
      ...(hostile || r.chance(0.4) ? { insuranceTypeCode: r.pick(INSURANCE_TYPES) } : {}),
    };
  }

  private secondaryIds(): NonNullable<ClaimInput['subscriber']['secondaryIds']> {
    const r = this.random;
    const ssn = { qualifier: 'SY' as const, value: r.chance(this.hostility / 10) ? r.digits(8) : r.digits(9) };
    const casualty = { qualifier: 'Y4' as const, value: this.identifier(1, 50) };
    return r.pick([[ssn], [casualty], [ssn, casualty], [casualty, ssn]]);
  }

  /**
   * The 2000A pay-to loops, the 2300 segments after CLM and the 2310C-F
   * loops, each drawn independently; what the guide ties together (accident
   * cause and date, transmission and control number, ...) is kept together
   * except, rarely, when hostile.
   */
  private professionalExtras(firstDate: string, billingNpi: string): Partial<ClaimInput> {
    const hostility = this.hostility;
    return this.mild(() => this.drawProfessionalExtras(firstDate, billingNpi, hostility));
  }

  /** Draws with a quarter of the hostility: enough claims with the newer features must survive intake to exercise the writer. */
  private mild<T>(make: () => T): T {
    const hostility = this.hostility;
    this.hostility = hostility / 4;
    try {
      return make();
    } finally {
      this.hostility = hostility;
    }
  }

  private drawProfessionalExtras(firstDate: string, billingNpi: string, hostility: number): Partial<ClaimInput> {
    const r = this.random;
    const rare = () => r.chance(hostility / 20);
    const dates: Record<string, string> = {};
    for (const key of ['onset', 'initialTreatment', 'lastSeen', 'acuteManifestation', 'lastMenstrualPeriod', 'lastXray'] as const) {
      if (r.chance(0.08)) dates[key] = addDays(firstDate, -r.int(0, 400));
    }
    if (r.chance(0.08)) {
      dates.admission = addDays(firstDate, -r.int(0, 3));
      if (r.chance(0.7)) dates.discharge = addDays(dates.admission, rare() ? -2 : r.int(0, 10));
    }
    let relatedCauses: ClaimInput['relatedCauses'];
    if (r.chance(0.15)) {
      const codes = r.sample(['AA', 'EM', 'OA'] as const, r.int(1, 2));
      const auto = codes.includes('AA');
      relatedCauses = {
        codes: rare() ? [codes[0]!, codes[0]!] : codes,
        ...(auto && !rare() ? { state: r.pick(this.states) } : {}),
        ...(r.chance(0.1) ? { country: r.pick(['US', 'CA', 'MX', 'DE', 'JP']) } : {}),
      };
      if ((auto || codes.includes('OA')) && !rare()) dates.accident = addDays(firstDate, -r.int(0, 60));
    }
    const attachments = Array.from({ length: r.chance(0.15) ? r.int(1, 4) : 0 }, () => {
      const transmission = r.pick(['AA', 'BM', 'EL', 'EM', 'FT', 'FX'] as const);
      const withControl = transmission !== 'AA' ? !rare() : r.chance(0.3);
      return {
        reportType: rare() ? 'ZZ' : r.pick(ATTACHMENT_TYPES),
        transmission,
        ...(withControl ? { controlNumber: this.identifier(2, 50) } : {}),
      };
    });
    const noteCount = r.chance(0.15) ? (rare() ? 2 : 1) : 0;
    return {
      ...(Object.keys(dates).length > 0 ? { dates } : {}),
      ...(relatedCauses ? { relatedCauses } : {}),
      ...(attachments.length > 0 ? { attachments } : {}),
      ...this.maybeObject(0.3, () => ({
        indicators: {
          ...this.maybeObject(0.5, () => ({ providerSignature: r.pick(['Y', 'N'] as const) })),
          ...this.maybeObject(0.5, () => ({ assignment: r.pick(['A', 'B', 'C'] as const) })),
          ...this.maybeObject(0.5, () => ({ benefitsAssigned: r.pick(['Y', 'N', 'W'] as const) })),
          ...this.maybeObject(0.5, () => ({ releaseOfInformation: r.pick(['I', 'Y'] as const) })),
          ...this.maybeObject(0.5, () => ({ patientSignatureSource: 'P' as const })),
        },
      })),
      ...this.maybeObject(0.08, () => ({ delayReasonCode: r.pick(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '15'] as const) })),
      ...this.maybeObject(0.08, () => ({ contract: this.contract() })),
      ...this.maybeObject(0.1, () => ({ patientPaid: this.money().replace(/^(\d{1,7})\d*/, '$1') })),
      ...this.maybeObject(0.15, () => ({ referralNumber: this.identifier(1, 50) })),
      ...this.maybeObject(0.15, () => ({ medicalRecordNumber: this.identifier(1, 50) })),
      ...this.maybeObject(0.1, () => ({ cliaNumber: `${r.digits(2)}D${r.digits(7)}` })),
      ...this.maybeObject(0.1, () => ({ supplementalInfo: Array.from({ length: r.int(1, 3) }, () => this.text(r.pick(FREE_TEXT), 80)) })),
      ...(noteCount > 0
        ? { notes: Array.from({ length: noteCount }, () => ({ code: rare() ? 'XYZ' : r.pick(['ADD', 'CER', 'DCP', 'DGN', 'TPO']), text: this.text(r.pick(FREE_TEXT), 80) })) }
        : {}),
      ...this.maybeObject(0.1, () => ({ ambulance: this.ambulance() })),
      ...this.maybeObject(0.06, () => ({ repricing: this.repricing() })),
      ...this.maybeObject(0.1, () => ({ payToAddress: this.address(false) })),
      ...this.maybeObject(0.05, () => ({ payToPlan: this.payToPlan() })),
      ...this.maybeObject(0.12, () => ({
        supervisingProvider: { ...this.provider(), entity: rare() ? ('organization' as const) : ('person' as const) },
      })),
      ...this.maybeObject(0.15, () => ({
        serviceFacility: {
          name: this.text(r.pick(ORGANIZATIONS), 60),
          ...this.maybeObject(0.6, () => ({ npi: r.chance(0.2) ? billingNpi : randomNpi(r) })),
          address: { ...this.address(false), postalCode: rare() ? r.digits(5) : r.digits(9) },
        },
      })),
    };
  }

  private contract(): NonNullable<ClaimInput['contract']> {
    const r = this.random;
    const percent = () => (r.chance(0.1) ? '100' : `${r.int(0, 99)}${r.chance(0.5) ? `.${r.digits(r.int(1, 4))}` : ''}`);
    return {
      typeCode: r.pick(['01', '02', '03', '04', '05', '06', '09'] as const),
      ...this.maybeObject(0.5, () => ({ amount: this.money().replace(/^(\d{1,7})\d*/, '$1') })),
      ...this.maybeObject(0.4, () => ({ percent: percent() })),
      ...this.maybeObject(0.4, () => ({ code: this.identifier(1, 50) })),
      ...this.maybeObject(0.3, () => ({ termsDiscountPercent: percent() })),
      ...this.maybeObject(0.3, () => ({ version: this.identifier(1, 30) })),
    };
  }

  private ambulance(): NonNullable<ClaimInput['ambulance']> {
    const r = this.random;
    return {
      ...this.maybeObject(0.5, () => ({ weightPounds: r.int(1, 9999) })),
      transportReason: r.pick(['A', 'B', 'C', 'D', 'E'] as const),
      distanceMiles: r.chance(0.5) ? String(r.int(0, 9999)) : `${r.int(0, 999)}.${r.digits(r.int(1, 2))}`,
      ...this.maybeObject(0.3, () => ({ roundTripPurpose: this.text(r.pick(FREE_TEXT), 80) })),
      ...this.maybeObject(0.3, () => ({ stretcherPurpose: this.text(r.pick(FREE_TEXT), 80) })),
      ...this.maybeObject(0.6, () => ({
        certifications: Array.from({ length: r.int(1, 3) }, () => ({
          conditionIndicator: r.pick(['Y', 'N'] as const),
          conditionCodes: r.sample(['01', '04', '05', '06', '07', '08', '09', '12'] as const, r.int(1, 5)),
        })),
      })),
      pickup: this.address(false),
      dropoff: { ...this.maybeObject(0.7, () => ({ name: this.text(r.pick(ORGANIZATIONS), 60) })), address: this.address(false) },
    };
  }

  private repricing(): NonNullable<ClaimInput['repricing']> {
    const r = this.random;
    const amount = () => this.money().replace(/^(\d{1,7})\d*/, '$1');
    return {
      pricingMethodology: r.chance(this.hostility / 20) ? '06' : r.pick(['00', '01', '02', '03', '04', '05', '07', '08', '09', '10', '11', '12', '13', '14']),
      allowedAmount: amount(),
      ...this.maybeObject(0.5, () => ({ savingsAmount: amount() })),
      ...this.maybeObject(0.5, () => ({ organizationId: this.identifier(1, 50) })),
      ...this.maybeObject(0.3, () => ({ rate: `${r.int(0, 9_999_999)}${r.chance(0.5) ? `.${r.digits(r.int(1, 2))}` : ''}` })),
      ...this.maybeObject(this.hostility / 20, () => ({ drgCode: '470' })),
    };
  }

  private payToPlan(): NonNullable<ClaimInput['payToPlan']> {
    const r = this.random;
    return {
      name: this.text(r.pick(PAYER_NAMES), 60),
      payerId: r.chance(0.5) ? r.digits(5) : r.text(ALNUM, r.int(2, 12)),
      address: this.address(false),
      ...this.maybeObject(0.5, () => ({ secondaryId: { qualifier: r.pick(['2U', 'FY', 'NF'] as const), value: this.identifier(1, 50) } })),
      tin: r.digits(9),
    };
  }

  private drug(): NonNullable<LineInput['drug']> {
    const r = this.random;
    return {
      ndc: r.digits(11),
      quantity: r.chance(this.hostility / 20) ? '0' : r.chance(0.5) ? String(r.int(1, 999)) : `${r.int(0, 99)}.${r.int(1, 9)}${r.digits(r.int(0, 2))}`,
      unit: r.pick(['F2', 'GR', 'ME', 'ML', 'UN'] as const),
      ...this.maybeObject(0.4, () => ({ prescriptionNumber: this.identifier(1, 50) })),
    };
  }

  private lineDates(serviceDate: string): NonNullable<LineInput['dates']> {
    const r = this.random;
    const dates: Record<string, string> = {};
    for (const key of ['prescription', 'certificationRevision', 'beginTherapy', 'lastCertification', 'lastSeen', 'shipped', 'lastXray', 'initialTreatment'] as const) {
      if (r.chance(0.3)) dates[key] = addDays(serviceDate, -r.int(0, 200));
    }
    return dates;
  }

  private units(): string | number {
    const r = this.random;
    switch (r.int(0, 5)) {
      case 0: return r.int(1, 12);
      case 1: return String(r.int(1, 99));
      case 2: return `${r.int(0, 9)}.${r.digits(r.int(1, 3))}`.replace(/^0\.0+$/, '0.5');
      case 3: return r.chance(0.1) ? '99999999.999' : `${r.int(1, 400)}.${r.int(1, 9)}`;
      case 4: return r.chance(this.hostility / 5) ? '0.000' : `00${r.int(1, 9)}`;
      default: return 1;
    }
  }

  /** Charges from 0.01 to about a million, with and without cents; rarely far beyond. */
  private money(): string {
    const r = this.random;
    if (r.chance(this.hostility / 20)) return r.pick(['123456789012345678.00', '99999999999999999999', '100000000000']);
    const cents = r.chance(0.02) ? r.int(1, 9) * 10 ** r.int(9, 13) : r.chance(0.1) ? r.int(1, 100_000_000) : r.int(1, 200_000);
    const whole = Math.floor(cents / 100);
    const fraction = cents % 100;
    const form = r.int(0, 3);
    if (form === 0 && fraction === 0) return String(whole);
    if (form === 1 && fraction % 10 === 0) return `${whole}.${fraction / 10}`;
    return `${whole}.${String(fraction).padStart(2, '0')}`;
  }

  private icd10(): string {
    const r = this.random;
    if (r.chance(0.3)) return r.pick(['E11.9', 'I10', 'J06.9', 'S52.521A', 'M54.5', 'Z00.00', 'R07.89', 'T78.40XA', 'O09.01', 'F32.9']);
    const code = `${r.pick(LETTERS.replace('U', '').split(''))}${r.int(0, 9)}${r.text(`${LETTERS}0123456789`, 1)}${r.text(ALNUM, r.int(0, 4))}`;
    return code.length > 3 && r.chance(0.5) ? `${code.slice(0, 3)}.${code.slice(3)}` : code;
  }

  private claimId(): string {
    const r = this.random;
    const n = ++this.claimCounter;
    if (r.chance(this.hostility / 3)) return r.pick([`C${n}  X`, `C${n} `, `C${n}/A_B`]);
    const id = `${r.pick(['C', 'CLM-', 'A.', '7', 'x/'])}${n}${r.chance(0.5) ? `-${r.text(`${ALNUM} ._/-`, r.int(0, 20))}` : ''}`;
    return id.slice(0, 38).trimEnd().replace(/ {2,}/g, ' ');
  }

  /** Member ids, group numbers, authorizations: letters and digits, sometimes with - . / or spaces. */
  private identifier(min: number, max: number): string {
    const r = this.random;
    // Rarer than hostile names: a hostile identifier refuses the whole claim.
    if (r.chance(this.hostility / 10)) return r.pick(['AB*12', 'X~Y', 'ID ', ' A', 'Z:9', 'é1', 'a b']).padEnd(min, '1');
    const length = r.chance(0.1) ? max : r.int(Math.max(min, 2), Math.min(max, 16));
    const core = r.text(ALNUM, length);
    if (length < 5 || !r.chance(0.3)) return core;
    const cut = r.int(1, length - 2);
    return `${core.slice(0, cut)}${r.pick(['-', '.', '/', ' '])}${core.slice(cut + 1)}`;
  }

  /**
   * A name-like value: the seed value, sometimes padded to exactly `max`
   * characters, sometimes replaced by a hostile one.
   */
  private text(seed: string, max: number, min = 1): string {
    const r = this.random;
    let value = seed;
    if (r.chance(this.hostility)) value = r.chance(0.5) ? r.pick(HOSTILE) : `${seed} ${r.pick(HOSTILE)}`;
    if (r.chance(0.1)) value = `${value} ${'Longname '.repeat(10)}`;
    value = value.slice(0, max);
    // zod counts code points, not UTF-16 units.
    if ([...value.trim()].length < min) value = seed.slice(0, max);
    return [...value].length < min ? value.padEnd(min, 'X') : value;
  }

  private birthDate(): string {
    const r = this.random;
    return r.chance(this.hostility / 10) ? r.date('1700-01-01', '1899-12-31') : r.date('1905-01-01', '2025-12-31');
  }

  private maybe<T>(p: number, make: () => T): T | undefined {
    return this.random.chance(p) ? make() : undefined;
  }

  private maybeObject<T extends object>(p: number, make: () => T): T | Record<string, never> {
    return this.random.chance(p) ? make() : {};
  }
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
