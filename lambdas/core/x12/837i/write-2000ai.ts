/**
 * 2000A billing provider level of the 837I: HL, PRV*BI, 2010AA billing
 * provider (an organization in the 837I), 2010AB pay-to address and 2010AC
 * pay-to plan. Pay-to data sit at this level, so claims share a 2000A only
 * when billing provider and pay-to data are all the same.
 */
import type { Claim } from '../../claim/model.js';
import { type LoopContext, required, writeAddress, writeNm1 } from '../837/write-segments.js';

export function writeBillingProviderLevel837I(ctx: LoopContext, hlId: number, claim: Claim): void {
  const provider = claim.billingProvider;
  // HL04 is always 1: a 2000A is only written because 2000B claims follow it.
  ctx.w.segment('HL', String(hlId), undefined, '20', '1');
  if (provider.taxonomy) ctx.w.segment('PRV', 'BI', 'PXC', provider.taxonomy);
  // 2010AA NM102 is 2 in the 837I; check837I refuses a person billing provider.
  writeNm1(ctx, '2010AA', '85', { entity: 'organization', last: provider.lastOrOrganizationName }, { qualifier: 'XX', id: provider.npi });
  writeAddress(ctx, '2010AA', provider.address);
  ctx.w.segment('REF', 'EI', provider.tin);

  if (claim.payToAddress) {
    ctx.w.segment('NM1', '87', '2');
    writeAddress(ctx, '2010AB', claim.payToAddress);
  }
  const plan = claim.payToPlan;
  if (plan) {
    writeNm1(ctx, '2010AC', 'PE', { entity: 'organization', last: plan.name }, { qualifier: 'PI', id: plan.payerId });
    writeAddress(ctx, '2010AC', plan.address);
    if (plan.secondaryId) {
      ctx.w.segment('REF', plan.secondaryId.qualifier, required(ctx, plan.secondaryId.value, { loop: '2010AC', segmentId: 'REF', element: 'REF02', min: 1, max: 50 }));
    }
    ctx.w.segment('REF', 'EI', plan.tin);
  }
}

/**
 * The identity a 2000A stands for: every value it writes. Two records that
 * share an NPI but differ in anything written are never merged under one.
 */
export function billingLevelKey837I(claim: Claim): string {
  const p = claim.billingProvider;
  return JSON.stringify([
    p.npi,
    p.tin,
    p.lastOrOrganizationName,
    p.taxonomy ?? '',
    p.address,
    claim.payToAddress ?? null,
    claim.payToPlan ?? null,
  ]);
}
