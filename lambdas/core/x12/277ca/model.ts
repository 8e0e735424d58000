/**
 * The claim acknowledgment model: one 277CA (005010X214) transaction set,
 * read (read-277ca.ts) or to be written (write-277ca.ts, the payer sandbox).
 *
 * The 277CA is a hierarchy: 2000A information source (HL 20, the payer) >
 * 2000B information receiver (HL 21, the submitter) > 2000C billing provider
 * (HL 19) > 2000D patient (HL PT) with its claim (2200D) and lines (2220D).
 * Each level can carry status (STC); a rejection at a level rejects every
 * claim under it. `sources` holds the tree as sent; `claims` is the same
 * claim objects flattened in file order, each with the ids of the levels
 * above it and its effective disposition, for callers that only match claims.
 *
 * Conventions (the same as the 835 model):
 * - money: decimal strings as read ("125.00"); undefined when left empty;
 * - dates: ISO "YYYY-MM-DD";
 * - `filePosition`: 1-based segment position in the file (ISA is 1) when read;
 *   absent for models built in memory.
 * Names and member ids (NM1*QC) live only here: messages and logs name
 * segments and elements, never these values.
 */

/** Derived from the STC category codes; see `dispositionOf`. */
export type AckDisposition = 'accepted' | 'rejected' | 'pending';

/** One C043 health care claim status composite (STC01, STC10, STC11). */
export interface StatusCode {
  /** -1: claim status category code (code source 507), e.g. "A1", "A3". */
  category: string;
  /** -2: claim status code (code source 508), e.g. "20", "21". */
  status: string;
  /** -3: entity identifier code, e.g. "85" billing provider, "IL" subscriber. */
  entity?: string;
}

/** One STC segment. */
export interface ClaimStatus extends StatusCode {
  /** STC02: status information effective date. */
  effectiveDate?: string;
  /** STC03: action code, "WQ" accepted, "U" reject (X214 uses only these). */
  action?: string;
  /** STC04: total claim (or line) charge amount the status refers to. */
  amount?: string;
  /** STC10 and STC11: further status composites. */
  additional: StatusCode[];
  /** STC12: free-form message text from the payer. */
  message?: string;
  filePosition?: number;
}

/** An NM1 name of one hierarchical level (NM1*PR, *41, *85, *QC). */
export interface PartyName {
  /** NM101: "PR" payer or "AY" clearinghouse (2100A), "41" (2100B), "85" (2100C), "QC" (2100D). */
  entityCode?: string;
  /** NM102: "1" person, "2" non-person entity. */
  entityType?: string;
  /** NM103: last or organisation name. */
  lastOrOrganization?: string;
  /** NM104. */
  first?: string;
  /** NM105. */
  middle?: string;
  /** NM107. */
  suffix?: string;
  /** NM108: e.g. "PI" payer id, "46" ETIN, "XX" NPI, "FI" TIN, "MI" member id. */
  idQualifier?: string;
  /** NM109. */
  id?: string;
  filePosition?: number;
}

/** QTY/AMT totals of loops 2200B and 2200C. */
export interface LevelTotals {
  /** QTY*90 (2200B) / QTY*QA (2200C): claims accepted. */
  acceptedQuantity?: number;
  /** QTY*AA (2200B) / QTY*QC (2200C): claims rejected. */
  rejectedQuantity?: number;
  /** AMT*YU: total accepted amount. */
  acceptedAmount?: string;
  /** AMT*YY: total rejected amount. */
  rejectedAmount?: string;
}

/** What every HL level (2000A/B/C) shares. */
export interface LevelAck {
  /** HL01 when read. */
  hlId?: string;
  name: PartyName;
  /** TRN02 of the level's 2200 loop (2200A/B/C), when present. */
  traceNumber?: string;
  /** STC of the level (required at 2000B, situational at 2000C, absent at 2000A). */
  statuses: ClaimStatus[];
  /** Disposition of the level's own statuses (`dispositionOf`). */
  disposition: AckDisposition;
  filePosition?: number;
}

/** 2000D / 2220D: one service line status. */
export interface LineAck {
  /** REF*FJ: line item control number (our 837 REF*6R). */
  lineItemControlNumber?: string;
  /** SVC01: qualifier:code:modifiers..., e.g. HC:99213:25. */
  procedure?: { qualifier: string; code: string; modifiers: string[]; description?: string };
  /** SVC02: line item charge amount. */
  charge?: string;
  /** SVC04: NUBC revenue code (institutional). */
  revenueCode?: string;
  /** SVC07: units of service. */
  units?: string;
  /** DTP*472: service date, or from/to for RD8. */
  serviceDates?: { from: string; to?: string };
  statuses: ClaimStatus[];
  /** From the line's own statuses; 'pending' when it has none. */
  disposition: AckDisposition;
  filePosition?: number;
}

/** Loop 2000D/2200D: one claim. */
export interface ClaimAck {
  /** 2200D TRN02: the patient control number, i.e. the CLM01 we sent. */
  patientControlNumber: string;
  /** REF*1K: payer claim control number. */
  payerClaimId?: string;
  /** REF*D9: clearinghouse trace number (claim identifier for the transmission intermediary). */
  clearinghouseTraceNumber?: string;
  /** REF*BLT: institutional bill type. */
  billType?: string;
  /** REF*EA: medical record number. */
  medicalRecordNumber?: string;
  /** NM1*QC (2100D): the patient or subscriber. PHI. */
  patient: PartyName;
  statuses: ClaimStatus[];
  /**
   * Effective disposition: 'rejected' when the claim's own statuses or any
   * level above it rejects; else the claim's own statuses decide.
   */
  disposition: AckDisposition;
  /** Which level decided a rejection ('claim' when the claim's own STC did). */
  rejectedAt?: 'claim' | 'source' | 'receiver' | 'provider';
  /** STC04 of the claim's first status: the total claim charge the payer saw. */
  billedAmount?: string;
  /** DTP*472 of 2200D. */
  serviceDates?: { from: string; to?: string };
  lines: LineAck[];
  /** NM109 of the levels above (2100A payer, 2100B receiver, 2100C billing provider). */
  payerId?: string;
  informationReceiverId?: string;
  billingProviderId?: string;
  filePosition?: number;
}

/** 2000C: billing provider of service. */
export interface ProviderAck extends LevelAck {
  /** REF*TJ / REF*0B ... secondary identifiers of 2200C. */
  references: { qualifier: string; value: string }[];
  totals: LevelTotals;
  claims: ClaimAck[];
}

/** 2000B: information receiver (the submitter of the 837). */
export interface ReceiverAck extends LevelAck {
  totals: LevelTotals;
  providers: ProviderAck[];
}

/** 2000A: information source (the payer or clearinghouse answering). */
export interface SourceAck extends LevelAck {
  /** DTP*050 of 2200A: date the source received the claims. */
  receivedDate?: string;
  /** DTP*009 of 2200A: date the source processed them. */
  processDate?: string;
  receivers: ReceiverAck[];
}

export interface Ack277CA {
  /** ST02. */
  controlNumber: string;
  /** ST03 or the group's GS08. */
  version?: string;
  /** BHT03: originator application transaction identifier. */
  referenceId?: string;
  /** BHT04: transaction set creation date. */
  transactionDate?: string;
  /** BHT05: HHMM[SS]. */
  transactionTime?: string;
  sources: SourceAck[];
  /** Every claim of `sources`, in file order (filled by the reader; `flattenClaims`). */
  claims: ClaimAck[];
  filePosition?: number;
}

/** What the writer needs: the tree (the flat `claims` list is derived). */
export type Ack277CAInput = Omit<Ack277CA, 'claims'>;

/** Category codes the issue treats as accepted and rejected; all others are pending. */
export const ACCEPTED_CATEGORIES: ReadonlySet<string> = new Set(['A1', 'A2']);
export const REJECTED_CATEGORIES: ReadonlySet<string> = new Set(['A3', 'A4', 'A6', 'A7', 'A8']);

/**
 * A rejection anywhere in the statuses wins (a payer can send "A1 received"
 * and "A7 invalid" for the same claim), then an acceptance, else pending.
 */
export function dispositionOf(statuses: readonly ClaimStatus[]): AckDisposition {
  const categories = statuses.flatMap((s) => [s.category, ...s.additional.map((a) => a.category)]);
  if (categories.some((c) => REJECTED_CATEGORIES.has(c))) return 'rejected';
  if (categories.some((c) => ACCEPTED_CATEGORIES.has(c))) return 'accepted';
  return 'pending';
}

/** The claims of a tree in document order. */
export function flattenClaims(sources: readonly SourceAck[]): ClaimAck[] {
  return sources.flatMap((s) => s.receivers.flatMap((r) => r.providers.flatMap((p) => p.claims)));
}
