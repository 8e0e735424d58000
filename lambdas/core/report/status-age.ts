/** Claims by status and age column: one row per CLAIM_STATUSES entry, in that order. */
import { CLAIM_STATUSES } from '../claim/state-machine.js';
import type { ClaimFacts } from './claim-facts.js';
import { AGE_COLUMNS, type AgeColumn, type StatusAgeTable } from './model.js';

const zeroCounts = (): Record<AgeColumn, number> => Object.fromEntries(AGE_COLUMNS.map((c) => [c, 0])) as Record<AgeColumn, number>;

export function statusAgeTable(facts: readonly ClaimFacts[]): StatusAgeTable {
  const rows = CLAIM_STATUSES.map((status) => ({ status, counts: zeroCounts(), total: 0 }));
  const totals = zeroCounts();
  for (const fact of facts) {
    const row = rows.find((r) => r.status === fact.record.status);
    if (!row) continue; // a status the state machine does not know is not reported
    row.counts[fact.ageColumn]++;
    row.total++;
    totals[fact.ageColumn]++;
  }
  return { columns: [...AGE_COLUMNS], rows, totals, total: rows.reduce((n, r) => n + r.total, 0) };
}
