/**
 * Claim lifecycle. The table below is the only place transitions are defined;
 * adapters ask `assertTransition` before writing a status change, so an illegal
 * move is refused before it reaches the database.
 */

export const CLAIM_STATUSES = [
  'ready', // validated, waiting for the tenant's next batch
  'rejected', // failed validation or scrubbing, or rejected by the clearinghouse/payer acknowledgment
  'submitted', // written into an 837 batch on the outbound prefix
  'accepted', // accepted by the payer's (or clearinghouse's) 277CA
  'paid', // 835: paid in full (billed = paid + contractual adjustments + patient responsibility)
  'partially_paid', // 835: paid, with non-contractual reductions
  'denied', // 835: nothing paid, denial adjustments
  'reversed', // 835: CLP02 = 22, the earlier posting is reversed (kept, not deleted)
  'corrected', // 835: a new claim payment after a reversal (the payer re-adjudicated the claim)
  'forwarded', // 835: CLP02 = 19/20/21/23 or NM1*TT: the payer sent the claim on to another payer (crossover)
] as const;

export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

const TRANSITIONS: Record<ClaimStatus, readonly ClaimStatus[]> = {
  ready: ['ready', 'rejected', 'submitted'],
  rejected: ['ready', 'rejected'],
  // submitted -> accepted: a 277CA accepts the claim (STC A1/A2).
  // submitted -> rejected: a 999 rejects its transaction set, or a 277CA rejects it (A3/A4/A6/A7/A8).
  // submitted -> submitted, accepted -> accepted: an acknowledgment notes something without
  //   moving the claim (a 999 "accepted with errors" finding, a pending 277CA status, a second
  //   277CA acceptance with the payer's claim id): the note still gets its audit event.
  // accepted -> rejected: a later 277CA (the payer after the clearinghouse) rejects it, or a
  //   999 rejecting the set arrives after the 277CA (the two come on separate queues).
  // submitted/accepted -> reversed: the payer reverses a payment we never saw posted (it still counts).
  // paid -> paid, partially_paid -> partially_paid, denied -> denied, forwarded -> forwarded:
  //   a further 835 claim payment (a supplemental payment, a second denial) that does not change
  //   the outcome; it is posted and audited like any other.
  // reversed -> corrected: the payer's new claim payment after its reversal (CLP02 1-4, 19-21).
  // corrected -> reversed: a correction can itself be reversed.
  submitted: ['submitted', 'accepted', 'rejected', 'paid', 'partially_paid', 'denied', 'forwarded', 'reversed'],
  accepted: ['accepted', 'rejected', 'paid', 'partially_paid', 'denied', 'forwarded', 'reversed'],
  // paid -> partially_paid: another part of a split claim (a second CLP loop for it in the same
  //   835) was reduced or denied.
  paid: ['paid', 'partially_paid', 'reversed'],
  partially_paid: ['paid', 'partially_paid', 'reversed'],
  denied: ['paid', 'partially_paid', 'denied', 'forwarded', 'reversed'],
  forwarded: ['forwarded', 'reversed'],
  reversed: ['corrected', 'reversed'],
  corrected: ['corrected', 'reversed'],
};

/**
 * Statuses a replacement or void (CLM05-3 = 7 or 8) sent under the same claim
 * id may supersede, starting the claim over as ready (or rejected): the payer
 * has the claim (accepted) or adjudicated it. This is not a transition of the
 * table above: only intake's saveFromIntake does it, for frequency 7/8. A
 * claim only submitted has no payer claim control number yet.
 */
export const REPLACEABLE_STATUSES: readonly ClaimStatus[] = ['accepted', 'paid', 'partially_paid', 'denied', 'forwarded', 'reversed', 'corrected'];

/** Statuses in which a claim's 835 story is complete (the report's "final" states). */
export const FINAL_STATUSES: readonly ClaimStatus[] = ['paid', 'partially_paid', 'denied', 'forwarded', 'corrected', 'reversed'];

/** The statuses a brand-new claim may start in. */
export const INITIAL_STATUSES: readonly ClaimStatus[] = ['ready', 'rejected'];

export class IllegalTransitionError extends Error {
  readonly code = 'CLAIM_ILLEGAL_TRANSITION';
  constructor(
    readonly from: ClaimStatus | undefined,
    readonly to: ClaimStatus,
  ) {
    super(`illegal claim status transition ${from ?? '(new)'} -> ${to}`);
    this.name = 'IllegalTransitionError';
  }
}

export function canTransition(from: ClaimStatus | undefined, to: ClaimStatus): boolean {
  if (from === undefined) return INITIAL_STATUSES.includes(to);
  return TRANSITIONS[from].includes(to);
}

export function assertTransition(from: ClaimStatus | undefined, to: ClaimStatus): void {
  if (!canTransition(from, to)) throw new IllegalTransitionError(from, to);
}

export function isClaimStatus(value: string): value is ClaimStatus {
  return (CLAIM_STATUSES as readonly string[]).includes(value);
}
