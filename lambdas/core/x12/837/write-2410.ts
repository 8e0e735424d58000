/**
 * 2410 drug identification: LIN*N4 (the 11-digit NDC), CTP with the
 * quantity and its unit, and REF*XZ with the prescription number.
 */
import type { DrugIdentification } from '../../claim/model.js';
import { composite } from '../writer.js';
import { type LoopContext, toX12Decimal, writeRef } from './write-segments.js';

export function writeDrugIdentification(ctx: LoopContext, drug: DrugIdentification): void {
  ctx.w.segment('LIN', undefined, 'N4', drug.ndc);
  ctx.w.segment('CTP', undefined, undefined, undefined, toX12Decimal(drug.quantity), composite(drug.unit));
  writeRef(ctx, '2410', 'XZ', drug.prescriptionNumber);
}
