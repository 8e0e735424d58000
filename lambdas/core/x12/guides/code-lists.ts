/**
 * Code lists shared by several guides. The guides' own lists (qualifiers,
 * entity codes, indicators) live next to the segments that use them; this
 * file holds the few that recur across loops and transactions, and the one
 * external list we check (state and province codes, N402).
 */
import { US_STATE_CODES } from '../us-states.js';

/** N402: US states/territories plus Canadian provinces (the guides allow both without N404). */
export const STATE_OR_PROVINCE = Object.freeze([...US_STATE_CODES, 'AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT']);

/** NM102 entity type qualifier: 1 person, 2 non-person entity. */
export const PERSON_OR_ORG = ['1', '2'] as const;
export const PERSON = ['1'] as const;
export const ORG = ['2'] as const;

/** PER contact number qualifiers. */
export const COMMUNICATION = ['EM', 'FX', 'TE'] as const;
export const COMMUNICATION_OR_EXT = ['EM', 'EX', 'FX', 'TE'] as const;

/** SBR01 / payer responsibility sequence number code. */
export const PAYER_RESPONSIBILITY = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'P', 'S', 'T', 'U'] as const;

/** SBR09 claim filing indicator code. */
export const CLAIM_FILING = [
  '11', '12', '13', '14', '15', '16', '17', 'AM', 'BL', 'CH', 'CI', 'DS', 'FI', 'HM', 'LM', 'MA', 'MB', 'MC', 'OF', 'TV', 'VA', 'WC', 'ZZ',
] as const;

/** Individual relationship codes of the 837 guides (PAT01, 2320 SBR02). */
export const PATIENT_RELATIONSHIP = ['01', '19', '20', '21', '39', '40', '53', 'G8'] as const;

/** SBR05 insurance type code (Medicare secondary payer reasons). */
export const INSURANCE_TYPE = ['12', '13', '14', '15', '16', '41', '42', '43', '47'] as const;

/** CAS01 claim adjustment group code. */
export const ADJUSTMENT_GROUP = ['CO', 'CR', 'OA', 'PI', 'PR'] as const;

/** Yes/no condition or response code. */
export const YES_NO = ['N', 'Y'] as const;

/** DTP02 date formats. */
export const D8 = ['D8'] as const;
export const D8_OR_RD8 = ['D8', 'RD8'] as const;

/** Product or service id qualifiers of SV101-1 / SVD03-1. */
export const PROCEDURE_QUALIFIER = ['ER', 'HC', 'IV', 'WK'] as const;
