/**
 * The payer sandbox as a process: reads each 837 a tenant's batch run wrote
 * to its outbound prefix and answers with one 835 on the tenant's inbound 835
 * prefix, like a clearinghouse would. One remittance (ST) per payer and
 * billing provider; an 837 already answered is left alone, so it can run
 * repeatedly. Adjudication rules: adjudicate.ts.
 */
import { createHash } from 'node:crypto';
import { Claim } from '../../../lambdas/core/claim/model.js';
import type { ObjectStore } from '../../../lambdas/core/ports.js';
import type { TenantConfig } from '../../../lambdas/core/tenant/config.js';
import { layout } from '../../../lambdas/core/tenant/layout.js';
import { write835 } from '../../../lambdas/core/x12/835/write-835.js';
import { read837 } from '../../../lambdas/core/x12/837/read-837p.js';
import { readX12 } from '../../../lambdas/core/x12/reader.js';
import { adjudicate } from './adjudicate.js';

export interface SandboxAnswer {
  request: string;
  response: string;
  claims: number;
  remittances: number;
}

export async function answerOutbound837s(objects: ObjectStore, tenant: TenantConfig, now: Date): Promise<SandboxAnswer[]> {
  const { tenantId } = tenant;
  const answered = new Set(await objects.list(layout.inbound835(tenantId)));
  const answers: SandboxAnswer[] = [];
  for (const request of (await objects.list(layout.outbound837(tenantId))).filter((k) => k.endsWith('.837')).sort()) {
    const name = request.slice(layout.outbound837(tenantId).length).replace(/\//g, '-').replace(/\.837$/, '');
    const response = `${layout.inbound835(tenantId)}${name}.835`;
    if (answered.has(response)) continue;

    const parsed = readX12((await objects.get(request)).body);
    const claims = read837(parsed, tenantId).claims.map(({ claim }) => Claim.parse(claim));
    const groups = new Map<string, Claim[]>();
    for (const claim of claims) {
      const key = `${claim.payer.payerId}|${claim.billingProvider.npi}`;
      groups.set(key, [...(groups.get(key) ?? []), claim]);
    }
    const interchange = parsed.interchanges[0];
    const controlNumber = Number(interchange?.controlNumber ?? '1') || 1;
    const remittances = [...groups.values()].map((group, index) => {
      const [first] = group as [Claim];
      return adjudicate(group, {
        payerName: first.payer.name,
        payerId: first.payer.payerId,
        payeeName: first.billingProvider.lastOrOrganizationName,
        payeeNpi: first.billingProvider.npi,
        checkDate: now,
        traceNumber: traceNumber(tenantId, request, index),
      });
    });
    const text = write835(remittances, {
      // The 835 travels back: the receiver of our 837 is its sender.
      senderQualifier: interchange?.isa.elements[7]?.trim() ?? 'ZZ',
      senderId: interchange?.isa.elements[8]?.trim() ?? 'SANDBOX',
      receiverQualifier: tenant.interchange.senderQualifier,
      receiverId: tenant.interchange.senderId,
      gsReceiverCode: tenant.interchange.gsSenderCode,
      controlNumber,
      createdAt: now,
      usage: tenant.interchange.usage,
    });
    await objects.put(response, text, 'application/edi-x12');
    answers.push({ request, response, claims: claims.length, remittances: remittances.length });
  }
  return answers;
}

/** A check number that is the same for the same request: redelivery-safe. */
function traceNumber(tenantId: string, request: string, index: number): string {
  const digest = createHash('sha256').update(`${tenantId}|${request}|${index}`).digest('hex');
  return `SBX${BigInt(`0x${digest.slice(0, 12)}`).toString().slice(0, 12)}`;
}
