/**
 * The ports: what the application needs from storage, as small interfaces.
 * lambdas/adapters implements them over DynamoDB and S3; the core and the
 * application services only ever see these types.
 */
import type { Claim } from './claim/model.js';
import type { ClaimStatus } from './claim/state-machine.js';
import type { ClaimPosting, ProviderAdjustmentPosting } from './remittance/posting-record.js';
import type { TenantConfig } from './tenant/config.js';

/** A problem found in a claim: by validation now, by the scrubber later. */
export interface Finding {
  /** Stable rule id, e.g. "SCHEMA", "ROUTE-RECEIVER", "NPI-CHECKDIGIT". */
  ruleId: string;
  severity: 'error' | 'warning';
  /** Names the field; never repeats PHI values. */
  message: string;
  /** JSON path within the claim, e.g. "serviceLines[2].charge". */
  path?: string;
  /** 1-based service line number when the finding is about a line. */
  line?: number;
  fix?: string;
}

/** Where a claim or an exception came from. */
export interface SourceRef {
  /** Object key (or file path on the command line). */
  file: string;
  /** S3 ETag or version, when known: lets a redelivered event be recognised. */
  etag?: string;
  format: 'json' | 'x12-837' | 'x12-835' | 'csv-superbill' | 'fhir-r4' | 'hl7v2-dft';
  /** 0-based index of the claim in the file (JSON, CSV, FHIR) or 1-based segment position (X12). */
  position?: number;
}

/** Remittance outcome kept on the claim after posting. Amounts are decimal strings. */
export interface ClaimPayment {
  remittanceId: string;
  payerClaimControlNumber?: string;
  claimStatusCode: string;
  charge: string;
  paid: string;
  patientResponsibility: string;
  adjusted: string;
  adjustments: Array<{ group: string; reason: string; amount: string; line?: number }>;
  postedAt: string;
}

export interface ClaimRecord {
  tenantId: string;
  claimId: string;
  status: ClaimStatus;
  /** Optimistic-lock version: 1 on creation, +1 on every change. */
  version: number;
  claim: Claim;
  /** Receiver the claim is routed to (tenant config), set when it is ready. */
  receiverId?: string;
  findings: Finding[];
  source: SourceRef;
  batchId?: string;
  payment?: ClaimPayment;
  /** Every 835 claim payment posted to the claim, oldest first; reversals are postings too. */
  postings?: ClaimPosting[];
  /** Set once the claim for the next payer (secondary after a primary, tertiary after a secondary) was built from this claim's 835. */
  secondaryClaimId?: string;
  /** Set on a secondary (or tertiary) claim: the claim it was built from (the primary, or the secondary). */
  primaryClaimId?: string;
  /** 277CA 2200D REF*1K: the payer's claim control number, kept from the claim's acknowledgment. */
  payerClaimId?: string;
  createdAt: string;
  updatedAt: string;
}

/** One append-only audit event; written in the same transaction as the change it records. */
export interface ClaimEvent {
  /**
   * 'acknowledgment-posted': a 999 or 277CA moved (or noted on) the claim;
   * `cause` is the acknowledgment id and the transition writes its
   * idempotency marker, so a redelivered acknowledgment posts once.
   * 'secondary-created': the secondary claim named in `cause` was built from
   * this primary claim's 835 posting; the primary does not move.
   */
  type: 'created' | 'superseded' | 'status-changed' | 'remittance-posted' | 'acknowledgment-posted' | 'secondary-created';
  from?: ClaimStatus;
  to: ClaimStatus;
  at: string;
  /** What caused it: an object key, a batch id, a remittance id. */
  cause: string;
  /**
   * 'remittance-posted': the n-th CLP loop for this claim in the remittance
   * (1 when absent). A reversal and its correction often come in the same
   * 835; each is posted once.
   */
  occurrence?: number;
  detail?: Record<string, unknown>;
}

export interface StoredClaimEvent extends ClaimEvent {
  version: number;
}

export type SaveOutcome = 'created' | 'superseded' | 'duplicate' | 'conflict';

export interface ClaimRepository {
  /**
   * Stores a claim from intake. New claim id: created. Existing claim in a
   * state that allows it (ready or rejected): superseded, version +1. Same
   * source object and etag as the stored one: duplicate (redelivery, no change).
   * A replacement or void (frequency 7/8) of a claim the payer has
   * (REPLACEABLE_STATUSES): superseded too, keeping its postings, payment and
   * payer claim id. Otherwise (already submitted or later): conflict, nothing written.
   */
  saveFromIntake(record: Omit<ClaimRecord, 'version' | 'createdAt' | 'updatedAt'>, at: string): Promise<SaveOutcome>;
  get(tenantId: string, claimId: string): Promise<ClaimRecord | undefined>;
  /**
   * Moves a claim to `to` if its version is still `expectedVersion` and the
   * state machine allows it; writes the event in the same transaction.
   * Throws IllegalTransitionError or VersionConflictError.
   */
  transition(
    current: ClaimRecord,
    to: ClaimStatus,
    event: Omit<ClaimEvent, 'from' | 'to'>,
    patch?: Partial<Pick<ClaimRecord, 'batchId' | 'payment' | 'findings' | 'payerClaimId' | 'postings' | 'secondaryClaimId'>>,
  ): Promise<ClaimRecord>;
  /** Claims ready to batch for one tenant and receiver, oldest first. */
  listReady(tenantId: string, receiverId: string, limit?: number): Promise<ClaimRecord[]>;
  listByStatus(tenantId: string, status: ClaimStatus): Promise<ClaimRecord[]>;
  events(tenantId: string, claimId: string): Promise<StoredClaimEvent[]>;
}

/** One ST/SE of a written batch: what a 999's AK2/IK3 refers back to. */
export interface BatchTransactionRecord {
  /** ST02. */
  controlNumber: string;
  /** CLM01s in the order written. */
  claimIds: string[];
}

/** One GS/GE of a written batch (one per claim type: 837P X222A1, 837I X223A2). */
export interface BatchGroupRecord {
  /** GS06: what a 999's AK102 refers back to. */
  controlNumber: number;
  /** GS08, e.g. 005010X222A1. */
  version: string;
  transactions: BatchTransactionRecord[];
}

export interface BatchRecord {
  tenantId: string;
  batchId: string;
  receiverId: string;
  /** ISA13, allocated before the file is written (per tenant, sender and receiver). */
  controlNumber: number;
  /**
   * The interchange's groups and transaction sets. Records written before
   * groups existed have none: read them as one group whose GS06 is
   * `controlNumber` with one transaction set '0001' holding `claimIds`.
   */
  groups?: BatchGroupRecord[];
  claimIds: string[];
  /** Object key of the 837 file. */
  fileKey: string;
  status: 'open' | 'written';
  createdAt: string;
  writtenAt?: string;
  /** What the receiver's 999s said about the batch's groups; absent until the first 999. */
  acknowledgment?: BatchAcknowledgment;
}

/** AK901 / IK501 as recorded on the batch ('unknown' when the 999 lacked the IK5 or AK9). */
export type AckStatus = 'accepted' | 'accepted_with_errors' | 'rejected' | 'partially_accepted' | 'unknown';

/** One error a 999 reported (IK3 segment / IK4 element / IK5 transaction / AK9 group), without the bad value. */
export interface AckErrorRecord {
  level: 'group' | 'transaction' | 'segment' | 'element';
  /** IK304, IK403, IK502-506 or AK905-909. */
  code: string;
  /** IK301. */
  segmentId?: string;
  /** IK302: position in the transaction set, ST = 1. */
  segmentPosition?: number;
  /** IK303. */
  loopId?: string;
  /** IK401 as element[:component[:repetition]]. */
  elementPosition?: string;
  /** IK402. */
  elementRef?: string;
  /** CLM01s the position falls in (locateClaims over the 837 we sent); empty when none or unknown. */
  claimIds: string[];
}

export interface BatchTransactionAck {
  /** ST02 of our 837 (AK202). */
  controlNumber: string;
  status: AckStatus;
  errors: AckErrorRecord[];
}

export interface BatchGroupAck {
  /** GS06 of our 837 (AK102). */
  controlNumber: number;
  status: AckStatus;
  /** Acknowledgment id of the 999 that said it. */
  ackId: string;
  /** Object key of that 999. */
  file: string;
  at: string;
  errors: AckErrorRecord[];
  transactions: BatchTransactionAck[];
}

export interface BatchAcknowledgment {
  /**
   * Over the batch's groups: 'rejected' / 'accepted' when all agree,
   * 'accepted_with_errors' when all are accepted and some with errors,
   * 'partially_accepted' otherwise; 'unknown' while a group is unanswered.
   */
  status: AckStatus;
  /** When the latest group acknowledgment was recorded. */
  at: string;
  /** The latest acknowledgment per group (GS06). */
  groups: BatchGroupAck[];
}

export interface BatchRepository {
  /** The batch left open by an earlier, failed run for this tenant and receiver. */
  findOpen(tenantId: string, receiverId: string): Promise<BatchRecord | undefined>;
  /**
   * Records a new open batch with its control number. Fails with
   * BatchAlreadyOpenError when another run holds an open batch for the receiver.
   */
  open(batch: BatchRecord): Promise<void>;
  markWritten(batch: BatchRecord, at: string): Promise<void>;
  get(tenantId: string, batchId: string): Promise<BatchRecord | undefined>;
  list(tenantId: string): Promise<BatchRecord[]>;
  /**
   * The batch sent to `receiverId` whose interchange holds the group with
   * GS06 = `groupControlNumber` (what a 999's AK102 names). The newest one
   * when the control numbers have wrapped.
   */
  findByGroupControlNumber(tenantId: string, receiverId: string, groupControlNumber: number): Promise<BatchRecord | undefined>;
  /**
   * Records a 999's answer for one group of the batch on the batch record
   * and as an audit event, in one transaction. 'duplicate' (nothing written)
   * when this acknowledgment was already recorded for this group.
   */
  recordAcknowledgment(tenantId: string, batchId: string, group: BatchGroupAck): Promise<'recorded' | 'duplicate'>;
  /** The audit events of recordAcknowledgment, oldest first. */
  acknowledgmentEvents(tenantId: string, batchId: string): Promise<BatchGroupAck[]>;
}

/**
 * Whose sequence a control number belongs to: ISA13 and GS06 must be unique
 * (and are kept increasing) per tenant, ISA sender and ISA receiver.
 */
export interface ControlNumberScope {
  tenantId: string;
  /** ISA05:ISA06, e.g. "ZZ:ACMEBILL". */
  sender: string;
  /** ISA07:ISA08, e.g. "ZZ:PRAIRIECH". */
  receiver: string;
}

export interface ControlNumberAllocator {
  /**
   * Reserves `count` consecutive numbers of the scope's sequence in one atomic
   * step (an interchange takes one for ISA13 and one per GS06) and returns
   * them in order. Numbers run 1..999,999,999 and then wrap to 1, so a block
   * crossing the wrap reads e.g. [999999998, 999999999, 1]: unique, and
   * increasing modulo the wrap. Concurrent callers never share a number.
   */
  allocate(scope: ControlNumberScope, count: number): Promise<number[]>;
}

export interface ExceptionRecord {
  /** Tenant the object belongs to, or "_system" when the key names no known tenant. */
  tenantId: string;
  kind:
    | 'ack-unmatched'
    | 'ack-illegal-transition'
    | 'ack-incomplete'
    | 'unknown-tenant'
    | 'bad-key'
    | 'unreadable-file'
    | 'invalid-encounter'
    | 'claim-conflict'
    | 'x12-parse'
    | 'remittance-unmatched'
    | 'remittance-unbalanced'
    | 'remittance-illegal-transition'
    | 'remittance-line-unmatched'
    | 'secondary-claim';
  /** The object key or file. */
  file: string;
  /** Segment position, claim index or line, as text ("segment 14", "claims[3]"). */
  position?: string;
  /** Readable, names fields and positions, never PHI values. */
  message: string;
  /** Figures for imbalances, codes, ids that are not PHI. */
  detail?: Record<string, unknown>;
  at: string;
}

export interface ExceptionRepository {
  record(exception: ExceptionRecord): Promise<void>;
  list(tenantId: string): Promise<ExceptionRecord[]>;
}

export interface TenantRepository {
  get(tenantId: string): Promise<TenantConfig | undefined>;
  put(config: TenantConfig): Promise<void>;
}

/**
 * One payment (check or EFT) as posted: the same TRN02 from the same payer is
 * one remittance whatever file it came in. Rewritten as posting progresses.
 */
export interface RemittanceRecord {
  tenantId: string;
  remittanceId: string;
  /** The file it was first posted from. */
  file: string;
  /** Later files that carried the same payment (posted nothing again). */
  duplicateFiles?: string[];
  payerId?: string;
  payerName?: string;
  traceNumber?: string;
  /** BPR02 as sent (negative when BPR03 = D). */
  paymentAmount: string;
  paymentMethod?: string;
  paymentDate?: string;
  /** The payment check BPR02 = ΣCLP04 − ΣPLB. */
  balanced?: boolean | 'not-evaluable';
  claimCount: number;
  postedClaims: number;
  /** CLP loops posted by an earlier delivery. */
  alreadyPosted?: number;
  exceptions: number;
  /** PLB items posted at payment level. */
  providerAdjustments?: ProviderAdjustmentPosting[];
  /** 'posted' once every CLP was handled; 'held' when the payment did not balance and nothing was posted. */
  state?: 'posting' | 'posted' | 'held';
  receivedAt: string;
  postedAt?: string;
}

export interface RemittanceRepository {
  put(record: RemittanceRecord): Promise<void>;
  get(tenantId: string, remittanceId: string): Promise<RemittanceRecord | undefined>;
  list(tenantId: string): Promise<RemittanceRecord[]>;
  /** True when this remittance was already posted to this claim (its n-th CLP for the claim, default 1). */
  isPosted(tenantId: string, remittanceId: string, claimId: string, occurrence?: number): Promise<boolean>;
}

/** One acknowledgment (a 999 ST or a 277CA ST) as received: what a biller lists. */
export interface AcknowledgmentRecord {
  tenantId: string;
  /** Stable id: the same acknowledgment resent under another name has the same id. */
  ackId: string;
  kind: '999' | '277ca';
  file: string;
  /** ISA06 of the acknowledgment (the receiver that answered). */
  senderId?: string;
  /** Receiver id of the tenant config, when ISA06 named one. */
  receiverId?: string;
  /** 999: the batch and AK102 it answered. */
  batchId?: string;
  groupControlNumber?: number;
  /** 999: AK901 mapped; 277CA: not set. */
  status?: AckStatus;
  /** Claims the acknowledgment names (277CA) or covers (999). */
  claimCount: number;
  accepted: number;
  rejected: number;
  /** 999 E: claims that got a finding without moving; 277CA: pending statuses. */
  noted: number;
  alreadyPosted: number;
  exceptions: number;
  receivedAt: string;
}

export interface AcknowledgmentRepository {
  /** Upsert by (tenant, ackId, kind). */
  put(record: AcknowledgmentRecord): Promise<void>;
  list(tenantId: string): Promise<AcknowledgmentRecord[]>;
}

export interface ObjectStore {
  get(key: string): Promise<{ body: Buffer; etag?: string }>;
  /** The object's bytes as they arrive, for files too large to hold whole (835s). */
  stream(key: string): AsyncIterable<Uint8Array>;
  put(key: string, body: string | Buffer, contentType?: string): Promise<void>;
  list(prefix: string): Promise<string[]>;
}

export class VersionConflictError extends Error {
  readonly code = 'CLAIM_VERSION_CONFLICT';
  constructor(
    readonly tenantId: string,
    readonly claimId: string,
    readonly expectedVersion: number,
  ) {
    super(`claim changed concurrently (expected version ${expectedVersion})`);
    this.name = 'VersionConflictError';
  }
}

export class BatchAlreadyOpenError extends Error {
  readonly code = 'BATCH_ALREADY_OPEN';
  constructor(
    readonly tenantId: string,
    readonly receiverId: string,
  ) {
    super(`another batch run holds an open batch for receiver ${receiverId}`);
    this.name = 'BatchAlreadyOpenError';
  }
}

/**
 * The remittance was already posted to this claim (its idempotency marker
 * exists): a redelivered 835 is done, not failed. Raised by
 * ClaimRepository.transition for a 'remittance-posted' event.
 */
export class AlreadyPostedError extends Error {
  readonly code = 'REMITTANCE_ALREADY_POSTED';
  constructor(
    readonly tenantId: string,
    readonly remittanceId: string,
    readonly claimId: string,
  ) {
    super('remittance already posted to this claim');
    this.name = 'AlreadyPostedError';
  }
}

/**
 * This acknowledgment already moved or noted this claim (its idempotency
 * marker exists): a redelivered 999 or 277CA is done, not failed. Raised by
 * ClaimRepository.transition for an 'acknowledgment-posted' event.
 */
export class AlreadyAcknowledgedError extends Error {
  readonly code = 'ACKNOWLEDGMENT_ALREADY_POSTED';
  constructor(
    readonly tenantId: string,
    readonly ackId: string,
    readonly claimId: string,
  ) {
    super('acknowledgment already posted to this claim');
    this.name = 'AlreadyAcknowledgedError';
  }
}

/** Every port the application uses, as one set: what the adapters provide. */
export interface Ports {
  objects: ObjectStore;
  claims: ClaimRepository;
  batches: BatchRepository;
  controlNumbers: ControlNumberAllocator;
  exceptions: ExceptionRepository;
  tenants: TenantRepository;
  remittances: RemittanceRepository;
  acknowledgments: AcknowledgmentRepository;
}
