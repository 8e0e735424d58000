/**
 * Canonical claims → one 005010X222A1 837P interchange for one receiver:
 * ISA / GS (HC) / one ST / BHT, 1000A submitter, 1000B receiver, then per
 * distinct billing level (billing provider with its 2010AB/2010AC pay-to
 * loops) a 2000A with its claims as 2000B (and 2000C when the patient is not
 * the subscriber) children, each carrying its 2300 claim, the 2310A-F loops
 * and 2400 lines (with 2410 drug and 2420A rendering loops). Routing (which claims go to which receiver) is the caller's.
 *
 * Every claim is checked first (check837P); the first problem is thrown as a
 * Claim837Error, so a file is either fully conformant or not written.
 */
import type { Claim } from '../../claim/model.js';
import { sumCents, toCents } from '../../money.js';
import type { Delimiters } from '../types.js';
import type { SegmentWriter } from '../writer.js';
import { check837P } from './check-837p.js';
import { assertWritable, writeSingle837, type ClaimTypeWriter, type Transaction837Input, type Write837Input } from './single-837.js';
import { billingLevelKey, writeBillingProviderLevel } from './write-2000a.js';
import { writePatientLevel, writeSubscriberLevel } from './write-2000b.js';
import { writeClaimInformation } from './write-2300.js';
import { writeOtherSubscribers } from './write-2320.js';
import {
  claimRenderingNpi,
  renderingDiffers,
  writeReferringProvider,
  writeRenderingProvider,
  writeServiceFacility,
  writeSupervisingProvider,
} from './write-2310.js';
import { writeAmbulanceLocations } from './write-23xx-ambulance.js';
import { writeServiceLine } from './write-2400.js';
import { writeTransactionBody } from './write-hl-tree.js';
import { Claim837Error } from './write-errors.js';
import type { LoopContext } from './write-segments.js';

export const X222A1 = '005010X222A1';

export { MAX_CLAIMS_PER_TRANSACTION } from './single-837.js';
export type Write837PInput = Write837Input;
export type Transaction837PInput = Transaction837Input;

const PROFESSIONAL: ClaimTypeWriter = {
  label: '837P',
  version: X222A1,
  check: check837P,
  duplicateClaimId: (claim) => new Claim837Error('DUPLICATE_CLAIM_ID', 'two claims in the batch share CLM01', claim.claimId, 'CLM01', 'CLM'),
  writeTransaction: (w, input) => write837PTransaction(w, input),
};

/** A single-group, single-transaction 837P interchange (the CLI and tests; batches use write837). */
export function write837P(input: Write837PInput): string {
  return writeSingle837(PROFESSIONAL, input);
}

/**
 * Refuses, before anything is written, a set of claims that cannot make a
 * conformant 837P: the first problem is thrown as a Claim837Error.
 */
export function assertWritable837P(claims: Claim[], tenantId: string, delimiters: Required<Delimiters>): void {
  assertWritable(PROFESSIONAL, claims, tenantId, delimiters);
}

/**
 * The body of one 837P transaction set, between ST and SE: BHT, 1000A,
 * 1000B and the HL tree. The caller opens and closes ST/SE and has checked
 * the claims with assertWritable837P.
 */
export function write837PTransaction(w: SegmentWriter, input: Transaction837PInput): void {
  writeTransactionBody(w, input, {
    billingLevelKey,
    billingProvider: writeBillingProviderLevel,
    subscriber: writeSubscriberLevel,
    patient: writePatientLevel,
    claim: writeClaim,
  });
}

/** 2300 and its loops in the guide's order: 2310A-F, 2320 (with 2330A/B), then the 2400 lines. */
function writeClaim(ctx: LoopContext, claim: Claim): void {
  const lineCents = claim.serviceLines.map((line) => toCents(line.charge));
  writeClaimInformation(ctx, claim, sumCents(lineCents));
  if (claim.referringProvider) writeReferringProvider(ctx, claim.referringProvider);
  if (renderingDiffers(claim)) writeRenderingProvider(ctx, claim.renderingProvider);
  if (claim.serviceFacility) writeServiceFacility(ctx, claim.serviceFacility);
  if (claim.supervisingProvider) writeSupervisingProvider(ctx, claim.supervisingProvider);
  if (claim.ambulance) writeAmbulanceLocations(ctx, claim.ambulance);
  writeOtherSubscribers(ctx, claim.otherCoverages, 'professional');
  const line = { claimPlaceOfService: claim.placeOfService, claimRenderingNpi: claimRenderingNpi(claim) };
  claim.serviceLines.forEach((serviceLine, index) => writeServiceLine(ctx, index + 1, serviceLine, line));
}

export { check837P } from './check-837p.js';
export { Claim837Error, type Claim837ErrorCode } from './write-errors.js';
