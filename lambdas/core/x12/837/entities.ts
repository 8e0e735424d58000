/**
 * Builds canonical parties (providers, people, addresses) from the NM1, N3,
 * N4, DMG and PRV segments of one 837 name loop. Missing required values are
 * left out rather than invented, so validation names the missing field.
 */
import type { ClaimInput } from '../../claim/model.js';
import { element } from '../segment.js';
import type { Segment } from '../types.js';
import { isoDate } from './values.js';

type Provider = NonNullable<ClaimInput['renderingProvider']>;
type Address = ClaimInput['billingProvider']['address'];
type PersonName = ClaimInput['subscriber']['name'];

/** The segments of one NM1 loop (e.g. 2010AA, 2010BA, 2310B). */
export interface NameLoop {
  nm1: Segment;
  n3?: Segment;
  n4?: Segment;
  dmg?: Segment;
  prv?: Segment;
  refs: Segment[];
}

export function nameLoop(nm1: Segment): NameLoop {
  return { nm1, refs: [] };
}

/** Drops undefined properties so optional fields are absent, not present-but-undefined. */
export function compact<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) if (item !== undefined) out[key] = item;
  return out as T;
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

export function refValue(refs: Segment[], qualifier: string): string | undefined {
  for (const ref of refs) if (element(ref, 1) === qualifier) return element(ref, 2);
  return undefined;
}

export function provider(loop: NameLoop): Provider {
  const { nm1 } = loop;
  return compact({
    entity: entityOf(nm1),
    lastOrOrganizationName: element(nm1, 3),
    firstName: element(nm1, 4),
    middleName: element(nm1, 5),
    suffix: element(nm1, 7),
    npi: npiOf(nm1),
    taxonomy: loop.prv ? element(loop.prv, 3) : undefined,
    address: address(loop),
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

/** N3/N4 as an address; undefined when the loop has neither. */
export function address(loop: Pick<NameLoop, 'n3' | 'n4'>): Address | undefined {
  const { n3, n4 } = loop;
  if (!n3 && !n4) return undefined;
  return compact({
    line1: n3 ? element(n3, 1) : undefined,
    line2: n3 ? element(n3, 2) : undefined,
    city: n4 ? element(n4, 1) : undefined,
    state: n4 ? element(n4, 2) : undefined,
    postalCode: n4 ? element(n4, 3) : undefined,
  }) as Address;
}

/** DMG02 (with DMG01 "D8") and DMG03. */
export function demographics(dmg: Segment | undefined): { birthDate?: string; sex?: 'M' | 'F' | 'U' } {
  if (!dmg) return {};
  const birthDate = element(dmg, 2);
  return compact({
    birthDate: birthDate === undefined ? undefined : isoDate(birthDate),
    sex: element(dmg, 3) as 'M' | 'F' | 'U' | undefined,
  });
}
