/**
 * Claim lifecycle. The table below is the only place transitions are defined;
 * adapters ask `assertTransition` before writing a status change, so an illegal
 * move is refused before it reaches the database.
 */

export const CLAIM_STATUSES = [
  'ready', // validated, waiting for the tenant's next batch
  'rejected', // failed validation or scrubbing, or rejected by the clearinghouse/payer acknowledgment
  'submitted', // written into an 837 batch on the outbound prefix
  'accepted', // acknowledged by 999/277CA (later issue)
  'paid', // 835: paid in full (billed = paid + contractual adjustments + patient responsibility)
  'partially_paid', // 835: paid, with non-contractual reductions
  'denied', // 835: nothing paid, denial adjustments
  'reversed', // 835: CLP02 = 22, the earlier posting is reversed
] as const;

export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

const TRANSITIONS: Record<ClaimStatus, readonly ClaimStatus[]> = {
  ready: ['ready', 'rejected', 'submitted'],
  rejected: ['ready', 'rejected'],
  submitted: ['accepted', 'rejected', 'paid', 'partially_paid', 'denied'],
  accepted: ['rejected', 'paid', 'partially_paid', 'denied'],
  paid: ['reversed'],
  partially_paid: ['paid', 'reversed'],
  denied: ['paid', 'partially_paid', 'reversed'],
  reversed: ['paid', 'partially_paid', 'denied'],
};

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
