/**
 * Admission comes no later than discharge: on an institutional claim the
 * admission date (DTP*435) is not after the statement period's end (the
 * discharge or through date); on a professional claim dates.admission is not
 * after dates.discharge.
 */
import type { Rule, RuleHit } from '../../rule.js';

export const dateAdmissionOrder: Rule = {
  id: 'DATE-ADMISSION-ORDER',
  family: 'date',
  defaultSeverity: 'error',
  description: 'The admission date is not after the discharge (or statement end) date',
  fix: 'Correct the admission or discharge date.',
  check({ claim }) {
    const hits: RuleHit[] = [];
    const institutional = claim.institutional;
    if (institutional?.admission && institutional.admission.date > institutional.statementTo) {
      hits.push({ message: 'institutional.admission.date is after institutional.statementTo', path: 'institutional.admission.date' });
    }
    const { admission, discharge } = claim.dates ?? {};
    if (admission !== undefined && discharge !== undefined && admission > discharge) {
      hits.push({ message: 'dates.admission is after dates.discharge', path: 'dates.admission' });
    }
    return hits;
  },
};
