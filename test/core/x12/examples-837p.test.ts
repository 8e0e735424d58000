/**
 * The demo data in examples/: every tenant config and every well-formed
 * encounter is valid, the malformed ones are really malformed, and every
 * tenant's claims write to one 837P per receiver that reads back to the same
 * claims.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Claim, type ClaimInput } from '../../../lambdas/core/claim/model.js';
import { toCents } from '../../../lambdas/core/money.js';
import { receiverForPayer, TenantConfig } from '../../../lambdas/core/tenant/config.js';
import { read837P } from '../../../lambdas/core/x12/837/read-837p.js';
import { write837P } from '../../../lambdas/core/x12/837/write-837p.js';
import { readX12 } from '../../../lambdas/core/x12/reader.js';
import { el, npiIsValid, splitX12, transaction } from './837p-fixtures.js';

const EXAMPLES = join(import.meta.dirname, '../../../examples');
const TENANT_IDS = readdirSync(join(EXAMPLES, 'tenants'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''))
  .sort();

function tenantOf(id: string): TenantConfig {
  return TenantConfig.parse(JSON.parse(readFileSync(join(EXAMPLES, 'tenants', `${id}.json`), 'utf8')));
}

function encounterFiles(tenantId: string): string[] {
  return readdirSync(join(EXAMPLES, 'encounters', tenantId)).filter((f) => f.endsWith('.json')).sort();
}

/** A file holds one claim object or `{ "claims": [...] }`; the tenant comes from the folder, as from the S3 key. */
function claimsIn(tenantId: string, file: string): unknown[] {
  const doc = JSON.parse(readFileSync(join(EXAMPLES, 'encounters', tenantId, file), 'utf8')) as Record<string, unknown>;
  const records = Array.isArray(doc.claims) ? (doc.claims as unknown[]) : [doc];
  return records.map((record) => ({ ...(record as object), tenantId }));
}

function exampleClaims(tenantId: string): Claim[] {
  return encounterFiles(tenantId)
    // -malformed files do not parse; -rejected ones parse but fail intake's checks on purpose.
    .filter((f) => !f.includes('-malformed') && !f.includes('-rejected'))
    .flatMap((f) => claimsIn(tenantId, f).map((c) => Claim.parse(c)))
    // Institutional examples go out as 837I (test/core/x12/837i/examples-837i.test.ts).
    .filter((c) => c.claimType === 'professional');
}

const createdAt = new Date('2026-10-02T22:00:00Z');

describe('examples/tenants', () => {
  it('has two tenants, each with two receivers of which one is the default, and distinct ISA ids', () => {
    expect(TENANT_IDS).toEqual(['acme-billing', 'bayside-rcm']);
    const isaIds: string[] = [];
    for (const id of TENANT_IDS) {
      const tenant = tenantOf(id);
      expect(tenant.tenantId).toBe(id);
      expect(tenant.receivers).toHaveLength(2);
      expect(tenant.receivers.filter((r) => r.default)).toHaveLength(1);
      isaIds.push(tenant.interchange.senderId, ...tenant.receivers.map((r) => r.isaId));
    }
    expect(new Set(isaIds).size).toBe(isaIds.length);
  });
});

describe('examples/encounters', () => {
  const all = TENANT_IDS.flatMap((id) => exampleClaims(id));

  it('holds at least 24 valid claims with the features the demo shows', () => {
    expect(all.length).toBeGreaterThanOrEqual(24);
    expect(new Set(all.map((c) => `${c.tenantId}/${c.claimId}`)).size).toBe(all.length);
    const lines = all.flatMap((c) => c.serviceLines);
    expect(all.some((c) => c.patient)).toBe(true);
    expect(all.some((c) => c.renderingProvider && c.renderingProvider.npi !== c.billingProvider.npi)).toBe(true);
    expect(all.some((c) => c.referringProvider)).toBe(true);
    expect(all.some((c) => c.serviceLines.length > 2)).toBe(true);
    expect(all.some((c) => c.frequencyCode === '7')).toBe(true);
    expect(lines.some((l) => l.modifiers.length > 0)).toBe(true);
    expect(lines.some((l) => l.serviceDateEnd && l.serviceDateEnd !== l.serviceDate)).toBe(true);
    expect(lines.filter((l) => l.lineItemControlNumber).length / lines.length).toBeGreaterThan(0.8);
    for (const line of lines) expect((line.serviceDate ?? '') < '2026-11-01' && (line.serviceDate ?? '') >= '2026-01-01').toBe(true);
  });

  it('shows the fuller 837P: ambulance, NDC drug line, replacement with F8, referral with supervising and facility', () => {
    const lines = all.flatMap((c) => c.serviceLines);
    expect(all.some((c) => c.ambulance && c.relatedCauses?.codes.includes('AA') && c.dates?.accident)).toBe(true);
    expect(all.some((c) => c.payToAddress)).toBe(true);
    expect(lines.some((l) => l.drug && l.renderingProvider && l.dates?.prescription)).toBe(true);
    expect(lines.some((l) => l.emergency)).toBe(true);
    expect(all.some((c) => c.frequencyCode === '7' && c.attachments?.some((a) => a.controlNumber) && c.patientPaid && c.subscriber.secondaryIds)).toBe(true);
    expect(all.some((c) => c.referralNumber && c.referringProvider && c.supervisingProvider && c.serviceFacility && c.cliaNumber && c.contract)).toBe(true);
  });

  it('uses NPIs with a valid check digit everywhere', () => {
    const npis = all.flatMap((c) => [
      c.billingProvider.npi,
      c.renderingProvider?.npi,
      c.referringProvider?.npi,
      c.supervisingProvider?.npi,
      c.serviceFacility?.npi,
      ...c.serviceLines.map((l) => l.renderingProvider?.npi),
    ]);
    for (const npi of npis) if (npi !== undefined) expect(npiIsValid(npi), npi).toBe(true);
  });

  it('has a malformed file per tenant that does not parse', () => {
    for (const id of TENANT_IDS) {
      const malformed = encounterFiles(id).filter((f) => f.includes('-malformed'));
      expect(malformed.length).toBeGreaterThan(0);
      for (const file of malformed) {
        let failed = false;
        try {
          failed = claimsIn(id, file).some((c) => !Claim.safeParse(c).success);
        } catch (error) {
          failed = error instanceof SyntaxError;
        }
        expect(failed, file).toBe(true);
      }
    }
  });
});

describe.each(TENANT_IDS)('examples of %s written as 837P per receiver', (tenantId) => {
  const tenant = tenantOf(tenantId);
  const claims = exampleClaims(tenantId);

  it('routes claims to both receivers', () => {
    for (const receiver of tenant.receivers) {
      expect(claims.some((c) => receiverForPayer(tenant, c.payer.payerId)?.id === receiver.id), receiver.id).toBe(true);
    }
  });

  it.each(tenant.receivers.map((r) => [r.id, r] as const))('writes a well-formed file for %s that reads back to the same claims', (_id, receiver) => {
    const routed = claims.filter((c) => receiverForPayer(tenant, c.payer.payerId)?.id === receiver.id);
    const text = write837P({ claims: routed, tenant, receiver, controlNumber: 1001, createdAt });
    const segments = splitX12(text);

    // Envelope counts.
    const tx = transaction(segments);
    expect(Number(el(tx.at(-1), 1))).toBe(tx.length);
    expect(el(segments.at(-1), 1)).toBe('1');
    expect(el(segments.find((s) => s.id === 'GE'), 1)).toBe('1');
    expect(el(segments[0], 8).trim()).toBe(receiver.isaId);

    // HL ids are 1..n in order and every parent exists and has the right level.
    const hls = segments.filter((s) => s.id === 'HL');
    const levels = new Map<string, string>();
    hls.forEach((hl, index) => {
      expect(el(hl, 1)).toBe(String(index + 1));
      const parent = el(hl, 2);
      const expectedParentLevel = { '20': undefined, '22': '20', '23': '22' }[el(hl, 3)];
      expect(parent === '' ? undefined : levels.get(parent)).toBe(expectedParentLevel);
      const next = hls[index + 1];
      expect(el(hl, 4)).toBe(next && el(next, 2) === el(hl, 1) ? '1' : '0');
      levels.set(el(hl, 1), el(hl, 3));
    });

    // CLM02 equals the sum of its SV102s.
    const clms = segments.filter((s) => s.id === 'CLM');
    expect(clms.map((s) => el(s, 1)).sort()).toEqual(routed.map((c) => c.claimId).sort());
    for (const clm of clms) {
      const start = segments.indexOf(clm);
      const end = segments.findIndex((s, i) => i > start && (s.id === 'HL' || s.id === 'SE'));
      const lineTotal = segments.slice(start, end).filter((s) => s.id === 'SV1').reduce((sum, s) => sum + toCents(el(s, 2)), 0);
      expect(toCents(el(clm, 2))).toBe(lineTotal);
    }

    // Every professional feature of the routed claims reaches the file.
    const ids = new Set(segments.map((s) => (['NM1', 'REF', 'DTP'].includes(s.id) ? `${s.id}*${el(s, 1)}` : s.id)));
    const expected = routed.flatMap((c) => [
      ...(c.ambulance ? ['CR1', 'CRC', 'NM1*PW', 'NM1*45'] : []),
      ...(c.serviceLines.some((l) => l.drug) ? ['LIN', 'CTP', 'REF*XZ'] : []),
      ...(c.frequencyCode === '7' ? ['REF*F8'] : []),
      ...(c.referralNumber ? ['REF*9F'] : []),
      ...(c.supervisingProvider ? ['NM1*DQ'] : []),
      ...(c.serviceFacility ? ['NM1*77'] : []),
      ...(c.payToAddress ? ['NM1*87'] : []),
      ...(c.attachments ? ['PWK'] : []),
      ...(c.dates?.accident ? ['DTP*439'] : []),
    ]);
    for (const id of expected) expect(ids.has(id), id).toBe(true);

    // Read back with the X12 reader: same claims in the fields the 837P carries.
    const parsed = readX12(text);
    expect(parsed.warnings).toEqual([]);
    const interchange = parsed.interchanges[0]!;
    const transactionSet = interchange.groups[0]!.transactions[0]!;
    const read = read837P(transactionSet, { tenantId, delimiters: interchange.delimiters });
    expect(read.warnings).toEqual([]);
    // Compared as read (ClaimInput), not re-parsed: for a dependent patient a conformant 837P
    // carries no subscriber birth date, sex or address (2010BA N3/N4/DMG are not sent).
    const back = new Map(read.claims.map(({ claim }) => [claim.claimId, claim]));
    for (const original of routed) {
      const copy = back.get(original.claimId);
      expect(copy, original.claimId).toBeDefined();
      expect(summary(copy!)).toEqual(summary(original));
    }
  });
});

/** What must survive writing and reading (names are upper-cased on the wire, so they are compared upper-cased). */
function summary(c: ClaimInput) {
  const up = (v?: string) => v?.toUpperCase();
  const frequencyCode = c.frequencyCode ?? '1';
  return {
    claimId: c.claimId,
    frequencyCode,
    payerClaimControlNumber: frequencyCode === '1' ? undefined : c.payerClaimControlNumber,
    priorAuthorization: c.priorAuthorization,
    placeOfService: c.placeOfService,
    billing: [c.billingProvider.npi, c.billingProvider.tin, up(c.billingProvider.lastOrOrganizationName), c.billingProvider.address.postalCode],
    rendering: c.renderingProvider && c.renderingProvider.npi !== c.billingProvider.npi ? c.renderingProvider.npi : undefined,
    referring: c.referringProvider?.npi,
    subscriber: [c.subscriber.memberId, up(c.subscriber.name.last), up(c.subscriber.name.first), c.subscriber.groupNumber],
    subscriberDemographics: c.patient ? undefined : [c.subscriber.birthDate, c.subscriber.sex, c.subscriber.address?.postalCode],
    patient: c.patient && [c.patient.relationship, up(c.patient.name.last), c.patient.birthDate, c.patient.sex],
    payer: [c.payer.payerId, c.payer.claimFilingIndicator ?? 'CI'],
    diagnoses: c.diagnoses.map((d) => d.code.replace('.', '')),
    lines: c.serviceLines.map((l) => [
      l.procedureCode,
      (l.modifiers ?? []).join(','),
      toCents(l.charge),
      Number(l.units),
      l.serviceDate,
      l.serviceDateEnd && l.serviceDateEnd !== l.serviceDate ? l.serviceDateEnd : undefined,
      l.placeOfService && l.placeOfService !== c.placeOfService ? l.placeOfService : undefined,
      (l.diagnosisPointers ?? []).join(','),
      l.lineItemControlNumber,
    ]),
  };
}
