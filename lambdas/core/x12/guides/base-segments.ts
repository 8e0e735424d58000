/**
 * Base X12 005010 segment definitions: for each segment id, its elements'
 * data types and min/max lengths as the standard defines them, composites,
 * the syntax notes (P0809 ...), and which element usually qualifies the
 * segment (REF01, NM101, HL03, HI01-1). Guides add usage, repeats and code
 * lists on top of these (see define.ts); lengths a guide narrows can be
 * overridden there.
 *
 * Notation: "AN 1-60" = type AN, min 1, max 60. A composite is an array of
 * component notations. Syntax notes use the standard's own notation:
 * "P0809" = NM108 and NM109 paired, "C1110", "R0203", "L050607", "E0207".
 * Elements a guide never uses may be approximated; only used ones matter.
 */

export type ElementNotation = string | readonly string[];

export interface BaseSegment {
  readonly elements: readonly ElementNotation[];
  readonly syntax?: readonly string[];
  /** Default qualifier position (element, optional component) for telling uses of this segment apart. */
  readonly qualifier?: readonly [number, number?];
}

/** C001 composite unit of measure: (unit, exponent, multiplier) x 5. */
const C001 = ['ID 2-2', 'R 1-15', 'R 1-10', 'ID 2-2', 'R 1-15', 'R 1-10', 'ID 2-2', 'R 1-15', 'R 1-10', 'ID 2-2', 'R 1-15', 'R 1-10', 'ID 2-2', 'R 1-15', 'R 1-10'];
/** C003 composite medical procedure identifier. */
const C003 = ['ID 2-2', 'AN 1-48', 'AN 2-2', 'AN 2-2', 'AN 2-2', 'AN 2-2', 'AN 1-80', 'AN 1-48'];
/** C022 health care code information. */
const C022 = ['ID 1-3', 'AN 1-30', 'ID 2-3', 'AN 1-35', 'R 1-18', 'R 1-15', 'AN 1-30', 'AN 1-30', 'ID 1-1'];
/** C040 reference identifier. */
const C040 = ['ID 2-3', 'AN 1-50', 'ID 2-3', 'AN 1-50', 'ID 2-3', 'AN 1-50'];
const CAS_TRIPLET = ['ID 1-5', 'R 1-18', 'R 1-15'];

export const BASE_SEGMENTS: Readonly<Record<string, BaseSegment>> = {
  ISA: {
    elements: ['ID 2-2', 'AN 10-10', 'ID 2-2', 'AN 10-10', 'ID 2-2', 'AN 15-15', 'ID 2-2', 'AN 15-15', 'DT 6-6', 'TM 4-4', 'AN 1-1', 'ID 5-5', 'N0 9-9', 'ID 1-1', 'ID 1-1', 'AN 1-1'],
  },
  GS: { elements: ['ID 2-2', 'AN 2-15', 'AN 2-15', 'DT 8-8', 'TM 4-8', 'N0 1-9', 'ID 1-2', 'AN 1-12'] },
  GE: { elements: ['N0 1-6', 'N0 1-9'] },
  IEA: { elements: ['N0 1-5', 'N0 9-9'] },
  ST: { elements: ['ID 3-3', 'AN 4-9', 'AN 1-35'] },
  SE: { elements: ['N0 1-10', 'AN 4-9'] },
  BHT: { elements: ['ID 4-4', 'ID 2-2', 'AN 1-50', 'DT 8-8', 'TM 4-8', 'ID 2-2'], qualifier: [1] },
  NM1: {
    elements: ['ID 2-3', 'ID 1-1', 'AN 1-60', 'AN 1-35', 'AN 1-25', 'AN 1-10', 'AN 1-10', 'ID 1-2', 'AN 2-80', 'ID 2-2', 'ID 2-3', 'AN 1-60'],
    syntax: ['P0809', 'C1110', 'C1203'],
    qualifier: [1],
  },
  PER: {
    elements: ['ID 2-2', 'AN 1-60', 'ID 2-2', 'AN 1-256', 'ID 2-2', 'AN 1-256', 'ID 2-2', 'AN 1-256', 'AN 1-20'],
    syntax: ['P0304', 'P0506', 'P0708'],
    qualifier: [1],
  },
  HL: { elements: ['AN 1-12', 'AN 1-12', 'AN 1-2', 'ID 1-1'], qualifier: [3] },
  PRV: { elements: ['ID 1-3', 'ID 2-3', 'AN 1-50', 'ID 2-2', ['AN 1-3', 'ID 1-3'], 'ID 3-3'], syntax: ['P0203'], qualifier: [1] },
  CUR: {
    elements: ['ID 2-3', 'ID 3-3', 'R 4-10', 'ID 2-3', 'ID 3-3', 'ID 3-3', 'DT 8-8', 'TM 4-8', 'ID 3-3', 'DT 8-8', 'TM 4-8', 'ID 3-3', 'DT 8-8', 'TM 4-8', 'ID 3-3', 'DT 8-8', 'TM 4-8', 'ID 3-3', 'DT 8-8', 'TM 4-8', 'ID 3-3'],
    qualifier: [1],
  },
  N3: { elements: ['AN 1-55', 'AN 1-55'] },
  N4: { elements: ['AN 2-30', 'ID 2-2', 'ID 3-15', 'ID 2-3', 'ID 1-2', 'AN 1-30', 'ID 1-3'], syntax: ['E0207', 'C0605', 'C0704'] },
  REF: { elements: ['ID 2-3', 'AN 1-50', 'AN 1-80', C040], syntax: ['R0203'], qualifier: [1] },
  SBR: { elements: ['ID 1-1', 'ID 2-2', 'AN 1-50', 'AN 1-60', 'ID 1-3', 'ID 1-1', 'ID 1-1', 'ID 2-2', 'ID 1-2'] },
  PAT: { elements: ['ID 2-2', 'ID 1-1', 'ID 1-2', 'ID 1-1', 'ID 2-3', 'AN 1-35', 'ID 2-2', 'R 1-10', 'ID 1-1'], syntax: ['P0506', 'P0708'] },
  DMG: {
    elements: ['ID 2-3', 'AN 1-35', 'ID 1-1', 'ID 1-1', ['ID 1-2', 'ID 1-3', 'AN 1-30'], 'ID 1-2', 'ID 2-3', 'ID 1-2', 'R 1-15', 'ID 1-3', 'AN 1-50'],
    syntax: ['P0102', 'P1011', 'C1110'],
  },
  DTP: { elements: ['ID 3-3', 'ID 2-3', 'AN 1-35'], qualifier: [1] },
  CLM: {
    elements: [
      'AN 1-38', 'R 1-18', 'ID 1-2', 'ID 1-2', ['AN 1-2', 'ID 1-2', 'ID 1-1'], 'ID 1-1', 'ID 1-1', 'ID 1-1', 'ID 1-1', 'ID 1-1',
      ['ID 2-3', 'ID 2-3', 'ID 2-3', 'ID 2-2', 'AN 1-3'], 'ID 2-3', 'ID 1-1', 'ID 1-1', 'ID 1-1', 'ID 1-2', 'ID 1-2', 'ID 1-1', 'ID 2-2', 'ID 1-2',
    ],
  },
  PWK: {
    elements: ['ID 2-2', 'ID 1-2', 'N0 1-2', 'ID 1-3', 'ID 1-2', 'AN 2-80', 'AN 1-80', ['ID 1-2', 'ID 1-2', 'ID 1-2', 'ID 1-2', 'ID 1-2'], 'ID 1-2'],
    syntax: ['P0506'],
    qualifier: [1],
  },
  CN1: { elements: ['ID 2-2', 'R 1-18', 'R 1-6', 'AN 1-50', 'R 1-6', 'AN 1-30'] },
  AMT: { elements: ['ID 1-3', 'R 1-18', 'ID 1-1'], qualifier: [1] },
  K3: { elements: ['AN 1-80', 'ID 1-2', C001] },
  NTE: { elements: ['ID 3-3', 'AN 1-80'], qualifier: [1] },
  CR1: { elements: ['ID 2-2', 'R 1-10', 'ID 1-1', 'ID 1-1', 'ID 2-2', 'R 1-15', 'AN 1-35', 'AN 1-35', 'AN 1-80', 'AN 1-80'], syntax: ['P0102', 'P0506'] },
  CR2: { elements: ['N0 1-9', 'R 1-15', 'ID 2-2', 'R 1-15', 'ID 2-2', 'R 1-15', 'R 1-15', 'ID 1-1', 'ID 1-1', 'AN 1-80', 'AN 1-80', 'ID 1-1'], syntax: ['P0102', 'C0403', 'P0506'] },
  CRC: { elements: ['ID 2-2', 'ID 1-1', 'ID 2-3', 'ID 2-3', 'ID 2-3', 'ID 2-3', 'ID 2-3'], qualifier: [1] },
  HI: { elements: [C022, C022, C022, C022, C022, C022, C022, C022, C022, C022, C022, C022], qualifier: [1, 1] },
  HCP: {
    elements: ['ID 2-2', 'R 1-18', 'R 1-18', 'AN 1-50', 'R 1-9', 'AN 1-50', 'R 1-18', 'AN 1-50', 'ID 2-2', 'AN 1-48', 'ID 2-2', 'R 1-15', 'ID 1-2', 'ID 1-2', 'ID 1-2'],
    syntax: ['R0113', 'P0910', 'P1112'],
  },
  CAS: {
    elements: ['ID 1-2', ...CAS_TRIPLET, ...CAS_TRIPLET, ...CAS_TRIPLET, ...CAS_TRIPLET, ...CAS_TRIPLET, ...CAS_TRIPLET],
    syntax: ['L050607', 'C0605', 'C0705', 'L080910', 'C0908', 'C1008', 'L111213', 'C1211', 'C1311', 'L141516', 'C1514', 'C1614', 'L171819', 'C1817', 'C1917'],
  },
  OI: { elements: ['ID 2-2', 'ID 2-2', 'ID 1-1', 'ID 1-1', 'ID 1-1', 'ID 1-1'] },
  MOA: { elements: ['R 1-10', 'R 1-18', 'AN 1-30', 'AN 1-30', 'AN 1-30', 'AN 1-30', 'AN 1-30', 'R 1-18', 'R 1-18'] },
  LX: { elements: ['N0 1-6'] },
  SV1: {
    elements: [
      C003, 'R 1-18', 'ID 2-2', 'R 1-15', 'AN 1-2', 'AN 1-2', ['N0 1-2', 'N0 1-2', 'N0 1-2', 'N0 1-2'], 'R 1-18', 'ID 1-1', 'ID 1-1',
      'ID 1-1', 'ID 1-1', 'ID 1-2', 'AN 1-50', 'ID 1-1', 'ID 1-1', 'ID 1-1', 'AN 1-50', 'ID 1-2', 'ID 1-1', 'ID 1-3',
    ],
    syntax: ['P0304'],
  },
  SV5: { elements: [C003, 'ID 2-2', 'R 1-15', 'R 1-18', 'R 1-18', 'ID 1-1', 'ID 1-1'], syntax: ['R0405'] },
  CR3: { elements: ['ID 1-1', 'ID 2-2', 'R 1-15', 'ID 1-1', 'AN 1-80'], syntax: ['P0203'] },
  QTY: { elements: ['ID 2-2', 'R 1-15', C001, 'AN 1-30'], syntax: ['E0204', 'R0204'], qualifier: [1] },
  MEA: {
    elements: ['ID 2-2', 'ID 1-3', 'R 1-20', C001, 'R 1-20', 'R 1-20', 'ID 1-2', 'ID 2-3', 'ID 1-2', 'ID 1-2'],
    syntax: ['R03050608', 'C0504', 'C0604', 'L07030506', 'E0803'],
  },
  PS1: { elements: ['AN 1-50', 'R 1-18', 'ID 2-2'] },
  LIN: {
    elements: [
      'AN 1-20', 'ID 2-2', 'AN 1-48', 'ID 2-2', 'AN 1-48', 'ID 2-2', 'AN 1-48', 'ID 2-2', 'AN 1-48', 'ID 2-2', 'AN 1-48', 'ID 2-2', 'AN 1-48', 'ID 2-2', 'AN 1-48', 'ID 2-2',
      'AN 1-48', 'ID 2-2', 'AN 1-48', 'ID 2-2', 'AN 1-48', 'ID 2-2', 'AN 1-48', 'ID 2-2', 'AN 1-48', 'ID 2-2', 'AN 1-48', 'ID 2-2', 'AN 1-48', 'ID 2-2', 'AN 1-48',
    ],
  },
  CTP: { elements: ['ID 2-2', 'ID 3-3', 'R 1-17', 'R 1-15', C001, 'ID 3-3', 'R 1-10', 'R 1-15', 'AN 1-2', 'R 1-15', 'R 1-10'], syntax: ['P0405'] },
  SVD: { elements: ['AN 2-80', 'R 1-18', C003, 'AN 1-48', 'R 1-15', 'N0 1-6'] },
  LQ: { elements: ['ID 1-3', 'AN 1-30'], syntax: ['C0102'] },
  FRM: { elements: ['AN 1-20', 'ID 1-1', 'AN 1-50', 'DT 8-8', 'R 1-6'], syntax: ['R02030405'] },
};
