/**
 * The 005010X221A1 code lists for the 835 elements the writer takes from the
 * remittance model. The model is shaped for reading any 835 (4010 codes
 * included), so the writer checks values against these before writing.
 */
type Codes = ReadonlySet<string>;
const set = (...codes: string[]): Codes => new Set(codes);

export const BPR01_HANDLING = set('C', 'D', 'H', 'I', 'P', 'U', 'X');
export const BPR04_METHOD = set('ACH', 'BOP', 'CHK', 'FWT', 'NON');
export const BPR05_FORMAT = set('CCP', 'CTX');
export const DFI_QUALIFIER = set('01', '04');
export const BPR08_ACCOUNT = set('DA');
export const BPR14_ACCOUNT = set('DA', 'SG');
export const TRN01_TRACE = set('1');

/** N103 of the payer (1000A) and the payee (1000B). */
export const PAYER_ID_QUALIFIER = set('XV');
export const PAYEE_ID_QUALIFIER = set('FI', 'XV', 'XX');

export const PAYER_REF = set('2U', 'EO', 'HI', 'NF');
export const PAYEE_REF = set('0B', 'D3', 'PQ', 'TJ');

/** PER01 and, per function, the PER03/05/07 communication qualifiers. */
export const CONTACT_QUALIFIERS: Readonly<Record<string, Codes>> = {
  CX: set('EM', 'FX', 'TE', 'EX'),
  BL: set('EM', 'EX', 'FX', 'TE', 'UR'),
  IC: set('UR'),
};

export const CLP02_STATUS = set('1', '2', '3', '4', '19', '20', '21', '22', '23', '25');
export const CLP06_FILING = set('12', '13', '14', '15', '16', '17', 'AM', 'CH', 'DS', 'HM', 'LM', 'MA', 'MB', 'MC', 'OF', 'TV', 'VA', 'WC', 'ZZ');

/** CAS01: CR (correction and reversal) was retired after 004010. */
export const CAS01_GROUP = set('CO', 'OA', 'PI', 'PR');

/** NM108 per 2100 NM1 entity. */
export const NM108_BY_ENTITY: Readonly<Record<string, Codes>> = {
  QC: set('34', 'HN', 'II', 'MI', 'MR'),
  IL: set('FI', 'II', 'MI'),
  '74': set('C'),
  '82': set('BD', 'BS', 'FI', 'MC', 'PC', 'SL', 'UP', 'XX'),
  GB: set('FI', 'II', 'MI'),
};

/** NM108 of the crossover carrier (TT) and the corrected priority payer (PR). */
export const OTHER_PAYER_ID_QUALIFIER = set('AD', 'FI', 'NI', 'PI', 'PP', 'XV');

/** CUR01: the payer is the only entity whose currency the 835 states. */
export const CUR01_ENTITY = set('PR');

/** RDM01 report transmission code. */
export const RDM01_TRANSMISSION = set('BM', 'EM', 'FT', 'OL');

/** PER03, PER05, PER07 of the 2100 claim contact (PER*CX). */
export const CLAIM_CONTACT_QUALIFIERS: readonly Codes[] = [set('EM', 'FX', 'TE'), set('EM', 'EX', 'FX', 'TE'), set('EX')];

export const CLAIM_QTY = set('CA', 'CD', 'LA', 'LE', 'NE', 'NR', 'OU', 'PS', 'VS', 'ZK', 'ZL', 'ZM', 'ZN', 'ZO');
export const LINE_QTY = set('ZK', 'ZL', 'ZM', 'ZN', 'ZO');

/** 2100 REF: other claim related identification, then rendering provider identification (the guide's order). */
export const CLAIM_REF_ORDER: readonly Codes[] = [
  set('1L', '1W', '28', '6P', '9A', '9C', 'BB', 'CE', 'EA', 'F8', 'G1', 'G3', 'IG', 'SY'),
  set('0B', '1A', '1B', '1C', '1D', '1G', '1H', '1J', 'D3', 'G2', 'LU'),
];
/** Most REF segments per 2100 group above. */
export const CLAIM_REF_MAX = [5, 10];

/** 2110 REF: service identification, (6R), rendering provider, healthcare policy. */
export const LINE_REF_ORDER: readonly Codes[] = [
  set('1S', 'APC', 'BB', 'E9', 'G1', 'G3', 'LU', 'RB'),
  set('0B', '1A', '1B', '1C', '1D', '1G', '1H', '1J', 'D3', 'G2', 'HPI', 'SY', 'TJ'),
  set('0K'),
];
export const LINE_REF_MAX = [8, 10, 5];

/** 2100 DTM in the guide's order: statement period (232/233, at most 2), coverage expiration, claim received. */
export const CLAIM_DATE_ORDER = ['232', '233', '036', '050'];

export const CLAIM_AMT = set('AU', 'D8', 'DY', 'F5', 'I', 'NL', 'T', 'T2', 'ZK', 'ZL', 'ZM', 'ZN', 'ZO');
export const LINE_AMT = set('B6', 'KH', 'T', 'T2', 'ZK', 'ZL', 'ZM', 'ZN', 'ZO');

export const SVC_QUALIFIER = set('AD', 'ER', 'HC', 'HP', 'IV', 'N4', 'N6', 'NU', 'UI', 'WK');
/** SVC06-1 has no N6 or UI. */
export const SVC06_QUALIFIER = set('AD', 'ER', 'HC', 'HP', 'IV', 'N4', 'NU', 'WK');

export const LQ01_LIST = set('HE', 'RX');

export const PLB_REASON = set(
  '50', '51', '72', '90', 'AH', 'AM', 'AP', 'B2', 'B3', 'BD', 'BN', 'C5', 'CR', 'CS', 'CT', 'CV', 'CW', 'DM', 'E3', 'FB',
  'FC', 'GO', 'HM', 'IP', 'IR', 'IS', 'J1', 'L3', 'L6', 'LE', 'LS', 'OA', 'OB', 'PI', 'PL', 'RA', 'RE', 'SL', 'TL', 'WO', 'WU',
);
