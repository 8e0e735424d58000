/**
 * Denials by adjustment group and CARC. The denial rule (docs/report.md),
 * applied to each claim's current adjudication only (its latest posting,
 * when that is not a reversal), so a denial the payer later reversed and
 * re-adjudicated is not counted:
 *
 * - a denied claim (CLP02 = 4, or nothing paid on a positive charge): every
 *   CAS of the posting, claim and line level;
 * - otherwise, a denied line (nothing paid on a positive line charge): every
 *   CAS of that line;
 * - in both cases except group PR (patient responsibility moves the amount to
 *   the patient: it is in the patient responsibility figure, not revenue lost
 *   with the payer) and except the reductions that posting itself treats as
 *   expected (lambdas/core/remittance/plan-posting.ts): CO-45 fee schedule,
 *   CO-253 sequestration, OA-23 the prior payer's share on a secondary claim.
 *   So a line paid nothing because its allowed amount went to the deductible
 *   shows no denial. Zero amounts are not denials.
 *
 * A legacy `payment` record keeps no line amounts: only the claim rule applies to it.
 */
import { fromCents } from '../money.js';
import { carcDescription } from './carc.js';
import type { ClaimFacts } from './claim-facts.js';
import type { DenialRow } from './model.js';
import type { ReportAdjustment, ReportPosting } from './postings.js';

/** CLP02 4: denied. */
export const DENIED_STATUS_CODE = '4';

/** Expected reductions, never denials (the same set posting uses to tell paid from partially paid). */
export const EXPECTED_REDUCTIONS: ReadonlySet<string> = new Set(['CO-45', 'CO-253', 'OA-23']);

export function isDeniedClaim(posting: ReportPosting): boolean {
  return posting.claimStatusCode === DENIED_STATUS_CODE || (posting.paid === 0 && posting.charge > 0);
}

/** The CAS items of one adjudication that the denial rule counts. */
export function denialAdjustments(posting: ReportPosting): ReportAdjustment[] {
  const lines = posting.lines ?? [];
  const candidates = isDeniedClaim(posting)
    ? [...posting.claimAdjustments, ...lines.flatMap((l) => l.adjustments)]
    : lines.filter((l) => l.paid === 0 && l.charge > 0).flatMap((l) => l.adjustments);
  return candidates.filter((a) => a.group !== 'PR' && !EXPECTED_REDUCTIONS.has(`${a.group}-${a.reason}`) && a.amount !== 0);
}

export function denialRows(facts: readonly ClaimFacts[]): DenialRow[] {
  const rows = new Map<string, { group: string; reason: string; count: number; claims: Set<number>; amount: number }>();
  facts.forEach((fact, claimIndex) => {
    if (!fact.current) return;
    for (const a of denialAdjustments(fact.current)) {
      const key = `${a.group}-${a.reason}`;
      let row = rows.get(key);
      if (!row) rows.set(key, (row = { group: a.group, reason: a.reason, count: 0, claims: new Set(), amount: 0 }));
      row.count++;
      row.claims.add(claimIndex);
      row.amount += a.amount;
    }
  });
  return [...rows.values()]
    .sort((a, b) => b.amount - a.amount || a.group.localeCompare(b.group) || a.reason.localeCompare(b.reason, 'en', { numeric: true }))
    .map((r) => {
      const description = carcDescription(r.reason);
      return {
        group: r.group,
        reason: r.reason,
        ...(description !== undefined ? { description } : {}),
        count: r.count,
        claims: r.claims.size,
        amount: fromCents(r.amount),
      };
    });
}
