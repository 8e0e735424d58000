/**
 * HL7 v2 datatypes read into canonical claim values: dates (DT/DTM), money
 * (CP/MO), names (XPN/XCN), addresses (XAD), sex, coding systems (HL7 table
 * 0396 and the vendor spellings seen in DFT feeds) and relationship codes.
 * Readers return undefined where the value does not hold what the model
 * needs; the caller decides whether that is a problem.
 */
import { fromCents, isMoney, toCents } from '../money.js';
import type { SegmentView } from './hl7v2-reader.js';

/** ICD-10-CM spellings in CE/CWE component 3 (I10 is HL7 table 0396; the rest are vendor variants). */
const ICD10CM = new Set(['I10', 'I10C', 'ICD10', 'ICD-10', 'ICD10CM', 'ICD-10-CM', 'ICD10-CM']);
const ICD9CM = new Set(['I9', 'I9C', 'ICD9', 'ICD-9', 'ICD9CM', 'ICD-9-CM']);
/** CPT-4 (C4) and HCPCS (HCPCS / HCPT) spellings. */
const CPT_HCPCS = new Set(['C4', 'C5', 'CPT', 'CPT4', 'CPT-4', 'HCPCS', 'HCPT', 'HCPC', 'HC', 'HCPCS-II']);

export type DiagnosisSystem = 'icd10cm' | 'icd9cm' | 'other' | 'none';

export function diagnosisSystem(system: string): DiagnosisSystem {
  const s = system.toUpperCase().replace(/\s/g, '');
  if (!s) return 'none';
  return ICD10CM.has(s) ? 'icd10cm' : ICD9CM.has(s) ? 'icd9cm' : 'other';
}

export function isCptHcpcsSystem(system: string): boolean {
  return CPT_HCPCS.has(system.toUpperCase().replace(/\s/g, ''));
}

/** CPT (5 digits, or 4 digits + F/T/U) or HCPCS level II (letter + 4 digits). */
export function isCptHcpcsShape(code: string): boolean {
  return /^(\d{4}[0-9FTU]|[A-V]\d{4})$/.test(code.toUpperCase());
}

/** ICD-10-CM as written with or without the dot: letter, digit, then 1-5 characters. */
export function icd10Code(code: string): string | undefined {
  const c = code.replace('.', '').toUpperCase();
  return /^[A-Z][0-9][0-9A-Z]{1,5}$/.test(c) ? c : undefined;
}

/** DT/DTM "YYYYMMDD[HHMM[SS]][+ZZZZ]" → "YYYY-MM-DD" (the date as written: no time-zone shifting). */
export function hl7Date(value: string): string | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})/.exec(value);
  if (!m) return undefined;
  const iso = `${m[1]}-${m[2]}-${m[3]}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(iso) ? iso : undefined;
}

/** A money amount ("125", "125.5", "125.00", "$1,250.00") → "125.00"; undefined when not an amount. */
export function hl7Money(value: string): string | undefined {
  const v = value.replace(/^\$/, '').replace(/,/g, '');
  if (!/^\d{1,10}(\.\d{1,2})?$/.test(v) || !isMoney(v)) return undefined;
  return fromCents(toCents(v));
}

export function multiplyMoney(amount: string, units: string): string | undefined {
  if (!/^\d+$/.test(units)) return undefined;
  const cents = toCents(amount) * Number(units);
  return Number.isSafeInteger(cents) ? fromCents(cents) : undefined;
}

/** A positive quantity (at most three decimals). */
export function hl7Quantity(value: string): string | undefined {
  if (!/^\d{1,8}(\.\d{1,3})?$/.test(value)) return undefined;
  const n = Number(value);
  if (!(n > 0)) return undefined;
  return value.includes('.') ? value.replace(/\.?0+$/, '') : String(n);
}

/** HL7 table 0001 → model sex (O other, A ambiguous, N not applicable are unknown to the 837). */
export function hl7Sex(value: string): 'M' | 'F' | 'U' | undefined {
  const v = value.toUpperCase();
  if (!v) return undefined;
  return v === 'M' || v === 'F' ? v : 'U';
}

export function compact<T extends Record<string, unknown>>(value: T): T | undefined {
  const entries = Object.entries(value).filter(([, v]) => v !== undefined && v !== '');
  return entries.length ? (Object.fromEntries(entries) as T) : undefined;
}

const nonEmpty = (v: string) => (v ? v : undefined);

/** XPN at a field (first repetition): family (FN: surname is subcomponent 1), given, middle, suffix. */
export function hl7Name(seg: SegmentView, field: number, rep = 0) {
  return compact({
    last: nonEmpty(seg.get(field, 1, rep, 0)),
    first: nonEmpty(seg.get(field, 2, rep)),
    middle: nonEmpty(seg.get(field, 3, rep)),
    suffix: nonEmpty(seg.get(field, 4, rep)),
  });
}

/** XAD: street (SAD: subcomponent 1), other designation, city, state, ZIP. */
export function hl7Address(seg: SegmentView, field: number, rep = 0) {
  return compact({
    line1: nonEmpty(seg.get(field, 1, rep, 0)),
    line2: nonEmpty(seg.get(field, 2, rep)),
    city: nonEmpty(seg.get(field, 3, rep)),
    state: nonEmpty(seg.get(field, 4, rep).toUpperCase()),
    postalCode: nonEmpty(seg.get(field, 5, rep).replace(/[-\s]/g, '')),
  });
}

export type ProviderRead =
  | { provider: Record<string, unknown> }
  | { missing: 'npi' | 'name' };

/**
 * XCN → a person provider, only with an NPI: component 1 is the id, and its
 * type is component 13 (identifier type code) or component 9 (assigning
 * authority) equal to NPI. UPINs, local ids and e-mails are not NPIs.
 */
export function hl7Provider(seg: SegmentView, field: number, rep = 0): ProviderRead | undefined {
  if (seg.repetitions(field) <= rep) return undefined;
  const id = seg.get(field, 1, rep);
  const typed = [seg.get(field, 13, rep), seg.get(field, 9, rep, 0)].some((t) => t.toUpperCase() === 'NPI');
  if (!typed || !/^\d{10}$/.test(id)) return { missing: 'npi' };
  const last = seg.get(field, 2, rep, 0);
  if (!last) return { missing: 'name' };
  return {
    provider: compact({
      entity: 'person',
      lastOrOrganizationName: last,
      firstName: nonEmpty(seg.get(field, 3, rep)),
      middleName: nonEmpty(seg.get(field, 4, rep)),
      suffix: nonEmpty(seg.get(field, 5, rep)),
      npi: id,
    })!,
  };
}

/**
 * IN1-17 is the insured's relationship to the patient (HL7 table 0063);
 * the 837 wants the patient's relationship to the insured, so the
 * directional codes turn round (insured is the parent → patient is a child).
 * Vendors that send X12 codes already are taken as they are.
 */
const INSURED_TO_PATIENT: Record<string, string> = {
  SEL: '18', SPO: '01', DOM: '53', PAR: '19', CHD: 'G8', EMR: '20', EME: 'G8',
  GRP: 'G8', GRD: 'G8', SIB: 'G8', FND: 'G8', OTH: 'G8', UNK: '21',
};
const X12_RELATIONSHIP = new Set(['01', '18', '19', '20', '21', '39', '40', '53', 'G8']);

export function patientRelationship(code: string): string | undefined {
  const c = code.toUpperCase();
  return X12_RELATIONSHIP.has(c) ? c : INSURED_TO_PATIENT[c];
}
