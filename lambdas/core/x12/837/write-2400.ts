/**
 * 2400 service lines: LX, SV1, DTP*472 and REF*6R.
 */
import type { ServiceLine } from '../../claim/model.js';
import { toCents, toX12Amount } from '../../money.js';
import { composite } from '../writer.js';
import { isoToD8 } from '../timestamp.js';
import { type LoopContext, required } from './write-segments.js';

/** X12 R rendering of a quantity string: "01" → "1", "1.500" → "1.5", "2.0" → "2". */
export function toX12Quantity(quantity: string): string {
  const [whole = '0', fraction = ''] = quantity.split('.');
  const trimmedWhole = whole.replace(/^0+(?=\d)/, '');
  const trimmedFraction = fraction.replace(/0+$/, '');
  return trimmedFraction ? `${trimmedWhole}.${trimmedFraction}` : trimmedWhole;
}

export function writeServiceLine(ctx: LoopContext, lineNumber: number, line: ServiceLine, claimPlaceOfService: string | undefined): void {
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
    line.placeOfService !== undefined && line.placeOfService !== claimPlaceOfService ? line.placeOfService : undefined,
    undefined,
    composite(...line.diagnosisPointers.map(String)),
  );
  const end = line.serviceDateEnd;
  if (end !== undefined && end !== serviceDate) {
    ctx.w.segment('DTP', '472', 'RD8', `${isoToD8(serviceDate)}-${isoToD8(end)}`);
  } else {
    ctx.w.segment('DTP', '472', 'D8', isoToD8(serviceDate));
  }
  if (line.lineItemControlNumber !== undefined) {
    ctx.w.segment('REF', '6R', required(ctx, line.lineItemControlNumber, { loop: '2400', segmentId: 'REF', element: 'REF02' }));
  }
}
