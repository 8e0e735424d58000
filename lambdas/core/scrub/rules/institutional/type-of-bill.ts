/**
 * INST-TYPE-OF-BILL: the 837I type of bill (CLM05-1 facility type code +
 * CLM05-3 frequency) is one the NUBC defines: facility type (1st digit),
 * bill classification (2nd digit; its meaning depends on the facility type:
 * clinics (7) and special facilities (8) have their own lists) and frequency.
 */
import type { Rule, RuleHit } from '../../rule.js';

/**
 * NUBC bill classifications by type of facility (reserved values left out).
 * Facility types 1-4 and 6 share one list: 1 inpatient (Part A), 2 inpatient
 * (Part B), 3 outpatient, 4 other, 5 intermediate care level I, 6 level II,
 * 7 subacute inpatient, 8 swing bed. Kept permissive: a payer may reject a
 * combination its program does not cover, but the code itself is defined.
 */
const CLASSIFICATIONS: Record<string, string> = {
  '1': '12345678', // hospital
  '2': '12345678', // skilled nursing
  '3': '12345678', // home health
  '4': '12345678', // religious non-medical health care institution
  '6': '12345678', // intermediate care
  '7': '123456789', // clinic: RHC, ESRD, FQHC (pre-2010), ORF, CORF, CMHC, FQHC, freestanding emergency, other
  '8': '1234569', // special facility: hospice (non-hospital, hospital), ASC, birthing center, CAH, residential, other
};

/** NUBC claim frequencies (6 is no longer used). */
const FREQUENCIES = new Set(['0', '1', '2', '3', '4', '5', '7', '8', '9']);

export const typeOfBillRule: Rule = {
  id: 'INST-TYPE-OF-BILL',
  family: 'institutional',
  defaultSeverity: 'error',
  description: 'The 837I type of bill (facility type, bill classification, frequency) is an NUBC-defined combination.',
  fix: 'Correct the type of bill (e.g. 0111 inpatient admit-through-discharge, 0131 hospital outpatient).',
  check({ claim }) {
    const inst = claim.institutional;
    if (claim.claimType !== 'institutional' || !inst) return [];
    const hits: RuleHit[] = [];
    const facility = inst.facilityTypeCode.charAt(0);
    const classification = inst.facilityTypeCode.charAt(1);
    const allowed = CLASSIFICATIONS[facility];
    if (allowed === undefined) {
      hits.push({ path: 'institutional.facilityTypeCode', message: `type of bill facility type ${facility} is not an NUBC facility type` });
    } else if (!allowed.includes(classification)) {
      hits.push({ path: 'institutional.facilityTypeCode', message: `type of bill ${inst.facilityTypeCode}x: bill classification ${classification} is not defined for facility type ${facility}` });
    }
    if (!FREQUENCIES.has(claim.frequencyCode)) {
      hits.push({ path: 'frequencyCode', message: `type of bill frequency ${claim.frequencyCode} is not an NUBC claim frequency` });
    }
    return hits;
  },
};
