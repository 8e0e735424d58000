/** 2300 segments written the same way in the 837P and the 837I: PWK attachments and the CN1 contract. */
import type { Claim } from '../../claim/model.js';
import { toCents, toX12Amount } from '../../money.js';
import { type LoopContext, required, toX12Decimal } from './write-segments.js';

export function writeAttachments(ctx: LoopContext, claim: Claim): void {
  for (const attachment of claim.attachments ?? []) {
    // PWK05 AC and PWK06 go together (syntax P0506).
    const control = attachment.controlNumber;
    ctx.w.segment(
      'PWK',
      attachment.reportType,
      attachment.transmission,
      undefined,
      undefined,
      control !== undefined ? 'AC' : undefined,
      control !== undefined ? required(ctx, control, { loop: '2300', segmentId: 'PWK', element: 'PWK06', min: 2, max: 50 }) : undefined,
    );
  }
}

export function writeContract(ctx: LoopContext, claim: Claim): void {
  const c = claim.contract;
  if (!c) return;
  ctx.w.segment(
    'CN1',
    c.typeCode,
    c.amount !== undefined ? toX12Amount(toCents(c.amount)) : undefined,
    c.percent !== undefined ? toX12Decimal(c.percent) : undefined,
    c.code,
    c.termsDiscountPercent !== undefined ? toX12Decimal(c.termsDiscountPercent) : undefined,
    c.version,
  );
}
