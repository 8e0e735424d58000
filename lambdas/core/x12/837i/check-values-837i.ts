/**
 * Element-level rules of the 837I for values the claim model accepts by shape
 * only: what a name, address, note or identifier becomes in X12 characters
 * (it may shrink to nothing, grow past the element's maximum, or, for an
 * identifier, be altered at all), state codes and dates before 1900. Only
 * values the 837I writer actually writes are checked; messages name the
 * field path and the loop/element, never the value.
 */
import type { Claim, Provider } from '../../claim/model.js';
import { checkCoordinationValues } from '../837/check-cob-values.js';
import { address, personName, providerName, type Where } from '../837/check-names.js';
import { DEFAULT_DELIMITERS, delimiterProofCore, toX12Characters } from '../writer.js';
import type { Claim837ICode } from './errors-837i.js';
import { renderingLoopWritten } from './write-2310i.js';
import { lineRenderingWritten } from './write-2400i.js';

export type Report = (code: Claim837ICode, message: string, element: string, segmentId: string) => void;

/** name: upper-cased, may lose punctuation; text: free text as is, may lose punctuation; id: must reach the payer unchanged. */
type Kind = 'name' | 'text' | 'id';


const holdsDefaultDelimiter = (value: string) => Object.values(DEFAULT_DELIMITERS).some((d) => value.includes(d));

/** IG validators refuse years before 1800; dates before 1900 are no patient's or claim's. */
const EARLIEST_DATE = '1900-01-01';

export function checkWrittenValues837I(claim: Claim, report: Report): void {
  const check = (kind: Kind) => (value: string | undefined, where: Where) => checkText(value, where, kind, report);
  const name = check('name');
  const text = check('text');
  const id = check('id');
  const date = (value: string | undefined, field: string, element: string) => checkDate(value, field, element, report);

  if (/ $| {2}/.test(claim.claimId)) {
    report('IDENTIFIER_NOT_X12_SAFE', 'claimId (loop 2300 CLM01) may not end with a space or hold two spaces in a row', 'CLM01', 'CLM');
  }

  const billing = claim.billingProvider;
  name(billing.lastOrOrganizationName, { field: 'billingProvider.lastOrOrganizationName', loop: '2010AA', element: 'NM103', min: 1, max: 60 });
  address(billing.address, 'billingProvider.address', '2010AA', name, report);
  if (claim.payToAddress) address(claim.payToAddress, 'payToAddress', '2010AB', name, report);
  if (claim.payToPlan) {
    const plan = claim.payToPlan;
    name(plan.name, { field: 'payToPlan.name', loop: '2010AC', element: 'NM103', min: 1, max: 60 });
    id(plan.payerId, { field: 'payToPlan.payerId', loop: '2010AC', element: 'NM109', min: 2, max: 80 });
    address(plan.address, 'payToPlan.address', '2010AC', name, report);
    id(plan.secondaryId?.value, { field: 'payToPlan.secondaryId.value', loop: '2010AC', element: 'REF02', min: 1, max: 50 });
  }

  const { subscriber, patient, payer } = claim;
  personName(subscriber.name, 'subscriber.name', '2010BA', name);
  id(subscriber.memberId, { field: 'subscriber.memberId', loop: '2010BA', element: 'NM109', min: 2, max: 80 });
  id(subscriber.groupNumber, { field: 'subscriber.groupNumber', loop: '2000B', element: 'SBR03', min: 1, max: 50 });
  if (subscriber.groupNumber === undefined) name(subscriber.groupName, { field: 'subscriber.groupName', loop: '2000B', element: 'SBR04', min: 1, max: 60 });
  subscriber.secondaryIds?.forEach((secondary, index) =>
    id(secondary.value, { field: `subscriber.secondaryIds[${index}].value`, loop: '2010BA', element: 'REF02', min: 1, max: 50 }),
  );
  if (!patient && subscriber.address) address(subscriber.address, 'subscriber.address', '2010BA', name, report);
  if (!patient) date(subscriber.birthDate, 'subscriber.birthDate', 'DMG02');
  name(payer.name, { field: 'payer.name', loop: '2010BB', element: 'NM103', min: 1, max: 60 });
  if (payer.address) address(payer.address, 'payer.address', '2010BB', name, report);
  if (patient) {
    personName(patient.name, 'patient.name', '2010CA', name);
    address(patient.address, 'patient.address', '2010CA', name, report);
    date(patient.birthDate, 'patient.birthDate', 'DMG02');
  }

  const ref = (value: string | undefined, field: string, qualifier: string) =>
    id(value, { field, loop: `2300 REF*${qualifier}`, element: 'REF02', min: 1, max: 50 });
  ref(claim.referralNumber, 'referralNumber', '9F');
  ref(claim.priorAuthorization, 'priorAuthorization', 'G1');
  if (claim.frequencyCode === '7' || claim.frequencyCode === '8') ref(claim.payerClaimControlNumber, 'payerClaimControlNumber', 'F8');
  ref(claim.medicalRecordNumber, 'medicalRecordNumber', 'EA');
  claim.attachments?.forEach((attachment, index) =>
    id(attachment.controlNumber, { field: `attachments[${index}].controlNumber`, loop: '2300 PWK', element: 'PWK06', min: 2, max: 50 }),
  );
  id(claim.contract?.code, { field: 'contract.code', loop: '2300 CN1', element: 'CN104', min: 1, max: 50 });
  id(claim.contract?.version, { field: 'contract.version', loop: '2300 CN1', element: 'CN106', min: 1, max: 30 });
  claim.supplementalInfo?.forEach((line, index) => text(line, { field: `supplementalInfo[${index}]`, loop: '2300 K3', element: 'K301', min: 1, max: 80 }));
  claim.notes?.forEach((note, index) => text(note.text, { field: `notes[${index}].text`, loop: '2300 NTE', element: 'NTE02', min: 1, max: 80 }));
  id(claim.repricing?.organizationId, { field: 'repricing.organizationId', loop: '2300 HCP', element: 'HCP04', min: 1, max: 50 });
  id(claim.repricing?.drgCode, { field: 'repricing.drgCode', loop: '2300 HCP', element: 'HCP06', min: 1, max: 50 });

  const inst = claim.institutional;
  if (inst) {
    date(inst.statementFrom, 'institutional.statementFrom', 'DTP03');
    date(inst.statementTo, 'institutional.statementTo', 'DTP03');
    date(inst.admission?.date, 'institutional.admission.date', 'DTP03');
    date(inst.principalProcedure?.date, 'institutional.principalProcedure.date', 'HI01-4');
    inst.otherProcedures?.forEach((p, i) => date(p.date, `institutional.otherProcedures[${i}].date`, 'HI01-4'));
    inst.occurrences?.forEach((o, i) => date(o.date, `institutional.occurrences[${i}].date`, 'HI01-4'));
    inst.occurrenceSpans?.forEach((o, i) => {
      date(o.from, `institutional.occurrenceSpans[${i}].from`, 'HI01-4');
      date(o.to, `institutional.occurrenceSpans[${i}].to`, 'HI01-4');
    });
    const person = (provider: Provider | undefined, field: string, loop: string) => {
      if (provider) providerName({ ...provider, entity: 'person' }, field, loop, name);
    };
    person(inst.attendingProvider, 'institutional.attendingProvider', '2310A');
    person(inst.operatingProvider, 'institutional.operatingProvider', '2310B');
    person(inst.otherOperatingProvider, 'institutional.otherOperatingProvider', '2310C');
  }
  if (claim.renderingProvider && renderingLoopWritten(claim)) {
    providerName({ ...claim.renderingProvider, entity: 'person' }, 'renderingProvider', '2310D', name);
  }
  if (claim.serviceFacility) {
    name(claim.serviceFacility.name, { field: 'serviceFacility.name', loop: '2310E', element: 'NM103', min: 1, max: 60 });
    address(claim.serviceFacility.address, 'serviceFacility.address', '2310E', name, report);
  }
  if (claim.referringProvider) providerName({ ...claim.referringProvider, entity: 'person' }, 'referringProvider', '2310F', name);

  claim.serviceLines.forEach((line, index) => {
    const field = `serviceLines[${index}]`;
    id(line.lineItemControlNumber, { field: `${field}.lineItemControlNumber`, loop: '2400 REF*6R', element: 'REF02', min: 1, max: 50 });
    id(line.drug?.prescriptionNumber, { field: `${field}.drug.prescriptionNumber`, loop: '2410 REF*XZ', element: 'REF02', min: 1, max: 50 });
    date(line.serviceDate, `${field}.serviceDate`, 'DTP03');
    date(line.serviceDateEnd, `${field}.serviceDateEnd`, 'DTP03');
    if (lineRenderingWritten(line, claim)) providerName({ ...line.renderingProvider, entity: 'person' }, `${field}.renderingProvider`, '2420C', name);
  });
  checkCoordinationValues(claim, name, id, report);
}





/**
 * Names and addresses are written upper case, notes as given; both may lose
 * characters X12 cannot carry but must keep `min` characters under any
 * delimiters. An identifier must reach the payer exactly as sent.
 */
function checkText(value: string | undefined, where: Where, kind: Kind, report: Report): void {
  if (value === undefined) return;
  const upper = kind === 'name';
  const ref = `${where.field} (loop ${where.loop} ${where.element})`;
  const segmentId = segmentOf(where.element);
  const written = toX12Characters(value, { upper });
  if (kind === 'id' && (written !== value || holdsDefaultDelimiter(value))) {
    report(
      'IDENTIFIER_NOT_X12_SAFE',
      `${ref} holds characters X12 would drop or change (the delimiters * : ^ ~, control or non-ASCII characters, or spaces at the ends)`,
      where.element,
      segmentId,
    );
  }
  if (written.length > where.max) {
    report('TOO_LONG_AFTER_SANITISING', `${ref} is longer than ${where.max} characters once written in X12 characters`, where.element, segmentId);
  }
  if (where.min === 0) return;
  const kept = delimiterProofCore(value, { upper }).length;
  if (kept === 0) {
    report('EMPTY_AFTER_SANITISING', `${ref} has no letters or digits X12 can carry`, where.element, segmentId);
  } else if (kept < where.min) {
    report('TOO_SHORT_AFTER_SANITISING', `${ref} needs at least ${where.min} letters, digits, spaces, '.' or '-' that X12 can carry`, where.element, segmentId);
  }
}

function checkDate(value: string | undefined, field: string, element: string, report: Report): void {
  if (value !== undefined && value < EARLIEST_DATE) {
    report('DATE_BEFORE_1900', `${field} (${element}) is before ${EARLIEST_DATE}`, element, segmentOf(element));
  }
}

/** "NM103" → "NM1", "N301" → "N3", "HI01-4" → "HI", "DTP03" → "DTP". */
function segmentOf(element: string): string {
  return (element.split('-')[0] ?? element).slice(0, -2);
}
