/**
 * The dates and settings the coding rules (diagnoses, procedures, POA) decide
 * against. A claim's diagnoses are checked against the code-set version in
 * force on its date of service: for an inpatient 837I the discharge date
 * (statement period end), otherwise the earliest line date.
 */
import type { Claim } from '../../../claim/model.js';
import { lineServiceDate } from '../../../claim/service-dates.js';

/** ICD-10 replaced ICD-9 for dates of service from this day on. */
export const ICD10_START = '2015-10-01';

/**
 * Facility types (first two digits of the type of bill) billed as inpatient
 * stays: hospital inpatient (11), hospital swing bed (18), SNF inpatient (21),
 * religious non-medical hospital inpatient (41). Their codes are chosen by the
 * discharge date and their diagnoses carry present-on-admission indicators.
 */
export const INPATIENT_FACILITY_TYPES: ReadonlySet<string> = new Set(['11', '18', '21', '41']);

export function isInpatient(claim: Pick<Claim, 'claimType' | 'institutional'>): boolean {
  return claim.claimType === 'institutional' && claim.institutional !== undefined && INPATIENT_FACILITY_TYPES.has(claim.institutional.facilityTypeCode);
}

/** The date the claim's diagnoses are coded for. */
export function diagnosisDate(claim: Claim): string {
  if (isInpatient(claim) && claim.institutional) return claim.institutional.statementTo;
  const dates = claim.serviceLines.map((line) => lineServiceDate(claim, line));
  return dates.reduce((earliest, date) => (date < earliest ? date : earliest));
}

/** Every diagnosis code on the claim with its JSON path (837I extras included). */
export interface DiagnosisRef {
  code: string;
  system: 'ICD-10-CM' | 'ICD-9-CM';
  path: string;
}

export function allDiagnoses(claim: Claim): DiagnosisRef[] {
  const refs: DiagnosisRef[] = claim.diagnoses.map((dx, i) => ({ code: dx.code, system: dx.system, path: `diagnoses[${i}].code` }));
  const inst = claim.institutional;
  if (!inst) return refs;
  // The 837I extras follow the principal diagnosis's code system (X12 ABJ/APR/ABN vs BJ/PR/BN).
  const system = claim.diagnoses[0]?.system ?? 'ICD-10-CM';
  if (inst.admittingDiagnosis) refs.push({ code: inst.admittingDiagnosis, system, path: 'institutional.admittingDiagnosis' });
  inst.reasonForVisit?.forEach((code, i) => refs.push({ code, system, path: `institutional.reasonForVisit[${i}]` }));
  inst.externalCauses?.forEach((ec, i) => refs.push({ code: ec.code, system, path: `institutional.externalCauses[${i}].code` }));
  return refs;
}

/** The three-character ICD-10-CM category of a code. */
export const categoryOf = (code: string): string => code.slice(0, 3).toUpperCase();

/** Whether a category lies in an inclusive range of categories ("N70"-"N98"; "O00"-"O9A" sorts correctly too). */
export function inCategoryRange(category: string, from: string, to: string): boolean {
  return category >= from && category <= to;
}
