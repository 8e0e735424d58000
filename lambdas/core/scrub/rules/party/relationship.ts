/**
 * Patient-to-subscriber relationship (2000C PAT01) of 005010X222A1/X223A2:
 * 01 spouse, 19 child, 20 employee, 21 unknown, 39 organ donor, 40 cadaver
 * donor, 53 life partner, G8 other. 18 (self) is never written in a patient
 * loop: a claim whose patient is the subscriber has no separate patient.
 */
import type { Rule } from '../../rule.js';

export const PATIENT_RELATIONSHIP_CODES: ReadonlySet<string> = new Set(['01', '19', '20', '21', '39', '40', '53', 'G8']);

export const partyRelationship: Rule = {
  id: 'PARTY-RELATIONSHIP',
  family: 'party',
  defaultSeverity: 'error',
  description: "The patient's relationship to the subscriber is a valid code (not 18 self)",
  fix: 'Use 01, 19, 20, 21, 39, 40, 53 or G8; when the patient is the subscriber, omit the patient.',
  check({ claim }) {
    const code = claim.patient?.relationship;
    if (claim.patient === undefined || (code !== undefined && PATIENT_RELATIONSHIP_CODES.has(code))) return [];
    return [{ message: 'patient.relationship is not a patient-to-subscriber relationship code', path: 'patient.relationship' }];
  },
};
