/**
 * The amount-heavy 835 segments, read by element tables: MIA and MOA
 * (inpatient/outpatient adjudication, loop 2100), TS3 and TS2 (provider
 * summaries, loop 2000). Each table row names the element, the model field
 * and its kind: money (an X12Error when it is not a decimal with at most two
 * decimals, like every 835 amount), a count kept as read (dropped with a
 * warning when it is not a number), text, or a date.
 */
import type { Segment } from '../types.js';
import type { InpatientAdjudication, MedicarePartASummary, OutpatientAdjudication, ProviderSummary } from './model.js';
import { el, type SegmentReader835 } from './read-835-segments.js';
import { X835_WARNING } from './reader-codes.js';

export type Kind = 'money' | 'count' | 'text' | 'date';
/** One element of a table: its number, the model field, and how it is read and written. */
export type Row<T> = readonly [element: number, field: keyof T & string, kind: Kind];

export const MIA_ROWS: ReadonlyArray<Row<InpatientAdjudication>> = [
  [1, 'coveredDaysOrVisits', 'count'],
  [2, 'ppsOperatingOutlierAmount', 'money'],
  [3, 'lifetimePsychiatricDays', 'count'],
  [4, 'drgAmount', 'money'],
  [6, 'disproportionateShareAmount', 'money'],
  [7, 'mspPassThroughAmount', 'money'],
  [8, 'ppsCapitalAmount', 'money'],
  [9, 'ppsCapitalFspDrgAmount', 'money'],
  [10, 'ppsCapitalHspDrgAmount', 'money'],
  [11, 'ppsCapitalDshDrgAmount', 'money'],
  [12, 'oldCapitalAmount', 'money'],
  [13, 'ppsCapitalImeAmount', 'money'],
  [14, 'ppsOperatingHospitalSpecificDrgAmount', 'money'],
  [15, 'costReportDayCount', 'count'],
  [16, 'ppsOperatingFederalSpecificDrgAmount', 'money'],
  [17, 'ppsCapitalOutlierAmount', 'money'],
  [18, 'indirectTeachingAmount', 'money'],
  [19, 'nonpayableProfessionalComponentAmount', 'money'],
  [24, 'ppsCapitalExceptionAmount', 'money'],
];
/** MIA05, then MIA20-MIA23. */
export const MIA_REMARK_ELEMENTS = [5, 20, 21, 22, 23] as const;

export const MOA_ROWS: ReadonlyArray<Row<OutpatientAdjudication>> = [
  [1, 'reimbursementRate', 'count'],
  [2, 'hcpcsPayableAmount', 'money'],
  [8, 'esrdPaymentAmount', 'money'],
  [9, 'nonpayableProfessionalComponentAmount', 'money'],
];
export const MOA_REMARK_ELEMENTS = [3, 4, 5, 6, 7] as const;

export const TS3_ROWS: ReadonlyArray<Row<ProviderSummary>> = [
  [1, 'providerId', 'text'],
  [2, 'facilityTypeCode', 'text'],
  [3, 'fiscalPeriodDate', 'date'],
  [4, 'claimCount', 'count'],
  [5, 'totalCharge', 'money'],
  [13, 'mspPayerAmount', 'money'],
  [15, 'nonLabChargeAmount', 'money'],
  [17, 'hcpcsReportedChargeAmount', 'money'],
  [18, 'hcpcsPayableAmount', 'money'],
  [20, 'professionalComponentAmount', 'money'],
  [21, 'mspPatientLiabilityMetAmount', 'money'],
  [22, 'patientReimbursementAmount', 'money'],
  [23, 'pipClaimCount', 'count'],
  [24, 'pipAdjustmentAmount', 'money'],
];
/** TS3 elements 005010X221A1 marks "not used"; kept as read in `otherElements`. */
export const TS3_NOT_USED = [6, 7, 8, 9, 10, 11, 12, 14, 16, 19] as const;

export const TS2_ROWS: ReadonlyArray<Row<MedicarePartASummary>> = [
  [1, 'drgAmount', 'money'],
  [2, 'federalSpecificAmount', 'money'],
  [3, 'hospitalSpecificAmount', 'money'],
  [4, 'disproportionateShareAmount', 'money'],
  [5, 'capitalAmount', 'money'],
  [6, 'indirectMedicalEducationAmount', 'money'],
  [7, 'outlierDayCount', 'count'],
  [8, 'dayOutlierAmount', 'money'],
  [9, 'costOutlierAmount', 'money'],
  [10, 'averageDrgLengthOfStay', 'count'],
  [11, 'dischargeCount', 'count'],
  [12, 'costReportDayCount', 'count'],
  [13, 'coveredDayCount', 'count'],
  [14, 'noncoveredDayCount', 'count'],
  [15, 'mspPassThroughAmount', 'money'],
  [16, 'averageDrgWeight', 'count'],
  [17, 'ppsCapitalFspDrgAmount', 'money'],
  [18, 'ppsCapitalHspDrgAmount', 'money'],
  [19, 'ppsDshDrgAmount', 'money'],
];

/** "MIA05", "TS313". */
export const elementName = (id: string, index: number): string => `${id}${String(index).padStart(2, '0')}`;

function fill<T extends object>(r: SegmentReader835, seg: Segment, rows: ReadonlyArray<Row<T>>, target: T): void {
  const out = target as Record<string, unknown>;
  for (const [index, field, kind] of rows) {
    const name = elementName(seg.id, index);
    const value =
      kind === 'money' ? r.amount(seg, index, name, false) : kind === 'count' ? r.count(seg, index, name) : kind === 'date' ? r.date(seg, index, name) : el(seg, index) || undefined;
    if (value !== undefined) out[field] = value;
  }
}

function remarkCodes(seg: Segment, elements: readonly number[]): string[] {
  return elements.map((index) => el(seg, index)).filter((code) => code !== '');
}

export function readMia(r: SegmentReader835, seg: Segment): InpatientAdjudication {
  const mia: InpatientAdjudication = { remarkCodes: remarkCodes(seg, MIA_REMARK_ELEMENTS), position: seg.position };
  fill(r, seg, MIA_ROWS, mia);
  if (mia.coveredDaysOrVisits === undefined && el(seg, 1) === '') {
    r.warnAt(X835_WARNING.MISSING_ELEMENT, 'MIA01 (covered days or visits count) is required', seg);
  }
  return mia;
}

export function readMoa(r: SegmentReader835, seg: Segment): OutpatientAdjudication {
  const moa: OutpatientAdjudication = { remarkCodes: remarkCodes(seg, MOA_REMARK_ELEMENTS), position: seg.position };
  fill(r, seg, MOA_ROWS, moa);
  return moa;
}

export function readTs3(r: SegmentReader835, seg: Segment): ProviderSummary {
  const ts3: ProviderSummary = { position: seg.position };
  fill(r, seg, TS3_ROWS, ts3);
  for (const index of [1, 2, 3, 4, 5]) {
    if (el(seg, index) === '') r.warnAt(X835_WARNING.MISSING_ELEMENT, `${elementName('TS3', index)} is required`, seg);
  }
  const other = TS3_NOT_USED.flatMap((index) => {
    const value = el(seg, index);
    return value === '' ? [] : [{ element: elementName('TS3', index), value }];
  });
  if (other.length > 0) ts3.otherElements = other;
  return ts3;
}

export function readTs2(r: SegmentReader835, seg: Segment): MedicarePartASummary {
  const ts2: MedicarePartASummary = { position: seg.position };
  fill(r, seg, TS2_ROWS, ts2);
  return ts2;
}
