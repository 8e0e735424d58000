/**
 * The 2300 claim's provider and facility name loops: 2310A referring (DN),
 * 2310B rendering (82), 2310C service facility location (77) and 2310D
 * supervising (DQ). 2310E/F (ambulance) are in write-23xx-ambulance.ts.
 */
import type { Claim, Provider, ServiceFacility } from '../../claim/model.js';
import { type LoopContext, writeAddress, writeNm1, providerName } from './write-segments.js';

/** 2310A: only a person can be the referring provider (check837P refuses an organization). */
export function writeReferringProvider(ctx: LoopContext, provider: Provider): void {
  writeNm1(ctx, '2310A', 'DN', { ...providerName(provider), entity: 'person' }, { qualifier: 'XX', id: provider.npi });
}

/** 2310B: written only when the rendering provider is not the billing provider (different NPI). */
export function renderingDiffers(claim: Claim): claim is Claim & { renderingProvider: Provider } {
  return claim.renderingProvider !== undefined && claim.renderingProvider.npi !== claim.billingProvider.npi;
}

/** The NPI that renders the claim's services as written: 2310B when written, else the billing provider. */
export function claimRenderingNpi(claim: Claim): string {
  return renderingDiffers(claim) ? claim.renderingProvider.npi : claim.billingProvider.npi;
}

export function writeRenderingProvider(ctx: LoopContext, provider: Provider, loop = '2310B'): void {
  writeNm1(ctx, loop, '82', providerName(provider), { qualifier: 'XX', id: provider.npi });
  if (provider.taxonomy) ctx.w.segment('PRV', 'PE', 'PXC', provider.taxonomy);
}

/** 2310C: NM1*77 (always an organization), the NPI when known, and the street address. */
export function writeServiceFacility(ctx: LoopContext, facility: ServiceFacility): void {
  writeNm1(
    ctx,
    '2310C',
    '77',
    { entity: 'organization', last: facility.name },
    facility.npi !== undefined ? { qualifier: 'XX', id: facility.npi } : undefined,
  );
  writeAddress(ctx, '2310C', facility.address);
}

/** 2310D: a person only (check837P refuses an organization). */
export function writeSupervisingProvider(ctx: LoopContext, provider: Provider): void {
  writeNm1(ctx, '2310D', 'DQ', { ...providerName(provider), entity: 'person' }, { qualifier: 'XX', id: provider.npi });
}
