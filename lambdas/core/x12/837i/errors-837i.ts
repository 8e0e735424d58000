/**
 * Why a claim cannot be written as a conformant 005010X223A2 837I. The 837I
 * shares the 837P's refusals (Claim837ErrorCode) and adds its own below.
 *
 * Claim837IError is a Claim837Error, so a batch writer that holds back the
 * claim named by `claimId` treats both transactions alike. Its `code` is typed
 * Claim837ErrorCode by the base class; the institutional codes are passed
 * through it (see the cast below) until write-errors.ts lists them too.
 */
import { Claim837Error, type Claim837ErrorCode, type Claim837ErrorDetails } from '../837/write-errors.js';

/** Refusals only the 837I has. Stable: callers map them to findings (X837I-...). */
export type Institutional837Code =
  | 'STATEMENT_PERIOD_REVERSED'
  | 'INPATIENT_ADMISSION_REQUIRED'
  | 'INPATIENT_ADMISSION_TYPE_REQUIRED'
  | 'INPATIENT_ADMITTING_DIAGNOSIS_REQUIRED'
  | 'PATIENT_STATUS_REQUIRED'
  | 'PRESENT_ON_ADMISSION_NOT_INPATIENT'
  | 'PROCEDURE_CODE_SYSTEM_MISMATCH'
  | 'PROCEDURE_ON_OUTPATIENT_CLAIM'
  | 'OTHER_PROCEDURES_WITHOUT_PRINCIPAL'
  | 'OCCURRENCE_SPAN_REVERSED'
  | 'BILLING_PROVIDER_NOT_ORGANIZATION'
  | 'PROVIDER_NOT_PERSON'
  | 'ATTENDING_PROVIDER_REQUIRED'
  | 'UNIT_BASIS_NOT_INSTITUTIONAL'
  | 'LINE_SERVICE_DATE_REQUIRED'
  | 'MODIFIERS_WITHOUT_PROCEDURE_CODE'
  | 'FIELD_NOT_USED_ON_837I'
  // Shared with the 837P checks being added in write-errors.ts; listed here so this file does not depend on that change.
  | 'ATTACHMENT_REPORT_TYPE'
  | 'ATTACHMENT_NEEDS_CONTROL_NUMBER'
  | 'NOTE_REFERENCE_CODE'
  | 'TOO_MANY_CLAIM_NOTES'
  | 'PRICING_METHODOLOGY'
  | 'NEGATIVE_AMOUNT'
  | 'DRUG_QUANTITY_NOT_POSITIVE'
  | 'DUPLICATE_SECONDARY_ID';

export type Claim837ICode = Claim837ErrorCode | Institutional837Code;

export class Claim837IError extends Claim837Error {
  constructor(code: Claim837ICode, message: string, claimId: string, element?: string, segmentId?: string, details?: Claim837ErrorDetails) {
    // The base class's union does not list the institutional codes yet; the string itself is what callers read.
    super(code as Claim837ErrorCode, message, claimId, element, segmentId, details);
    this.name = 'Claim837IError';
  }

  /** The code with its institutional members in the type. */
  get institutionalCode(): Claim837ICode {
    return this.code;
  }
}
