/**
 * 2400 service lines of the 837I: LX, SV2, DTP*472, REF*6R, then 2410 drug
 * identification (LIN/CTP/REF), 2420C rendering provider and 2430 line
 * adjudications.
 */
import type { Claim, ServiceLine } from '../../claim/model.js';
import { toCents, toX12Amount } from '../../money.js';
import { isoToD8 } from '../timestamp.js';
import { composite } from '../writer.js';
import { writeLineAdjudications } from '../837/write-2430.js';
import { type LoopContext, required } from '../837/write-segments.js';
import { writePerson } from './write-2310i.js';
import { toX12Decimal } from './x12-values.js';

export function writeServiceLine837I(ctx: LoopContext, lineNumber: number, line: ServiceLine, claim: Claim): void {
  ctx.w.segment('LX', String(lineNumber));
  ctx.w.segment(
    'SV2',
    // The Claim schema requires a revenue code on institutional lines.
    line.revenueCode ?? '',
    line.procedureCode !== undefined ? composite('HC', line.procedureCode, ...line.modifiers) : undefined,
    toX12Amount(toCents(line.charge)),
    line.unitBasis,
    toX12Decimal(line.units),
    undefined, // SV206 unit rate: not carried by the model
    line.nonCoveredCharge !== undefined ? toX12Amount(toCents(line.nonCoveredCharge)) : undefined,
  );
  if (line.serviceDate !== undefined) {
    const end = line.serviceDateEnd;
    if (end !== undefined && end !== line.serviceDate) ctx.w.segment('DTP', '472', 'RD8', `${isoToD8(line.serviceDate)}-${isoToD8(end)}`);
    else ctx.w.segment('DTP', '472', 'D8', isoToD8(line.serviceDate));
  }
  if (line.lineItemControlNumber !== undefined) {
    ctx.w.segment('REF', '6R', required(ctx, line.lineItemControlNumber, { loop: '2400', segmentId: 'REF', element: 'REF02', min: 1, max: 50 }));
  }
  if (line.drug) {
    const drug = line.drug;
    ctx.w.segment('LIN', undefined, 'N4', drug.ndc);
    ctx.w.segment('CTP', undefined, undefined, undefined, toX12Decimal(drug.quantity), composite(drug.unit));
    if (drug.prescriptionNumber !== undefined) {
      ctx.w.segment('REF', 'XZ', required(ctx, drug.prescriptionNumber, { loop: '2410', segmentId: 'REF', element: 'REF02', min: 1, max: 50 }));
    }
  }
  if (lineRenderingWritten(line, claim)) writePerson(ctx, '2420C', '82', line.renderingProvider);
  writeLineAdjudications(ctx, line, 'institutional');
}

/** 2420C only when the line's rendering provider differs (by NPI) from the claim's. */
export function lineRenderingWritten(line: ServiceLine, claim: Claim): line is ServiceLine & { renderingProvider: NonNullable<ServiceLine['renderingProvider']> } {
  return line.renderingProvider !== undefined && line.renderingProvider.npi !== claim.renderingProvider?.npi;
}
