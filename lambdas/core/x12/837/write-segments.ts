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
 * refused when sanitising leaves nothing (e.g. a name made only of delimiters)
 * or leaves it outside the element's length (min/max, when given). For claim
 * values check837P has refused such claims already; this guards the rest
 * (tenant and receiver settings) and any rule check837P might miss.
 */
export function required(
  ctx: LoopContext,
  value: string,
  where: { loop: string; segmentId: string; element: string; min?: number; max?: number },
  options: { upper?: boolean } = {},
): string {
  const cleaned = ctx.w.clean(value, options);
  const fail = (code: 'EMPTY_AFTER_SANITISING' | 'TOO_SHORT_AFTER_SANITISING' | 'TOO_LONG_AFTER_SANITISING', message: string) => {
    if (ctx.claimId === undefined) return new X12Error(code, message, undefined, where.segmentId, where.element);
    return new Claim837Error(code, message, ctx.claimId, where.element, where.segmentId);
  };
  if (cleaned === '') {
    throw fail('EMPTY_AFTER_SANITISING', `loop ${where.loop} ${where.element} is empty once characters X12 cannot carry are removed`);
  }
  if (where.min !== undefined && cleaned.length < where.min) {
    throw fail('TOO_SHORT_AFTER_SANITISING', `loop ${where.loop} ${where.element} is shorter than ${where.min} characters once sanitised`);
  }
  if (where.max !== undefined && cleaned.length > where.max) {
    throw fail('TOO_LONG_AFTER_SANITISING', `loop ${where.loop} ${where.element} is longer than ${where.max} characters once sanitised`);
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
  const last = required(ctx, name.last, { loop, segmentId: 'NM1', element: 'NM103', max: 60 }, { upper: true });
  const id = identification ? required(ctx, identification.id, { loop, segmentId: 'NM1', element: 'NM109', min: 2, max: 80 }) : undefined;
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
    required(ctx, address.line1, { loop, segmentId: 'N3', element: 'N301', max: 55 }, { upper: true }),
    upper(address.line2),
  );
  ctx.w.segment(
    'N4',
    required(ctx, address.city, { loop, segmentId: 'N4', element: 'N401', min: 2, max: 30 }, { upper: true }),
    address.state,
    address.postalCode,
  );
}

/** X12 R rendering of a decimal string: "01" → "1", "1.500" → "1.5", "2.0" → "2". */
export function toX12Decimal(value: string): string {
  const [whole = '0', fraction = ''] = value.split('.');
  const trimmedWhole = whole.replace(/^0+(?=\d)/, '');
  const trimmedFraction = fraction.replace(/0+$/, '');
  return trimmedFraction ? `${trimmedWhole}.${trimmedFraction}` : trimmedWhole;
}

/** DTP*<qualifier>*D8*CCYYMMDD, for the many single-date DTP segments. */
export function writeDate(ctx: LoopContext, qualifier: string, date: string | undefined): void {
  if (date !== undefined) ctx.w.segment('DTP', qualifier, 'D8', isoToD8(date));
}

/** REF*<qualifier>*<value> for an identifier the payer must get back as sent (checked by check837P). */
export function writeRef(ctx: LoopContext, loop: string, qualifier: string, value: string | undefined): void {
  if (value === undefined) return;
  ctx.w.segment('REF', qualifier, required(ctx, value, { loop, segmentId: 'REF', element: 'REF02', min: 1, max: 50 }));
}

export function writeDemographics(ctx: LoopContext, birthDate: string, sex: 'M' | 'F' | 'U'): void {
  ctx.w.segment('DMG', 'D8', isoToD8(birthDate), sex);
}
