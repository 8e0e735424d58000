/**
 * Why a claim cannot be written as a conformant 005010X222A1 837P. The code is
 * stable (callers map it to a finding or an exception); the message names the
 * segment, element or field, never the value in it. `claimId` (CLM01) says
 * which claim of the batch to hold back.
 */
import { X12Error } from '../errors.js';

export type Claim837ErrorCode =
  | 'TENANT_MISMATCH'
  | 'UNSUPPORTED_CLAIM_TYPE'
  | 'FREQUENCY_NEEDS_PAYER_CLAIM_CONTROL_NUMBER'
  | 'TOTAL_CHARGE_MISMATCH'
  | 'NEGATIVE_CHARGE'
  | 'DIAGNOSIS_POINTER_OUT_OF_RANGE'
  | 'DUPLICATE_DIAGNOSIS_POINTER'
  | 'MIXED_DIAGNOSIS_CODE_SYSTEMS'
  | 'DIAGNOSIS_CODE_SYSTEM_FOR_DATES'
  | 'SERVICE_DATE_RANGE_REVERSED'
  | 'DUPLICATE_LINE_ITEM_CONTROL_NUMBER'
  | 'BILLING_PROVIDER_ZIP_NOT_NINE_DIGITS'
  | 'BILLING_PROVIDER_PO_BOX'
  | 'REFERRING_PROVIDER_NOT_PERSON'
  | 'EMPTY_AFTER_SANITISING'
  | 'TOO_SHORT_AFTER_SANITISING'
  | 'TOO_LONG_AFTER_SANITISING'
  | 'IDENTIFIER_NOT_X12_SAFE'
  | 'INVALID_STATE_CODE'
  | 'INVALID_PLACE_OF_SERVICE'
  | 'DATE_BEFORE_1900'
  | 'AMOUNT_TOO_LARGE'
  | 'UNITS_NOT_POSITIVE'
  | 'DUPLICATE_CLAIM_ID'
  | 'PROFESSIONAL_FREQUENCY_CODE'
  | 'UNIT_BASIS_NOT_PROFESSIONAL'
  | 'SUPERVISING_PROVIDER_NOT_PERSON'
  | 'ACCIDENT_DATE_REQUIRED'
  | 'AUTO_ACCIDENT_STATE_REQUIRED'
  | 'DUPLICATE_RELATED_CAUSE'
  | 'INVALID_COUNTRY_CODE'
  | 'ATTACHMENT_REPORT_TYPE'
  | 'ATTACHMENT_NEEDS_CONTROL_NUMBER'
  | 'TOO_MANY_CLAIM_NOTES'
  | 'NOTE_REFERENCE_CODE'
  | 'INSURANCE_TYPE_ONLY_FOR_SECONDARY'
  | 'DUPLICATE_SECONDARY_ID'
  | 'SUBSCRIBER_SSN_NOT_NINE_DIGITS'
  | 'SERVICE_FACILITY_ZIP_NOT_NINE_DIGITS'
  | 'PRICING_METHODOLOGY'
  | 'REPRICING_DRG_NOT_PROFESSIONAL'
  | 'NEGATIVE_AMOUNT'
  | 'DRUG_QUANTITY_NOT_POSITIVE'
  | 'DATES_REVERSED';

export class Claim837Error extends X12Error {
  constructor(
    override readonly code: Claim837ErrorCode,
    message: string,
    /** CLM01 of the claim at fault. */
    readonly claimId: string,
    /** Element reference such as "CLM02" or "SV107", or a claim field path. */
    element?: string,
    segmentId?: string,
  ) {
    super(code, message, undefined, segmentId, element);
    this.name = 'Claim837Error';
  }
}
