/**
 * 2000A billing provider hierarchical level with its 2010AA name loop and the
 * optional 2010AB pay-to address and 2010AC pay-to plan. One 2000A is
 * written per distinct billing level (provider plus pay-to loops); its claims
 * follow as 2000B children.
 */
import type { BillingProvider, Claim } from '../../claim/model.js';
import { writePayToAddress, writePayToPlan } from './write-2010a-pay-to.js';
import { type LoopContext, writeAddress, writeNm1, providerName } from './write-segments.js';

/** The billing-level parts of a claim: every claim under one 2000A shares them. */
export type BillingLevel = Pick<Claim, 'billingProvider' | 'payToAddress' | 'payToPlan'>;

export function writeBillingProviderLevel(ctx: LoopContext, hlId: number, level: BillingLevel): void {
  const provider = level.billingProvider;
  // HL04 is always 1: a 2000A is only written because 2000B claims follow it.
  ctx.w.segment('HL', String(hlId), undefined, '20', '1');
  if (provider.taxonomy) ctx.w.segment('PRV', 'BI', 'PXC', provider.taxonomy);
  writeNm1(
    ctx,
    '2010AA',
    '85',
    providerName(provider),
    { qualifier: 'XX', id: provider.npi },
  );
  writeAddress(ctx, '2010AA', provider.address);
  ctx.w.segment('REF', 'EI', provider.tin);
  if (level.payToAddress) writePayToAddress(ctx, provider.entity, level.payToAddress);
  if (level.payToPlan) writePayToPlan(ctx, level.payToPlan);
}

/**
 * The identity a 2000A stands for. NPI and TIN decide the grouping; the other
 * fields are included so two records that share an NPI/TIN but disagree on
 * name or address are never silently merged under one of them.
 */
export function billingProviderKey(provider: BillingProvider): string {
  return JSON.stringify([
    provider.npi,
    provider.tin,
    provider.entity,
    provider.lastOrOrganizationName,
    provider.firstName ?? '',
    provider.middleName ?? '',
    provider.suffix ?? '',
    provider.taxonomy ?? '',
    provider.address.line1,
    provider.address.line2 ?? '',
    provider.address.city,
    provider.address.state,
    provider.address.postalCode,
  ]);
}

/** Claims share a 2000A only when they agree on the billing provider and on both pay-to loops. */
export function billingLevelKey(level: BillingLevel): string {
  const address = level.payToAddress;
  const plan = level.payToPlan;
  return JSON.stringify([
    billingProviderKey(level.billingProvider),
    address ? [address.line1, address.line2 ?? '', address.city, address.state, address.postalCode] : null,
    plan
      ? [
          plan.name,
          plan.payerId,
          plan.tin,
          plan.secondaryId?.qualifier ?? '',
          plan.secondaryId?.value ?? '',
          plan.address.line1,
          plan.address.line2 ?? '',
          plan.address.city,
          plan.address.state,
          plan.address.postalCode,
        ]
      : null,
  ]);
}
