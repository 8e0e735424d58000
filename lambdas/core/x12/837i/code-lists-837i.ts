/** Code lists of 005010X223A2 for values the claim model accepts by shape only. */

/** 2300 NTE01 claim note codes (up to ten notes), plus ADD for the one billing note. */
export const CLAIM_NOTE_CODES_837I: ReadonlySet<string> = new Set([
  'ALG', 'DCP', 'DGN', 'DME', 'MED', 'NTR', 'ODT', 'RHB', 'RLH', 'RNH', 'SET', 'SFM', 'SPT', 'UPI',
]);
export const BILLING_NOTE_CODE = 'ADD';

/** PWK01 attachment report type codes (2300 PWK). */
export const ATTACHMENT_REPORT_TYPES_837I: ReadonlySet<string> = new Set([
  '03', '04', '05', '06', '07', '08', '09', '10', '11', '13', '15', '21', 'A3', 'A4', 'AM', 'AS', 'B2', 'B3', 'B4', 'BR',
  'BS', 'BT', 'CB', 'CK', 'CT', 'D2', 'DA', 'DB', 'DG', 'DJ', 'DS', 'EB', 'HC', 'HR', 'I5', 'IR', 'LA', 'M1', 'MT', 'NN',
  'OB', 'OC', 'OD', 'OE', 'OX', 'OZ', 'P4', 'P5', 'PE', 'PN', 'PO', 'PQ', 'PY', 'PZ', 'RB', 'RR', 'RT', 'RX', 'SG', 'V5',
  'XP',
]);

/** HCP01 pricing methodology codes of the 837I 2300 HCP (00-14; 06 is allowed here, unlike the 837P claim level). */
export const PRICING_METHODOLOGIES_837I: ReadonlySet<string> = new Set([
  '00', '01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12', '13', '14',
]);

/** HI01-9 present-on-admission values of 5010. The model's "1" (exempt) is reported by leaving HI01-9 empty. */
export const WRITTEN_POA_VALUES: ReadonlySet<string> = new Set(['Y', 'N', 'U', 'W']);
