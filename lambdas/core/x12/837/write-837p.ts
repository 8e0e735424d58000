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
import type { Receiver, TenantConfig } from '../../tenant/config.js';
import { InterchangeWriter } from '../envelope.js';
import { X12Error } from '../errors.js';
import { wallClock } from '../timestamp.js';
import type { Delimiters } from '../types.js';
import { resolveDelimiters, sanitise, type SegmentWriter, type SegmentWriterOptions } from '../writer.js';
import { check837P } from './check-837p.js';
import { writeReceiver, writeSubmitter } from './write-1000.js';
import { billingLevelKey, writeBillingProviderLevel } from './write-2000a.js';
import { writePatientLevel, writeSubscriberLevel } from './write-2000b.js';
import { writeClaimInformation } from './write-2300.js';
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
import { Claim837Error } from './write-errors.js';
import type { LoopContext } from './write-segments.js';

export const X222A1 = '005010X222A1';

/** The guide's recommended ceiling of CLM segments per transaction set. */
export const MAX_CLAIMS_PER_TRANSACTION = 5000;

export interface Write837PInput {
  claims: Claim[];
  tenant: TenantConfig;
  receiver: Receiver;
  /** ISA13 and GS06 (1..999999999); also BHT03, zero-padded to nine digits. */
  controlNumber: number;
  /** ISA09/10, GS04/05 and BHT04/05, as wall-clock time in the tenant's schedule time zone. */
  createdAt: Date;
  delimiters?: Partial<Delimiters>;
  /** Optional line break after each segment terminator (default none). */
  lineBreak?: SegmentWriterOptions['lineBreak'];
}

/** What one 837P transaction set (ST to SE, exclusive) is written from. */
export interface Transaction837PInput {
  claims: Claim[];
  tenant: TenantConfig;
  receiver: Receiver;
  /** BHT03, the originator's reference for this transaction set (1-50 characters). */
  reference: string;
  /** BHT04/05, as wall-clock time in `timeZone`. */
  createdAt: Date;
  timeZone: string;
}

/** A single-group, single-transaction 837P interchange (the CLI and tests; batches use write837). */
export function write837P(input: Write837PInput): string {
  const { claims, tenant, receiver, controlNumber, createdAt } = input;
  const delimiters = resolveDelimiters(input.delimiters);
  assertWritable837P(claims, tenant.tenantId, delimiters);
  const timeZone = tenant.schedule.timezone;
  const x = new InterchangeWriter(
    {
      senderQualifier: tenant.interchange.senderQualifier,
      senderId: tenant.interchange.senderId,
      receiverQualifier: receiver.isaQualifier,
      receiverId: receiver.isaId,
      controlNumber,
      createdAt,
      timeZone,
      usage: tenant.interchange.usage,
    },
    { delimiters: input.delimiters, lineBreak: input.lineBreak },
  );
  x.beginGroup({
    functionalId: 'HC',
    senderCode: tenant.interchange.gsSenderCode,
    receiverCode: receiver.gsReceiverCode,
    controlNumber,
    version: X222A1,
    createdAt,
    timeZone,
  });
  // One transaction set per interchange here, so its ST02 is the first of the group.
  x.beginTransaction('837', '0001', X222A1);
  write837PTransaction(x.out, { claims, tenant, receiver, reference: String(controlNumber).padStart(9, '0'), createdAt, timeZone });
  x.endTransaction();
  x.endGroup();
  return x.finish();
}

/**
 * Refuses, before anything is written, a set of claims that cannot make a
 * conformant 837P: the first problem is thrown as a Claim837Error.
 */
export function assertWritable837P(claims: Claim[], tenantId: string, delimiters: Required<Delimiters>): void {
  if (claims.length === 0) throw new X12Error('NO_CLAIMS', 'an 837P needs at least one claim');
  if (claims.length > MAX_CLAIMS_PER_TRANSACTION) {
    throw new X12Error('TOO_MANY_CLAIMS', `one transaction set carries at most ${MAX_CLAIMS_PER_TRANSACTION} claims`);
  }
  const claimIds = new Set<string>();
  for (const claim of claims) {
    const [problem] = check837P(claim, tenantId);
    if (problem) throw problem;
    // CLM01 is what the 835 (CLP01) and the 277CA echo back: it must identify one claim in the file,
    // as written (a delimiter character dropped from an id could make two ids one).
    const written = sanitise(claim.claimId, delimiters);
    if (claimIds.has(written)) throw new Claim837Error('DUPLICATE_CLAIM_ID', 'two claims in the batch share CLM01', claim.claimId, 'CLM01', 'CLM');
    claimIds.add(written);
  }
}

/**
 * The body of one 837P transaction set, between ST and SE: BHT, 1000A,
 * 1000B and the HL tree. The caller opens and closes ST/SE and has checked
 * the claims with assertWritable837P.
 */
export function write837PTransaction(w: SegmentWriter, input: Transaction837PInput): void {
  const { claims, tenant, receiver, reference, createdAt, timeZone } = input;
  const header: LoopContext = { w };
  const { date, time } = wallClock(createdAt, timeZone);
  w.segment('BHT', '0019', '00', reference, date, time, 'CH');
  writeSubmitter(header, tenant);
  writeReceiver(header, receiver);

  let hl = 0;
  for (const group of groupByBillingLevel(claims)) {
    const providerHl = ++hl;
    const first = group[0] as Claim;
    writeBillingProviderLevel({ w, claimId: first.claimId }, providerHl, first);
    for (const claim of group) {
      const ctx: LoopContext = { w, claimId: claim.claimId };
      const subscriberHl = ++hl;
      writeSubscriberLevel(ctx, subscriberHl, providerHl, claim);
      if (claim.patient) writePatientLevel(ctx, ++hl, subscriberHl, claim.patient);
      writeClaim(ctx, claim);
    }
  }
}

/** 2300 and its loops in the guide's order: 2310A-F, then the 2400 lines. */
function writeClaim(ctx: LoopContext, claim: Claim): void {
  const lineCents = claim.serviceLines.map((line) => toCents(line.charge));
  writeClaimInformation(ctx, claim, sumCents(lineCents));
  if (claim.referringProvider) writeReferringProvider(ctx, claim.referringProvider);
  if (renderingDiffers(claim)) writeRenderingProvider(ctx, claim.renderingProvider);
  if (claim.serviceFacility) writeServiceFacility(ctx, claim.serviceFacility);
  if (claim.supervisingProvider) writeSupervisingProvider(ctx, claim.supervisingProvider);
  if (claim.ambulance) writeAmbulanceLocations(ctx, claim.ambulance);
  const line = { claimPlaceOfService: claim.placeOfService, claimRenderingNpi: claimRenderingNpi(claim) };
  claim.serviceLines.forEach((serviceLine, index) => writeServiceLine(ctx, index + 1, serviceLine, line));
}

/** Claims grouped by billing level (provider and pay-to loops), groups and claims in their input order. */
function groupByBillingLevel(claims: Claim[]): Claim[][] {
  const groups = new Map<string, Claim[]>();
  for (const claim of claims) {
    const key = billingLevelKey(claim);
    const group = groups.get(key);
    if (group) group.push(claim);
    else groups.set(key, [claim]);
  }
  return [...groups.values()];
}

export { check837P } from './check-837p.js';
export { Claim837Error, type Claim837ErrorCode } from './write-errors.js';
