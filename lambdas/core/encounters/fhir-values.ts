/**
 * FHIR R4 datatypes read into canonical claim values: code systems we accept
 * (ICD-10-CM, CPT, HCPCS, CMS place of service), codings, identifiers,
 * HumanName, Address, Money and Quantity. Readers return undefined where the
 * datatype does not hold what we need; the caller decides what that means.
 */
import { fromCents } from '../money.js';
import { isObject } from './fhir-resolve.js';

export const SYSTEMS = {
  npi: 'http://hl7.org/fhir/sid/us-npi',
  tin: 'urn:oid:2.16.840.1.113883.4.4',
  cpt: 'http://www.ama-assn.org/go/cpt',
  hcpcs: ['https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets', 'http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets', 'urn:oid:2.16.840.1.113883.6.285'],
  icd10cm: ['http://hl7.org/fhir/sid/icd-10-cm', 'http://hl7.org/fhir/sid/icd-10'],
  revenue: ['https://www.nubc.org/CodeSystem/RevenueCodes', 'http://terminology.hl7.org/CodeSystem/ex-revenue-center'],
} as const;

export interface Coding {
  system?: string;
  code?: string;
}

export function codings(concept: unknown): Coding[] {
  if (!isObject(concept) || !Array.isArray(concept.coding)) return [];
  return concept.coding.filter(isObject).map((c) => ({
    system: typeof c.system === 'string' ? c.system.trim() : undefined,
    code: typeof c.code === 'string' ? c.code.trim() : undefined,
  }));
}

/** The first code of the concept in one of the systems (case-insensitive on the system URI). */
export function codeIn(concept: unknown, systems: readonly string[]): string | undefined {
  const wanted = systems.map((s) => s.toLowerCase());
  return codings(concept).find((c) => c.code && c.system && wanted.includes(c.system.toLowerCase()))?.code;
}

export function procedureCode(concept: unknown): string | undefined {
  return codeIn(concept, [SYSTEMS.cpt, ...SYSTEMS.hcpcs]);
}

/** CMS place of service: the THO and CMS URIs vary in case and separators; all name place of service. */
export function placeOfService(concept: unknown): string | undefined {
  return codings(concept).find((c) => c.code && c.system && /place[-_ ]?of[-_ ]?service|2\.16\.840\.1\.113883\.6\.50$/i.test(c.system))?.code;
}

export function firstCode(concept: unknown): string | undefined {
  return codings(concept).find((c) => c.code)?.code;
}

export function identifierValue(resource: unknown, system: string): string | undefined {
  const list = isObject(resource) ? resource.identifier : undefined;
  const identifiers = Array.isArray(list) ? list : isObject(list) ? [list] : [];
  const found = identifiers.filter(isObject).find((i) => i.system === system && typeof i.value === 'string');
  return found?.value as string | undefined;
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

export function humanName(names: unknown): { last?: string; first?: string; middle?: string; suffix?: string } | undefined {
  if (!Array.isArray(names)) return undefined;
  const all = names.filter(isObject);
  const name = all.find((n) => n.use === 'official') ?? all.find((n) => n.use !== 'old' && n.use !== 'nickname') ?? all[0];
  if (!name) return undefined;
  const given = Array.isArray(name.given) ? name.given.filter((g): g is string => typeof g === 'string') : [];
  const suffix = Array.isArray(name.suffix) ? name.suffix.find((s): s is string => typeof s === 'string') : undefined;
  return compact({ last: str(name.family), first: str(given[0]), middle: str(given[1]), suffix: str(suffix) });
}

export function address(addresses: unknown): Record<string, string | undefined> | undefined {
  if (!Array.isArray(addresses)) return undefined;
  const all = addresses.filter(isObject);
  const found = all.find((a) => a.use !== 'old' && a.type !== 'postal') ?? all[0];
  if (!found) return undefined;
  const lines = Array.isArray(found.line) ? found.line.filter((l): l is string => typeof l === 'string') : [];
  return compact({
    line1: str(lines[0]),
    line2: str(lines[1]),
    city: str(found.city),
    state: str(found.state)?.toUpperCase(),
    postalCode: str(found.postalCode)?.replace(/[-\s]/g, ''),
  });
}

export function sex(gender: unknown): 'M' | 'F' | 'U' | undefined {
  return gender === 'male' ? 'M' : gender === 'female' ? 'F' : typeof gender === 'string' ? 'U' : undefined;
}

/** "2026-03-04T10:00:00-05:00" → "2026-03-04" (the date as written: no time-zone shifting). */
export function date(value: unknown): string | undefined {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : undefined;
}

/** A FHIR decimal (a JSON number) as a money string; undefined when it has more than two decimals. */
export function money(value: unknown): string | undefined {
  const amount = isObject(value) ? value.value : undefined;
  if (typeof amount !== 'number' || !Number.isFinite(amount)) return undefined;
  const cents = Math.round(amount * 100);
  if (Math.abs(amount * 100 - cents) > 1e-6 || !Number.isSafeInteger(cents)) return undefined;
  return fromCents(cents);
}

export function compact<T extends Record<string, unknown>>(value: T): T | undefined {
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  return entries.length ? (Object.fromEntries(entries) as T) : undefined;
}
