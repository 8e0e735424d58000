/**
 * 2310A-F claim-level provider loops of the 837I: attending (71), operating
 * (72), other operating (ZZ), rendering (82), service facility (77) and
 * referring (DN). Every provider loop but the facility takes a person only
 * (NM102 = 1); check837I refuses an organization there, so the writer always
 * writes NM102 = 1.
 */
import type { Claim, Provider, ServiceFacility } from '../../claim/model.js';
import { type LoopContext, writeAddress, writeNm1 } from '../837/write-segments.js';

/**
 * 2310D is required when the rendering provider differs from the attending
 * provider (2310A), and not sent otherwise: it is written when the claim
 * names a rendering provider whose NPI is not the attending provider's.
 */
export function renderingLoopWritten(claim: Claim): claim is Claim & { renderingProvider: Provider } {
  const rendering = claim.renderingProvider;
  if (!rendering) return false;
  return rendering.npi !== claim.institutional?.attendingProvider?.npi;
}

export function writeClaimProviders(ctx: LoopContext, claim: Claim): void {
  const inst = claim.institutional;
  if (inst?.attendingProvider) {
    writePerson(ctx, '2310A', '71', inst.attendingProvider);
    // PRV*AT: the attending provider's taxonomy, when known (payers adjudicate on it).
    if (inst.attendingProvider.taxonomy) ctx.w.segment('PRV', 'AT', 'PXC', inst.attendingProvider.taxonomy);
  }
  if (inst?.operatingProvider) writePerson(ctx, '2310B', '72', inst.operatingProvider);
  if (inst?.otherOperatingProvider) writePerson(ctx, '2310C', 'ZZ', inst.otherOperatingProvider);
  if (renderingLoopWritten(claim)) writePerson(ctx, '2310D', '82', claim.renderingProvider);
  if (claim.serviceFacility) writeServiceFacility(ctx, claim.serviceFacility);
  if (claim.referringProvider) writePerson(ctx, '2310F', 'DN', claim.referringProvider);
}

/** NM1*<code>*1*LAST*FIRST*MIDDLE**SUFFIX*XX*NPI. */
export function writePerson(ctx: LoopContext, loop: string, entityCode: string, provider: Provider): void {
  writeNm1(
    ctx,
    loop,
    entityCode,
    { entity: 'person', last: provider.lastOrOrganizationName, first: provider.firstName, middle: provider.middleName, suffix: provider.suffix },
    { qualifier: 'XX', id: provider.npi },
  );
}

function writeServiceFacility(ctx: LoopContext, facility: ServiceFacility): void {
  writeNm1(ctx, '2310E', '77', { entity: 'organization', last: facility.name }, facility.npi ? { qualifier: 'XX', id: facility.npi } : undefined);
  writeAddress(ctx, '2310E', facility.address);
}
