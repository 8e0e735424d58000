/**
 * Segment shapes that recur across the 837P loops: NM1 names, N3/N4
 * addresses, DMG demographics. Names and addresses are written upper case
 * (the X12 basic character set and what payers' front ends expect).
 */
import type { Address, Provider } from '../../claim/model.js';
import { type SegmentWriter, upper } from '../writer.js';
import { isoToD8 } from '../timestamp.js';
import { X12Error } from '../errors.js';
import { Claim837Error } from './write-errors.js';

/** What each loop writer needs: the output and the claim it is writing (for error attribution). */
export interface LoopContext {
  w: SegmentWriter;
  /** Undefined for the header loops (1000A/1000B), which belong to no claim. */
  claimId?: string;
}

/**
 * A value for a required element: sanitised as the writer will write it, and
 * refused when sanitising leaves nothing (e.g. a name made only of delimiters).
 */
export function required(
  ctx: LoopContext,
  value: string,
  where: { loop: string; segmentId: string; element: string },
  options: { upper?: boolean } = {},
): string {
  const cleaned = ctx.w.clean(value, options);
  if (cleaned === '') {
    const message = `loop ${where.loop} ${where.element} is empty once characters X12 cannot carry are removed`;
    if (ctx.claimId === undefined) throw new X12Error('EMPTY_AFTER_SANITISING', message, undefined, where.segmentId, where.element);
    throw new Claim837Error('EMPTY_AFTER_SANITISING', message, ctx.claimId, where.element, where.segmentId);
  }
  return cleaned;
}

export interface Nm1Name {
  entity: 'person' | 'organization';
  last: string;
  first?: string;
  middle?: string;
  suffix?: string;
}

/** The NM1 name of a provider as the claim model holds it. */
export function providerName(provider: Pick<Provider, 'entity' | 'lastOrOrganizationName' | 'firstName' | 'middleName' | 'suffix'>): Nm1Name {
  return {
    entity: provider.entity,
    last: provider.lastOrOrganizationName,
    first: provider.firstName,
    middle: provider.middleName,
    suffix: provider.suffix,
  };
}

/** NM1*<code>*1|2*LAST*FIRST*MIDDLE**SUFFIX*<qualifier>*<id>; the id pair is written together or not at all. */
export function writeNm1(
  ctx: LoopContext,
  loop: string,
  entityCode: string,
  name: Nm1Name,
  identification?: { qualifier: string; id: string },
): void {
  const person = name.entity === 'person';
  const last = required(ctx, name.last, { loop, segmentId: 'NM1', element: 'NM103' }, { upper: true });
  const id = identification ? required(ctx, identification.id, { loop, segmentId: 'NM1', element: 'NM109' }) : undefined;
  ctx.w.segment(
    'NM1',
    entityCode,
    person ? '1' : '2',
    last,
    person ? upper(name.first) : undefined,
    person ? upper(name.middle) : undefined,
    undefined,
    person ? upper(name.suffix) : undefined,
    identification ? identification.qualifier : undefined,
    id,
  );
}

export function writeAddress(ctx: LoopContext, loop: string, address: Address): void {
  ctx.w.segment(
    'N3',
    required(ctx, address.line1, { loop, segmentId: 'N3', element: 'N301' }, { upper: true }),
    upper(address.line2),
  );
  ctx.w.segment(
    'N4',
    required(ctx, address.city, { loop, segmentId: 'N4', element: 'N401' }, { upper: true }),
    address.state,
    address.postalCode,
  );
}

export function writeDemographics(ctx: LoopContext, birthDate: string, sex: 'M' | 'F' | 'U'): void {
  ctx.w.segment('DMG', 'D8', isoToD8(birthDate), sex);
}
