/**
 * The payer sandbox as a process: reads each 837 a tenant's batch run wrote
 * to its outbound prefix and answers it like a clearinghouse and payer would,
 * in order:
 * 1. `acknowledgeOutbound837s`: a 999 on the tenant's inbound 999 prefix
 *    (each transaction set accepted or rejected), then a 277CA on the
 *    inbound 277ca prefix accepting or rejecting each claim of the accepted
 *    sets (rules: acknowledge.ts);
 * 2. `answerOutbound837s`: one 835 on the inbound 835 prefix for the claims
 *    the 277CA accepted, one remittance (ST) per payer and billing provider
 *    (rules: adjudicate.ts);
 * 3. `adjustAnswered837s`: the payer's second look, an adjustment 835
 *    (reversal, corrected payment, interest) for the claims adjust.ts picks.
 * An answer already written is left alone, so both can run repeatedly.
 */
import { createHash } from 'node:crypto';
import type { Claim } from '../../../lambdas/core/claim/model.js';
import type { ObjectStore } from '../../../lambdas/core/ports.js';
import type { TenantConfig } from '../../../lambdas/core/tenant/config.js';
import { layout } from '../../../lambdas/core/tenant/layout.js';
import { write277CA } from '../../../lambdas/core/x12/277ca/write-277ca.js';
import { write835 } from '../../../lambdas/core/x12/835/write-835.js';
import type { AckWriteOptions } from '../../../lambdas/core/x12/999/write-999.js';
import { write999 } from '../../../lambdas/core/x12/999/write-999.js';
import { readX12 } from '../../../lambdas/core/x12/reader.js';
import type { Interchange } from '../../../lambdas/core/x12/types.js';
import { acknowledge837, build277CA, isDefective, type SandboxAcks } from './acknowledge.js';
import { adjudicate, type AdjudicateOptions } from './adjudicate.js';
import { adjustmentRemittance } from './adjust.js';

export interface SandboxAnswer {
  request: string;
  response: string;
  claims: number;
  remittances: number;
}

export interface SandboxAcknowledgment {
  request: string;
  /** Key of the 999. */
  ack999: string;
  /** Key of the 277CA; undefined when the 999 rejected every transaction set. */
  ack277ca?: string;
  /** Transaction sets the 999 rejected. */
  rejectedSets: number;
  /** Claims the 277CA accepted and rejected. */
  accepted: number;
  rejected: number;
}

interface Request {
  key: string;
  /** The request's name, flattened: "<receiver>-<batchId>". */
  name: string;
  interchange: Interchange | undefined;
  acks: SandboxAcks;
}

async function requests(objects: ObjectStore, tenant: TenantConfig): Promise<Request[]> {
  const prefix = layout.outbound837(tenant.tenantId);
  const out: Request[] = [];
  for (const key of (await objects.list(prefix)).filter((k) => k.endsWith('.837')).sort()) {
    const parsed = readX12((await objects.get(key)).body);
    out.push({
      key,
      name: key.slice(prefix.length).replace(/\//g, '-').replace(/\.837$/, ''),
      interchange: parsed.interchanges[0],
      acks: acknowledge837(parsed, tenant.tenantId),
    });
  }
  return out;
}

/** The envelope of an answer: it travels back, so the receiver of our 837 is its sender. */
function answerEnvelope(tenant: TenantConfig, request: Request, now: Date): AckWriteOptions {
  const isa = request.interchange?.isa;
  const gs = request.interchange?.groups[0]?.gs;
  return {
    senderQualifier: isa?.elements[7]?.trim() ?? 'ZZ',
    senderId: isa?.elements[8]?.trim() ?? 'SANDBOX',
    receiverQualifier: tenant.interchange.senderQualifier,
    receiverId: tenant.interchange.senderId,
    ...(gs?.elements[3] ? { gsSenderCode: gs.elements[3] } : {}),
    gsReceiverCode: tenant.interchange.gsSenderCode,
    controlNumber: Number(request.interchange?.controlNumber ?? '1') || 1,
    createdAt: now,
    usage: tenant.interchange.usage,
  };
}

export async function acknowledgeOutbound837s(objects: ObjectStore, tenant: TenantConfig, now: Date): Promise<SandboxAcknowledgment[]> {
  const { tenantId } = tenant;
  const written = new Set([...(await objects.list(layout.inbound999(tenantId))), ...(await objects.list(layout.inbound277ca(tenantId)))]);
  const answers: SandboxAcknowledgment[] = [];
  for (const request of await requests(objects, tenant)) {
    const ack999 = `${layout.inbound999(tenantId)}${request.name}.999`;
    const ack277ca = `${layout.inbound277ca(tenantId)}${request.name}.277`;
    const envelope = answerEnvelope(tenant, request, now);
    if (!written.has(ack999)) await objects.put(ack999, write999(request.acks.groupAcks, envelope), 'application/edi-x12');
    const model = build277CA(request.acks.transactions, { tenant, now, referenceId: `SBX${String(envelope.controlNumber).padStart(9, '0')}` });
    if (model && !written.has(ack277ca)) await objects.put(ack277ca, write277CA([model], envelope), 'application/edi-x12');
    const claims = request.acks.transactions.flatMap((t) => t.claims ?? []);
    answers.push({
      request: request.key,
      ack999,
      ...(model ? { ack277ca } : {}),
      rejectedSets: request.acks.transactions.filter((t) => !t.claims).length,
      accepted: claims.filter((c) => !isDefective(c)).length,
      rejected: claims.filter(isDefective).length,
    });
  }
  return answers;
}

export async function answerOutbound837s(objects: ObjectStore, tenant: TenantConfig, now: Date): Promise<SandboxAnswer[]> {
  const { tenantId } = tenant;
  const answered = new Set(await objects.list(layout.inbound835(tenantId)));
  const answers: SandboxAnswer[] = [];
  for (const request of await requests(objects, tenant)) {
    const response = `${layout.inbound835(tenantId)}${request.name}.835`;
    if (answered.has(response)) continue;
    // Only what the 999 and 277CA accepted reaches adjudication.
    const claims = request.acks.transactions.flatMap((t) => t.claims ?? []).filter((c) => !isDefective(c));
    if (claims.length === 0) continue;
    const remittances = byPayerAndPayee(claims).map((group, index) => adjudicate(group, remittanceOptions(group, now, traceNumber(tenantId, request.key, index))));
    const { gsSenderCode: _gs, ...envelope } = answerEnvelope(tenant, request, now);
    const text = write835(remittances, envelope);
    await objects.put(response, text, 'application/edi-x12');
    answers.push({ request: request.key, response, claims: claims.length, remittances: remittances.length });
  }
  return answers;
}

/**
 * The adjustment 835s: for each 837 already answered, one more 835
 * (`<name>.adjustment.835`) when the payer takes back and re-pays some of its
 * claims. Returns the keys written.
 */
export async function adjustAnswered837s(objects: ObjectStore, tenant: TenantConfig, now: Date): Promise<string[]> {
  const { tenantId } = tenant;
  const existing = new Set(await objects.list(layout.inbound835(tenantId)));
  const written: string[] = [];
  for (const request of await requests(objects, tenant)) {
    const answered = `${layout.inbound835(tenantId)}${request.name}.835`;
    const response = `${layout.inbound835(tenantId)}${request.name}.adjustment.835`;
    if (!existing.has(answered) || existing.has(response)) continue;
    const claims = request.acks.transactions.flatMap((t) => t.claims ?? []).filter((c) => !isDefective(c));
    const remittances = byPayerAndPayee(claims).flatMap((group, index) => {
      // The original payment's options (same trace as the first 835) decide what was paid; the adjustment has its own trace.
      const original = remittanceOptions(group, now, traceNumber(tenantId, request.key, index));
      const adjustment = adjustmentRemittance(group, original);
      return adjustment ? [{ ...adjustment, trace: { ...adjustment.trace, traceNumber: traceNumber(tenantId, `${request.key}#adjustment`, index) } }] : [];
    });
    if (remittances.length === 0) continue;
    const { gsSenderCode: _gs, ...envelope } = answerEnvelope(tenant, request, now);
    await objects.put(response, write835(remittances, envelope), 'application/edi-x12');
    written.push(response);
  }
  return written;
}

/** One remittance per payer and billing provider, as a payer pays them. */
function byPayerAndPayee(claims: readonly Claim[]): Claim[][] {
  const groups = new Map<string, Claim[]>();
  for (const claim of claims) {
    const key = `${claim.payer.payerId}|${claim.billingProvider.npi}`;
    groups.set(key, [...(groups.get(key) ?? []), claim]);
  }
  return [...groups.values()];
}

function remittanceOptions(group: readonly Claim[], now: Date, trace: string): AdjudicateOptions {
  const [first] = group as [Claim];
  return {
    payerName: first.payer.name,
    payerId: first.payer.payerId,
    payeeName: first.billingProvider.lastOrOrganizationName,
    payeeNpi: first.billingProvider.npi,
    checkDate: now,
    traceNumber: trace,
  };
}

/** A check number that is the same for the same request: redelivery-safe. */
function traceNumber(tenantId: string, request: string, index: number): string {
  const digest = createHash('sha256').update(`${tenantId}|${request}|${index}`).digest('hex');
  return `SBX${BigInt(`0x${digest.slice(0, 12)}`).toString().slice(0, 12)}`;
}
