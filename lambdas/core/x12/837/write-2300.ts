/**
 * 2300 claim information (CLM, REF, HI) and the claim-level provider loops
 * 2310A referring and 2310B rendering.
 */
import type { Claim, Provider } from '../../claim/model.js';
import { toX12Amount } from '../../money.js';
import { composite } from '../writer.js';
import { type LoopContext, required, writeNm1, providerName } from './write-segments.js';

/** CLM02 must equal the sum of SV102; `totalCents` is that sum (checked against totalCharge beforehand). */
export function writeClaimInformation(ctx: LoopContext, claim: Claim, totalCents: number): void {
  ctx.w.segment(
    'CLM',
    required(ctx, claim.claimId, { loop: '2300', segmentId: 'CLM', element: 'CLM01' }),
    toX12Amount(totalCents),
    undefined,
    undefined,
    // CLM05: place of service, B (place of service code qualifier), frequency.
    composite(claim.placeOfService ?? '', 'B', claim.frequencyCode),
    'Y', // CLM06 provider signature on file
    'A', // CLM07 assigned
    'Y', // CLM08 benefits assigned to the provider
    'Y', // CLM09 release of information signed
  );
  // Guide order of the 2300 REFs: G1 prior authorization before F8 payer claim control number.
  if (claim.priorAuthorization) {
    ctx.w.segment('REF', 'G1', required(ctx, claim.priorAuthorization, { loop: '2300', segmentId: 'REF', element: 'REF02' }));
  }
  if (claim.frequencyCode === '7' || claim.frequencyCode === '8') {
    // check837P has refused 7/8 without it; the guard keeps the types honest.
    const original = claim.payerClaimControlNumber ?? '';
    ctx.w.segment('REF', 'F8', required(ctx, original, { loop: '2300', segmentId: 'REF', element: 'REF02' }));
  }
  writeDiagnoses(ctx, claim);
}

/** HI: the principal diagnosis (ABK) then up to 11 others (ABF); BK/BF for ICD-9-CM. */
function writeDiagnoses(ctx: LoopContext, claim: Claim): void {
  const icd9 = claim.diagnoses[0]?.system === 'ICD-9-CM';
  const [principal, other] = icd9 ? ['BK', 'BF'] : ['ABK', 'ABF'];
  const elements = claim.diagnoses.map((diagnosis, index) =>
    composite(index === 0 ? principal : other, diagnosis.code.replace('.', '')),
  );
  ctx.w.segment('HI', ...elements);
}

/** 2310A: only a person can be the referring provider (check837P refuses an organization). */
export function writeReferringProvider(ctx: LoopContext, provider: Provider): void {
  writeNm1(
    ctx,
    '2310A',
    'DN',
    { entity: 'person', last: provider.lastOrOrganizationName, first: provider.firstName, middle: provider.middleName, suffix: provider.suffix },
    { qualifier: 'XX', id: provider.npi },
  );
}

/** 2310B: written only when the rendering provider is not the billing provider (different NPI). */
export function renderingDiffers(claim: Claim): claim is Claim & { renderingProvider: Provider } {
  return claim.renderingProvider !== undefined && claim.renderingProvider.npi !== claim.billingProvider.npi;
}

export function writeRenderingProvider(ctx: LoopContext, provider: Provider): void {
  writeNm1(
    ctx,
    '2310B',
    '82',
    providerName(provider),
    { qualifier: 'XX', id: provider.npi },
  );
  if (provider.taxonomy) ctx.w.segment('PRV', 'PE', 'PXC', provider.taxonomy);
}
