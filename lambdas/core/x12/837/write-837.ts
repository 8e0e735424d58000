/**
 * One receiver's claims -> one 837 interchange, both claim types in it:
 *
 *   ISA (the receiver's envelope policy: tenant interchange settings with the
 *        receiver's overrides, see tenant/config.ts envelopeFor)
 *     GS HC ... 005010X222A1   professional claims   (own GS06)
 *       ST 837 0001 ... SE     at most `maxClaimsPerTransaction` claims each
 *       ST 837 0002 ... SE
 *     GE
 *     GS HC ... 005010X223A2   institutional claims  (own GS06)
 *       ST 837 0001 ... SE
 *     GE
 *   IEA
 *
 * Two steps, so a retried batch run rewrites the identical file: `plan837Groups`
 * decides which claim goes into which group and transaction set (a
 * BatchGroupRecord[] the caller stores), `write837Layout` renders a stored
 * plan. `write837Interchange` does both. BHT03 is GS06 (nine digits) + ST02,
 * unique per transaction set for the (tenant, sender, receiver) sequence.
 *
 * Every claim is checked first (assertWritable837P / 837I); the first problem
 * is thrown, so an interchange is either fully written or not at all.
 */
import type { Claim } from '../../claim/model.js';
import type { BatchGroupRecord } from '../../ports.js';
import { envelopeFor, type Receiver, type TenantConfig } from '../../tenant/config.js';
import { billingLevelKey837I } from '../837i/write-2000ai.js';
import { assertWritable837I, write837ITransaction, X223A2 } from '../837i/write-837i.js';
import { InterchangeWriter } from '../envelope.js';
import { X12Error } from '../errors.js';
import { readX12 } from '../reader.js';
import { element } from '../segment.js';
import { sanitise, type SegmentWriter, type SegmentWriterOptions, type WriterDelimiters } from '../writer.js';
import { billingLevelKey } from './write-2000a.js';
import { assertWritable837P, MAX_CLAIMS_PER_TRANSACTION, write837PTransaction, X222A1 } from './write-837p.js';
import { Claim837Error } from './write-errors.js';

export { MAX_CLAIMS_PER_TRANSACTION } from './write-837p.js';

type ClaimType = Claim['claimType'];

interface TransactionWriter {
  version: string;
  /** What the transaction writer emits one 2000A per: the plan keeps such claims together, in that order. */
  billingLevel(claim: Claim): string;
  assertWritable(claims: Claim[], tenantId: string, delimiters: WriterDelimiters): void;
  write(
    w: SegmentWriter,
    input: { claims: Claim[]; tenant: TenantConfig; receiver: Receiver; reference: string; createdAt: Date; timeZone: string },
  ): void;
}

/** Group order in the interchange: professional first, then institutional. */
const WRITERS: ReadonlyArray<readonly [ClaimType, TransactionWriter]> = [
  ['professional', { version: X222A1, billingLevel: billingLevelKey, assertWritable: assertWritable837P, write: write837PTransaction }],
  ['institutional', { version: X223A2, billingLevel: billingLevelKey837I, assertWritable: assertWritable837I, write: write837ITransaction }],
];

export type GroupControlNumbers = Partial<Record<ClaimType, number>>;

export interface Write837InterchangeInput {
  /** Professional and institutional claims, mixed; all routed to `receiver`. */
  claims: Claim[];
  tenant: TenantConfig;
  receiver: Receiver;
  /** ISA13 (1..999999999). */
  isaControlNumber: number;
  /** GS06 of each claim type present (1..999999999, distinct). */
  groupControlNumbers: GroupControlNumbers;
  /** ISA09/10, GS04/05, BHT04/05: wall-clock time in the tenant's schedule time zone. */
  createdAt: Date;
  lineBreak?: SegmentWriterOptions['lineBreak'];
  /** Claims per transaction set; default (and at most) 5,000, the guides' ceiling. */
  maxClaimsPerTransaction?: number;
}

export interface Written837 {
  text: string;
  /** What was written, claims in file order: store it on the batch, rewrite it with write837Layout. */
  groups: BatchGroupRecord[];
}

export interface Write837LayoutInput extends Omit<Write837InterchangeInput, 'groupControlNumbers' | 'maxClaimsPerTransaction'> {
  /** The groups and transaction sets to write (from plan837Groups or a stored batch). */
  layout: BatchGroupRecord[];
}

export function write837Interchange(input: Write837InterchangeInput): Written837 {
  const layout = plan837Groups(input.claims, input.groupControlNumbers, input.maxClaimsPerTransaction);
  return write837Layout({ ...input, layout });
}

/** The claim types present, in group order: what needs a GS06. */
export function claimTypesIn(claims: Claim[]): ClaimType[] {
  return WRITERS.map(([type]) => type).filter((type) => claims.some((claim) => claim.claimType === type));
}

/**
 * Which claim goes into which group and transaction set: one group per claim
 * type present, claims kept together by billing level (fewer 2000A loops;
 * and it is the order the transaction writers emit them in), then cut into
 * transaction sets of at most `maxClaimsPerTransaction`, ST02 0001, 0002, ...
 */
export function plan837Groups(
  claims: Claim[],
  groupControlNumbers: GroupControlNumbers,
  maxClaimsPerTransaction = MAX_CLAIMS_PER_TRANSACTION,
): BatchGroupRecord[] {
  if (!Number.isInteger(maxClaimsPerTransaction) || maxClaimsPerTransaction < 1 || maxClaimsPerTransaction > MAX_CLAIMS_PER_TRANSACTION) {
    throw new X12Error('TOO_MANY_CLAIMS', `a transaction set carries 1 to ${MAX_CLAIMS_PER_TRANSACTION} claims`);
  }
  if (claims.length === 0) throw new X12Error('NO_CLAIMS', 'an 837 needs at least one claim');
  const groups: BatchGroupRecord[] = [];
  for (const [type, writer] of WRITERS) {
    const ofType = claims.filter((claim) => claim.claimType === type);
    if (ofType.length === 0) continue;
    const controlNumber = groupControlNumbers[type];
    if (controlNumber === undefined) {
      throw new X12Error('INVALID_CONTROL_NUMBER', `GS06 of the ${type} group is missing`, undefined, 'GS', 'GS06');
    }
    const ordered = byBillingLevel(ofType, writer.billingLevel).map((claim) => claim.claimId);
    const transactions = [];
    for (let start = 0; start < ordered.length; start += maxClaimsPerTransaction) {
      transactions.push({ controlNumber: stControlNumber(transactions.length + 1), claimIds: ordered.slice(start, start + maxClaimsPerTransaction) });
    }
    groups.push({ controlNumber, version: writer.version, transactions });
  }
  return groups;
}

/** Renders a plan. Every claim must be in the layout exactly once, in a group of its claim type. */
export function write837Layout(input: Write837LayoutInput): Written837 {
  const { claims, tenant, receiver, isaControlNumber, layout, createdAt } = input;
  const policy = envelopeFor(tenant, receiver);
  const byId = claimsById(claims, policy.delimiters);
  assertLayout(layout, byId);

  const x = new InterchangeWriter(
    {
      senderQualifier: policy.senderQualifier,
      senderId: policy.senderId,
      receiverQualifier: policy.receiverQualifier,
      receiverId: policy.receiverId,
      controlNumber: isaControlNumber,
      createdAt,
      timeZone: policy.timeZone,
      usage: policy.usage,
      acknowledgmentRequested: policy.acknowledgmentRequested,
    },
    { delimiters: policy.delimiters, lineBreak: input.lineBreak },
  );
  for (const group of layout) {
    const writer = writerFor(group.version);
    const groupClaims = group.transactions.map((t) => t.claimIds.map((id) => byId.get(id) as Claim));
    for (const transaction of groupClaims) writer.assertWritable(transaction, tenant.tenantId, policy.delimiters);
    x.beginGroup({
      functionalId: 'HC',
      senderCode: policy.gsSenderCode,
      receiverCode: policy.gsReceiverCode,
      controlNumber: group.controlNumber,
      version: group.version,
      createdAt,
      timeZone: policy.timeZone,
    });
    group.transactions.forEach((transaction, index) => {
      x.beginTransaction('837', transaction.controlNumber, group.version);
      writer.write(x.out, {
        claims: groupClaims[index] as Claim[],
        tenant,
        receiver,
        reference: `${String(group.controlNumber).padStart(9, '0')}${transaction.controlNumber}`,
        createdAt,
        timeZone: policy.timeZone,
      });
      x.endTransaction();
    });
    x.endGroup();
  }
  const text = x.finish();
  return { text, groups: writtenGroups(text) };
}

function writerFor(version: string): TransactionWriter {
  const found = WRITERS.find(([, writer]) => writer.version === version);
  if (!found) throw new X12Error('UNSUPPORTED_VERSION', 'GS08 of a planned group is not an 837 version this writer knows', undefined, 'GS', 'GS08');
  return found[1];
}

/** ST02: four digits while they last (9,999 transaction sets a group), then up to nine. */
function stControlNumber(n: number): string {
  return String(n).padStart(4, '0');
}

/** Stable: billing levels in order of first appearance, claims in input order within each. */
function byBillingLevel(claims: Claim[], keyOf: (claim: Claim) => string): Claim[] {
  const groups = new Map<string, Claim[]>();
  for (const claim of claims) {
    const key = keyOf(claim);
    const group = groups.get(key);
    if (group) group.push(claim);
    else groups.set(key, [claim]);
  }
  return [...groups.values()].flat();
}

/**
 * CLM01 identifies one claim in the whole file (the 999, 277CA and 835 echo
 * it back), across transaction sets and groups, as written.
 */
function claimsById(claims: Claim[], delimiters: WriterDelimiters): Map<string, Claim> {
  const byId = new Map<string, Claim>();
  const written = new Set<string>();
  for (const claim of claims) {
    const clm01 = sanitise(claim.claimId, delimiters);
    if (byId.has(claim.claimId) || written.has(clm01)) {
      throw new Claim837Error('DUPLICATE_CLAIM_ID', 'two claims in the batch share CLM01', claim.claimId, 'CLM01', 'CLM');
    }
    byId.set(claim.claimId, claim);
    written.add(clm01);
  }
  return byId;
}

function assertLayout(layout: BatchGroupRecord[], byId: Map<string, Claim>): void {
  if (layout.length === 0) throw new X12Error('NO_CLAIMS', 'an 837 needs at least one claim');
  const placed = new Set<string>();
  const gs06s = new Set<number>();
  for (const group of layout) {
    const writer = writerFor(group.version);
    const type = WRITERS.find(([, w]) => w === writer)?.[0];
    if (gs06s.has(group.controlNumber)) {
      throw new X12Error('INVALID_CONTROL_NUMBER', 'two groups of the interchange share GS06', undefined, 'GS', 'GS06');
    }
    gs06s.add(group.controlNumber);
    if (group.transactions.length === 0) throw new X12Error('NO_CLAIMS', 'a functional group needs at least one transaction set', undefined, 'GS');
    const st02s = new Set<string>();
    for (const transaction of group.transactions) {
      if (st02s.has(transaction.controlNumber)) {
        throw new X12Error('INVALID_CONTROL_NUMBER', 'two transaction sets of a group share ST02', undefined, 'ST', 'ST02');
      }
      st02s.add(transaction.controlNumber);
      if (transaction.claimIds.length === 0) throw new X12Error('NO_CLAIMS', 'a transaction set needs at least one claim', undefined, 'ST');
      for (const claimId of transaction.claimIds) {
        const claim = byId.get(claimId);
        if (!claim) throw new X12Error('LAYOUT_MISMATCH', 'the layout names a claim that was not given', undefined, 'CLM', 'CLM01');
        if (claim.claimType !== type) throw new X12Error('LAYOUT_MISMATCH', 'a claim is planned into the group of the other claim type', undefined, 'GS', 'GS08');
        if (placed.has(claimId)) throw new X12Error('LAYOUT_MISMATCH', 'the layout places a claim twice', undefined, 'CLM', 'CLM01');
        placed.add(claimId);
      }
    }
  }
  if (placed.size !== byId.size) throw new X12Error('LAYOUT_MISMATCH', 'a claim given is not in the layout', undefined, 'CLM', 'CLM01');
}

/**
 * The groups as the file holds them: claims in the order their CLM segments
 * were written. CLM01 is the claim id (check837P refuses ids X12 would alter).
 */
function writtenGroups(text: string): BatchGroupRecord[] {
  const [interchange] = readX12(text).interchanges;
  return (interchange?.groups ?? []).map((group) => ({
    controlNumber: Number(group.controlNumber),
    version: group.version,
    transactions: group.transactions.map((transaction) => ({
      controlNumber: transaction.controlNumber,
      claimIds: transaction.segments.filter((s) => s.id === 'CLM').map((s) => element(s, 1) ?? ''),
    })),
  }));
}
