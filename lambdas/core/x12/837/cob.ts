/**
 * What the 837P and 837I share about coordination of benefits: how claim
 * adjustments become CAS segments, which line adjudications belong to which
 * other payer, and the guides' balancing arithmetic (in integer cents).
 */
import type { Claim, ClaimAdjustment, LineAdjudication, OtherCoverage } from '../../claim/model.js';
import { sumCents, toCents } from '../../money.js';

/** CAS repeats at most five times in a 2320 and in a 2430 loop. */
export const MAX_CAS_SEGMENTS = 5;
/** One CAS carries six reason/amount/quantity triples (CAS02-04 ... CAS17-19). */
export const CAS_TRIPLES = 6;

export interface CasSegment {
  group: ClaimAdjustment['group'];
  items: ClaimAdjustment[];
}

/**
 * The CAS segments of a list of adjustments: one per group code, in order of
 * the group's first appearance, cut after six triples (a seventh adjustment
 * of a group opens another CAS of that group).
 */
export function casSegments(adjustments: readonly ClaimAdjustment[]): CasSegment[] {
  const byGroup = new Map<ClaimAdjustment['group'], ClaimAdjustment[]>();
  for (const adjustment of adjustments) {
    const items = byGroup.get(adjustment.group);
    if (items) items.push(adjustment);
    else byGroup.set(adjustment.group, [adjustment]);
  }
  const segments: CasSegment[] = [];
  for (const [group, items] of byGroup) {
    for (let start = 0; start < items.length; start += CAS_TRIPLES) segments.push({ group, items: items.slice(start, start + CAS_TRIPLES) });
  }
  return segments;
}

/** Σ of the adjustment amounts, in cents. */
export function adjustmentCents(adjustments: readonly ClaimAdjustment[]): number {
  return sumCents(adjustments.map((adjustment) => toCents(adjustment.amount)));
}

/** The line adjudications (2430) of one other payer on one line, by SVD01. */
export function lineAdjudicationsOf(line: Claim['serviceLines'][number], payerId: string): LineAdjudication[] {
  return (line.adjudications ?? []).filter((adjudication) => adjudication.payerId === payerId);
}

/** True when some service line carries this coverage's line adjudication. */
export function hasLineAdjudications(claim: Claim, coverage: OtherCoverage): boolean {
  return claim.serviceLines.some((line) => lineAdjudicationsOf(line, coverage.payer.payerId).length > 0);
}
