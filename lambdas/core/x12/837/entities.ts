/**
 * Builds canonical parties (providers, people, addresses) from the NM1, N3,
 * N4, DMG and PRV segments of one 837 name loop. Missing required values are
 * left out rather than invented, so validation names the missing field.
 */
import type { ClaimInput } from '../../claim/model.js';
import { element } from '../segment.js';
import type { Segment } from '../types.js';
import type { LoopRecord } from './claim-draft.js';
import type { ClaimLocations, Taken } from './taken.js';
import { isoDate } from './values.js';

type Provider = NonNullable<ClaimInput['renderingProvider']>;
type Address = ClaimInput['billingProvider']['address'];
type PersonName = ClaimInput['subscriber']['name'];

/** What the party builders need: what has been taken, and where values came from. */
export interface PartyContext {
  taken: Taken;
  locations: ClaimLocations;
}

/** Drops undefined properties so optional fields are absent, not present-but-undefined. */
export function compact<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) if (item !== undefined) out[key] = item;
  return out as T;
}

/** The loop's opening NM1 (always its first segment), marked as taken. */
export function nm1Of(loop: LoopRecord, ctx: PartyContext): Segment {
  return ctx.taken.mark(loop.segments[0] as Segment);
}

function entityOf(nm1: Segment): Provider['entity'] {
  const code = element(nm1, 2);
  if (code === '1') return 'person';
  if (code === '2') return 'organization';
  // Passed through so validation reports the unexpected NM102.
  return code as Provider['entity'];
}

/** NM1 with NM108 "XX" carries the NPI in NM109. */
export function npiOf(nm1: Segment): string | undefined {
  return element(nm1, 8) === 'XX' ? element(nm1, 9) : undefined;
}

/** REF02 of the first REF with that REF01 (the REF is taken). */
export function refValue(segments: readonly Segment[], qualifier: string, ctx: PartyContext, path?: string, loop = ''): string | undefined {
  const ref = ctx.taken.first(segments, 'REF', qualifier);
  if (!ref) return undefined;
  if (path !== undefined) ctx.locations.at(path, ref, loop, 'REF02');
  return element(ref, 2);
}

/** NM1 name, NPI, PRV taxonomy and N3/N4 address of a provider loop. */
export function provider(loop: LoopRecord, ctx: PartyContext, path: string, options: { address?: boolean } = {}): Provider {
  const nm1 = nm1Of(loop, ctx);
  ctx.locations.at(path, nm1, loop.loop);
  ctx.locations.at(`${path}.npi`, nm1, loop.loop, 'NM109');
  ctx.locations.at(`${path}.lastOrOrganizationName`, nm1, loop.loop, 'NM103');
  const prv = ctx.taken.first(loop.segments, 'PRV');
  if (prv) ctx.locations.at(`${path}.taxonomy`, prv, loop.loop, 'PRV03');
  return compact({
    entity: entityOf(nm1),
    lastOrOrganizationName: element(nm1, 3),
    firstName: element(nm1, 4),
    middleName: element(nm1, 5),
    suffix: element(nm1, 7),
    npi: npiOf(nm1),
    taxonomy: prv ? element(prv, 3) : undefined,
    address: options.address === false ? undefined : address(loop, ctx, `${path}.address`),
  }) as Provider;
}

export function personName(nm1: Segment): PersonName {
  return compact({
    last: element(nm1, 3),
    first: element(nm1, 4),
    middle: element(nm1, 5),
    suffix: element(nm1, 7),
  }) as PersonName;
}

/** N3/N4 of the loop as an address; undefined when the loop has neither. */
export function address(loop: LoopRecord, ctx: PartyContext, path: string): Address | undefined {
  const n3 = ctx.taken.first(loop.segments, 'N3');
  const n4 = ctx.taken.first(loop.segments, 'N4');
  if (!n3 && !n4) return undefined;
  if (n3) ctx.locations.at(`${path}.line1`, n3, loop.loop, 'N301');
  if (n4) {
    ctx.locations.at(path, n4, loop.loop);
    ctx.locations.at(`${path}.city`, n4, loop.loop, 'N401');
    ctx.locations.at(`${path}.state`, n4, loop.loop, 'N402');
    ctx.locations.at(`${path}.postalCode`, n4, loop.loop, 'N403');
  }
  return compact({
    line1: n3 ? element(n3, 1) : undefined,
    line2: n3 ? element(n3, 2) : undefined,
    city: n4 ? element(n4, 1) : undefined,
    state: n4 ? element(n4, 2) : undefined,
    postalCode: n4 ? element(n4, 3) : undefined,
  }) as Address;
}

/** DMG02 (with DMG01 "D8") and DMG03. */
export function demographics(loop: LoopRecord, ctx: PartyContext, path: string): { birthDate?: string; sex?: 'M' | 'F' | 'U' } {
  const dmg = ctx.taken.first(loop.segments, 'DMG');
  if (!dmg) return {};
  ctx.locations.at(`${path}.birthDate`, dmg, loop.loop, 'DMG02');
  ctx.locations.at(`${path}.sex`, dmg, loop.loop, 'DMG03');
  const birthDate = element(dmg, 2);
  return compact({
    birthDate: birthDate === undefined ? undefined : isoDate(birthDate),
    sex: element(dmg, 3) as 'M' | 'F' | 'U' | undefined,
  });
}
