/**
 * What a posted 835 leaves on a claim: one ClaimPosting per CLP loop that
 * matched the claim, with its lines. Postings are append-only: a reversal
 * (CLP02 = 22) is a posting of its own, with the payer's negative amounts,
 * that names the posting it reverses; nothing is deleted or rewritten. The
 * claim's net figures are the sums over its postings.
 *
 * Amounts are decimal strings as the payer sent them ("125.00", "-125.00");
 * arithmetic goes through lambdas/core/money.ts (integer cents).
 */
import type { AdjustmentGroup } from '../x12/835/model.js';

export interface PostedAdjustment {
  group: AdjustmentGroup;
  /** CARC. */
  reason: string;
  amount: string;
  quantity?: string;
}

/**
 * How an 835 service line (SVC) was tied to a line of the claim: by the REF*6R
 * echo; else by procedure (as submitted: SVC06 when the payer restated it),
 * modifiers, date and units; else, when exactly one unmatched line has the
 * same procedure, modifiers and date, by those alone (payers that pay other
 * units without sending SVC07).
 */
export type LineMatch = 'line-control-number' | 'procedure-date-units' | 'procedure-date';

export interface LinePosting {
  /** 1-based service line of the claim; absent when the SVC matched no line. */
  line?: number;
  matchedBy?: LineMatch;
  /** SVC01 as adjudicated: code and modifiers. */
  procedureCode: string;
  modifiers: string[];
  /** SVC06 code when the payer restated the submitted procedure. */
  submittedProcedureCode?: string;
  serviceDate?: string;
  /** SVC02, SVC03; AMT*B6 allowed when the payer sent it; SVC05 units. */
  charge: string;
  paid: string;
  allowed?: string;
  units?: string;
  adjustments: PostedAdjustment[];
  /** LQ*HE remark codes (RARC). */
  remarks: string[];
}

export interface ClaimPosting {
  /** `${remittanceId}:${occurrence}`: the n-th CLP loop for this claim in that remittance. */
  postingId: string;
  remittanceId: string;
  /** Object key of the 835 it came in. */
  file: string;
  /** N1*PR name and the payer id (TRN03, else REF*2U, else N104). */
  payerName: string;
  payerId?: string;
  /** The check or EFT: TRN02, BPR04 method, BPR16 date. */
  traceNumber: string;
  paymentMethod: string;
  paymentDate?: string;
  /** CLP02. */
  claimStatusCode: string;
  /** CLP07: replacements and voids of this claim must quote it (REF*F8). */
  payerClaimControlNumber?: string;
  /** CLP03, CLP04; CLP05 (or ΣPR when CLP05 is absent). */
  charge: string;
  paid: string;
  patientResponsibility: string;
  /** Σ of the lines' AMT*B6 when every line carried one. */
  allowed?: string;
  /** Claim-level CAS (line-level adjustments are on the lines). */
  adjustments: PostedAdjustment[];
  /** RARCs of MIA and MOA. */
  remarks: string[];
  lines: LinePosting[];
  /** CLP02 = 22: the postingId this reversal reverses (when found). */
  reverses?: string;
  /** Crossover carrier (NM1*TT) the payer forwarded the claim to. */
  forwardedTo?: { name?: string; id?: string };
  postedAt: string;
}

/** A PLB adjustment item as posted at payment level. */
export interface ProviderAdjustmentPosting {
  /** 1-based item number within the remittance (PLB segments in order, pairs in order). */
  item: number;
  providerId: string;
  fiscalPeriodDate?: string;
  /** PLB03-1, e.g. WO, FB, L6, 72, CS, J1, IR. */
  reason: string;
  /** PLB03-2 as sent. */
  reference?: string;
  /** As sent: positive reduces the payment, negative increases it. */
  amount: string;
  /** The claim the reference names (CLP01 or CLP07 of a posted claim), when one does. */
  claimId?: string;
}
