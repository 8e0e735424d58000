/**
 * 005010X223A2 837I 2300 HI segments. Each family is one HI use told apart
 * by HI01-1 (the code list qualifier, "ABK" ICD-10 / "BK" ICD-9); every
 * composite of a family carries the same qualifier. The components used:
 * 1 qualifier, 2 code, 3/4 date format and date (procedures, occurrences),
 * 5 amount (values), 9 present-on-admission indicator (diagnoses).
 */
import { seg } from './define.js';
import type { GuideSegment } from './types.js';

/** HI0n-9 present-on-admission indicator. */
const POA = ['N', 'U', 'W', 'Y'];

interface Family {
  name: string;
  usage: 'R' | 'S';
  max: number;
  qualifiers: readonly string[];
  /** How many composites (HI01..HI12) may be present. */
  composites: number;
  /** Usage of components 1..9 of each composite, e.g. 'RRNNNNNNS'. */
  components: string;
  /** HI0n-3 date format when the family carries a date. */
  dateFormat?: readonly string[];
}

function family(f: Family): GuideSegment {
  const use = Array.from({ length: 12 }, (_, i) => (i === 0 ? `R(${f.components})` : i < f.composites ? `S(${f.components})` : 'N')).join('');
  const codes: Record<string, readonly string[]> = {};
  for (let i = 1; i <= f.composites; i++) {
    codes[`${i}-1`] = f.qualifiers;
    if (f.dateFormat) codes[`${i}-3`] = f.dateFormat;
    if (f.components[8] === 'S') codes[`${i}-9`] = POA;
  }
  return seg('HI', f.name, f.usage, f.max, { q: f.qualifiers, use, codes });
}

const CODE = 'RR';
const CODE_POA = 'RRNNNNNNS';
const CODE_DATE = 'RRRR';
const CODE_AMOUNT = 'RRNNR';

export function institutionalHealthCareCodes(): GuideSegment[] {
  return [
    family({ name: 'Principal Diagnosis', usage: 'R', max: 1, qualifiers: ['ABK', 'BK'], composites: 1, components: CODE_POA }),
    family({ name: 'Admitting Diagnosis', usage: 'S', max: 1, qualifiers: ['ABJ', 'BJ'], composites: 1, components: CODE }),
    family({ name: "Patient's Reason For Visit", usage: 'S', max: 1, qualifiers: ['APR', 'PR'], composites: 3, components: CODE }),
    family({ name: 'External Cause of Injury', usage: 'S', max: 1, qualifiers: ['ABN', 'BN'], composites: 12, components: CODE_POA }),
    family({ name: 'Diagnosis Related Group (DRG) Information', usage: 'S', max: 1, qualifiers: ['DR'], composites: 1, components: CODE }),
    family({ name: 'Other Diagnosis Information', usage: 'S', max: 2, qualifiers: ['ABF', 'BF'], composites: 12, components: CODE_POA }),
    family({ name: 'Principal Procedure Information', usage: 'S', max: 1, qualifiers: ['BBR', 'BR', 'CAH'], composites: 1, components: CODE_DATE, dateFormat: ['D8'] }),
    family({ name: 'Other Procedure Information', usage: 'S', max: 2, qualifiers: ['BBQ', 'BQ'], composites: 12, components: CODE_DATE, dateFormat: ['D8'] }),
    family({ name: 'Occurrence Span Information', usage: 'S', max: 4, qualifiers: ['BI'], composites: 12, components: CODE_DATE, dateFormat: ['RD8'] }),
    family({ name: 'Occurrence Information', usage: 'S', max: 4, qualifiers: ['BH'], composites: 12, components: CODE_DATE, dateFormat: ['D8'] }),
    family({ name: 'Value Information', usage: 'S', max: 4, qualifiers: ['BE'], composites: 12, components: CODE_AMOUNT }),
    family({ name: 'Condition Information', usage: 'S', max: 2, qualifiers: ['BG'], composites: 12, components: CODE }),
    family({ name: 'Treatment Code Information', usage: 'S', max: 2, qualifiers: ['TC'], composites: 12, components: CODE }),
  ];
}
