/**
 * DX-MANIFESTATION-PRINCIPAL: a manifestation code ("... in diseases
 * classified elsewhere", tabular note "code first underlying disease") may
 * never be the principal/first-listed diagnosis. The CMS order file does not
 * flag manifestation codes, so the categories are kept here: the ICD-10-CM
 * categories whose codes are manifestation-only ("in diseases classified
 * elsewhere" with a "code first" note), as listed in the tabular and the
 * Medicare Code Editor's "manifestation code as principal" edit.
 * Checked against the FY2026 order file: every category here exists and is
 * titled "... in (other) diseases classified elsewhere" (G46: "... in
 * cerebrovascular diseases"); H45, H48, H58, M68 and M73, manifestation
 * categories in older releases, no longer exist and are left out.
 */
import type { Rule } from '../../rule.js';
import { categoryOf } from './claim-date.js';

export const MANIFESTATION_CATEGORIES: ReadonlySet<string> = new Set([
  'D63', 'D77', 'E35', 'F02', 'G01', 'G02', 'G05', 'G07', 'G13', 'G26', 'G32', 'G46', 'G53', 'G55', 'G59', 'G63', 'G73',
  'G94', 'G99', 'H22', 'H28', 'H32', 'H36', 'H42', 'H62', 'H67', 'H75', 'H82', 'H94', 'I32', 'I39',
  'I41', 'I43', 'I52', 'I68', 'I79', 'J17', 'J91', 'J99', 'K23', 'K67', 'K77', 'K87', 'L14', 'L45', 'L54', 'L62', 'L86',
  'L99', 'M01', 'M14', 'M36', 'M49', 'M63', 'M90', 'N08', 'N16', 'N22', 'N29', 'N33', 'N37', 'N51', 'N74', 'N77',
]);

export const isManifestation = (code: string): boolean => MANIFESTATION_CATEGORIES.has(categoryOf(code));

export const manifestationRule: Rule = {
  id: 'DX-MANIFESTATION-PRINCIPAL',
  family: 'diagnosis',
  defaultSeverity: 'error',
  description: 'A manifestation code ("in diseases classified elsewhere") is never the principal or first-listed diagnosis.',
  fix: 'List the underlying disease first and the manifestation after it.',
  check({ claim }) {
    const first = claim.diagnoses[0];
    if (!first || first.system !== 'ICD-10-CM' || !isManifestation(first.code)) return [];
    return [{ path: 'diagnoses[0].code', message: `manifestation code ${first.code} is the principal/first-listed diagnosis` }];
  },
};
