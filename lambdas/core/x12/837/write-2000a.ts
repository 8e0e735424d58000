/**
 * 2000A billing provider hierarchical level with its 2010AA name loop. One
 * 2000A is written per distinct billing provider; its claims follow as 2000B
 * children.
 */
import type { BillingProvider } from '../../claim/model.js';
import { type LoopContext, writeAddress, writeNm1, providerName } from './write-segments.js';

export function writeBillingProviderLevel(ctx: LoopContext, hlId: number, provider: BillingProvider): void {
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
