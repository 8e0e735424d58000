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
  | 'DATES_REVERSED'
  // Coordination of benefits (2320/2330A/2330B/2430): see check-cob.ts.
  | 'COB_RESPONSIBILITY_REPEATED'
  | 'COB_PAYER_ID_REPEATED'
  | 'COB_GROUP_NAME_WITH_NUMBER'
  | 'COB_INSURANCE_TYPE_ONLY_FOR_SECONDARY'
  | 'COB_FIELD_NOT_USED'
  | 'COB_OUTPATIENT_REMARKS_EMPTY'
  | 'COB_TOO_MANY_ADJUSTMENT_SEGMENTS'
  | 'COB_LINE_PAYER_UNKNOWN'
  | 'COB_LINE_PAYER_NOT_ADJUDICATED'
  | 'COB_LINE_PROCEDURE_REQUIRED'
  | 'COB_PROCEDURE_QUALIFIER'
  | 'COB_PAYMENT_DATE_REQUIRED'
  | 'COB_PAYMENT_DATE_WITH_LINES'
  | 'COB_LINE_UNBALANCED'
  | 'COB_CLAIM_UNBALANCED';

/** Where in the claim a problem is and how to fix it, when the check knows more than the element. */
export interface Claim837ErrorDetails {
  /** Claim field path, e.g. "serviceLines[2].adjudications". */
  path?: string;
  /** What the biller should do. */
  fix?: string;
}

export class Claim837Error extends X12Error {
  constructor(
    override readonly code: Claim837ErrorCode,
    message: string,
    /** CLM01 of the claim at fault. */
    readonly claimId: string,
    /** Element reference such as "CLM02" or "SV107", or a claim field path. */
    element?: string,
    segmentId?: string,
    details: Claim837ErrorDetails = {},
  ) {
    super(code, message, undefined, segmentId, element);
    this.name = 'Claim837Error';
    if (details.path !== undefined) this.path = details.path;
    if (details.fix !== undefined) this.fix = details.fix;
  }

  // Declared only: absent (not undefined-valued) when the check gives none.
  /** Claim field path of the problem, when the check names one. */
  declare readonly path?: string;
  /** How to fix it, when the check says. */
  declare readonly fix?: string;
}
