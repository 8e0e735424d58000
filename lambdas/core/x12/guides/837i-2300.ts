/**
 * 005010X223A2 837I claim information (2300) and its provider loops
 * (2310A-F). The HI families are in 837i-2300-hi.ts; the other subscriber
 * loops (2320/2330x) and the service lines (2400) are built in their own
 * files and passed in.
 */
import { ORG, PERSON, YES_NO } from './code-lists.js';
import { amt, dtp, n3, n4, ref } from './common-segments.js';
import { claimSupplementalInformation, contractInformation } from './837p-2300.js';
import { institutionalHealthCareCodes } from './837i-2300-hi.js';
import { loop, seg } from './define.js';
import type { GuideLoop, GuideSegment } from './types.js';

/** HCP pricing/repricing, claim (2300) or line (2400) level. */
export function institutionalPricing(name: string, use: string): GuideSegment {
  return seg('HCP', name, 'S', 1, {
    use,
    codes: {
      1: ['00', '01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12', '13', '14'],
      9: ['ER', 'HC', 'HP', 'IV', 'WK'],
      11: ['DA', 'UN'],
      13: ['T1', 'T2', 'T3', 'T4', 'T5', 'T6'],
      14: ['1', '2', '3', '4', '5'],
      15: ['1', '2', '3', '4', '5', '6'],
    },
  });
}

/** NTE01 note reference codes of the 837I claim note. */
const CLAIM_NOTE = ['ALG', 'DCP', 'DGN', 'DME', 'MED', 'NTR', 'ODT', 'RHB', 'RLH', 'RNH', 'SET', 'SFM', 'SPT', 'UPI'];

/** REF qualifiers of the 2310 physician/provider secondary identifiers. */
const PROVIDER_REF = ['0B', '1G', 'G2', 'LU'];

/** NM1 of an individual provider (attending, operating, rendering, referring): NPI situational. */
function providerName(name: string, qualifiers: readonly string[]): GuideSegment {
  return seg('NM1', name, 'S', 1, { q: qualifiers, use: 'RRRSSNSSS', codes: { 2: PERSON, 8: ['XX'] } });
}

export function claimLoop(otherSubscriber: GuideLoop, serviceLine: GuideLoop): GuideLoop {
  return loop('2300', 'Claim Information', 'S', 100, [
    seg('CLM', 'Claim Information', 'R', 1, {
      // CLM05 facility code (bill type), qualifier A, frequency; CLM07-09 assignment/release; CLM20 delay reason.
      use: `RRNNR(RRR)NRRR${'N'.repeat(10)}S`,
      codes: {
        '5-2': ['A'],
        7: ['A', 'B', 'C'],
        8: ['N', 'W', 'Y'],
        9: ['I', 'Y'],
        20: ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '15'],
      },
    }),
    dtp('Discharge Hour', 'S', 1, ['096'], ['TM']),
    dtp('Statement Dates', 'R', 1, ['434'], ['RD8']),
    dtp('Admission Date/Hour', 'S', 1, ['435'], ['D8', 'DT']),
    dtp('Date - Repricer Received Date', 'S', 1, ['050']),
    seg('CL1', 'Institutional Claim Code', 'R', 1, { use: 'SSR' }),
    claimSupplementalInformation('S', 10),
    contractInformation(),
    amt('Patient Estimated Amount Due', 'S', ['F3']),
    ref('Service Authorization Exception Code', 'S', 1, ['4N'], ['1', '2', '3', '4', '5', '6', '7']),
    ref('Referral Number', 'S', 1, ['9F']),
    ref('Prior Authorization', 'S', 1, ['G1']),
    ref('Payer Claim Control Number', 'S', 1, ['F8']),
    ref('Repriced Claim Number', 'S', 1, ['9A']),
    ref('Adjusted Repriced Claim Number', 'S', 1, ['9C']),
    ref('Investigational Device Exemption Number', 'S', 5, ['LX']),
    ref('Claim Identifier For Transmission Intermediaries', 'S', 1, ['D9']),
    ref('Auto Accident State', 'S', 1, ['LU']),
    ref('Medical Record Number', 'S', 1, ['EA']),
    ref('Demonstration Project Identifier', 'S', 1, ['P4']),
    ref('Peer Review Organization (PRO) Approval Number', 'S', 1, ['G4']),
    seg('K3', 'File Information', 'S', 10, { use: 'R' }),
    seg('NTE', 'Claim Note', 'S', 10, { q: CLAIM_NOTE, use: 'RR' }),
    seg('NTE', 'Billing Note', 'S', 1, { q: ['ADD'], use: 'RR' }),
    seg('CRC', 'EPSDT Referral', 'S', 1, {
      q: ['ZZ'],
      use: 'RRRSS',
      codes: { 2: YES_NO, 3: ['AV', 'NU', 'S2', 'ST'], 4: ['AV', 'NU', 'S2', 'ST'], 5: ['AV', 'NU', 'S2', 'ST'] },
    }),
    ...institutionalHealthCareCodes(),
    institutionalPricing('Claim Pricing/Repricing Information', 'RRSSSSSSNNSSSSS'),
    loop('2310A', 'Attending Provider Name', 'S', 1, [
      providerName('Attending Provider Name', ['71']),
      seg('PRV', 'Attending Provider Specialty Information', 'S', 1, { q: ['AT'], use: 'RRR', codes: { 2: ['PXC'] } }),
      ref('Attending Provider Secondary Identification', 'S', 4, PROVIDER_REF),
    ]),
    loop('2310B', 'Operating Physician Name', 'S', 1, [
      providerName('Operating Physician Name', ['72']),
      ref('Operating Physician Secondary Identification', 'S', 4, PROVIDER_REF),
    ]),
    loop('2310C', 'Other Operating Physician Name', 'S', 1, [
      providerName('Other Operating Physician Name', ['ZZ']),
      ref('Other Operating Physician Secondary Identification', 'S', 4, PROVIDER_REF),
    ]),
    loop('2310D', 'Rendering Provider Name', 'S', 1, [
      providerName('Rendering Provider Name', ['82']),
      ref('Rendering Provider Secondary Identification', 'S', 4, PROVIDER_REF),
    ]),
    loop('2310E', 'Service Facility Location Name', 'S', 1, [
      seg('NM1', 'Service Facility Location Name', 'S', 1, { q: ['77'], use: 'RRRNNNNSS', codes: { 2: ORG, 8: ['XX'] } }),
      n3('Service Facility Location Address', 'R'),
      n4('Service Facility Location City, State, ZIP Code', 'R'),
      ref('Service Facility Location Secondary Identification', 'S', 3, ['0B', 'G2', 'LU']),
    ]),
    loop('2310F', 'Referring Provider Name', 'S', 1, [
      providerName('Referring Provider Name', ['DN']),
      ref('Referring Provider Secondary Identification', 'S', 3, ['0B', '1G', 'G2']),
    ]),
    otherSubscriber,
    serviceLine,
  ]);
}
