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
