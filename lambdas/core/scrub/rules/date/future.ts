/**
 * Dates of service may not lie in the future, nor after the claim was
 * created. The canonical claim carries no creation date, so "today" (the
 * tenant's date, RuleContext.today) stands for both: a claim is scrubbed no
 * earlier than it is created. Checked: line dates, the institutional
 * statement period and admission, professional admission and discharge.
 */
import type { Rule, RuleHit } from '../../rule.js';

export const dateFuture: Rule = {
  id: 'DATE-FUTURE',
  family: 'date',
  defaultSeverity: 'error',
  description: 'Dates of service, statement period and admission are not after today (the claim cannot predate its services)',
  fix: 'Correct the date, or hold the claim until the service has been rendered.',
  check({ claim, today }) {
    const dates: Array<[string, string | undefined]> = [
      ...claim.serviceLines.flatMap((line, i): Array<[string, string | undefined]> => [
        [`serviceLines[${i}].serviceDate`, line.serviceDate],
        [`serviceLines[${i}].serviceDateEnd`, line.serviceDateEnd],
      ]),
      ['institutional.statementFrom', claim.institutional?.statementFrom],
      ['institutional.statementTo', claim.institutional?.statementTo],
      ['institutional.admission.date', claim.institutional?.admission?.date],
      ['dates.admission', claim.dates?.admission],
      ['dates.discharge', claim.dates?.discharge],
    ];
    const hits: RuleHit[] = [];
    for (const [path, date] of dates) {
      if (date !== undefined && date > today) hits.push({ message: `${path} is after today`, path });
    }
    return hits;
  },
};
