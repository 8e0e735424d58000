/**
 * The 005010 interchange and functional group envelopes (ISA/IEA, GS/GE)
 * as table entries, shared by every guide. ISA elements are fixed width:
 * the engine checks their length untrimmed.
 */
import { seg } from './define.js';

/** ISA05/ISA07 interchange id qualifiers. */
const INTERCHANGE_ID_QUALIFIER = ['01', '14', '20', '27', '28', '29', '30', '33', 'ZZ'];

export const ISA_00501 = seg('ISA', 'Interchange Control Header', 'R', 1, {
  use: 'RRRRRRRRRRRRRRRR',
  codes: { 1: ['00', '03'], 3: ['00', '01'], 5: INTERCHANGE_ID_QUALIFIER, 7: INTERCHANGE_ID_QUALIFIER, 12: ['00501'], 14: ['0', '1'], 15: ['I', 'P', 'T'] },
});

export const GS_005010 = seg('GS', 'Functional Group Header', 'R', 1, { use: 'RRRRRRRR', codes: { 7: ['X'] } });
export const GE_005010 = seg('GE', 'Functional Group Trailer', 'R', 1, { use: 'RR' });
export const IEA_00501 = seg('IEA', 'Interchange Control Trailer', 'R', 1, { use: 'RR' });
