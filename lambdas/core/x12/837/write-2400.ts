/**
 * 2400 service lines in the guide's order: LX, SV1, DTP (472 then the other
 * line dates), REF*6R, then the 2410 drug loop, the 2420A line rendering
 * provider and the 2430 line adjudications of other payers.
 */
import type { ServiceLine } from '../../claim/model.js';
import { toCents, toX12Amount } from '../../money.js';
import { composite } from '../writer.js';
import { isoToD8 } from '../timestamp.js';
import { writeDrugIdentification } from './write-2410.js';
import { writeLineAdjudications } from './write-2430.js';
import { writeRenderingProvider } from './write-2310.js';
import { type LoopContext, toX12Decimal, writeDate, writeRef } from './write-segments.js';

/** X12 R rendering of a quantity string: "01" → "1", "1.500" → "1.5", "2.0" → "2". */
export const toX12Quantity = toX12Decimal;

export interface LineContext {
  /** CLM05-1: SV105 is written only when the line's place differs. */
  claimPlaceOfService: string | undefined;
  /** The NPI rendering the claim (2310B, or the billing provider): 2420A only when the line's differs. */
  claimRenderingNpi: string;
}

export function writeServiceLine(ctx: LoopContext, lineNumber: number, line: ServiceLine, claim: LineContext): void {
  // The Claim schema requires both on professional lines; the fallbacks only satisfy the types.
  const procedureCode = line.procedureCode ?? '';
  const serviceDate = line.serviceDate ?? '';
  ctx.w.segment('LX', String(lineNumber));
  ctx.w.segment(
    'SV1',
    composite('HC', procedureCode, ...line.modifiers),
    toX12Amount(toCents(line.charge)),
    line.unitBasis,
    toX12Quantity(line.units),
    // SV105 only when the line was performed somewhere other than CLM05-1 says.
    line.placeOfService !== undefined && line.placeOfService !== claim.claimPlaceOfService ? line.placeOfService : undefined,
    undefined,
    composite(...line.diagnosisPointers.map(String)),
    undefined,
    line.emergency === true ? 'Y' : undefined,
  );
  const end = line.serviceDateEnd;
  if (end !== undefined && end !== serviceDate) {
    ctx.w.segment('DTP', '472', 'RD8', `${isoToD8(serviceDate)}-${isoToD8(end)}`);
  } else {
    ctx.w.segment('DTP', '472', 'D8', isoToD8(serviceDate));
  }
  const dates = line.dates;
  if (dates) {
    // Guide order of the 2400 DTPs after 472.
    writeDate(ctx, '471', dates.prescription);
    writeDate(ctx, '607', dates.certificationRevision);
    writeDate(ctx, '463', dates.beginTherapy);
    writeDate(ctx, '461', dates.lastCertification);
    writeDate(ctx, '304', dates.lastSeen);
    writeDate(ctx, '011', dates.shipped);
    writeDate(ctx, '455', dates.lastXray);
    writeDate(ctx, '454', dates.initialTreatment);
  }
  writeRef(ctx, '2400', '6R', line.lineItemControlNumber);
  if (line.drug) writeDrugIdentification(ctx, line.drug);
  if (line.renderingProvider && line.renderingProvider.npi !== claim.claimRenderingNpi) {
    writeRenderingProvider(ctx, line.renderingProvider, '2420A');
  }
  writeLineAdjudications(ctx, line, 'professional');
}
