/**
 * Element-level rules of the 837P for values the claim model accepts by
 * shape only: what a name or address becomes in X12 characters (it may
 * shrink to nothing, or grow past the element's maximum: "ß" → "SS"), a
 * claim id X12 would alter, code lists and dates.
 * Only values the writer actually writes are checked.
 */
import type { Claim } from '../../claim/model.js';
import { DEFAULT_DELIMITERS, delimiterProofCore, toX12Characters } from '../writer.js';
import { checkCoordinationValues } from './check-cob-values.js';
import { address, personName, providerName, type TextCheck, type Where } from './check-names.js';
import { PLACE_OF_SERVICE_CODES } from './code-lists.js';
import type { Claim837ErrorCode } from './write-errors.js';

export type Report = (code: Claim837ErrorCode, message: string, element: string, segmentId: string) => void;


/** Data holding one of the default delimiters would be altered in the file. */
const holdsDefaultDelimiter = (value: string) => Object.values(DEFAULT_DELIMITERS).some((d) => value.includes(d));

/** Dates before this are not dates of a living patient or of a claim, and IG validators refuse years before 1800. */
const EARLIEST_DATE = '1900-01-01';

export function checkWrittenValues(claim: Claim, report: Report): void {
  const text = (value: string | undefined, where: Where) => checkText(value, where, report, true);
  const id = (value: string | undefined, where: Where) => checkText(value, where, report, false);

  // CLP01 of the 835 echoes CLM01 as written: X12 drops trailing and repeated spaces, and the payment would not match.
  if (/ $| {2}/.test(claim.claimId)) {
    report('IDENTIFIER_NOT_X12_SAFE', 'claimId (loop 2300 CLM01) may not end with a space or hold two spaces in a row', 'CLM01', 'CLM');
  }
  if (claim.placeOfService !== undefined) checkPlace(claim.placeOfService, 'placeOfService', 'CLM05-1', report);

  const billing = claim.billingProvider;
  providerName(billing, 'billingProvider', '2010AA', text);
  address(billing.address, 'billingProvider.address', '2010AA', text, report);

  if (claim.referringProvider) {
    // Written as a person whatever the model says (an organization is refused elsewhere).
    providerName({ ...claim.referringProvider, entity: 'person' }, 'referringProvider', '2310A', text);
  }
  if (claim.renderingProvider && claim.renderingProvider.npi !== billing.npi) {
    providerName(claim.renderingProvider, 'renderingProvider', '2310B', text);
  }

  const { subscriber, patient, payer } = claim;
  personName(subscriber.name, 'subscriber.name', '2010BA', text);
  id(subscriber.memberId, { field: 'subscriber.memberId', loop: '2010BA', element: 'NM109', min: 2, max: 80 });
  id(subscriber.groupNumber, { field: 'subscriber.groupNumber', loop: '2000B', element: 'SBR03', min: 1, max: 50 });
  if (!patient && subscriber.address) address(subscriber.address, 'subscriber.address', '2010BA', text, report);
  if (!patient) checkDate(subscriber.birthDate, 'subscriber.birthDate', 'DMG02', report);

  text(payer.name, { field: 'payer.name', loop: '2010BB', element: 'NM103', min: 1, max: 60 });
  if (payer.address) address(payer.address, 'payer.address', '2010BB', text, report);

  if (patient) {
    personName(patient.name, 'patient.name', '2010CA', text);
    address(patient.address, 'patient.address', '2010CA', text, report);
    checkDate(patient.birthDate, 'patient.birthDate', 'DMG02', report);
  }

  if (subscriber.groupNumber === undefined) {
    text(subscriber.groupName, { field: 'subscriber.groupName', loop: '2000B', element: 'SBR04', min: 1, max: 60 });
  }
  (subscriber.secondaryIds ?? []).forEach((secondary, index) =>
    id(secondary.value, { field: `subscriber.secondaryIds[${index}].value`, loop: '2010BA REF', element: 'REF02', min: 1, max: 50 }),
  );
  checkPayTo(claim, text, id, report);

  id(claim.priorAuthorization, { field: 'priorAuthorization', loop: '2300 REF*G1', element: 'REF02', min: 1, max: 50 });
  id(claim.referralNumber, { field: 'referralNumber', loop: '2300 REF*9F', element: 'REF02', min: 1, max: 50 });
  id(claim.cliaNumber, { field: 'cliaNumber', loop: '2300 REF*X4', element: 'REF02', min: 1, max: 50 });
  id(claim.medicalRecordNumber, { field: 'medicalRecordNumber', loop: '2300 REF*EA', element: 'REF02', min: 1, max: 50 });
  checkClaimExtras(claim, text, id, report);
  if (claim.frequencyCode === '7' || claim.frequencyCode === '8') {
    id(claim.payerClaimControlNumber, { field: 'payerClaimControlNumber', loop: '2300 REF*F8', element: 'REF02', min: 1, max: 50 });
  }

  claim.serviceLines.forEach((line, index) => {
    const field = `serviceLines[${index}]`;
    id(line.lineItemControlNumber, { field: `${field}.lineItemControlNumber`, loop: '2400 REF*6R', element: 'REF02', min: 1, max: 50 });
    if (line.placeOfService !== undefined) checkPlace(line.placeOfService, `${field}.placeOfService`, 'SV105', report);
    checkDate(line.serviceDate, `${field}.serviceDate`, 'DTP03', report);
    for (const [name, date] of Object.entries(line.dates ?? {})) checkDate(date, `${field}.dates.${name}`, 'DTP03', report);
    id(line.drug?.prescriptionNumber, { field: `${field}.drug.prescriptionNumber`, loop: '2410 REF*XZ', element: 'REF02', min: 1, max: 50 });
    const rendering = line.renderingProvider;
    const claimRendering = claim.renderingProvider && claim.renderingProvider.npi !== billing.npi ? claim.renderingProvider.npi : billing.npi;
    if (rendering && rendering.npi !== claimRendering) providerName(rendering, `${field}.renderingProvider`, '2420A', text);
  });
  checkCoordinationValues(claim, text, id, report);
}

/** 2010AB pay-to address and 2010AC pay-to plan. */
function checkPayTo(claim: Claim, text: TextCheck, id: TextCheck, report: Report): void {
  if (claim.payToAddress) address(claim.payToAddress, 'payToAddress', '2010AB', text, report);
  const plan = claim.payToPlan;
  if (!plan) return;
  text(plan.name, { field: 'payToPlan.name', loop: '2010AC', element: 'NM103', min: 1, max: 60 });
  id(plan.payerId, { field: 'payToPlan.payerId', loop: '2010AC', element: 'NM109', min: 2, max: 80 });
  address(plan.address, 'payToPlan.address', '2010AC', text, report);
  id(plan.secondaryId?.value, { field: 'payToPlan.secondaryId.value', loop: '2010AC REF', element: 'REF02', min: 1, max: 50 });
}

/** The 2300 segments after CLM and the 2310C-F loops. */
function checkClaimExtras(claim: Claim, text: TextCheck, id: TextCheck, report: Report): void {
  for (const [name, date] of Object.entries(claim.dates ?? {})) checkDate(date, `dates.${name}`, 'DTP03', report);
  (claim.attachments ?? []).forEach((attachment, index) =>
    id(attachment.controlNumber, { field: `attachments[${index}].controlNumber`, loop: '2300 PWK', element: 'PWK06', min: 2, max: 80 }),
  );
  id(claim.contract?.code, { field: 'contract.code', loop: '2300 CN1', element: 'CN104', min: 1, max: 50 });
  id(claim.contract?.version, { field: 'contract.version', loop: '2300 CN1', element: 'CN106', min: 1, max: 30 });
  (claim.supplementalInfo ?? []).forEach((line, index) =>
    text(line, { field: `supplementalInfo[${index}]`, loop: '2300 K3', element: 'K301', min: 1, max: 80 }),
  );
  const note = claim.notes?.[0];
  if (note) text(note.text, { field: 'notes[0].text', loop: '2300 NTE', element: 'NTE02', min: 1, max: 80 });
  id(claim.repricing?.organizationId, { field: 'repricing.organizationId', loop: '2300 HCP', element: 'HCP04', min: 1, max: 50 });
  const ambulance = claim.ambulance;
  if (ambulance) {
    text(ambulance.roundTripPurpose, { field: 'ambulance.roundTripPurpose', loop: '2300 CR1', element: 'CR109', min: 1, max: 80 });
    text(ambulance.stretcherPurpose, { field: 'ambulance.stretcherPurpose', loop: '2300 CR1', element: 'CR110', min: 1, max: 80 });
    address(ambulance.pickup, 'ambulance.pickup', '2310E', text, report);
    text(ambulance.dropoff.name, { field: 'ambulance.dropoff.name', loop: '2310F', element: 'NM103', min: 1, max: 60 });
    address(ambulance.dropoff.address, 'ambulance.dropoff.address', '2310F', text, report);
  }
  const facility = claim.serviceFacility;
  if (facility) {
    text(facility.name, { field: 'serviceFacility.name', loop: '2310C', element: 'NM103', min: 1, max: 60 });
    address(facility.address, 'serviceFacility.address', '2310C', text, report);
  }
  if (claim.supervisingProvider) {
    providerName({ ...claim.supervisingProvider, entity: 'person' }, 'supervisingProvider', '2310D', text);
  }
}





/**
 * Names and addresses are written upper case in X12 characters, identifiers
 * as they are. An optional value (min 0) that comes to nothing is simply
 * left out; a required one must keep `min` characters even when every
 * possible delimiter is removed.
 */
function checkText(value: string | undefined, where: Where, report: Report, upper: boolean): void {
  if (value === undefined) return;
  const ref = `${where.field} (loop ${where.loop} ${where.element})`;
  const segmentId = segmentOf(where.element);
  const written = toX12Characters(value, { upper });
  // An identifier must reach the payer as sent: a member id with a character
  // dropped is another member. Names may lose punctuation; identifiers may not.
  if (!upper && (written !== value || holdsDefaultDelimiter(value))) {
    report(
      'IDENTIFIER_NOT_X12_SAFE',
      `${ref} holds characters X12 would drop or change (the delimiters * : ^ ~, control or non-ASCII characters, or spaces at the ends)`,
      where.element,
      segmentId,
    );
  }
  if (written.length > where.max) {
    const how = upper ? 'upper case, accents and ligatures spelled out' : 'accents and ligatures spelled out';
    report('TOO_LONG_AFTER_SANITISING', `${ref} is longer than ${where.max} characters once written in X12 characters (${how})`, where.element, segmentId);
  }
  if (where.min === 0) return;
  const kept = delimiterProofCore(value, { upper }).length;
  if (kept === 0) {
    report('EMPTY_AFTER_SANITISING', `${ref} has no letters or digits X12 can carry`, where.element, segmentId);
  } else if (kept < where.min) {
    report(
      'TOO_SHORT_AFTER_SANITISING',
      `${ref} needs at least ${where.min} letters, digits, spaces, '.' or '-' that X12 can carry`,
      where.element,
      segmentId,
    );
  }
}

function checkPlace(value: string, field: string, element: string, report: Report): void {
  if (!PLACE_OF_SERVICE_CODES.has(value)) {
    report('INVALID_PLACE_OF_SERVICE', `${field} (${element}) is not a CMS place of service code`, element, segmentOf(element));
  }
}

function checkDate(value: string | undefined, field: string, element: string, report: Report): void {
  if (value !== undefined && value < EARLIEST_DATE) {
    report('DATE_BEFORE_1900', `${field} (${element}) is before ${EARLIEST_DATE}`, element, segmentOf(element));
  }
}

/** "NM103" → "NM1", "N301" → "N3", "CLM05-1" → "CLM". */
function segmentOf(element: string): string {
  return (element.split('-')[0] ?? element).slice(0, -2);
}
