/**
 * Which CMS edit table (NCCI PTP, MUE) applies to a claim: the practitioner
 * table for professional claims, the hospital outpatient table for
 * institutional ones. Inpatient Part A bills (type of bill x1x, e.g. 111)
 * are paid per stay, not per line, and CMS applies neither table to them.
 */
import type { Claim } from '../../../claim/model.js';

export type EditSetting = 'practitioner' | 'hospital';

export function editSetting(claim: Claim): EditSetting | undefined {
  if (claim.claimType !== 'institutional') return 'practitioner';
  const classification = claim.institutional?.facilityTypeCode.charAt(1);
  return classification === '1' ? undefined : 'hospital';
}

export function ptpSystem(setting: EditSetting) {
  return setting === 'practitioner' ? ('NCCI-PTP-PRACTITIONER' as const) : ('NCCI-PTP-HOSPITAL' as const);
}

export function mueSystem(setting: EditSetting) {
  return setting === 'practitioner' ? ('MUE-PRACTITIONER' as const) : ('MUE-HOSPITAL' as const);
}
