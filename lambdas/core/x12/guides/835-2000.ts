/**
 * 005010X221A1 835 detail: header number (2000, LX/TS3/TS2), claim payment
 * (2100: CLP, CAS, the NM1 names, MIA/MOA, REF, DTM, PER, AMT, QTY) and
 * service payment (2110: SVC, DTM, CAS, REF, AMT, QTY, LQ).
 */
import { COMMUNICATION, COMMUNICATION_OR_EXT, ORG, PERSON, PERSON_OR_ORG } from './code-lists.js';
import { ref } from './common-segments.js';
import { loop, MANY, seg } from './define.js';
import type { GuideLoop, GuideSegment } from './types.js';

/** CAS01 of the 835 (CR, reversals, is not used in 5010). */
const ADJUSTMENT_GROUP_835 = ['CO', 'OA', 'PI', 'PR'];

function adjustment835(name: string): GuideSegment {
  return seg('CAS', name, 'S', 99, { use: 'RRR' + 'S'.repeat(16), codes: { 1: ADJUSTMENT_GROUP_835 } });
}

function dtm(name: string, max: number, qualifiers: readonly string[]): GuideSegment {
  return seg('DTM', name, 'S', max, { q: qualifiers, use: 'RR' });
}

/** SVC01-1 / SVC06-1 product or service id qualifiers. */
const SERVICE_QUALIFIER = ['AD', 'ER', 'HC', 'HP', 'IV', 'N4', 'N6', 'NU', 'UI', 'WK'];
const ORIGINAL_SERVICE_QUALIFIER = ['AD', 'ER', 'HC', 'HP', 'IV', 'N4', 'NU', 'WK'];

const serviceLoop = loop('2110', 'Service Payment Information', 'S', 999, [
  seg('SVC', 'Service Payment Information', 'S', 1, {
    // SVC01 adjudicated procedure, SVC02/03 charge/paid, SVC04 revenue code, SVC05 units, SVC06 submitted procedure, SVC07 units.
    use: 'R(RRSSSSSN)RRSSS(RRSSSSSN)S',
    codes: { '1-1': SERVICE_QUALIFIER, '6-1': ORIGINAL_SERVICE_QUALIFIER },
  }),
  dtm('Service Date', 2, ['150', '151', '472']),
  adjustment835('Service Adjustment'),
  ref('Service Identification', 'S', 8, ['1S', 'APC', 'BB', 'E9', 'G1', 'G3', 'LU', 'RB']),
  ref('Line Item Control Number', 'S', 1, ['6R']),
  ref('Rendering Provider Information', 'S', 10, ['0B', '1A', '1B', '1C', '1D', '1G', '1H', '1J', 'D3', 'G2', 'HPI', 'SY', 'TJ']),
  ref('HealthCare Policy Identification', 'S', 5, ['0K']),
  seg('AMT', 'Service Supplemental Amount', 'S', 9, { q: ['B6', 'KH', 'T', 'T2', 'ZK', 'ZL', 'ZM', 'ZN', 'ZO'], use: 'RR' }),
  seg('QTY', 'Service Supplemental Quantity', 'S', 6, { q: ['ZK', 'ZL', 'ZM', 'ZN', 'ZO'], use: 'RR' }),
  seg('LQ', 'Health Care Remark Codes', 'S', 99, { use: 'RR', codes: { 1: ['HE', 'RX'] } }),
]);

/** CLP02 claim status codes. */
const CLAIM_STATUS = ['1', '2', '3', '4', '19', '20', '21', '22', '23', '25'];
/** CLP06 claim filing indicator codes of the 835. */
const CLAIM_FILING_835 = ['12', '13', '14', '15', '16', '17', 'AM', 'CH', 'DS', 'HM', 'LM', 'MA', 'MB', 'MC', 'OF', 'TV', 'VA', 'WC', 'ZZ'];

/** NM1 of a payer-like entity (crossover carrier, corrected priority payer). */
function payerName(name: string, entity: string): GuideSegment {
  return seg('NM1', name, 'S', 1, { q: [entity], use: 'RRRNNNNRR', codes: { 2: ORG, 8: ['AD', 'FI', 'NI', 'PI', 'PP', 'XV'] } });
}

const claimLoop = loop('2100', 'Claim Payment Information', 'R', MANY, [
  seg('CLP', 'Claim Payment Information', 'R', 1, {
    // CLP08 facility type, CLP09 frequency, CLP11-13 DRG code/weight/discharge fraction.
    use: 'RRRRSRRSSNSSS',
    codes: { 2: CLAIM_STATUS, 6: CLAIM_FILING_835 },
  }),
  adjustment835('Claim Adjustment'),
  seg('NM1', 'Patient Name', 'R', 1, { q: ['QC'], use: 'RRSSSNSSS', codes: { 2: PERSON, 8: ['34', 'HN', 'II', 'MI', 'MR'] } }),
  seg('NM1', 'Insured Name', 'S', 1, { q: ['IL'], use: 'RRSSSNSRR', codes: { 2: PERSON_OR_ORG, 8: ['FI', 'II', 'MI'] } }),
  seg('NM1', 'Corrected Patient/Insured Name', 'S', 1, { q: ['74'], use: 'RRSSSNSSS', codes: { 2: PERSON_OR_ORG, 8: ['C'] } }),
  seg('NM1', 'Service Provider Name', 'S', 1, {
    q: ['82'],
    use: 'RRSSSNSRR',
    codes: { 2: PERSON_OR_ORG, 8: ['BD', 'BS', 'FI', 'MC', 'PC', 'SL', 'UP', 'XX'] },
  }),
  payerName('Crossover Carrier Name', 'TT'),
  payerName('Corrected Priority Payer Name', 'PR'),
  seg('NM1', 'Other Subscriber Name', 'S', 1, { q: ['GB'], use: 'RRSSSNSSS', codes: { 2: PERSON_OR_ORG, 8: ['FI', 'II', 'MI'] } }),
  seg('MIA', 'Inpatient Adjudication Information', 'S', 1, { use: 'R' + 'S'.repeat(23) }),
  seg('MOA', 'Outpatient Adjudication Information', 'S', 1, { use: 'SSSSSSSSS' }),
  ref('Other Claim Related Identification', 'S', 5, ['1L', '1W', '28', '6P', '9A', '9C', 'BB', 'CE', 'EA', 'F8', 'G1', 'G3', 'IG', 'SY']),
  ref('Rendering Provider Identification', 'S', 10, ['0B', '1A', '1B', '1C', '1D', '1G', '1H', '1J', 'D3', 'G2', 'LU']),
  dtm('Statement From or To Date', 2, ['232', '233']),
  dtm('Coverage Expiration Date', 1, ['036']),
  dtm('Claim Received Date', 1, ['050']),
  seg('PER', 'Claim Contact Information', 'S', 2, {
    q: ['CX'],
    use: 'RSRRSSSS',
    codes: { 3: COMMUNICATION, 5: COMMUNICATION_OR_EXT, 7: ['EX'] },
  }),
  seg('AMT', 'Claim Supplemental Information', 'S', 13, {
    q: ['AU', 'D8', 'DY', 'F5', 'I', 'NL', 'T', 'T2', 'ZK', 'ZL', 'ZM', 'ZN', 'ZO'],
    use: 'RR',
  }),
  seg('QTY', 'Claim Supplemental Information Quantity', 'S', 14, {
    q: ['CA', 'CD', 'LA', 'LE', 'NE', 'NR', 'OU', 'PS', 'VS', 'ZK', 'ZL', 'ZM', 'ZN', 'ZO'],
    use: 'RR',
  }),
  serviceLoop,
]);

export const LOOP_2000_835: GuideLoop = loop('2000', 'Header Number', 'S', MANY, [
  seg('LX', 'Header Number', 'S', 1, { use: 'R' }),
  seg('TS3', 'Provider Summary Information', 'S', 1, { use: `RRRRR${'N'.repeat(7)}SNSNSSNSSSSS` }),
  seg('TS2', 'Provider Supplemental Summary Information', 'S', 1, { use: 'S'.repeat(19) }),
  claimLoop,
]);
