/**
 * 2300 claim information of the 837I, in guide order: CLM, DTP*096/434/435,
 * CL1, PWK, CN1, REF (9F, G1, F8, EA), K3, NTE, the HI segments
 * (write-2300i-hi.ts) and HCP.
 */
import type { Claim, Institutional } from '../../claim/model.js';
import { toCents, toX12Amount } from '../../money.js';
import { isoToD8 } from '../timestamp.js';
import { composite } from '../writer.js';
import { writeAttachments, writeContract } from '../837/write-2300-shared.js';
import { type LoopContext, required } from '../837/write-segments.js';
import { BILLING_NOTE_CODE } from './code-lists-837i.js';
import { writeHealthCareInformation } from './write-2300i-hi.js';
import { toX12Decimal } from './x12-values.js';

/** `totalCents` is the sum of SV203 (CLM02 must equal it; check837I compared it with totalCharge). */
export function writeClaimInformation837I(ctx: LoopContext, claim: Claim, inst: Institutional, totalCents: number): void {
  const { indicators } = claim;
  ctx.w.segment(
    'CLM',
    required(ctx, claim.claimId, { loop: '2300', segmentId: 'CLM', element: 'CLM01', max: 38 }),
    toX12Amount(totalCents),
    undefined,
    undefined,
    // CLM05: type of bill = facility type code, A (uniform billing claim form bill type), frequency.
    composite(inst.facilityTypeCode, 'A', claim.frequencyCode),
    undefined, // CLM06 is not used in the 837I
    indicators.assignment,
    indicators.benefitsAssigned,
    indicators.releaseOfInformation,
    ...Array<undefined>(10).fill(undefined), // CLM10-CLM19 are not used in the 837I
    claim.delayReasonCode,
  );
  writeClaimDates(ctx, inst);
  ctx.w.segment('CL1', inst.admissionTypeCode, inst.admissionSourceCode, inst.patientStatusCode);
  writeAttachments(ctx, claim);
  writeContract(ctx, claim);
  // Guide order of the 2300 REFs: 9F, G1, F8, ..., EA.
  writeRef(ctx, '9F', claim.referralNumber);
  writeRef(ctx, 'G1', claim.priorAuthorization);
  if (claim.frequencyCode === '7' || claim.frequencyCode === '8') {
    // check837I has refused 7/8 without it; the guard keeps the types honest.
    writeRef(ctx, 'F8', claim.payerClaimControlNumber ?? '');
  }
  writeRef(ctx, 'EA', claim.medicalRecordNumber);
  for (const line of claim.supplementalInfo ?? []) ctx.w.segment('K3', required(ctx, line, { loop: '2300', segmentId: 'K3', element: 'K301', max: 80 }));
  // Claim notes first, then the single billing note (ADD), as the guide orders them.
  const notes = claim.notes ?? [];
  for (const note of [...notes.filter((n) => n.code !== BILLING_NOTE_CODE), ...notes.filter((n) => n.code === BILLING_NOTE_CODE)]) {
    ctx.w.segment('NTE', note.code, required(ctx, note.text, { loop: '2300', segmentId: 'NTE', element: 'NTE02', max: 80 }));
  }
  writeHealthCareInformation(ctx, claim, inst);
  writeRepricing(ctx, claim);
}

function writeClaimDates(ctx: LoopContext, inst: Institutional): void {
  if (inst.dischargeHour !== undefined) ctx.w.segment('DTP', '096', 'TM', inst.dischargeHour);
  ctx.w.segment('DTP', '434', 'RD8', `${isoToD8(inst.statementFrom)}-${isoToD8(inst.statementTo)}`);
  const admission = inst.admission;
  if (admission) {
    if (admission.hour !== undefined) ctx.w.segment('DTP', '435', 'DT', `${isoToD8(admission.date)}${admission.hour}`);
    else ctx.w.segment('DTP', '435', 'D8', isoToD8(admission.date));
  }
}

function writeRef(ctx: LoopContext, qualifier: string, value: string | undefined): void {
  if (value === undefined) return;
  ctx.w.segment('REF', qualifier, required(ctx, value, { loop: '2300', segmentId: 'REF', element: 'REF02', min: 1, max: 50 }));
}

/** HCP01-06: pricing methodology, allowed amount, savings, repricing organization, per diem or flat rate, approved DRG. */
function writeRepricing(ctx: LoopContext, claim: Claim): void {
  const r = claim.repricing;
  if (!r) return;
  ctx.w.segment(
    'HCP',
    r.pricingMethodology,
    toX12Amount(toCents(r.allowedAmount)),
    r.savingsAmount !== undefined ? toX12Amount(toCents(r.savingsAmount)) : undefined,
    r.organizationId,
    r.rate !== undefined ? toX12Decimal(r.rate) : undefined,
    r.drgCode,
  );
}
