/**
 * Age and sex tables in the manner of the Medicare Code Editor (MCE): a
 * modest, hand-kept subset of its edit lists, by ICD-10-CM category or code
 * prefix. They flag likely conflicts as warnings; the MCE itself remains the
 * reference. Ranges are inclusive on the 3-character category.
 */

export interface AgeBand {
  name: string;
  minAge: number;
  maxAge: number;
  /** Inclusive category ranges ("P00"-"P96") or code prefixes ("Z001" as a one-element range). */
  ranges: ReadonlyArray<readonly [string, string]>;
}

export const AGE_BANDS: readonly AgeBand[] = [
  // MCE "newborn": perinatal conditions and liveborn infant codes, age 0.
  { name: 'newborn', minAge: 0, maxAge: 0, ranges: [['P00', 'P96'], ['Z38', 'Z38']] },
  // MCE "pediatric": routine child health examinations (Z00.1-), ages 0-17.
  { name: 'pediatric', minAge: 0, maxAge: 17, ranges: [['Z001', 'Z001']] },
  // MCE "maternity": pregnancy, childbirth and the puerperium, supervision of pregnancy, gestation weeks, ages 9-64.
  { name: 'maternity', minAge: 9, maxAge: 64, ranges: [['O00', 'O9A'], ['Z33', 'Z34'], ['Z36', 'Z37'], ['Z39', 'Z39'], ['Z3A', 'Z3A']] },
  // MCE "adult": general adult medical examination (Z00.0-), ages 15-124.
  { name: 'adult', minAge: 15, maxAge: 124, ranges: [['Z000', 'Z000']] },
];

export interface SexList {
  sex: 'F' | 'M';
  ranges: ReadonlyArray<readonly [string, string]>;
}

export const SEX_LISTS: readonly SexList[] = [
  {
    sex: 'F',
    ranges: [
      ['O00', 'O9A'], // pregnancy, childbirth and the puerperium
      ['C51', 'C58'], // malignant neoplasms of female genital organs
      ['D25', 'D28'], // benign neoplasms of uterus, ovary, other female genital organs
      ['N70', 'N98'], // diseases of female pelvic organs and genital tract
      ['Z33', 'Z34'], // pregnant state, supervision of normal pregnancy
      ['Z36', 'Z37'], // antenatal screening, outcome of delivery
      ['Z39', 'Z39'], // postpartum care
      ['Z3A', 'Z3A'], // weeks of gestation
    ],
  },
  {
    sex: 'M',
    ranges: [
      ['N40', 'N53'], // diseases of male genital organs
      ['C60', 'C63'], // malignant neoplasms of male genital organs
      ['D29', 'D29'], // benign neoplasms of male genital organs
      ['Z125', 'Z125'], // screening for malignant neoplasm of prostate
    ],
  },
];

/** Whether a code falls in one of the ranges: 3-character bounds compare categories, longer bounds compare prefixes. */
export function inRanges(code: string, ranges: ReadonlyArray<readonly [string, string]>): boolean {
  return ranges.some(([from, to]) => {
    const key = code.slice(0, from.length);
    return key.length === from.length && key >= from && key <= to;
  });
}
