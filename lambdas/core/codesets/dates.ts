/** Date helpers for code-set versions. Dates are ISO `YYYY-MM-DD` strings, which compare correctly as text. */

/** ICD-10-CM/PCS fiscal year N runs from 1 October of N-1 to 30 September of N. */
export function fiscalYearRange(fy: number): { effectiveFrom: string; effectiveTo: string } {
  return { effectiveFrom: `${fy - 1}-10-01`, effectiveTo: `${fy}-09-30` };
}

/** ICD-10 replaced ICD-9 for dates of service from this date on. */
export const ICD10_START = '2015-10-01';

export function icd10Applies(date: string): boolean {
  return date >= ICD10_START;
}

/** `20260101` -> `2026-01-01`; blank, `*` and zero dates -> undefined. Throws on anything else. */
export function fromYyyymmdd(text: string): string | undefined {
  const t = text.trim();
  if (t === '' || t === '*' || /^0+$/.test(t)) return undefined;
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (!m) throw new Error('not a CCYYMMDD date');
  return `${m[1]}-${m[2]}-${m[3]}`;
}

/** `FY2026`, `fy26`, `2026` -> 2026. */
export function parseFiscalYear(text: string): number | undefined {
  const m = /^(?:FY)?(\d{2}|\d{4})$/i.exec(text.trim());
  if (!m?.[1]) return undefined;
  return m[1].length === 2 ? 2000 + Number(m[1]) : Number(m[1]);
}

export function isIsoDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text);
}

const QUARTER_START = { 1: '01', 2: '04', 3: '07', 4: '10' } as const;

/** `2026Q1` -> 2026-01-01. */
export function quarterStart(label: string): string | undefined {
  const m = /^(\d{4})Q([1-4])$/i.exec(label.trim());
  if (!m?.[1] || !m[2]) return undefined;
  return `${m[1]}-${QUARTER_START[Number(m[2]) as 1 | 2 | 3 | 4]}-01`;
}

/** 2026-04-01 -> `2026Q2`. */
export function quarterOf(date: string): string {
  return `${date.slice(0, 4)}Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}
