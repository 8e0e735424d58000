/**
 * 2300 claim information, in the guide's segment order: CLM, DTP, PWK, CN1,
 * AMT*F5, REF, K3, NTE, CR1/CRC (ambulance), HI, HCP. The claim's name loops
 * (2310A-F) follow in write-2310.ts and write-23xx-ambulance.ts.
 */
import type { Claim } from '../../claim/model.js';
import { toCents, toX12Amount } from '../../money.js';
import { composite } from '../writer.js';
import { writeAttachments, writeContract } from './write-2300-shared.js';
import { writeAmbulanceTransport } from './write-23xx-ambulance.js';
import { type LoopContext, required, toX12Decimal, writeDate, writeRef } from './write-segments.js';

/** CLM02 must equal the sum of SV102; `totalCents` is that sum (checked against totalCharge beforehand). */
export function writeClaimInformation(ctx: LoopContext, claim: Claim, totalCents: number): void {
  const { indicators, relatedCauses } = claim;
  ctx.w.segment(
    'CLM',
    required(ctx, claim.claimId, { loop: '2300', segmentId: 'CLM', element: 'CLM01' }),
    toX12Amount(totalCents),
    undefined,
    undefined,
    // CLM05: place of service, B (place of service code qualifier), frequency.
    composite(claim.placeOfService ?? '', 'B', claim.frequencyCode),
    indicators.providerSignature,
    indicators.assignment,
    indicators.benefitsAssigned,
    indicators.releaseOfInformation,
    indicators.patientSignatureSource,
    // CLM11: up to two related-cause codes, CLM11-3 unused, then accident state and country.
    relatedCauses ? composite(relatedCauses.codes[0], relatedCauses.codes[1], undefined, relatedCauses.state, relatedCauses.country) : undefined,
    ...Array.from({ length: 8 }, () => undefined), // CLM12-CLM19
    claim.delayReasonCode,
  );
  writeClaimDates(ctx, claim);
  writeAttachments(ctx, claim);
  writeContract(ctx, claim);
  if (claim.patientPaid !== undefined) ctx.w.segment('AMT', 'F5', toX12Amount(toCents(claim.patientPaid)));
  writeClaimReferences(ctx, claim);
  for (const line of claim.supplementalInfo ?? []) {
    ctx.w.segment('K3', required(ctx, line, { loop: '2300', segmentId: 'K3', element: 'K301', max: 80 }, { upper: true }));
  }
  // check837P allows one claim note on a professional claim.
  const note = claim.notes?.[0];
  if (note) ctx.w.segment('NTE', note.code, required(ctx, note.text, { loop: '2300', segmentId: 'NTE', element: 'NTE02', max: 80 }, { upper: true }));
  if (claim.ambulance) writeAmbulanceTransport(ctx, claim.ambulance);
  writeDiagnoses(ctx, claim);
  if (claim.repricing) {
    const r = claim.repricing;
    ctx.w.segment(
      'HCP',
      r.pricingMethodology,
      toX12Amount(toCents(r.allowedAmount)),
      r.savingsAmount !== undefined ? toX12Amount(toCents(r.savingsAmount)) : undefined,
      r.organizationId,
      r.rate !== undefined ? toX12Decimal(r.rate) : undefined,
    );
  }
}

/** 2300 DTP in the guide's order (431, 454, 304, 453, 439, 484, 455, ..., 435, 096). */
function writeClaimDates(ctx: LoopContext, claim: Claim): void {
  const dates = claim.dates;
  if (!dates) return;
  writeDate(ctx, '431', dates.onset);
  writeDate(ctx, '454', dates.initialTreatment);
  writeDate(ctx, '304', dates.lastSeen);
  writeDate(ctx, '453', dates.acuteManifestation);
  writeDate(ctx, '439', dates.accident);
  writeDate(ctx, '484', dates.lastMenstrualPeriod);
  writeDate(ctx, '455', dates.lastXray);
  writeDate(ctx, '435', dates.admission);
  writeDate(ctx, '096', dates.discharge);
}

/** 2300 REF in the guide's order: 9F referral, G1 prior authorization, F8 payer claim control number, X4 CLIA, EA medical record. */
function writeClaimReferences(ctx: LoopContext, claim: Claim): void {
  writeRef(ctx, '2300', '9F', claim.referralNumber);
  writeRef(ctx, '2300', 'G1', claim.priorAuthorization);
  if (claim.frequencyCode === '7' || claim.frequencyCode === '8') {
    // check837P has refused 7/8 without it; the fallback keeps the types honest and `required` refuses it.
    writeRef(ctx, '2300', 'F8', claim.payerClaimControlNumber ?? '');
  }
  writeRef(ctx, '2300', 'X4', claim.cliaNumber);
  writeRef(ctx, '2300', 'EA', claim.medicalRecordNumber);
}

/** HI: the principal diagnosis (ABK) then up to 11 others (ABF); BK/BF for ICD-9-CM. */
function writeDiagnoses(ctx: LoopContext, claim: Claim): void {
  const icd9 = claim.diagnoses[0]?.system === 'ICD-9-CM';
  const [principal, other] = icd9 ? ['BK', 'BF'] : ['ABK', 'ABF'];
  const elements = claim.diagnoses.map((diagnosis, index) =>
    composite(index === 0 ? principal : other, diagnosis.code.replace('.', '')),
  );
  ctx.w.segment('HI', ...elements);
}
