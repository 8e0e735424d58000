/**
 * Seeded random canonical claims for property tests of the 837P writer. It
 * covers the whole claim model: person/organization providers, optional
 * taxonomy, rendering (same or another NPI), referring, dependants with every
 * relationship code, every filing indicator, names with punctuation, accents
 * and delimiter characters, maximum lengths, 1-12 diagnoses (ICD-9 before
 * 2015-10-01), 1-50 lines with 0-4 modifiers, decimal units, date ranges,
 * replacement/void claims and batches with several providers and payers.
 *
 * Most claims are acceptable; with `hostility` > 0 some values are the kind a
 * scrubber must refuse (characters X12 cannot carry, a PO box billing
 * address, ...). Tests keep the claims whose submissionFindings hold no error.
 */
import { Claim, type ClaimInput } from '../../lambdas/core/claim/model.js';
import { addDays, Random, randomNpi } from './random.js';

type ProviderInput = NonNullable<ClaimInput['renderingProvider']>;
type BillingInput = ClaimInput['billingProvider'];
type AddressInput = BillingInput['address'];
type NameInput = ClaimInput['subscriber']['name'];
type LineInput = ClaimInput['serviceLines'][number];

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
const ICD9 = ['V700', 'V7231', 'E8889', 'V221', 'V5789', 'E9174', 'V0481'];

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
  private readonly hostility: number;
  private readonly tenantId: string;
  private readonly places: string[];
  private readonly states: string[];
  private claimCounter = 0;

  constructor(
    private readonly random: Random,
    options: ClaimGeneratorOptions = {},
  ) {
    this.hostility = options.hostility ?? 0.1;
    this.tenantId = options.tenantId ?? 'prop-test';
    this.places = options.legacyCodeLists ? PLACES_OF_SERVICE.filter((p) => !NEWER_PLACES_OF_SERVICE.has(p)) : PLACES_OF_SERVICE;
    this.states = options.legacyCodeLists ? STATES.filter((s) => s !== 'PW') : STATES;
  }

  /** Claims for one file: 1-3 billing providers and 1-3 payers shared among 1-12 claims, unique claim ids. */
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
    const frequencyCode = r.pick(['1', '1', '1', '7', '8'] as const);
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
    };
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
