/**
 * Type of bill (CLM05-1 facility type code + CLM05-3 frequency) as the 837I
 * rules need it: which claims are inpatient. The guide ties the admission
 * date (DTP*435), admission type (CL101), admitting diagnosis (HI ABJ),
 * present-on-admission indicators and ICD procedures to inpatient claims.
 *
 * Inpatient here: hospital (1x), skilled nursing (2x) and religious
 * non-medical (4x) facilities billing inpatient Part A (x1), inpatient Part B
 * (x2) or swing bed (x8), intermediate care (65, 66) and residential
 * facilities (86), as the NUBC type-of-bill classifications define them.
 */
export const INPATIENT_FACILITY_TYPES: ReadonlySet<string> = new Set(['11', '12', '18', '21', '22', '28', '41', '65', '66', '86']);

export function isInpatient(facilityTypeCode: string): boolean {
  return INPATIENT_FACILITY_TYPES.has(facilityTypeCode);
}

/** First date of service coded in ICD-10 (the HIPAA compliance date). */
export const ICD10_FROM = '2015-10-01';
