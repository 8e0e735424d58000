/**
 * Modifier lists kept in source. CPT (Level I) modifiers are two digits and
 * come with the AMA's CPT book, not with the CMS HCPCS file, so they are
 * listed here. The Level II list is a fallback of well-known modifiers used
 * only when the HCPCS-MODIFIER code set is not loaded; anything else is then
 * "not verified" rather than wrong.
 */

/** CPT Level I modifiers (professional and the facility ones 73/74). */
export const CPT_MODIFIERS: ReadonlySet<string> = new Set([
  '22', '23', '24', '25', '26', '27', '32', '33', '47', '50', '51', '52', '53', '54', '55', '56', '57', '58', '59', '62', '63',
  '66', '73', '74', '76', '77', '78', '79', '80', '81', '82', '90', '91', '92', '93', '95', '96', '97', '99',
]);

/** Well-known HCPCS Level II modifiers (anatomic, NCCI bypass, telehealth, liability, therapy, anesthesia, drugs). */
export const WELL_KNOWN_LEVEL_II: ReadonlySet<string> = new Set([
  'LT', 'RT', 'E1', 'E2', 'E3', 'E4', 'FA', 'F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F7', 'F8', 'F9',
  'TA', 'T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9', 'LC', 'LD', 'LM', 'RC', 'RI',
  'XE', 'XP', 'XS', 'XU', 'TC', 'GT', 'GQ', 'FQ', 'FR', 'GA', 'GX', 'GY', 'GZ', 'GC', 'GE', 'GN', 'GO', 'GP', 'KX', 'CQ', 'CO',
  'QW', 'Q5', 'Q6', 'QK', 'QX', 'QY', 'QZ', 'AA', 'AD', 'AS', 'P1', 'P2', 'P3', 'P4', 'P5', 'P6',
  'JW', 'JZ', 'JG', 'JB', 'KO', 'KP', 'KQ', 'SA', 'SB', 'SG', 'PO', 'PN', 'PD', 'CR', 'CS', 'NU', 'RR', 'UE', 'MS', 'AI', 'AQ', 'AT', 'GV', 'GW',
]);
