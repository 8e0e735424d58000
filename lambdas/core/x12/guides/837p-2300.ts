/**
 * 005010X222A1 837P claim information (2300) and its provider loops
 * (2310A-F). The other subscriber loops (2320/2330x) and the service lines
 * (2400) are built in their own files and passed in.
 */
import { D8_OR_RD8, PERSON, PERSON_OR_ORG, ORG, YES_NO } from './code-lists.js';
import { amt, dtp, n3, n4, phoneContact, ref } from './common-segments.js';
import { loop, seg } from './define.js';
import type { GuideLoop, GuideSegment } from './types.js';

/** PWK01 report type codes of the 837P. */
export const REPORT_TYPE = [
  '03', '04', '05', '06', '07', '08', '09', '10', '11', '13', '15', '21', 'A3', 'A4', 'AM', 'AS', 'B2', 'B3', 'B4', 'BR', 'BS', 'BT', 'CB', 'CK', 'CT',
  'D2', 'DA', 'DB', 'DG', 'DJ', 'DS', 'EB', 'HC', 'HR', 'I5', 'IR', 'LA', 'M1', 'MT', 'NN', 'OB', 'OC', 'OD', 'OE', 'OX', 'OZ', 'P4', 'P5', 'PE', 'PN',
  'PO', 'PQ', 'PY', 'PZ', 'RB', 'RR', 'RT', 'RX', 'SG', 'V5', 'XP',
] as const;

/** Ambulance and patient condition codes of CRC03-07 (ambulance certification). */
const AMBULANCE_CONDITIONS = ['01', '04', '05', '06', '07', '08', '09', '12'];

export function claimSupplementalInformation(usage: 'S', max: number): GuideSegment {
  return seg('PWK', 'Claim Supplemental Information', usage, max, {
    use: 'RRNNSS',
    codes: { 1: REPORT_TYPE, 2: ['AA', 'BM', 'EL', 'EM', 'FT', 'FX'], 5: ['AC'] },
  });
}

export function contractInformation(): GuideSegment {
  return seg('CN1', 'Contract Information', 'S', 1, { use: 'RSSSSS', codes: { 1: ['01', '02', '03', '04', '05', '06', '09'] } });
}

export function ambulanceTransport(): GuideSegment {
  return seg('CR1', 'Ambulance Transport Information', 'S', 1, {
    use: 'SSNRRRNNSS',
    codes: { 1: ['LB'], 4: ['A', 'B', 'C', 'D', 'E'], 5: ['DH'] },
  });
}

export function ambulanceCertification(): GuideSegment {
  return seg('CRC', 'Ambulance Certification', 'S', 3, {
    q: ['07'],
    use: 'RRRSSSS',
    codes: { 2: YES_NO, 3: AMBULANCE_CONDITIONS, 4: AMBULANCE_CONDITIONS, 5: AMBULANCE_CONDITIONS, 6: AMBULANCE_CONDITIONS, 7: AMBULANCE_CONDITIONS },
  });
}

export function pricing(use: string): GuideSegment {
  return seg('HCP', 'Claim Pricing/Repricing Information', 'S', 1, {
    use,
    codes: {
      1: ['00', '01', '02', '03', '04', '05', '07', '08', '09', '10', '11', '12', '13', '14'],
      9: ['ER', 'HC', 'IV', 'WK'],
      11: ['DA', 'UN'],
      13: ['T1', 'T2', 'T3', 'T4', 'T5', 'T6'],
      14: ['1', '2', '3', '4', '5'],
      15: ['1', '2', '3', '4', '5', '6'],
    },
  });
}

/** HI composites HI01..HI12: the first required, the rest situational, each with its type code list. */
function diagnosisUse(count: number): string {
  return Array.from({ length: 12 }, (_, i) => (i === 0 ? 'R(RR)' : i < count ? 'S(RR)' : 'N')).join('');
}

function diagnosisCodes(first: readonly string[], rest: readonly string[], count = 12): Record<string, readonly string[]> {
  const codes: Record<string, readonly string[]> = {};
  for (let i = 1; i <= count; i++) codes[`${i}-1`] = i === 1 ? first : rest;
  return codes;
}

const PROVIDER_REF = ['0B', '1G', 'G2'];
const PROVIDER_REF_LU = ['0B', '1G', 'G2', 'LU'];

export function claimLoop(otherSubscriber: GuideLoop, serviceLine: GuideLoop): GuideLoop {
  return loop('2300', 'Claim Information', 'S', 100, [
    seg('CLM', 'Claim Information', 'R', 1, {
      use: 'RRNNR(RRR)RRRRSS(RSNSS)SNNNNNNNS',
      codes: {
        '5-2': ['B'],
        6: YES_NO,
        7: ['A', 'B', 'C'],
        8: ['N', 'W', 'Y'],
        9: ['I', 'Y'],
        10: ['P'],
        '11-1': ['AA', 'EM', 'OA'],
        '11-2': ['AA', 'EM', 'OA'],
        12: ['02', '03', '05', '09'],
        20: ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '15'],
      },
    }),
    dtp('Date - Onset of Current Illness or Symptom', 'S', 1, ['431']),
    dtp('Date - Initial Treatment Date', 'S', 1, ['454']),
    dtp('Date - Last Seen Date', 'S', 1, ['304']),
    dtp('Date - Acute Manifestation', 'S', 1, ['453']),
    dtp('Date - Accident', 'S', 1, ['439']),
    dtp('Date - Last Menstrual Period', 'S', 1, ['484']),
    dtp('Date - Last X-ray Date', 'S', 1, ['455']),
    dtp('Date - Hearing and Vision Prescription Date', 'S', 1, ['471']),
    dtp('Date - Disability Dates', 'S', 1, ['314', '360', '361'], D8_OR_RD8),
    dtp('Date - Last Worked', 'S', 1, ['297']),
    dtp('Date - Authorized Return to Work', 'S', 1, ['296']),
    dtp('Date - Admission', 'S', 1, ['435']),
    dtp('Date - Discharge', 'S', 1, ['096']),
    dtp('Date - Assumed and Relinquished Care Dates', 'S', 2, ['090', '091']),
    dtp('Date - Property and Casualty Date of First Contact', 'S', 1, ['444']),
    dtp('Date - Repricer Received Date', 'S', 1, ['050']),
    claimSupplementalInformation('S', 10),
    contractInformation(),
    amt('Patient Amount Paid', 'S', ['F5']),
    ref('Service Authorization Exception Code', 'S', 1, ['4N'], ['1', '2', '3', '4', '5', '6', '7']),
    ref('Mandatory Medicare (Section 4081) Crossover Indicator', 'S', 1, ['F5'], YES_NO),
    ref('Mammography Certification Number', 'S', 1, ['EW']),
    ref('Referral Number', 'S', 1, ['9F']),
    ref('Prior Authorization', 'S', 1, ['G1']),
    ref('Payer Claim Control Number', 'S', 1, ['F8']),
    ref('Clinical Laboratory Improvement Amendment (CLIA) Number', 'S', 1, ['X4']),
    ref('Repriced Claim Number', 'S', 1, ['9A']),
    ref('Adjusted Repriced Claim Number', 'S', 1, ['9C']),
    ref('Investigational Device Exemption Number', 'S', 1, ['LX']),
    ref('Claim Identifier For Transmission Intermediaries', 'S', 1, ['D9']),
    ref('Medical Record Number', 'S', 1, ['EA']),
    ref('Demonstration Project Identifier', 'S', 1, ['P4']),
    ref('Care Plan Oversight', 'S', 1, ['1J']),
    seg('K3', 'File Information', 'S', 10, { use: 'R' }),
    seg('NTE', 'Claim Note', 'S', 1, { q: ['ADD', 'CER', 'DCP', 'DGN', 'TPO'], use: 'RR' }),
    ambulanceTransport(),
    seg('CR2', 'Spinal Manipulation Service Information', 'S', 1, {
      use: 'NNNNNNNRRSS',
      codes: { 8: ['A', 'C', 'D', 'E', 'F', 'G', 'M'], 9: ['A', 'I', 'N'] },
    }),
    ambulanceCertification(),
    seg('CRC', 'Patient Condition Information: Vision', 'S', 3, {
      q: ['E1', 'E2', 'E3'],
      use: 'RRRSSSS',
      codes: { 2: YES_NO, 3: ['L1', 'L2', 'L3', 'L4', 'L5'], 4: ['L1', 'L2', 'L3', 'L4', 'L5'], 5: ['L1', 'L2', 'L3', 'L4', 'L5'], 6: ['L1', 'L2', 'L3', 'L4', 'L5'], 7: ['L1', 'L2', 'L3', 'L4', 'L5'] },
    }),
    seg('CRC', 'Homebound Indicator', 'S', 1, { q: ['75'], use: 'RRR', codes: { 2: ['Y'], 3: ['IH'] } }),
    seg('CRC', 'EPSDT Referral', 'S', 1, {
      q: ['ZZ'],
      use: 'RRRSS',
      codes: { 2: YES_NO, 3: ['AV', 'NU', 'S2', 'ST'], 4: ['AV', 'NU', 'S2', 'ST'], 5: ['AV', 'NU', 'S2', 'ST'] },
    }),
    seg('HI', 'Health Care Diagnosis Code', 'R', 1, { q: ['ABK', 'BK'], use: diagnosisUse(12), codes: diagnosisCodes(['ABK', 'BK'], ['ABF', 'BF']) }),
    seg('HI', 'Anesthesia Related Procedure', 'S', 1, { q: ['BP'], use: diagnosisUse(2), codes: diagnosisCodes(['BP'], ['BO'], 2) }),
    seg('HI', 'Condition Information', 'S', 2, { q: ['BG'], use: diagnosisUse(12), codes: diagnosisCodes(['BG'], ['BG']) }),
    pricing('RRSSSSSNNNNNSSS'),
    loop('2310A', 'Referring Provider Name', 'S', 2, [
      seg('NM1', 'Referring Provider Name', 'S', 1, { q: ['DN', 'P3'], use: 'RRRSSNSSS', codes: { 2: PERSON, 8: ['XX'] } }),
      ref('Referring Provider Secondary Identification', 'S', 3, PROVIDER_REF),
    ]),
    loop('2310B', 'Rendering Provider Name', 'S', 1, [
      seg('NM1', 'Rendering Provider Name', 'S', 1, { q: ['82'], use: 'RRRSSNSSS', codes: { 2: PERSON_OR_ORG, 8: ['XX'] } }),
      seg('PRV', 'Rendering Provider Specialty Information', 'S', 1, { q: ['PE'], use: 'RRR', codes: { 2: ['PXC'] } }),
      ref('Rendering Provider Secondary Identification', 'S', 4, PROVIDER_REF_LU),
    ]),
    loop('2310C', 'Service Facility Location Name', 'S', 1, [
      seg('NM1', 'Service Facility Location Name', 'S', 1, { q: ['77'], use: 'RRRNNNNSS', codes: { 2: ORG, 8: ['XX'] } }),
      n3('Service Facility Location Address', 'R'),
      n4('Service Facility Location City, State, ZIP Code', 'R'),
      ref('Service Facility Location Secondary Identification', 'S', 3, ['G2', 'LU']),
      phoneContact('Service Facility Contact Information', 'S'),
    ]),
    loop('2310D', 'Supervising Provider Name', 'S', 1, [
      seg('NM1', 'Supervising Provider Name', 'S', 1, { q: ['DQ'], use: 'RRRSSNSSS', codes: { 2: PERSON, 8: ['XX'] } }),
      ref('Supervising Provider Secondary Identification', 'S', 4, PROVIDER_REF_LU),
    ]),
    loop('2310E', 'Ambulance Pick-up Location', 'S', 1, [
      seg('NM1', 'Ambulance Pick-up Location', 'S', 1, { q: ['PW'], use: 'RR', codes: { 2: ORG } }),
      n3('Ambulance Pick-up Location Address', 'R'),
      n4('Ambulance Pick-up Location City, State, ZIP Code', 'R'),
    ]),
    loop('2310F', 'Ambulance Drop-off Location', 'S', 1, [
      seg('NM1', 'Ambulance Drop-off Location', 'S', 1, { q: ['45'], use: 'RRS', codes: { 2: ORG } }),
      n3('Ambulance Drop-off Location Address', 'R'),
      n4('Ambulance Drop-off Location City, State, ZIP Code', 'R'),
    ]),
    otherSubscriber,
    serviceLine,
  ]);
}
