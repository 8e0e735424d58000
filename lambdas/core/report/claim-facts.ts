/**
 * What the report needs to know about each claim, worked out once: when it
 * was submitted (the writtenAt of the batch its batchId names), its age
 * column, its billed amount and its postings.
 */
import { claimTotalCents } from '../claim/validate.js';
import type { BatchRecord, ClaimRecord } from '../ports.js';
import { AGE_BUCKETS, NOT_SUBMITTED, type AgeColumn } from './model.js';
import { currentAdjudication, postingsOf, type ReportPosting } from './postings.js';

const DAY_MS = 86_400_000;

export interface ClaimFacts {
  record: ClaimRecord;
  /** writtenAt of the claim's batch; absent when the claim has no written batch. */
  submittedAt?: string;
  ageColumn: AgeColumn;
  /** Σ line charges (what we billed), in cents. */
  billed: number;
  postings: ReportPosting[];
  /** Latest posting when it is not a reversal. */
  current?: ReportPosting;
}

/**
 * Whole days from `from` to `asOf`: elapsed 24-hour periods, rounded down
 * (a claim written 30 days and 23 hours ago is 30 days old). A submission
 * after `asOf` (clock skew) counts as 0.
 */
export function ageInDays(from: Date, asOf: Date): number {
  return Math.max(0, Math.floor((asOf.getTime() - from.getTime()) / DAY_MS));
}

export function ageColumnFor(days: number): AgeColumn {
  const bucket = AGE_BUCKETS.find((b) => days >= b.min && days <= b.max);
  return bucket?.id ?? '90+';
}

export function claimFacts(claims: readonly ClaimRecord[], batches: readonly BatchRecord[], asOf: Date): ClaimFacts[] {
  const writtenAt = new Map<string, string>();
  for (const batch of batches) if (batch.writtenAt !== undefined) writtenAt.set(batch.batchId, batch.writtenAt);
  return claims.map((record) => {
    const submittedAt = record.batchId !== undefined ? writtenAt.get(record.batchId) : undefined;
    const submitted = submittedAt !== undefined && !Number.isNaN(Date.parse(submittedAt));
    const postings = postingsOf(record);
    const current = currentAdjudication(postings);
    return {
      record,
      ...(submitted ? { submittedAt } : {}),
      ageColumn: submitted ? ageColumnFor(ageInDays(new Date(submittedAt), asOf)) : NOT_SUBMITTED,
      billed: claimTotalCents(record.claim),
      postings,
      ...(current ? { current } : {}),
    };
  });
}
