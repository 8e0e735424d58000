/**
 * The 005010X222A1 rules a claim must meet that the canonical model does not
 * enforce on its own. write837P refuses a claim that breaks one (throwing the
 * first problem); intake or the scrubber can call check837P earlier to hold a
 * claim back instead of failing a whole batch.
 */
import { lineServiceDate, lineServiceDateEnd } from '../../claim/service-dates.js';
import type { Claim } from '../../claim/model.js';
import { sumCents, toCents } from '../../money.js';
import { checkCoordination } from './check-cob.js';
import { checkWrittenValues } from './check-values.js';
import {
  ATTACHMENT_REPORT_TYPES,
  CANADIAN_PROVINCE_CODES,
  CLAIM_NOTE_CODES,
  CLAIM_PRICING_METHODOLOGIES,
  COUNTRY_CODES,
  PROFESSIONAL_FREQUENCY_CODES,
} from './code-lists.js';
import { US_STATE_CODES } from '../us-states.js';
import { Claim837Error, type Claim837ErrorDetails } from './write-errors.js';

/**
 * The largest charge accepted: 99,999,999,999.99. Within it, fifty lines still
 * add up exactly in integer cents (money.ts refuses unsafe integers) and far
 * inside the 18 digits of CLM02/SV102.
 */
const MAX_AMOUNT = /^\s*-?0*\d{1,11}(\.\d{1,2})?\s*$/;

/** First date of service coded in ICD-10-CM (the HIPAA compliance date). */
const ICD10_FROM = '2015-10-01';

/** A street address line that is a post office box (2010AA N301 must be a street address). */
const PO_BOX = /\b(P\.?\s*O\.?\s*BOX|POST\s+OFFICE\s+BOX|LOCK\s*BOX|LOCKBOX)\b/i;

type Fail = (code: Claim837Error['code'], message: string, element?: string, segmentId?: string, details?: Claim837ErrorDetails) => void;

/** Every reason `claim` cannot be written as an 837P; empty when it can. */
export function check837P(claim: Claim, tenantId?: string): Claim837Error[] {
  const problems: Claim837Error[] = [];
  const fail: Fail = (code, message, element, segmentId, details) => {
    problems.push(new Claim837Error(code, message, claim.claimId, element, segmentId, details));
  };

  // The checks below add cents; an amount beyond exact integer cents would make them throw.
  claim.serviceLines.forEach((line, index) => {
    if (!MAX_AMOUNT.test(line.charge)) {
      fail('AMOUNT_TOO_LARGE', `service line ${index + 1}: SV102 is above 99999999999.99`, 'SV102', 'SV1');
    }
  });
  const amounts: Array<[string | undefined, string, string, string]> = [
    [claim.totalCharge, 'totalCharge', 'CLM02', 'CLM'],
    [claim.patientPaid, 'patientPaid', 'AMT02', 'AMT'],
    [claim.contract?.amount, 'contract.amount', 'CN102', 'CN1'],
    [claim.repricing?.allowedAmount, 'repricing.allowedAmount', 'HCP02', 'HCP'],
    [claim.repricing?.savingsAmount, 'repricing.savingsAmount', 'HCP03', 'HCP'],
  ];
  for (const [value, field, element, segmentId] of amounts) {
    if (value !== undefined && !MAX_AMOUNT.test(value)) fail('AMOUNT_TOO_LARGE', `${field} (${element}) is above 99999999999.99`, element, segmentId);
  }
  if (problems.length > 0) return problems;

  if (tenantId !== undefined && claim.tenantId !== tenantId) {
    fail('TENANT_MISMATCH', 'the claim belongs to another tenant than the one writing the file', 'tenantId');
  }
  if (claim.claimType !== 'professional') {
    // Nothing else applies: the institutional claim goes to the 837I writer.
    fail('UNSUPPORTED_CLAIM_TYPE', 'only professional claims are written as 837P', 'claimType');
    return problems;
  }
  if (!PROFESSIONAL_FREQUENCY_CODES.has(claim.frequencyCode)) {
    fail('PROFESSIONAL_FREQUENCY_CODE', 'CLM05-3 of a professional claim is 1 (original), 7 (replacement) or 8 (void)', 'CLM05-3', 'CLM');
  }
  if ((claim.frequencyCode === '7' || claim.frequencyCode === '8') && !claim.payerClaimControlNumber) {
    fail(
      'FREQUENCY_NEEDS_PAYER_CLAIM_CONTROL_NUMBER',
      'a replacement (7) or void (8) claim needs payerClaimControlNumber for REF*F8',
      'REF02',
      'REF',
    );
  }

  // Five-digit billing and facility ZIPs are written, with a warning: see advise-837p.ts.
  const billingStreet = [claim.billingProvider.address.line1, claim.billingProvider.address.line2 ?? ''].join(' ');
  if (PO_BOX.test(billingStreet)) {
    fail('BILLING_PROVIDER_PO_BOX', 'loop 2010AA N3 must be a street address, not a post office or lock box', 'N301', 'N3');
  }
  if (claim.referringProvider && claim.referringProvider.entity !== 'person') {
    fail('REFERRING_PROVIDER_NOT_PERSON', 'loop 2310A NM102 allows a person only', 'NM102', 'NM1');
  }
  if (claim.supervisingProvider && claim.supervisingProvider.entity !== 'person') {
    fail('SUPERVISING_PROVIDER_NOT_PERSON', 'loop 2310D NM102 allows a person only', 'NM102', 'NM1');
  }
  checkClaimSegments(claim, fail);

  const systems = new Set(claim.diagnoses.map((d) => d.system));
  if (systems.size > 1) {
    fail('MIXED_DIAGNOSIS_CODE_SYSTEMS', 'HI cannot mix ICD-10-CM and ICD-9-CM diagnoses on one claim', 'HI01-1', 'HI');
  } else {
    // HIPAA code sets: ICD-10-CM for services from 2015-10-01, ICD-9-CM before; a claim spanning both is split.
    const icd10 = systems.has('ICD-10-CM');
    const wrongSystem = (date: string) => date < ICD10_FROM === icd10;
    const wrongDate = claim.serviceLines.some((line) => wrongSystem(lineServiceDate(claim, line)) || wrongSystem(lineServiceDateEnd(claim, line)));
    if (wrongDate) {
      const message = icd10
        ? 'ICD-10-CM diagnoses (HI ABK/ABF) are for services from 2015-10-01; earlier lines need ICD-9-CM on a claim of their own'
        : 'ICD-9-CM diagnoses (HI BK/BF) are for services before 2015-10-01; later lines need ICD-10-CM on a claim of their own';
      fail('DIAGNOSIS_CODE_SYSTEM_FOR_DATES', message, 'HI01-1', 'HI');
    }
  }

  const lineCents: number[] = [];
  const controlNumbers = new Set<string>();
  claim.serviceLines.forEach((line, index) => {
    const n = index + 1;
    const cents = toCents(line.charge);
    lineCents.push(cents);
    if (cents < 0) fail('NEGATIVE_CHARGE', `service line ${n}: SV102 cannot be negative`, 'SV102', 'SV1');
    if (!/[1-9]/.test(line.units)) {
      fail('UNITS_NOT_POSITIVE', `service line ${n}: SV104 must be a positive number of units`, 'SV104', 'SV1');
    }
    for (const pointer of line.diagnosisPointers) {
      if (pointer > claim.diagnoses.length) {
        fail('DIAGNOSIS_POINTER_OUT_OF_RANGE', `service line ${n}: SV107 points past the diagnoses in HI`, 'SV107', 'SV1');
        break;
      }
    }
    if (new Set(line.diagnosisPointers).size !== line.diagnosisPointers.length) {
      fail('DUPLICATE_DIAGNOSIS_POINTER', `service line ${n}: SV107 repeats a diagnosis pointer`, 'SV107', 'SV1');
    }
    if (line.serviceDateEnd !== undefined && line.serviceDateEnd < lineServiceDate(claim, line)) {
      fail('SERVICE_DATE_RANGE_REVERSED', `service line ${n}: serviceDateEnd is before serviceDate`, 'DTP03', 'DTP');
    }
    if (line.unitBasis !== 'UN' && line.unitBasis !== 'MJ') {
      fail('UNIT_BASIS_NOT_PROFESSIONAL', `service line ${n}: SV103 is UN (units) or MJ (minutes) on a professional line`, 'SV103', 'SV1');
    }
    if (line.drug && !/[1-9]/.test(line.drug.quantity)) {
      fail('DRUG_QUANTITY_NOT_POSITIVE', `service line ${n}: CTP04 (drug.quantity) must be a positive number of units`, 'CTP04', 'CTP');
    }
    if (line.lineItemControlNumber !== undefined) {
      if (controlNumbers.has(line.lineItemControlNumber)) {
        fail('DUPLICATE_LINE_ITEM_CONTROL_NUMBER', `service line ${n}: REF*6R repeats another line's control number`, 'REF02', 'REF');
      }
      controlNumbers.add(line.lineItemControlNumber);
    }
  });

  if (claim.totalCharge !== undefined && toCents(claim.totalCharge) !== sumCents(lineCents)) {
    fail('TOTAL_CHARGE_MISMATCH', 'totalCharge differs from the sum of the service line charges (CLM02)', 'CLM02', 'CLM');
  }
  checkCoordination(claim, 'professional', fail);
  checkWrittenValues(claim, fail);
  return problems;
}

/** Rules of the 2300 segments beyond CLM01-05 and of the 2000B/2310 loops that go with them. */
function checkClaimSegments(claim: Claim, fail: Fail): void {
  const causes = claim.relatedCauses;
  if (causes) {
    if (new Set(causes.codes).size !== causes.codes.length) {
      fail('DUPLICATE_RELATED_CAUSE', 'CLM11-1 and CLM11-2 repeat the same related-cause code', 'CLM11-2', 'CLM');
    }
    const accident = causes.codes.includes('AA') || causes.codes.includes('OA');
    if (accident && claim.dates?.accident === undefined) {
      fail('ACCIDENT_DATE_REQUIRED', 'an auto (AA) or other (OA) accident needs dates.accident (DTP*439)', 'DTP03', 'DTP');
    }
    // CLM11-4 for accidents in the US or Canada; CLM11-5 names any other country.
    const abroad = causes.country !== undefined && causes.country !== 'US' && causes.country !== 'CA';
    if (causes.codes.includes('AA') && causes.state === undefined && !abroad) {
      fail('AUTO_ACCIDENT_STATE_REQUIRED', 'an auto accident (AA) needs relatedCauses.state (CLM11-4)', 'CLM11-4', 'CLM');
    }
    if (causes.state !== undefined && !US_STATE_CODES.has(causes.state) && !CANADIAN_PROVINCE_CODES.has(causes.state)) {
      fail('INVALID_STATE_CODE', 'relatedCauses.state (CLM11-4) is not a US state or Canadian province code', 'CLM11-4', 'CLM');
    }
    if (causes.country !== undefined && !COUNTRY_CODES.has(causes.country)) {
      fail('INVALID_COUNTRY_CODE', 'relatedCauses.country (CLM11-5) is not an ISO 3166 two-letter country code', 'CLM11-5', 'CLM');
    }
  }
  const dates = claim.dates;
  if (dates?.admission !== undefined && dates.discharge !== undefined && dates.discharge < dates.admission) {
    fail('DATES_REVERSED', 'dates.discharge (DTP*096) is before dates.admission (DTP*435)', 'DTP03', 'DTP');
  }
  (claim.attachments ?? []).forEach((attachment, index) => {
    if (!ATTACHMENT_REPORT_TYPES.has(attachment.reportType)) {
      fail('ATTACHMENT_REPORT_TYPE', `attachments[${index}].reportType (PWK01) is not a report type code of the guide`, 'PWK01', 'PWK');
    }
    if (attachment.transmission !== 'AA' && attachment.controlNumber === undefined) {
      fail(
        'ATTACHMENT_NEEDS_CONTROL_NUMBER',
        `attachments[${index}]: an attachment sent separately (PWK02 other than AA) needs controlNumber (PWK06)`,
        'PWK06',
        'PWK',
      );
    }
  });
  if (claim.patientPaid !== undefined && toCents(claim.patientPaid) < 0) {
    fail('NEGATIVE_AMOUNT', 'patientPaid (AMT*F5) cannot be negative', 'AMT02', 'AMT');
  }
  const notes = claim.notes ?? [];
  if (notes.length > 1) fail('TOO_MANY_CLAIM_NOTES', 'a professional claim carries one claim note (NTE)', 'NTE02', 'NTE');
  notes.forEach((note, index) => {
    if (!CLAIM_NOTE_CODES.has(note.code)) {
      fail('NOTE_REFERENCE_CODE', `notes[${index}].code (NTE01) is not ADD, CER, DCP, DGN or TPO`, 'NTE01', 'NTE');
    }
  });
  const repricing = claim.repricing;
  if (repricing && !CLAIM_PRICING_METHODOLOGIES.has(repricing.pricingMethodology)) {
    fail('PRICING_METHODOLOGY', 'repricing.pricingMethodology (HCP01) is not a claim-level pricing methodology code', 'HCP01', 'HCP');
  }
  if (repricing?.drgCode !== undefined) {
    fail('REPRICING_DRG_NOT_PROFESSIONAL', 'repricing.drgCode (approved DRG) belongs to the 837I; HCP06 of the 837P is not a DRG', 'HCP06', 'HCP');
  }
  if (claim.payer.insuranceTypeCode !== undefined && claim.payer.responsibility === 'P') {
    fail(
      'INSURANCE_TYPE_ONLY_FOR_SECONDARY',
      'payer.insuranceTypeCode (SBR05) is only sent when Medicare is not the primary payer (SBR01 other than P)',
      'SBR05',
      'SBR',
    );
  }
  const ids = claim.subscriber.secondaryIds ?? [];
  if (new Set(ids.map((id) => id.qualifier)).size !== ids.length) {
    fail('DUPLICATE_SECONDARY_ID', 'subscriber.secondaryIds repeats a qualifier (2010BA REF*SY / REF*Y4 occur once each)', 'REF01', 'REF');
  }
  if (ids.some((id) => id.qualifier === 'SY' && !/^\d{9}$/.test(id.value))) {
    fail('SUBSCRIBER_SSN_NOT_NINE_DIGITS', 'subscriber.secondaryIds SY (2010BA REF02) must be the nine-digit social security number', 'REF02', 'REF');
  }
}
