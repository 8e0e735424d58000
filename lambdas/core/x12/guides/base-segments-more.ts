/**
 * Base X12 005010 definitions of the segments the 837I, 835, 999 and 277CA
 * guides use beyond those in base-segments.ts (same notation, see there).
 * `ALL_BASE_SEGMENTS` merges both: define.ts looks segments up in it, so a
 * guide can use any segment defined in either file.
 */
import { BASE_SEGMENTS, type BaseSegment } from './base-segments.js';

/** C003 composite medical procedure identifier (as in base-segments.ts). */
const C003 = ['ID 2-2', 'AN 1-48', 'AN 2-2', 'AN 2-2', 'AN 2-2', 'AN 2-2', 'AN 1-80', 'AN 1-48'];
/** C043 health care claim status: category, status, entity, code list qualifier. */
const C043 = ['AN 1-30', 'AN 1-30', 'ID 2-3', 'ID 1-3'];
/** C030 position in segment: element, component, repetition. */
const C030 = ['N0 1-2', 'N0 1-2', 'N0 1-4'];
/** C042 adjustment identifier (PLB): reason code, reference. */
const C042 = ['ID 2-2', 'AN 1-50'];
/** C040 reference identifier. */
const C040 = ['ID 2-3', 'AN 1-50', 'ID 2-3', 'AN 1-50', 'ID 2-3', 'AN 1-50'];
const MONEY = 'R 1-18';
const QUANTITY = 'R 1-15';

export const MORE_BASE_SEGMENTS: Readonly<Record<string, BaseSegment>> = {
  // 837I
  CL1: { elements: ['ID 1-1', 'ID 1-2', 'ID 1-2', 'ID 1-1'] },
  SV2: { elements: ['AN 1-48', C003, MONEY, 'ID 2-2', QUANTITY, 'R 1-10', MONEY, 'ID 1-1', 'ID 1-1', 'ID 1-1'], syntax: ['R0102', 'P0304'] },
  MIA: {
    elements: [
      QUANTITY, QUANTITY, QUANTITY, MONEY, 'AN 1-50', MONEY, MONEY, MONEY, MONEY, MONEY, MONEY, MONEY, MONEY, MONEY, QUANTITY, MONEY, MONEY, MONEY, MONEY,
      'AN 1-50', 'AN 1-50', 'AN 1-50', 'AN 1-50', MONEY,
    ],
  },
  // 835
  BPR: {
    elements: [
      'ID 1-2', MONEY, 'ID 1-1', 'ID 3-3', 'ID 1-10', 'ID 2-2', 'AN 3-12', 'ID 2-3', 'AN 1-35', 'AN 10-10', 'AN 9-9', 'ID 2-2', 'AN 3-12', 'ID 1-3', 'AN 1-35',
      'DT 8-8', 'ID 3-3', 'ID 2-2', 'AN 3-12', 'ID 2-3', 'AN 1-35',
    ],
    syntax: ['P0607', 'C0809', 'P1213', 'C1415', 'P1819', 'C2021'],
  },
  TRN: { elements: ['ID 1-2', 'AN 1-50', 'AN 10-10', 'AN 1-50'], syntax: ['C0403'], qualifier: [1] },
  DTM: { elements: ['ID 3-3', 'DT 8-8', 'TM 4-8', 'ID 2-2', 'ID 2-3', 'AN 1-35'], syntax: ['R020305', 'C0403', 'P0506'], qualifier: [1] },
  N1: { elements: ['ID 2-3', 'AN 1-60', 'ID 1-2', 'AN 2-80', 'ID 2-2', 'ID 2-3'], syntax: ['R0203', 'P0304'], qualifier: [1] },
  RDM: { elements: ['ID 1-2', 'AN 1-60', 'AN 1-256', C040, C040] },
  TS3: {
    elements: [
      'AN 1-50', 'AN 1-2', 'DT 8-8', QUANTITY, MONEY, MONEY, MONEY, MONEY, MONEY, MONEY, MONEY, MONEY, MONEY, MONEY, MONEY, QUANTITY, MONEY, MONEY, QUANTITY,
      MONEY, MONEY, MONEY, QUANTITY, MONEY,
    ],
  },
  TS2: {
    elements: [
      MONEY, MONEY, MONEY, MONEY, QUANTITY, MONEY, QUANTITY, MONEY, MONEY, QUANTITY, QUANTITY, QUANTITY, QUANTITY, QUANTITY, MONEY, MONEY, MONEY, MONEY,
      QUANTITY,
    ],
  },
  CLP: {
    elements: ['AN 1-38', 'ID 1-2', MONEY, MONEY, MONEY, 'ID 1-2', 'AN 1-50', 'AN 1-2', 'ID 1-1', 'ID 1-2', 'AN 1-30', QUANTITY, 'R 1-10', 'ID 1-1'],
  },
  SVC: { elements: [C003, MONEY, MONEY, 'AN 1-48', QUANTITY, C003, QUANTITY] },
  PLB: {
    elements: ['AN 1-50', 'DT 8-8', C042, MONEY, C042, MONEY, C042, MONEY, C042, MONEY, C042, MONEY, C042, MONEY],
    syntax: ['P0506', 'P0708', 'P0910', 'P1112', 'P1314'],
  },
  // 999
  AK1: { elements: ['ID 2-2', 'N0 1-9', 'AN 1-12'] },
  AK2: { elements: ['ID 3-3', 'AN 4-9', 'AN 1-35'] },
  IK3: { elements: ['ID 2-3', 'N0 1-10', 'AN 1-4', 'ID 1-3'] },
  CTX: { elements: [['AN 1-35', 'AN 1-35'], 'ID 2-3', 'N0 1-10', 'AN 1-4', C030, ['N0 1-4', 'N0 1-4']], qualifier: [1, 1] },
  IK4: { elements: [C030, 'N0 1-4', 'ID 1-3', 'AN 1-99'] },
  IK5: { elements: ['ID 1-1', 'ID 1-3', 'ID 1-3', 'ID 1-3', 'ID 1-3', 'ID 1-3'] },
  AK9: { elements: ['ID 1-1', 'N0 1-6', 'N0 1-6', 'N0 1-6', 'ID 1-3', 'ID 1-3', 'ID 1-3', 'ID 1-3', 'ID 1-3'] },
  // 277CA
  STC: {
    elements: [C043, 'DT 8-8', 'ID 1-2', MONEY, MONEY, 'DT 8-8', 'ID 3-3', 'DT 8-8', 'AN 1-16', C043, C043, 'AN 1-264'],
  },
};

/** Every base definition: base-segments.ts plus the ones above (the latter never override). */
export const ALL_BASE_SEGMENTS: Readonly<Record<string, BaseSegment>> = { ...MORE_BASE_SEGMENTS, ...BASE_SEGMENTS };

export type { ElementNotation } from './base-segments.js';
