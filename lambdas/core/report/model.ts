/**
 * The biller's report as plain data: every figure already computed (integer
 * cents inside, decimal strings here), so the HTML page, the terminal text and
 * the JSON written to S3 all show the same numbers. The definition of each
 * figure is given where it is declared and in docs/report.md.
 *
 * No PHI: no patient or subscriber names, member ids, birth dates, and no
 * claim ids (CLM01, the patient control number, can be an account number).
 * Claims are counted; the few lists that must point at one claim use the
 * payer's claim control number (CLP07), remittance ids and segment positions.
 */
import type { ClaimStatus } from '../claim/state-machine.js';
import type { AckStatus, ExceptionRecord } from '../ports.js';

/** Age buckets in whole days since submission; a claim never submitted has no age. */
export const AGE_BUCKETS = [
  { id: '0-30', label: '0–30 days', min: 0, max: 30 },
  { id: '31-60', label: '31–60 days', min: 31, max: 60 },
  { id: '61-90', label: '61–90 days', min: 61, max: 90 },
  { id: '90+', label: 'over 90 days', min: 91, max: Number.POSITIVE_INFINITY },
] as const;

export type AgeBucketId = (typeof AGE_BUCKETS)[number]['id'];
export const NOT_SUBMITTED = 'not-submitted';
export type AgeColumn = AgeBucketId | typeof NOT_SUBMITTED;
export const AGE_COLUMNS: readonly AgeColumn[] = [...AGE_BUCKETS.map((b) => b.id), NOT_SUBMITTED];

export const AGE_COLUMN_LABELS: Readonly<Record<AgeColumn, string>> = {
  ...(Object.fromEntries(AGE_BUCKETS.map((b) => [b.id, b.label])) as Record<AgeBucketId, string>),
  [NOT_SUBMITTED]: 'not submitted',
};

/** Exception kinds the "unmatched and unbalanced remittances" section lists. */
export const REMITTANCE_EXCEPTION_KINDS = [
  'remittance-unmatched',
  'remittance-line-unmatched',
  'remittance-unbalanced',
  'remittance-illegal-transition',
] as const satisfies ReadonlyArray<ExceptionRecord['kind']>;
export type RemittanceExceptionKind = (typeof REMITTANCE_EXCEPTION_KINDS)[number];

/** How many batches the report lists, newest first. */
export const LATEST_BATCHES = 20;

export interface StatusAgeRow {
  status: ClaimStatus;
  counts: Record<AgeColumn, number>;
  total: number;
}

/** Claims by status (rows, CLAIM_STATUSES order) and age column. */
export interface StatusAgeTable {
  columns: AgeColumn[];
  rows: StatusAgeRow[];
  totals: Record<AgeColumn, number>;
  total: number;
}

/** A posted claim whose billed amount is not accounted for by its net postings. */
export interface ReconciliationMismatch {
  /** CLP07 of the claim's latest posting (what the payer calls the claim), when sent. */
  payerClaimControlNumber?: string;
  /** CLP02 of the latest posting. */
  claimStatusCode: string;
  billed: string;
  paid: string;
  adjustments: string;
  /** billed − (paid + adjustments). */
  difference: string;
}

/**
 * billed = paid + adjustments, over the payer's adjudicated claims (latest
 * posting is not a reversal), each side net over all of the claim's postings.
 */
export interface PayerReconciliation {
  claims: number;
  billed: string;
  paidPlusAdjustments: string;
  difference: string;
  mismatches: ReconciliationMismatch[];
}

export interface PayerRow {
  /** claim.payer.payerId. */
  payerId: string;
  /** claim.payer.name (the alphabetically first one when claims spell it differently). */
  payerName: string;
  /** Every claim naming the payer, in any status. */
  claims: number;
  /** Claims with a submission (their batch was written). */
  submittedClaims: number;
  /** Σ line charges of the submitted claims. */
  billed: string;
  /** Claims with at least one 835 posting. */
  postedClaims: number;
  /** Posted claims whose latest posting is a reversal: no current adjudication. */
  reversedClaims: number;
  /** Σ posting.allowed over the posted claims whose every posting states it. */
  allowed: string;
  allowedKnownClaims: number;
  /** Posted claims with a posting that does not state the allowed amount: not included in `allowed`. */
  allowedUnknownClaims: number;
  /** Σ posting.paid (CLP04) over every posting: reversals are negative, so this is net. */
  paid: string;
  /** Σ posting.patientResponsibility over every posting, net. */
  patientResponsibility: string;
  /** Σ of every CAS amount (claim and line level, every group including PR) over every posting, net. */
  adjustments: string;
  reconciliation: PayerReconciliation;
}

export interface DenialRow {
  /** CAS01. */
  group: string;
  /** CARC. */
  reason: string;
  /** Short description for the common CARCs; absent for the others. */
  description?: string;
  /** Denial adjustments (CAS reason/amount pairs) with this group and CARC. */
  count: number;
  /** Distinct claims with at least one of them. */
  claims: number;
  amount: string;
}

export interface RemittanceExceptionRow {
  kind: RemittanceExceptionKind;
  file: string;
  position?: string;
  message: string;
  at: string;
  /** Whitelisted figures of the exception's detail (amounts, codes, remittance id); never a claim id. */
  figures: Record<string, string>;
}

export type BalanceState = 'balanced' | 'unbalanced' | 'not-evaluable' | 'not-recorded';

export interface FlaggedRemittanceRow {
  remittanceId: string;
  file: string;
  payerId?: string;
  payerName?: string;
  traceNumber?: string;
  paymentAmount: string;
  paymentDate?: string;
  claimCount: number;
  postedClaims: number;
  exceptions: number;
  state?: string;
  balance: BalanceState;
  receivedAt: string;
}

export interface RemittanceProblems {
  /** Count per kind, every kind listed (0 when none). */
  exceptionCounts: Record<RemittanceExceptionKind, number>;
  exceptions: RemittanceExceptionRow[];
  /** Remittance records whose `balanced` is not `true`, or whose state is 'held'. */
  remittances: FlaggedRemittanceRow[];
  /** All remittance records of the tenant, for scale. */
  remittanceCount: number;
}

/** Where the claims written in a batch stand now (their current status). */
export interface BatchClaimOutcome {
  /** accepted, or any status an 835 gives. */
  acceptedOrLater: number;
  rejected: number;
  /** Still submitted: no 277CA answer (or only a pending one). */
  awaiting: number;
  /** Claims of the batch whose record now names another batch (resubmitted), or none (not found). */
  elsewhere: number;
}

export interface BatchRow {
  batchId: string;
  receiverId: string;
  /** ISA13. */
  controlNumber: number;
  claims: number;
  createdAt: string;
  writtenAt?: string;
  /** batch.acknowledgment.status, or 'awaiting' before the first 999. */
  ack999: AckStatus | 'awaiting';
  /** 999 acknowledgment records naming this batch. */
  acks999: number;
  outcome: BatchClaimOutcome;
}

export interface AcknowledgmentSummary {
  files999: number;
  files277ca: number;
  /** Σ over the 277CA records. */
  claims277ca: { accepted: number; rejected: number; pending: number };
}

export interface ReportTotals {
  claims: number;
  submittedClaims: number;
  /** Claims built as secondary claims (primaryClaimId set): billed to their own payer, so counted again. */
  secondaryClaims: number;
  billed: string;
  allowed: string;
  allowedUnknownClaims: number;
  paid: string;
  patientResponsibility: string;
  adjustments: string;
  /** Σ of the denial rows' amounts. */
  denied: string;
}

export interface Report {
  /** Bumped when a figure changes meaning. */
  reportVersion: 1;
  tenantId: string;
  /** The instant ages are measured to (ISO 8601). */
  asOf: string;
  totals: ReportTotals;
  statusAge: StatusAgeTable;
  payers: PayerRow[];
  denials: DenialRow[];
  remittanceProblems: RemittanceProblems;
  /** Newest LATEST_BATCHES batches, newest first. */
  batches: BatchRow[];
  batchCount: number;
  acknowledgments: AcknowledgmentSummary;
}
