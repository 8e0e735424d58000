/**
 * The body every 837 transaction set shares, between ST and SE: BHT, 1000A
 * submitter, 1000B receiver, then the HL tree — one 2000A per distinct
 * billing level (in input order), its claims as 2000B children, a 2000C
 * under each claim whose patient is not the subscriber, and the claim
 * itself. What each level holds differs between the 837P and the 837I; the
 * writers pass theirs in.
 */
import type { Claim, Patient } from '../../claim/model.js';
import { wallClock } from '../timestamp.js';
import type { SegmentWriter } from '../writer.js';
import type { Transaction837Input } from './single-837.js';
import { writeReceiver, writeSubmitter } from './write-1000.js';
import type { LoopContext } from './write-segments.js';

export interface HlLevelWriters {
  /** Claims with the same key share one 2000A. */
  billingLevelKey(claim: Claim): string;
  billingProvider(ctx: LoopContext, hl: number, claim: Claim): void;
  subscriber(ctx: LoopContext, hl: number, parentHl: number, claim: Claim): void;
  patient(ctx: LoopContext, hl: number, parentHl: number, patient: Patient): void;
  /** 2300 and everything under it. */
  claim(ctx: LoopContext, claim: Claim): void;
}

export function writeTransactionBody(w: SegmentWriter, input: Transaction837Input, levels: HlLevelWriters): void {
  const { claims, tenant, receiver, reference, createdAt, timeZone } = input;
  const header: LoopContext = { w };
  const { date, time } = wallClock(createdAt, timeZone);
  w.segment('BHT', '0019', '00', reference, date, time, 'CH');
  writeSubmitter(header, tenant);
  writeReceiver(header, receiver);

  let hl = 0;
  for (const group of groupBy(claims, levels.billingLevelKey)) {
    const providerHl = ++hl;
    const first = group[0] as Claim;
    levels.billingProvider({ w, claimId: first.claimId }, providerHl, first);
    for (const claim of group) {
      const ctx: LoopContext = { w, claimId: claim.claimId };
      const subscriberHl = ++hl;
      levels.subscriber(ctx, subscriberHl, providerHl, claim);
      if (claim.patient) levels.patient(ctx, ++hl, subscriberHl, claim.patient);
      levels.claim(ctx, claim);
    }
  }
}

/** Claims grouped by key, groups and claims in their input order. */
function groupBy(claims: readonly Claim[], keyOf: (claim: Claim) => string): Claim[][] {
  const groups = new Map<string, Claim[]>();
  for (const claim of claims) {
    const key = keyOf(claim);
    const group = groups.get(key);
    if (group) group.push(claim);
    else groups.set(key, [claim]);
  }
  return [...groups.values()];
}
