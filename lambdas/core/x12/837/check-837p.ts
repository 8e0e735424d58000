/**
 * The 005010X222A1 rules a claim must meet that the canonical model does not
 * enforce on its own. write837P refuses a claim that breaks one (throwing the
 * first problem); intake or the scrubber can call check837P earlier to hold a
 * claim back instead of failing a whole batch.
 */
import { lineServiceDate, lineServiceDateEnd } from '../../claim/service-dates.js';
import type { Claim } from '../../claim/model.js';
import { sumCents, toCents } from '../../money.js';
import { checkWrittenValues } from './check-values.js';
import { Claim837Error } from './write-errors.js';

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

/** Every reason `claim` cannot be written as an 837P; empty when it can. */
export function check837P(claim: Claim, tenantId?: string): Claim837Error[] {
  const problems: Claim837Error[] = [];
  const fail = (code: Claim837Error['code'], message: string, element?: string, segmentId?: string) =>
    problems.push(new Claim837Error(code, message, claim.claimId, element, segmentId));

  // The checks below add cents; an amount beyond exact integer cents would make them throw.
  claim.serviceLines.forEach((line, index) => {
    if (!MAX_AMOUNT.test(line.charge)) {
      fail('AMOUNT_TOO_LARGE', `service line ${index + 1}: SV102 is above 99999999999.99`, 'SV102', 'SV1');
    }
  });
  if (claim.totalCharge !== undefined && !MAX_AMOUNT.test(claim.totalCharge)) {
    fail('AMOUNT_TOO_LARGE', 'totalCharge (CLM02) is above 99999999999.99', 'CLM02', 'CLM');
  }
  if (problems.length > 0) return problems;

  if (tenantId !== undefined && claim.tenantId !== tenantId) {
    fail('TENANT_MISMATCH', 'the claim belongs to another tenant than the one writing the file', 'tenantId');
  }
  if (claim.claimType !== 'professional') {
    fail('UNSUPPORTED_CLAIM_TYPE', 'only professional claims are written as 837P', 'claimType');
  }
  if ((claim.frequencyCode === '7' || claim.frequencyCode === '8') && !claim.payerClaimControlNumber) {
    fail(
      'FREQUENCY_NEEDS_PAYER_CLAIM_CONTROL_NUMBER',
      'a replacement (7) or void (8) claim needs payerClaimControlNumber for REF*F8',
      'REF02',
      'REF',
    );
  }

  const billingZip = claim.billingProvider.address.postalCode;
  if (!/^\d{9}$/.test(billingZip)) {
    fail('BILLING_PROVIDER_ZIP_NOT_NINE_DIGITS', 'loop 2010AA N403 needs the full nine-digit ZIP code', 'N403', 'N4');
  }
  const billingStreet = [claim.billingProvider.address.line1, claim.billingProvider.address.line2 ?? ''].join(' ');
  if (PO_BOX.test(billingStreet)) {
    fail('BILLING_PROVIDER_PO_BOX', 'loop 2010AA N3 must be a street address, not a post office or lock box', 'N301', 'N3');
  }
  if (claim.referringProvider && claim.referringProvider.entity !== 'person') {
    fail('REFERRING_PROVIDER_NOT_PERSON', 'loop 2310A NM102 allows a person only', 'NM102', 'NM1');
  }

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
  checkWrittenValues(claim, fail);
  return problems;
}
