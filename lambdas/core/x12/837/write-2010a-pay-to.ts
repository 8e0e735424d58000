/**
 * 2010AB pay-to address and 2010AC pay-to plan, the optional name loops of
 * the 2000A billing provider level after 2010AA. Both belong to the billing
 * provider level, so claims are grouped under one 2000A only when they agree
 * on them too (see billingLevelKey).
 */
import type { Address, BillingProvider, PayToPlan } from '../../claim/model.js';
import { type LoopContext, writeAddress, writeNm1, writeRef } from './write-segments.js';

/** 2010AB: NM1*87 carries only the entity type; the address is the point. */
export function writePayToAddress(ctx: LoopContext, entity: BillingProvider['entity'], address: Address): void {
  ctx.w.segment('NM1', '87', entity === 'person' ? '1' : '2');
  writeAddress(ctx, '2010AB', address);
}

/** 2010AC: the plan paid instead of the provider (NM1*PE, PI payer id), its address, secondary id and TIN. */
export function writePayToPlan(ctx: LoopContext, plan: PayToPlan): void {
  writeNm1(ctx, '2010AC', 'PE', { entity: 'organization', last: plan.name }, { qualifier: 'PI', id: plan.payerId });
  writeAddress(ctx, '2010AC', plan.address);
  // Guide order: the secondary identification REF before the required tax identification REF.
  if (plan.secondaryId) writeRef(ctx, '2010AC', plan.secondaryId.qualifier, plan.secondaryId.value);
  ctx.w.segment('REF', 'EI', plan.tin);
}
