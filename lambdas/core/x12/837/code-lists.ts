/**
 * CMS place of service codes (code source 237) as assigned today, including
 * 10 (telehealth in the patient's home, 2022), 27 (outreach site, 2023),
 * 58 (non-residential opioid treatment, 2020) and 66 (PACE center, 2024).
 * The claim model checks only the shape (two digits).
 */
export const PLACE_OF_SERVICE_CODES: ReadonlySet<string> = new Set([
  '01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12', '13', '14', '15', '16', '17', '18', '19', '20',
  '21', '22', '23', '24', '25', '26', '27', '31', '32', '33', '34', '41', '42', '49', '50', '51', '52', '53', '54', '55',
  '56', '57', '58', '60', '61', '62', '65', '66', '71', '72', '81', '99',
]);

/** PWK01 attachment report type codes of 005010X222A1 (2300 and 2400 PWK). */
export const ATTACHMENT_REPORT_TYPES: ReadonlySet<string> = new Set([
  '03', '04', '05', '06', '07', '08', '09', '10', '11', '13', '15', '21', 'A3', 'A4', 'AM', 'AS', 'B2', 'B3', 'B4', 'BR',
  'BS', 'BT', 'CB', 'CK', 'CT', 'D2', 'DA', 'DB', 'DG', 'DJ', 'DS', 'EB', 'HC', 'HR', 'I5', 'IR', 'LA', 'M1', 'MT', 'NN',
  'OB', 'OC', 'OD', 'OE', 'OX', 'OZ', 'P4', 'P5', 'PE', 'PN', 'PO', 'PQ', 'PY', 'PZ', 'RB', 'RR', 'RT', 'RX', 'SG', 'V5',
  'XP',
]);

/** NTE01 note reference codes allowed on the 2300 claim note of the 837P. */
export const CLAIM_NOTE_CODES: ReadonlySet<string> = new Set(['ADD', 'CER', 'DCP', 'DGN', 'TPO']);

/** HCP01 pricing methodology codes of the 2300 HCP (06 is a line-level code only). */
export const CLAIM_PRICING_METHODOLOGIES: ReadonlySet<string> = new Set([
  '00', '01', '02', '03', '04', '05', '07', '08', '09', '10', '11', '12', '13', '14',
]);

/** Claim frequency codes (CLM05-3) a professional claim may carry: original, replacement, void. */
export const PROFESSIONAL_FREQUENCY_CODES: ReadonlySet<string> = new Set(['1', '7', '8']);

/**
 * Canadian province and territory codes: CLM11-4 (auto accident state or
 * province) takes them besides the US codes.
 */
export const CANADIAN_PROVINCE_CODES: ReadonlySet<string> = new Set([
  'AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT',
]);

/** ISO 3166-1 alpha-2 country codes (code source 5), for CLM11-5. */
export const COUNTRY_CODES: ReadonlySet<string> = new Set(
  (
    'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD ' +
    'CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF ' +
    'GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN ' +
    'KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA ' +
    'NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI ' +
    'SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI ' +
    'VN VU WF WS YE YT ZA ZM ZW'
  ).split(' '),
);
