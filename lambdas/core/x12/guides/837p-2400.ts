/**
 * 005010X222A1 837P service lines (2400) with drug identification (2410),
 * line providers and locations (2420A-H), line adjudication (2430) and form
 * identification (2440).
 */
import { ORG, PERSON, PERSON_OR_ORG, PROCEDURE_QUALIFIER, YES_NO } from './code-lists.js';
import { amt, contact, dtp, n3, n4, ref } from './common-segments.js';
import { ambulanceCertification, ambulanceTransport, claimSupplementalInformation, contractInformation, pricing } from './837p-2300.js';
import { adjustment } from './837p-2320.js';
import { loop, MANY, seg } from './define.js';
import type { GuideLoop } from './types.js';

const LINE_PROVIDER_REF = ['0B', '1G', 'G2', 'LU'];

export function serviceLineLoop(): GuideLoop {
  return loop(
    '2400',
    'Service Line Number',
    'R',
    50,
    [
      seg('LX', 'Service Line Number', 'R', 1, { use: 'R' }),
      seg('SV1', 'Professional Service', 'R', 1, {
        use: 'R(RRSSSSSN) RRRSN R(RSSS) NSNSSNNS',
        codes: { '1-1': PROCEDURE_QUALIFIER, 3: ['MJ', 'UN'], 9: ['Y'], 11: ['Y'], 12: ['Y'], 15: ['0'] },
      }),
      seg('SV5', 'Durable Medical Equipment Service', 'S', 1, { use: 'R(RR)RRSSS', codes: { '1-1': ['HC'], 2: ['DA'], 6: ['1', '4', '6'] } }),
      claimSupplementalInformation('S', 10),
      seg('PWK', 'Durable Medical Equipment Certificate of Medical Necessity Indicator', 'S', 1, {
        q: ['CT'],
        use: 'RR',
        codes: { 2: ['AB', 'AD', 'AF', 'AG', 'NS'] },
      }),
      ambulanceTransport(),
      seg('CR3', 'Durable Medical Equipment Certification', 'S', 1, { use: 'RRR', codes: { 1: ['I', 'R', 'S'], 2: ['MO'] } }),
      ambulanceCertification(),
      seg('CRC', 'Hospice Employee Indicator', 'S', 1, { q: ['70'], use: 'RRR', codes: { 2: YES_NO, 3: ['65'] } }),
      seg('CRC', 'Condition Indicator/Durable Medical Equipment', 'S', 1, { q: ['09'], use: 'RRRS', codes: { 2: YES_NO, 3: ['38', 'ZV'], 4: ['38', 'ZV'] } }),
      dtp('Date - Service Date', 'R', 1, ['472'], ['D8', 'RD8']),
      dtp('Date - Prescription Date', 'S', 1, ['471']),
      dtp('DATE - Certification Revision/Recertification Date', 'S', 1, ['607']),
      dtp('Date - Begin Therapy Date', 'S', 1, ['463']),
      dtp('Date - Last Certification Date', 'S', 1, ['461']),
      dtp('Date - Last Seen Date', 'S', 1, ['304']),
      dtp('Date - Test Date', 'S', 2, ['738', '739']),
      dtp('Date - Shipped Date', 'S', 1, ['011']),
      dtp('Date - Last X-ray Date', 'S', 1, ['455']),
      dtp('Date - Initial Treatment Date', 'S', 1, ['454']),
      seg('QTY', 'Ambulance Patient Count', 'S', 1, { q: ['PT'], use: 'RR' }),
      seg('QTY', 'Obstetric Anesthesia Additional Units', 'S', 1, { q: ['FL'], use: 'RR' }),
      seg('MEA', 'Test Result', 'S', 5, { use: 'RRR', codes: { 1: ['OG', 'TR'], 2: ['HT', 'R1', 'R2', 'R3', 'R4'] } }),
      contractInformation(),
      ref('Repriced Line Item Reference Number', 'S', 1, ['9B']),
      ref('Adjusted Repriced Line Item Reference Number', 'S', 1, ['9D']),
      ref('Prior Authorization', 'S', 5, ['G1']),
      ref('Line Item Control Number', 'S', 1, ['6R']),
      ref('Mammography Certification Number', 'S', 1, ['EW']),
      ref('Clinical Laboratory Improvement Amendment (CLIA) Number', 'S', 1, ['X4']),
      ref('Referring Clinical Laboratory Improvement Amendment (CLIA) Facility Identification', 'S', 1, ['F4']),
      ref('Immunization Batch Number', 'S', 1, ['BT']),
      ref('Referral Number', 'S', 5, ['9F']),
      amt('Sales Tax Amount', 'S', ['T']),
      amt('Postage Claimed Amount', 'S', ['F4']),
      seg('K3', 'File Information', 'S', 10, { use: 'R' }),
      seg('NTE', 'Line Note', 'S', 1, { q: ['ADD', 'DCP'], use: 'RR' }),
      seg('NTE', 'Third Party Organization Notes', 'S', 1, { q: ['TPO'], use: 'RR' }),
      seg('PS1', 'Purchased Service Information', 'S', 1, { use: 'RR' }),
      pricing('RRSSSSSNSSSSSSS'),
      loop('2410', 'Drug Identification', 'S', 1, [
        seg('LIN', 'Drug Identification', 'S', 1, { use: 'NRR', codes: { 2: ['EN', 'EO', 'HI', 'N4', 'ON', 'UK', 'UP'] } }),
        seg('CTP', 'Drug Quantity', 'R', 1, { use: 'NNNRR(R)', codes: { '5-1': ['F2', 'GR', 'ME', 'ML', 'UN'] } }),
        ref('Prescription or Compound Drug Association Number', 'S', 1, ['VY', 'XZ']),
      ]),
      loop('2420A', 'Rendering Provider Name', 'S', 1, [
        seg('NM1', 'Rendering Provider Name', 'S', 1, { q: ['82'], use: 'RRRSSNSSS', codes: { 2: PERSON_OR_ORG, 8: ['XX'] } }),
        seg('PRV', 'Rendering Provider Specialty Information', 'S', 1, { q: ['PE'], use: 'RRR', codes: { 2: ['PXC'] } }),
        ref('Rendering Provider Secondary Identification', 'S', 20, LINE_PROVIDER_REF),
      ]),
      loop('2420B', 'Purchased Service Provider Name', 'S', 1, [
        seg('NM1', 'Purchased Service Provider Name', 'S', 1, { q: ['QB'], use: 'RRSNNNNSS', codes: { 2: PERSON_OR_ORG, 8: ['XX'] } }),
        ref('Purchased Service Provider Secondary Identification', 'S', 20, ['0B', '1G', 'G2']),
      ]),
      loop('2420C', 'Service Facility Location Name', 'S', 1, [
        seg('NM1', 'Service Facility Location Name', 'S', 1, { q: ['77'], use: 'RRRNNNNSS', codes: { 2: ORG, 8: ['XX'] } }),
        n3('Service Facility Location Address', 'R'),
        n4('Service Facility Location City, State, ZIP Code', 'R'),
        ref('Service Facility Location Secondary Identification', 'S', 3, ['G2', 'LU']),
      ]),
      loop('2420D', 'Supervising Provider Name', 'S', 1, [
        seg('NM1', 'Supervising Provider Name', 'S', 1, { q: ['DQ'], use: 'RRRSSNSSS', codes: { 2: PERSON, 8: ['XX'] } }),
        ref('Supervising Provider Secondary Identification', 'S', 20, LINE_PROVIDER_REF),
      ]),
      loop('2420E', 'Ordering Provider Name', 'S', 1, [
        seg('NM1', 'Ordering Provider Name', 'S', 1, { q: ['DK'], use: 'RRRSSNSSS', codes: { 2: PERSON, 8: ['XX'] } }),
        n3('Ordering Provider Address', 'S'),
        n4('Ordering Provider City, State, ZIP Code', 'S'),
        ref('Ordering Provider Secondary Identification', 'S', 20, ['0B', '1G', 'G2']),
        contact('Ordering Provider Contact Information', 'S', 1),
      ]),
      loop('2420F', 'Referring Provider Name', 'S', 2, [
        seg('NM1', 'Referring Provider Name', 'S', 1, { q: ['DN', 'P3'], use: 'RRRSSNSSS', codes: { 2: PERSON, 8: ['XX'] } }),
        ref('Referring Provider Secondary Identification', 'S', 20, ['0B', '1G', 'G2']),
      ]),
      loop('2420G', 'Ambulance Pick-up Location', 'S', 1, [
        seg('NM1', 'Ambulance Pick-up Location', 'S', 1, { q: ['PW'], use: 'RR', codes: { 2: ORG } }),
        n3('Ambulance Pick-up Location Address', 'R'),
        n4('Ambulance Pick-up Location City, State, ZIP Code', 'R'),
      ]),
      loop('2420H', 'Ambulance Drop-off Location', 'S', 1, [
        seg('NM1', 'Ambulance Drop-off Location', 'S', 1, { q: ['45'], use: 'RRS', codes: { 2: ORG } }),
        n3('Ambulance Drop-off Location Address', 'R'),
        n4('Ambulance Drop-off Location City, State, ZIP Code', 'R'),
      ]),
      loop('2430', 'Line Adjudication Information', 'S', 15, [
        seg('SVD', 'Line Adjudication Information', 'S', 1, { use: 'RRR(RRSSSSSN)NRS', codes: { '3-1': PROCEDURE_QUALIFIER } }),
        adjustment('Line Adjustment'),
        dtp('Line Check or Remittance Date', 'R', 1, ['573']),
        amt('Remaining Patient Liability', 'S', ['EAF']),
      ]),
      loop('2440', 'Form Identification Code', 'S', MANY, [
        seg('LQ', 'Form Identification Code', 'S', 1, { use: 'RR', codes: { 1: ['AS', 'UT'] } }),
        seg('FRM', 'Supporting Documentation', 'R', 99, { use: 'RSSSS', codes: { 2: ['N', 'W', 'Y'] } }),
      ]),
    ],
    { sequence: 1 },
  );
}

