/**
 * What the 837P and 837I writers share around their transaction bodies:
 * the input shapes, the checks a set of claims must pass before anything is
 * written, and the single-group, single-transaction interchange the CLI and
 * the tests use (batches compose the parts in write-837.ts instead).
 */
import type { Claim } from '../../claim/model.js';
import type { Receiver, TenantConfig } from '../../tenant/config.js';
import { InterchangeWriter } from '../envelope.js';
import { X12Error } from '../errors.js';
import type { Delimiters } from '../types.js';
import { resolveDelimiters, sanitise, type SegmentWriter, type SegmentWriterOptions } from '../writer.js';
import type { Claim837Error } from './write-errors.js';

/** The guides' recommended ceiling of CLM segments per transaction set (837P and 837I alike). */
export const MAX_CLAIMS_PER_TRANSACTION = 5000;

export interface Write837Input {
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

/** What one 837 transaction set (ST to SE, exclusive) is written from. */
export interface Transaction837Input {
  claims: Claim[];
  tenant: TenantConfig;
  receiver: Receiver;
  /** BHT03, the originator's reference for this transaction set (1-50 characters). */
  reference: string;
  /** BHT04/05, as wall-clock time in `timeZone`. */
  createdAt: Date;
  timeZone: string;
}

export interface ClaimTypeWriter {
  /** "837P" or "837I", for messages. */
  label: string;
  /** GS08 = ST03. */
  version: string;
  /** Every reason one claim cannot be written; empty when it can. */
  check: (claim: Claim, tenantId: string) => Claim837Error[];
  duplicateClaimId: (claim: Claim) => Claim837Error;
  writeTransaction: (w: SegmentWriter, input: Transaction837Input) => void;
}

/**
 * Refuses, before anything is written, a set of claims that cannot make a
 * conformant transaction set: the first problem is thrown (a Claim837Error
 * for a claim's fault, an X12Error for the set's).
 */
export function assertWritable(kind: ClaimTypeWriter, claims: Claim[], tenantId: string, delimiters: Required<Delimiters>): void {
  if (claims.length === 0) throw new X12Error('NO_CLAIMS', `an ${kind.label} needs at least one claim`);
  if (claims.length > MAX_CLAIMS_PER_TRANSACTION) {
    throw new X12Error('TOO_MANY_CLAIMS', `one transaction set carries at most ${MAX_CLAIMS_PER_TRANSACTION} claims`);
  }
  const claimIds = new Set<string>();
  for (const claim of claims) {
    const [problem] = kind.check(claim, tenantId);
    if (problem) throw problem;
    // CLM01 is what the 835 (CLP01) and the 277CA echo back: it must identify one claim in the file,
    // as written (a delimiter character dropped from an id could make two ids one).
    const written = sanitise(claim.claimId, delimiters);
    if (claimIds.has(written)) throw kind.duplicateClaimId(claim);
    claimIds.add(written);
  }
}

/** A single-group, single-transaction interchange of one claim type. */
export function writeSingle837(kind: ClaimTypeWriter, input: Write837Input): string {
  const { claims, tenant, receiver, controlNumber, createdAt } = input;
  assertWritable(kind, claims, tenant.tenantId, resolveDelimiters(input.delimiters));
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
    version: kind.version,
    createdAt,
    timeZone,
  });
  // One transaction set per interchange here, so its ST02 is the first of the group.
  x.beginTransaction('837', '0001', kind.version);
  kind.writeTransaction(x.out, { claims, tenant, receiver, reference: String(controlNumber).padStart(9, '0'), createdAt, timeZone });
  x.endTransaction();
  x.endGroup();
  return x.finish();
}
