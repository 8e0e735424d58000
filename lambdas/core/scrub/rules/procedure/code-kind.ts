/** Which code system a 5-character line procedure code belongs to, by its shape. */

/** CPT: four digits and a digit or a category letter (F performance measures, T emerging technology, U PLA, A/M vaccines/multianalyte). */
export const CPT_PATTERN = /^\d{4}[0-9AFMTU]$/;
/** HCPCS Level II: a letter A-V and four digits. */
export const HCPCS_PATTERN = /^[A-V]\d{4}$/;

export function procedureKind(code: string): 'CPT' | 'HCPCS' | undefined {
  if (CPT_PATTERN.test(code)) return 'CPT';
  if (HCPCS_PATTERN.test(code)) return 'HCPCS';
  return undefined;
}
