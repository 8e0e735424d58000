/**
 * The payer sandbox's acknowledgments of one 837 file: a 999 (is each
 * transaction set readable?) and a 277CA (is each claim acceptable?). Pure
 * and deterministic: the same file and date always give the same answers.
 *
 * 999 rules:
 * - a transaction set the sandbox reads into valid canonical claims is
 *   accepted (IK5 A);
 * - one it cannot read is rejected: IK5 R with IK502 5 ("one or more
 *   segments in error") and an IK3 for the faulty segment (IK304 8 "segment
 *   has data element errors" when an element is at fault, else 2), so the
 *   error maps back to the claim it lies in. Cannot read = the 837 reader
 *   throws (IK3 at the segment it names), a CLM the reader does not turn
 *   into a claim, or a claim the canonical schema refuses (IK3 at that CLM);
 * - AK9 follows from the sets (build-ack.ts: A, P or R).
 *
 * 277CA rules (claims of accepted transaction sets only):
 * - a claim whose id (CLM01) ends in the digit 9 is defective: rejected at
 *   claim level with STC A7:21:IL (rejected for invalid information: missing
 *   or invalid information, subscriber) and STC10 A7:164:IL (the subscriber's
 *   contract/member number); its first service line that carries a line item
 *   control number gets a line-level STC A7:21 with REF*FJ echoing it;
 * - every other claim is accepted: STC A2:20 (accepted for processing) with
 *   REF*1K = the payer claim control number the 835 will carry (CLP07);
 * - one 2000A per payer, one 2000C per billing provider under it (with
 *   STC A1:19 and the accepted/rejected counts and amounts), the 2000B
 *   receiver is the tenant's submitter and its TRN02 echoes the 837's BHT03.
 * The 835 (respond.ts) then pays or denies only the claims accepted here.
 */
import { Claim } from '../../../lambdas/core/claim/model.js';
import { lineServiceDate, lineServiceDateEnd } from '../../../lambdas/core/claim/service-dates.js';
import { claimTotalCents } from '../../../lambdas/core/claim/validate.js';
import { fromCents } from '../../../lambdas/core/money.js';
import type { TenantConfig } from '../../../lambdas/core/tenant/config.js';
import type { Ack277CAInput, ClaimAck, ClaimStatus, LineAck, ProviderAck, SourceAck } from '../../../lambdas/core/x12/277ca/model.js';
import { acceptGroup, withGroupStatus } from '../../../lambdas/core/x12/999/build-ack.js';
import type { FunctionalGroupAck, SegmentError } from '../../../lambdas/core/x12/999/model.js';
import { read837Transaction } from '../../../lambdas/core/x12/837/read-837.js';
import { X12Error } from '../../../lambdas/core/x12/errors.js';
import { element } from '../../../lambdas/core/x12/segment.js';
import type { ParsedX12, TransactionSet } from '../../../lambdas/core/x12/types.js';
import { payerClaimControlNumber } from './adjudicate.js';

export const DEFECTIVE_CLAIM_ID_SUFFIX = '9';

/** True when the sandbox's 277CA rejects the claim (see the rules above). */
export function isDefective(claim: Pick<Claim, 'claimId'>): boolean {
  return claim.claimId.endsWith(DEFECTIVE_CLAIM_ID_SUFFIX);
}

export interface ReadTransaction {
  /** GS06 and ST02 of the 837 transaction set. */
  groupControlNumber: string;
  controlNumber: string;
  /** BHT03 of the 837. */
  referenceId?: string;
  /** The claims, when the set was read; undefined when it was rejected. */
  claims?: Claim[];
}

export interface SandboxAcks {
  /** One per functional group of the 837. */
  groupAcks: FunctionalGroupAck[];
  transactions: ReadTransaction[];
}

/** Reads every 837 transaction set and builds the 999 group acknowledgments. */
export function acknowledge837(parsed: ParsedX12, tenantId: string): SandboxAcks {
  const groupAcks: FunctionalGroupAck[] = [];
  const transactions: ReadTransaction[] = [];
  for (const interchange of parsed.interchanges) {
    for (const group of interchange.groups) {
      const ack = acceptGroup(group);
      group.transactions.forEach((tx, index) => {
        const read = readTransaction(tx, tenantId, interchange.delimiters);
        transactions.push({ groupControlNumber: group.controlNumber, controlNumber: tx.controlNumber, referenceId: bhtReference(tx), ...('claims' in read ? { claims: read.claims } : {}) });
        const txAck = ack.transactions[index];
        if ('error' in read && txAck) {
          txAck.status = 'rejected';
          txAck.errorCodes = ['5'];
          txAck.segmentErrors = read.error ? [read.error] : [];
        }
      });
      groupAcks.push(withGroupStatus(ack));
    }
  }
  return { groupAcks, transactions };
}

function readTransaction(tx: TransactionSet, tenantId: string, delimiters: Parameters<typeof read837Transaction>[1]['delimiters']): { claims: Claim[] } | { error?: SegmentError } {
  let read: ReturnType<typeof read837Transaction>;
  try {
    read = read837Transaction(tx, { tenantId, delimiters });
  } catch (error) {
    if (error instanceof X12Error) return { error: segmentError(tx, error.position, error.segmentId, error.element !== undefined) };
    throw error;
  }
  // A CLM the reader could not turn into a claim, or a claim the canonical schema refuses, rejects the set at that CLM.
  const readAt = new Set(read.claims.map((c) => c.position));
  const lost = tx.segments.find((s) => s.id === 'CLM' && !readAt.has(s.position));
  if (lost) return { error: segmentError(tx, lost.position, 'CLM', true) };
  const claims: Claim[] = [];
  for (const { claim, position } of read.claims) {
    const parsed = Claim.safeParse(claim);
    if (!parsed.success) return { error: segmentError(tx, position, 'CLM', true) };
    claims.push(parsed.data);
  }
  return { claims };
}

/** IK3 for a faulty segment, with IK302 counted from the ST (ST = 1); IK304 8 when an element is at fault, else 2. */
function segmentError(tx: TransactionSet, filePosition: number | undefined, named: string | undefined, elementFault: boolean): SegmentError | undefined {
  if (filePosition === undefined) return undefined;
  const position = filePosition - tx.st.position + 1;
  const segmentId = tx.segments.find((s) => s.position === filePosition)?.id ?? named;
  if (position < 1 || !segmentId || !/^[A-Z][A-Z0-9]{1,2}$/.test(segmentId)) return undefined;
  return { segmentId, position, errorCode: elementFault ? '8' : '2', contexts: [], elementErrors: [] };
}

function bhtReference(tx: TransactionSet): string | undefined {
  const bht = tx.segments.find((s) => s.id === 'BHT');
  return bht ? element(bht, 3) : undefined;
}

export interface Build277Options {
  tenant: TenantConfig;
  /** Date the sandbox received and processed the file. */
  now: Date;
  /** BHT03 of the 277CA. */
  referenceId: string;
}

/** The 277CA for the claims of the accepted transaction sets; undefined when there are none. */
export function build277CA(transactions: readonly ReadTransaction[], options: Build277Options): Ack277CAInput | undefined {
  const today = options.now.toISOString().slice(0, 10);
  const entries = transactions.flatMap((t) => (t.claims ?? []).map((claim) => ({ claim, trace: t.referenceId ?? t.controlNumber })));
  if (entries.length === 0) return undefined;
  const byPayer = new Map<string, typeof entries>();
  for (const entry of entries) byPayer.set(entry.claim.payer.payerId, [...(byPayer.get(entry.claim.payer.payerId) ?? []), entry]);

  const sources: SourceAck[] = [...byPayer.values()].map((payerEntries) => {
    const [first] = payerEntries as [(typeof entries)[number]];
    const byProvider = new Map<string, Claim[]>();
    for (const { claim } of payerEntries) byProvider.set(claim.billingProvider.npi, [...(byProvider.get(claim.billingProvider.npi) ?? []), claim]);
    const providers = [...byProvider.values()].map((claims) => providerAck(claims, today));
    const total = fromCents(payerEntries.reduce((n, e) => n + claimTotalCents(e.claim), 0));
    return {
      name: { entityCode: 'PR', entityType: '2', lastOrOrganization: first.claim.payer.name, idQualifier: 'PI', id: first.claim.payer.payerId },
      traceNumber: options.referenceId,
      statuses: [],
      disposition: 'pending',
      receivedDate: today,
      processDate: today,
      receivers: [
        {
          name: { entityCode: '41', entityType: '2', lastOrOrganization: options.tenant.submitter.name, idQualifier: '46', id: options.tenant.submitter.identifier },
          traceNumber: first.trace,
          statuses: [status('A1', '19', 'WQ', total, today, 'PR')],
          disposition: 'pending',
          totals: totalsOf(payerEntries.map((e) => e.claim)),
          providers,
        },
      ],
    };
  });
  return {
    controlNumber: '0001',
    referenceId: options.referenceId,
    transactionDate: today,
    transactionTime: options.now.toISOString().slice(11, 16).replace(':', ''),
    sources,
  };
}

function providerAck(claims: Claim[], today: string): ProviderAck {
  const [first] = claims as [Claim];
  const provider = first.billingProvider;
  const total = fromCents(claims.reduce((n, c) => n + claimTotalCents(c), 0));
  return {
    name: {
      entityCode: '85',
      entityType: provider.entity === 'person' ? '1' : '2',
      lastOrOrganization: provider.lastOrOrganizationName,
      ...(provider.entity === 'person' && provider.firstName ? { first: provider.firstName } : {}),
      idQualifier: 'XX',
      id: provider.npi,
    },
    traceNumber: '0',
    statuses: [{ ...status('A1', '19', 'WQ', total, today), effectiveDate: undefined }],
    disposition: 'pending',
    references: [{ qualifier: 'TJ', value: provider.tin }],
    totals: totalsOf(claims),
    claims: claims.map((claim) => claimAck(claim, today)),
  };
}

function claimAck(claim: Claim, today: string): ClaimAck {
  const person = claim.patient?.name ?? claim.subscriber.name;
  const charge = fromCents(claimTotalCents(claim));
  const defective = isDefective(claim);
  const dates = claim.serviceLines.flatMap((line) => [lineServiceDate(claim, line), lineServiceDateEnd(claim, line)]).sort();
  const from = dates[0] ?? today;
  const to = dates.at(-1) ?? from;
  const lines: LineAck[] = [];
  if (defective) {
    const line = claim.serviceLines.find((l) => l.lineItemControlNumber !== undefined);
    if (line?.procedureCode) {
      lines.push({
        lineItemControlNumber: line.lineItemControlNumber,
        procedure: { qualifier: 'HC', code: line.procedureCode, modifiers: [...line.modifiers] },
        charge: line.charge,
        units: line.units,
        statuses: [{ ...status('A7', '21', 'U', undefined, today), amount: undefined }],
        disposition: 'pending',
        serviceDates: { from: lineServiceDate(claim, line), ...(lineServiceDateEnd(claim, line) !== lineServiceDate(claim, line) ? { to: lineServiceDateEnd(claim, line) } : {}) },
      });
    }
  }
  return {
    patientControlNumber: claim.claimId,
    ...(defective ? {} : { payerClaimId: payerClaimControlNumber(claim.payer.payerId, claim) }),
    patient: {
      entityCode: 'QC',
      entityType: '1',
      lastOrOrganization: person.last,
      ...(person.first ? { first: person.first } : {}),
      ...(person.middle ? { middle: person.middle } : {}),
      ...(person.suffix ? { suffix: person.suffix } : {}),
      idQualifier: 'MI',
      id: claim.subscriber.memberId,
    },
    statuses: defective
      ? [{ ...status('A7', '21', 'U', charge, today, 'IL'), additional: [{ category: 'A7', status: '164', entity: 'IL' }] }]
      : [status('A2', '20', 'WQ', charge, today)],
    disposition: 'pending',
    serviceDates: { from, ...(to !== from ? { to } : {}) },
    lines,
  };
}

function totalsOf(claims: readonly Claim[]): ProviderAck['totals'] {
  const accepted = claims.filter((c) => !isDefective(c));
  const rejected = claims.filter(isDefective);
  const cents = (list: readonly Claim[]) => fromCents(list.reduce((n, c) => n + claimTotalCents(c), 0));
  return {
    ...(accepted.length > 0 ? { acceptedQuantity: accepted.length, acceptedAmount: cents(accepted) } : {}),
    ...(rejected.length > 0 ? { rejectedQuantity: rejected.length, rejectedAmount: cents(rejected) } : {}),
  };
}

function status(category: string, code: string, action: 'WQ' | 'U', amount: string | undefined, date: string, entity?: string): ClaimStatus {
  return { category, status: code, ...(entity ? { entity } : {}), effectiveDate: date, action, ...(amount ? { amount } : {}), additional: [] };
}
