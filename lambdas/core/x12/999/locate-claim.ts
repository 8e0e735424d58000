/**
 * Maps an IK3 error of a 999 back to the claim it concerns. IK302 counts
 * segments from the acknowledged transaction set's ST (ST is 1); given the
 * 837 transaction set we sent (parsed again), the claim is the 2300 loop
 * (CLM to the next CLM or HL) that holds that position. A position in a
 * subscriber or patient HL (2000B/2000C and their 2010 loops) concerns the
 * claims under that HL. The header and the billing provider (2000A) concern
 * no single claim.
 */
import { element } from '../segment.js';
import type { TransactionSet } from '../types.js';

/** HL03 of the 837 billing provider level: its loops belong to no claim. */
const HL_BILLING = '20';

/**
 * The CLM01 of every claim the segment at `ackSegmentPosition` (IK302, ST = 1)
 * belongs to: one claim for a position inside a 2300/2400 loop; every claim
 * under the HL for a position in a subscriber or patient HL before its first
 * CLM; none for the ST, BHT header, submitter/receiver loops, billing
 * provider loops, SE or a position beyond the transaction set.
 */
export function locateClaims(ackSegmentPosition: number, transaction: TransactionSet): string[] {
  const segments = transaction.segments;
  // segments[i] is at ST-relative position i + 2; SE (if any) follows the last one.
  const index = ackSegmentPosition - 2;
  if (!Number.isSafeInteger(index) || index < 0 || index >= segments.length) return [];

  // The CLM whose loop holds the position: walk back to the nearest CLM or HL.
  for (let i = index; i >= 0; i--) {
    const seg = segments[i];
    if (!seg) break;
    if (seg.id === 'CLM') {
      const id = element(seg, 1);
      return id ? [id] : [];
    }
    if (seg.id === 'HL') {
      if (element(seg, 3) === HL_BILLING) return [];
      return claimsUnder(transaction, i);
    }
  }
  return [];
}

/**
 * The one claim the position belongs to, or undefined when it belongs to none
 * (header, 2000A) or to several (a subscriber HL with more than one claim:
 * use `locateClaims` to reject them all).
 */
export function locateClaim(ackSegmentPosition: number, transaction: TransactionSet): string | undefined {
  const claims = locateClaims(ackSegmentPosition, transaction);
  return claims.length === 1 ? claims[0] : undefined;
}

/** CLM01s of the claims under the HL at `hlIndex`, including those under its descendant HLs. */
function claimsUnder(transaction: TransactionSet, hlIndex: number): string[] {
  const segments = transaction.segments;
  const root = segments[hlIndex];
  const rootId = root ? element(root, 1) : undefined;
  if (!rootId) return [];
  const inside = new Set([rootId]);
  const claims: string[] = [];
  for (let i = hlIndex; i < segments.length; i++) {
    const seg = segments[i];
    if (!seg) break;
    if (seg.id === 'HL' && i !== hlIndex) {
      const parent = element(seg, 2);
      const id = element(seg, 1);
      // The subtree ends at the first HL whose parent is outside it.
      if (!parent || !inside.has(parent) || !id) break;
      inside.add(id);
    } else if (seg.id === 'CLM') {
      const id = element(seg, 1);
      if (id) claims.push(id);
    }
  }
  return claims;
}
