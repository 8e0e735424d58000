/**
 * Canonical institutional claims → 005010X223A2 837I: ISA / GS (HC) / ST /
 * BHT, 1000A submitter, 1000B receiver, then per distinct billing level
 * (billing provider with its pay-to data) a 2000A with its claims as 2000B
 * (and 2000C when the patient is not the subscriber) children, each carrying
 * its 2300 claim, 2310A-F providers, 2320 other subscribers (with 2330A/B)
 * and 2400 lines (with 2430 line adjudications).
 *
 * write837I writes a single-group, single-transaction interchange; a batch
 * writer composes assertWritable837I and write837ITransaction itself. Every
 * claim is checked first (check837I); the first problem is thrown as a
 * Claim837IError (a Claim837Error), so a file is fully conformant or not
 * written.
 */
import type { Claim, Institutional } from '../../claim/model.js';
import { sumCents, toCents } from '../../money.js';
import type { Delimiters } from '../types.js';
import type { SegmentWriter } from '../writer.js';
import type { LoopContext } from '../837/write-segments.js';
import { assertWritable, MAX_CLAIMS_PER_TRANSACTION, writeSingle837, type ClaimTypeWriter, type Transaction837Input, type Write837Input } from '../837/single-837.js';
import { check837I } from './check-837i.js';
import { Claim837IError } from './errors-837i.js';
import { billingLevelKey837I, writeBillingProviderLevel837I } from './write-2000ai.js';
import { writePatientLevel837I, writeSubscriberLevel837I } from './write-2000bi.js';
import { writeClaimInformation837I } from './write-2300i.js';
import { writeClaimProviders } from './write-2310i.js';
import { writeServiceLine837I } from './write-2400i.js';
import { writeOtherSubscribers } from '../837/write-2320.js';
import { writeTransactionBody } from '../837/write-hl-tree.js';

export const X223A2 = '005010X223A2';

/** The guide's recommended ceiling of CLM segments per transaction set (the same as the 837P's). */
export const MAX_CLAIMS_PER_TRANSACTION_837I = MAX_CLAIMS_PER_TRANSACTION;
export type Write837IInput = Write837Input;
export type Transaction837IInput = Transaction837Input;

const INSTITUTIONAL: ClaimTypeWriter = {
  label: '837I',
  version: X223A2,
  check: check837I,
  duplicateClaimId: (claim) => new Claim837IError('DUPLICATE_CLAIM_ID', 'two claims in the batch share CLM01', claim.claimId, 'CLM01', 'CLM'),
  writeTransaction: (w, input) => write837ITransaction(w, input),
};

/** A single-group, single-transaction 837I interchange (the CLI and tests; batches compose the parts below). */
export function write837I(input: Write837IInput): string {
  return writeSingle837(INSTITUTIONAL, input);
}

/**
 * Refuses, before anything is written, a set of claims that cannot make a
 * conformant 837I: the first problem is thrown (a Claim837IError for a
 * claim's fault, an X12Error for the set's).
 */
export function assertWritable837I(claims: Claim[], tenantId: string, delimiters: Required<Delimiters>): void {
  assertWritable(INSTITUTIONAL, claims, tenantId, delimiters);
}

/**
 * The body of one 837I transaction set, between ST and SE: BHT, 1000A,
 * 1000B and the HL tree. The caller opens and closes ST/SE (ST03 = X223A2)
 * and has checked the claims with assertWritable837I.
 */
export function write837ITransaction(w: SegmentWriter, input: Transaction837IInput): void {
  writeTransactionBody(w, input, {
    billingLevelKey: billingLevelKey837I,
    billingProvider: writeBillingProviderLevel837I,
    subscriber: writeSubscriberLevel837I,
    patient: writePatientLevel837I,
    claim: writeClaim,
  });
}

function writeClaim(ctx: LoopContext, claim: Claim): void {
  // check837I has refused a claim without institutional data.
  const inst = claim.institutional as Institutional;
  const lineCents = claim.serviceLines.map((line) => toCents(line.charge));
  writeClaimInformation837I(ctx, claim, inst, sumCents(lineCents));
  writeClaimProviders(ctx, claim);
  writeOtherSubscribers(ctx, claim.otherCoverages, 'institutional');
  claim.serviceLines.forEach((line, index) => writeServiceLine837I(ctx, index + 1, line, claim));
}

export { check837I } from './check-837i.js';
export { Claim837IError, type Claim837ICode, type Institutional837Code } from './errors-837i.js';
