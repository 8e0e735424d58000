/**
 * The parties of the HL levels above a claim: 2000A/2010AA billing provider,
 * 2010AB pay-to address, 2010AC pay-to plan, 2000B/2010BA subscriber,
 * 2010BB payer, 2000C/2010CA patient.
 */
import type { ClaimInput } from '../../claim/model.js';
import { element } from '../segment.js';
import type { LoopRecord } from './claim-draft.js';
import { address, compact, demographics, nm1Of, personName, provider, refValue, type PartyContext } from './entities.js';
import type { HlNode } from './hl-tree.js';

type Input = ClaimInput;

function party(node: HlNode | undefined, loop: string): LoopRecord | undefined {
  return node?.parties.find((p) => p.loop === loop);
}

export function billingProvider(node: HlNode | undefined, ctx: PartyContext): Input['billingProvider'] | undefined {
  const loop = party(node, '2010AA');
  if (!node || !loop) return undefined;
  const base = provider(loop, ctx, 'billingProvider');
  // 2000A PRV (2010AA has none in 5010; some 004010 files put it there, which provider() read).
  const prv = ctx.taken.first(node.segments, 'PRV');
  if (prv) ctx.locations.at('billingProvider.taxonomy', prv, '2000A', 'PRV03');
  const nm1 = loop.segments[0];
  // 004010 files may carry the EIN as the NM1 identifier (NM108 "24") instead of REF*EI.
  const tin = refValue(loop.segments, 'EI', ctx, 'billingProvider.tin', '2010AA') ?? (nm1 && element(nm1, 8) === '24' ? element(nm1, 9) : undefined);
  return compact({ ...base, taxonomy: base.taxonomy ?? (prv ? element(prv, 3) : undefined), tin }) as Input['billingProvider'];
}

export function payToAddress(node: HlNode | undefined, ctx: PartyContext): Input['payToAddress'] {
  const loop = party(node, '2010AB');
  if (!loop) return undefined;
  nm1Of(loop, ctx);
  return address(loop, ctx, 'payToAddress');
}

export function payToPlan(node: HlNode | undefined, ctx: PartyContext): Input['payToPlan'] {
  const loop = party(node, '2010AC');
  if (!loop) return undefined;
  const nm1 = nm1Of(loop, ctx);
  ctx.locations.at('payToPlan', nm1, loop.loop);
  const secondary = ctx.taken.first(loop.segments, 'REF', new Set(['2U', 'FY', 'NF']));
  return compact({
    name: element(nm1, 3),
    payerId: element(nm1, 9),
    address: address(loop, ctx, 'payToPlan.address'),
    secondaryId: secondary ? compact({ qualifier: element(secondary, 1), value: element(secondary, 2) }) : undefined,
    tin: refValue(loop.segments, 'EI', ctx, 'payToPlan.tin', loop.loop),
  }) as Input['payToPlan'];
}

export function subscriber(node: HlNode | undefined, ctx: PartyContext): Input['subscriber'] | undefined {
  const loop = party(node, '2010BA');
  if (!node || !loop) return undefined;
  const nm1 = nm1Of(loop, ctx);
  ctx.locations.at('subscriber', nm1, loop.loop);
  ctx.locations.at('subscriber.memberId', nm1, loop.loop, 'NM109');
  const sbr = ctx.taken.first(node.segments, 'SBR');
  const secondaryIds = ctx.taken
    .all(loop.segments, 'REF', new Set(['SY', 'Y4']))
    .map((ref) => compact({ qualifier: element(ref, 1), value: element(ref, 2) }));
  return compact({
    memberId: element(nm1, 9),
    name: personName(nm1),
    ...demographics(loop, ctx, 'subscriber'),
    address: address(loop, ctx, 'subscriber.address'),
    groupNumber: sbr ? element(sbr, 3) : undefined,
    groupName: sbr ? element(sbr, 4) : undefined,
    secondaryIds: secondaryIds.length > 0 ? secondaryIds : undefined,
  }) as Input['subscriber'];
}

export function payer(node: HlNode | undefined, ctx: PartyContext): Input['payer'] | undefined {
  const loop = party(node, '2010BB');
  if (!node || !loop) return undefined;
  const nm1 = nm1Of(loop, ctx);
  ctx.locations.at('payer', nm1, loop.loop);
  ctx.locations.at('payer.payerId', nm1, loop.loop, 'NM109');
  const sbr = ctx.taken.first(node.segments, 'SBR');
  if (sbr) {
    ctx.locations.at('payer.responsibility', sbr, '2000B', 'SBR01');
    ctx.locations.at('payer.insuranceTypeCode', sbr, '2000B', 'SBR05');
    ctx.locations.at('payer.claimFilingIndicator', sbr, '2000B', 'SBR09');
  }
  return compact({
    name: element(nm1, 3),
    payerId: element(nm1, 9),
    claimFilingIndicator: sbr ? element(sbr, 9) : undefined,
    responsibility: sbr ? element(sbr, 1) : undefined,
    insuranceTypeCode: sbr ? element(sbr, 5) : undefined,
    address: address(loop, ctx, 'payer.address'),
  }) as Input['payer'];
}

/** The 2000C patient; absent when the patient is the subscriber (no 2000C, or PAT01 18). */
export function patient(node: HlNode | undefined, ctx: PartyContext): Input['patient'] | undefined {
  if (!node) return undefined;
  const pat = ctx.taken.first(node.segments, 'PAT');
  const relationship = pat ? element(pat, 1) : undefined;
  if (pat) ctx.locations.at('patient.relationship', pat, '2000C', 'PAT01');
  if (relationship === '18') return undefined;
  const loop = party(node, '2010CA');
  if (loop) ctx.locations.at('patient', nm1Of(loop, ctx), loop.loop);
  else ctx.locations.at('patient', node.hl, '2000C');
  return compact({
    relationship: relationship as NonNullable<Input['patient']>['relationship'],
    name: loop ? personName(nm1Of(loop, ctx)) : undefined,
    ...(loop ? demographics(loop, ctx, 'patient') : {}),
    address: loop ? address(loop, ctx, 'patient.address') : undefined,
  }) as Input['patient'];
}
