/**
 * The 005010X223A2 rules an institutional claim must meet that the canonical
 * model does not enforce on its own. write837I refuses a claim that breaks
 * one (throwing the first problem); intake or the scrubber can call
 * check837I earlier to hold a claim back instead of failing a whole batch.
 * Messages name fields, loops and elements, never the values.
 */
import type { Claim, Institutional, Provider } from '../../claim/model.js';
import { sumCents, toCents } from '../../money.js';
import { ICD10_FROM, isInpatient } from './bill-types.js';
import { checkCoordination } from '../837/check-cob.js';
import type { Claim837ErrorDetails } from '../837/write-errors.js';
import { checkWrittenValues837I } from './check-values-837i.js';
import {
  ATTACHMENT_REPORT_TYPES_837I,
  BILLING_NOTE_CODE,
  CLAIM_NOTE_CODES_837I,
  PRICING_METHODOLOGIES_837I,
} from './code-lists-837i.js';
import { type Claim837ICode, Claim837IError } from './errors-837i.js';
import { renderingLoopWritten } from './write-2310i.js';
import { lineRenderingWritten } from './write-2400i.js';

/** The largest amount accepted: 99,999,999,999.99 (exact in integer cents, inside CLM02/SV203's 18 digits). */
const MAX_AMOUNT = /^\s*-?0*\d{1,11}(\.\d{1,2})?\s*$/;

/** A street address line that is a post office box (2010AA N301 must be a street address). */
const PO_BOX = /\b(P\.?\s*O\.?\s*BOX|POST\s+OFFICE\s+BOX|LOCK\s*BOX|LOCKBOX)\b/i;

const ICD10_CM = /^[A-Z][0-9][0-9A-Z]{1,5}$/;
const ICD9_CM = /^(\d{3,5}|V\d{2,4}|E\d{3,4})$/;

/** Revenue codes 054x (ambulance): the only lines that may go without an attending provider. */
const AMBULANCE_REVENUE = /^054\d$/;

type Fail = (code: Claim837ICode, message: string, element?: string, segmentId?: string, details?: Claim837ErrorDetails) => void;

/** Every reason `claim` cannot be written as an 837I; empty when it can. */
export function check837I(claim: Claim, tenantId?: string): Claim837IError[] {
  const problems: Claim837IError[] = [];
  const fail: Fail = (code, message, element, segmentId, details) => problems.push(new Claim837IError(code, message, claim.claimId, element, segmentId, details));

  // Later checks add cents; an amount beyond exact integer cents would make them throw.
  claim.serviceLines.forEach((line, index) => {
    if (!MAX_AMOUNT.test(line.charge)) fail('AMOUNT_TOO_LARGE', `service line ${index + 1}: SV203 is above 99999999999.99`, 'SV203', 'SV2');
    if (line.nonCoveredCharge !== undefined && !MAX_AMOUNT.test(line.nonCoveredCharge)) {
      fail('AMOUNT_TOO_LARGE', `service line ${index + 1}: SV207 is above 99999999999.99`, 'SV207', 'SV2');
    }
  });
  if (claim.totalCharge !== undefined && !MAX_AMOUNT.test(claim.totalCharge)) {
    fail('AMOUNT_TOO_LARGE', 'totalCharge (CLM02) is above 99999999999.99', 'CLM02', 'CLM');
  }
  if (tenantId !== undefined && claim.tenantId !== tenantId) {
    fail('TENANT_MISMATCH', 'the claim belongs to another tenant than the one writing the file', 'tenantId');
  }
  const inst = claim.institutional;
  if (claim.claimType !== 'institutional' || !inst) {
    fail('UNSUPPORTED_CLAIM_TYPE', 'only institutional claims (claimType institutional, with institutional data) are written as 837I', 'claimType');
  }
  if (problems.length > 0 || !inst) return problems;

  if ((claim.frequencyCode === '7' || claim.frequencyCode === '8') && !claim.payerClaimControlNumber) {
    fail('FREQUENCY_NEEDS_PAYER_CLAIM_CONTROL_NUMBER', 'a replacement (7) or void (8) claim needs payerClaimControlNumber for REF*F8', 'REF02', 'REF');
  }
  checkProviders(claim, inst, fail);
  checkFieldsNotUsed(claim, fail);
  checkClaimDates(claim, inst, fail);
  checkCodeSystems(claim, inst, fail);
  checkLines(claim, inst, fail);
  checkClaimSegments(claim, fail);
  checkCoordination(claim, 'institutional', fail);
  checkWrittenValues837I(claim, fail);
  return problems;
}

function checkProviders(claim: Claim, inst: Institutional, fail: Fail): void {
  const billing = claim.billingProvider;
  if (billing.entity !== 'organization') {
    fail('BILLING_PROVIDER_NOT_ORGANIZATION', 'loop 2010AA NM102 allows an organization only in the 837I (billingProvider.entity)', 'NM102', 'NM1');
  }
  if (!/^\d{9}$/.test(billing.address.postalCode)) {
    fail('BILLING_PROVIDER_ZIP_NOT_NINE_DIGITS', 'loop 2010AA N403 needs the full nine-digit ZIP code', 'N403', 'N4');
  }
  if (PO_BOX.test([billing.address.line1, billing.address.line2 ?? ''].join(' '))) {
    fail('BILLING_PROVIDER_PO_BOX', 'loop 2010AA N3 must be a street address, not a post office or lock box', 'N301', 'N3');
  }
  const person = (provider: Provider | undefined, field: string, loop: string) => {
    if (provider && provider.entity !== 'person') fail('PROVIDER_NOT_PERSON', `${field}: loop ${loop} NM102 allows a person only`, 'NM102', 'NM1');
  };
  person(inst.attendingProvider, 'institutional.attendingProvider', '2310A');
  person(inst.operatingProvider, 'institutional.operatingProvider', '2310B');
  person(inst.otherOperatingProvider, 'institutional.otherOperatingProvider', '2310C');
  if (renderingLoopWritten(claim)) person(claim.renderingProvider, 'renderingProvider', '2310D');
  if (claim.referringProvider && claim.referringProvider.entity !== 'person') {
    fail('REFERRING_PROVIDER_NOT_PERSON', 'referringProvider: loop 2310F NM102 allows a person only', 'NM102', 'NM1');
  }
  claim.serviceLines.forEach((line, index) => {
    if (lineRenderingWritten(line, claim)) person(line.renderingProvider, `serviceLines[${index}].renderingProvider`, '2420C');
  });
  // 2310A: required unless the claim holds only non-scheduled transportation (ambulance revenue codes 054x).
  const onlyAmbulance = claim.serviceLines.every((line) => AMBULANCE_REVENUE.test(line.revenueCode ?? ''));
  if (!inst.attendingProvider && !onlyAmbulance) {
    fail('ATTENDING_PROVIDER_REQUIRED', 'institutional.attendingProvider (loop 2310A) is required unless every line is ambulance (revenue code 054x)', 'NM101', 'NM1');
  }
}

/** Professional-only data the 837I has no place for: refused rather than silently dropped. */
function checkFieldsNotUsed(claim: Claim, fail: Fail): void {
  const notUsed = (present: boolean, field: string, why: string) => {
    if (present) fail('FIELD_NOT_USED_ON_837I', `${field} has no place in the 837I (${why})`, field);
  };
  notUsed(claim.placeOfService !== undefined, 'placeOfService', 'facilityTypeCode takes its place in CLM05');
  notUsed(claim.cliaNumber !== undefined, 'cliaNumber', 'REF*X4 is 837P only');
  notUsed(claim.relatedCauses !== undefined, 'relatedCauses', 'CLM11 is not used; report accidents as occurrence codes');
  notUsed(claim.dates !== undefined && Object.keys(claim.dates).length > 0, 'dates', 'the 837P 2300 dates; report them as occurrence codes');
  notUsed(claim.ambulance !== undefined, 'ambulance', 'CR1/CRC and the ambulance loops are 837P only');
  notUsed(claim.supervisingProvider !== undefined, 'supervisingProvider', 'the 837I has no supervising provider loop');
  notUsed(claim.patientPaid !== undefined, 'patientPaid', 'AMT*F5 is 837P only');
  notUsed(claim.payer.insuranceTypeCode !== undefined, 'payer.insuranceTypeCode', 'the 837I SBR has no SBR05');
  notUsed(claim.indicators.patientSignatureSource !== undefined, 'indicators.patientSignatureSource', 'CLM10 is not used');
  notUsed(
    claim.subscriber.groupName !== undefined && claim.subscriber.groupNumber !== undefined,
    'subscriber.groupName',
    'SBR04 is sent only when there is no group number',
  );
  const qualifiers = (claim.subscriber.secondaryIds ?? []).map((id) => id.qualifier);
  if (new Set(qualifiers).size !== qualifiers.length) {
    fail('DUPLICATE_SECONDARY_ID', 'subscriber.secondaryIds: loop 2010BA carries one REF*SY and one REF*Y4 at most', 'REF01', 'REF');
  }
  claim.serviceLines.forEach((line, index) => {
    const field = `serviceLines[${index}]`;
    notUsed(line.placeOfService !== undefined, `${field}.placeOfService`, 'SV105 is 837P only');
    notUsed(line.diagnosisPointers.length > 0, `${field}.diagnosisPointers`, 'institutional lines carry no diagnosis pointers');
    notUsed(line.emergency !== undefined, `${field}.emergency`, 'SV109 is 837P only');
    notUsed(line.dates !== undefined && Object.keys(line.dates).length > 0, `${field}.dates`, 'the 837P 2400 dates');
  });
}

function checkClaimDates(claim: Claim, inst: Institutional, fail: Fail): void {
  if (inst.statementTo < inst.statementFrom) {
    fail('STATEMENT_PERIOD_REVERSED', 'institutional.statementTo is before statementFrom (DTP*434)', 'DTP03', 'DTP');
  }
  // CL1 is required and CL103 with it (every 837I claim).
  if (inst.patientStatusCode === undefined) {
    fail('PATIENT_STATUS_REQUIRED', 'institutional.patientStatusCode (CL103) is required on every institutional claim', 'CL103', 'CL1');
  }
  const inpatient = isInpatient(inst.facilityTypeCode);
  if (inpatient) {
    if (!inst.admission) fail('INPATIENT_ADMISSION_REQUIRED', 'institutional.admission (DTP*435) is required on inpatient claims', 'DTP03', 'DTP');
    if (inst.admissionTypeCode === undefined) {
      fail('INPATIENT_ADMISSION_TYPE_REQUIRED', 'institutional.admissionTypeCode (CL101) is required on inpatient claims', 'CL101', 'CL1');
    }
    if (inst.admittingDiagnosis === undefined) {
      fail('INPATIENT_ADMITTING_DIAGNOSIS_REQUIRED', 'institutional.admittingDiagnosis (HI ABJ) is required on inpatient claims', 'HI01-2', 'HI');
    }
  } else {
    const poa = claim.diagnoses.some((d) => d.presentOnAdmission !== undefined) || (inst.externalCauses ?? []).some((c) => c.presentOnAdmission !== undefined);
    if (poa) {
      fail('PRESENT_ON_ADMISSION_NOT_INPATIENT', 'presentOnAdmission (HI01-9) is reported on inpatient claims only', 'HI01-9', 'HI');
    }
    if (inst.principalProcedure || (inst.otherProcedures ?? []).length > 0) {
      fail('PROCEDURE_ON_OUTPATIENT_CLAIM', 'institutional.principalProcedure/otherProcedures (HI BBR/BBQ) are for inpatient claims; outpatient lines carry HCPCS', 'HI01-1', 'HI');
    }
  }
  if ((inst.otherProcedures ?? []).length > 0 && !inst.principalProcedure) {
    fail('OTHER_PROCEDURES_WITHOUT_PRINCIPAL', 'institutional.otherProcedures (HI BBQ) need a principalProcedure (HI BBR)', 'HI01-1', 'HI');
  }
  (inst.occurrenceSpans ?? []).forEach((span, index) => {
    if (span.to < span.from) fail('OCCURRENCE_SPAN_REVERSED', `institutional.occurrenceSpans[${index}]: to is before from (HI BI)`, 'HI01-4', 'HI');
  });
}

/**
 * HIPAA code sets: ICD-10 for dates from 2015-10-01, ICD-9 before. Inpatient
 * claims go by the discharge (statement through) date; any other claim by
 * its whole statement period and line dates, which must not straddle the
 * change (such a claim is split).
 */
function checkCodeSystems(claim: Claim, inst: Institutional, fail: Fail): void {
  const systems = new Set(claim.diagnoses.map((d) => d.system));
  if (systems.size > 1) {
    fail('MIXED_DIAGNOSIS_CODE_SYSTEMS', 'HI cannot mix ICD-10-CM and ICD-9-CM diagnoses on one claim', 'HI01-1', 'HI');
    return;
  }
  const icd10 = systems.has('ICD-10-CM');
  const dates = isInpatient(inst.facilityTypeCode)
    ? [inst.statementTo]
    : [inst.statementFrom, inst.statementTo, ...claim.serviceLines.flatMap((l) => [l.serviceDate, l.serviceDateEnd])].filter((d): d is string => d !== undefined);
  if (dates.some((date) => date < ICD10_FROM === icd10)) {
    const message = icd10
      ? 'ICD-10-CM diagnoses (HI ABK/ABF) are for statement periods from 2015-10-01 (inpatient: discharge from then); earlier ones need ICD-9-CM'
      : 'ICD-9-CM diagnoses (HI BK/BF) are for statement periods before 2015-10-01 (inpatient: discharge before then); later ones need ICD-10-CM';
    fail('DIAGNOSIS_CODE_SYSTEM_FOR_DATES', message, 'HI01-1', 'HI');
  }
  // Admitting, reason-for-visit and external-cause codes share the claim's code system (ABJ/BJ, APR/PR, ABN/BN).
  const shape = icd10 ? ICD10_CM : ICD9_CM;
  const system = icd10 ? 'ICD-10-CM' : 'ICD-9-CM';
  const sameSystem = (code: string | undefined, field: string) => {
    if (code !== undefined && !shape.test(code)) {
      fail('MIXED_DIAGNOSIS_CODE_SYSTEMS', `${field} is not shaped like an ${system} code, the system of the claim's diagnoses`, 'HI01-2', 'HI');
    }
  };
  sameSystem(inst.admittingDiagnosis, 'institutional.admittingDiagnosis');
  inst.reasonForVisit?.forEach((code, i) => sameSystem(code, `institutional.reasonForVisit[${i}]`));
  inst.externalCauses?.forEach((cause, i) => sameSystem(cause.code, `institutional.externalCauses[${i}].code`));
  // Procedures: ICD-10-PCS with ICD-10-CM, ICD-9-CM volume 3 with ICD-9-CM.
  const procedureSystem = icd10 ? 'ICD-10-PCS' : 'ICD-9-CM';
  const procedures = [...(inst.principalProcedure ? [inst.principalProcedure] : []), ...(inst.otherProcedures ?? [])];
  if (procedures.some((p) => p.system !== procedureSystem)) {
    fail('PROCEDURE_CODE_SYSTEM_MISMATCH', `institutional procedures must be ${procedureSystem} on a claim coded in ${system} (HI BBR/BBQ or BR/BQ)`, 'HI01-1', 'HI');
  }
}

function checkLines(claim: Claim, inst: Institutional, fail: Fail): void {
  const inpatient = isInpatient(inst.facilityTypeCode);
  const lineCents: number[] = [];
  const controlNumbers = new Set<string>();
  claim.serviceLines.forEach((line, index) => {
    const n = index + 1;
    const cents = toCents(line.charge);
    lineCents.push(cents);
    if (cents < 0) fail('NEGATIVE_CHARGE', `service line ${n}: SV203 cannot be negative`, 'SV203', 'SV2');
    if (line.nonCoveredCharge !== undefined && toCents(line.nonCoveredCharge) < 0) {
      fail('NEGATIVE_AMOUNT', `service line ${n}: SV207 (nonCoveredCharge) cannot be negative`, 'SV207', 'SV2');
    }
    if (!/[1-9]/.test(line.units)) fail('UNITS_NOT_POSITIVE', `service line ${n}: SV205 must be a positive number of units`, 'SV205', 'SV2');
    if (line.unitBasis !== 'UN' && line.unitBasis !== 'DA') {
      fail('UNIT_BASIS_NOT_INSTITUTIONAL', `service line ${n}: SV204 takes UN (units) or DA (days) only`, 'SV204', 'SV2');
    }
    if (line.procedureCode === undefined && line.modifiers.length > 0) {
      fail('MODIFIERS_WITHOUT_PROCEDURE_CODE', `service line ${n}: modifiers (SV202-3..6) need a procedureCode (SV202-2)`, 'SV202-3', 'SV2');
    }
    if (line.serviceDate === undefined && line.serviceDateEnd !== undefined) {
      fail('LINE_SERVICE_DATE_REQUIRED', `service line ${n}: serviceDateEnd needs serviceDate (DTP*472)`, 'DTP03', 'DTP');
    }
    if (line.serviceDate === undefined && !inpatient && line.procedureCode !== undefined) {
      fail('LINE_SERVICE_DATE_REQUIRED', `service line ${n}: serviceDate (DTP*472) is required on an outpatient line with a HCPCS code`, 'DTP03', 'DTP');
    }
    if (line.serviceDate !== undefined && line.serviceDateEnd !== undefined && line.serviceDateEnd < line.serviceDate) {
      fail('SERVICE_DATE_RANGE_REVERSED', `service line ${n}: serviceDateEnd is before serviceDate`, 'DTP03', 'DTP');
    }
    if (line.drug && !/[1-9]/.test(line.drug.quantity)) {
      fail('DRUG_QUANTITY_NOT_POSITIVE', `service line ${n}: drug.quantity (CTP04) must be positive`, 'CTP04', 'CTP');
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
}

function checkClaimSegments(claim: Claim, fail: Fail): void {
  const notes = claim.notes ?? [];
  notes.forEach((note, index) => {
    if (note.code !== BILLING_NOTE_CODE && !CLAIM_NOTE_CODES_837I.has(note.code)) {
      fail('NOTE_REFERENCE_CODE', `notes[${index}].code (NTE01) is not an 837I claim note code`, 'NTE01', 'NTE');
    }
  });
  if (notes.filter((note) => note.code === BILLING_NOTE_CODE).length > 1) {
    fail('TOO_MANY_CLAIM_NOTES', 'notes: the 837I carries one billing note (NTE*ADD) at most', 'NTE01', 'NTE');
  }
  claim.attachments?.forEach((attachment, index) => {
    if (!ATTACHMENT_REPORT_TYPES_837I.has(attachment.reportType)) {
      fail('ATTACHMENT_REPORT_TYPE', `attachments[${index}].reportType (PWK01) is not an attachment report type code`, 'PWK01', 'PWK');
    }
    if (attachment.transmission !== 'AA' && attachment.controlNumber === undefined) {
      fail('ATTACHMENT_NEEDS_CONTROL_NUMBER', `attachments[${index}]: PWK06 (controlNumber) is required unless PWK02 is AA`, 'PWK06', 'PWK');
    }
  });
  const repricing = claim.repricing;
  if (repricing) {
    if (!PRICING_METHODOLOGIES_837I.has(repricing.pricingMethodology)) {
      fail('PRICING_METHODOLOGY', 'repricing.pricingMethodology (HCP01) is not a pricing methodology code', 'HCP01', 'HCP');
    }
    for (const [field, element, amount] of [
      ['allowedAmount', 'HCP02', repricing.allowedAmount],
      ['savingsAmount', 'HCP03', repricing.savingsAmount],
    ] as const) {
      if (amount !== undefined && !MAX_AMOUNT.test(amount)) fail('AMOUNT_TOO_LARGE', `repricing.${field} (${element}) is above 99999999999.99`, element, 'HCP');
      else if (amount !== undefined && toCents(amount) < 0) fail('NEGATIVE_AMOUNT', `repricing.${field} (${element}) cannot be negative`, element, 'HCP');
    }
  }
  if (claim.contract?.amount !== undefined) {
    const amount = claim.contract.amount;
    if (!MAX_AMOUNT.test(amount)) fail('AMOUNT_TOO_LARGE', 'contract.amount (CN102) is above 99999999999.99', 'CN102', 'CN1');
    else if (toCents(amount) < 0) fail('NEGATIVE_AMOUNT', 'contract.amount (CN102) cannot be negative', 'CN102', 'CN1');
  }
}
