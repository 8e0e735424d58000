/**
 * The whole loop on the local stack, exactly as `npm run demo` runs it:
 * intake -> build-batch -> payer sandbox 999 + 277CA -> acknowledgment
 * posting -> payer sandbox 835 -> remittance posting -> the payer's
 * adjustment 835, a resent 835 and the examples' problem 835s -> secondary
 * claims through the same loop. Asserts final claim states against the
 * sandbox's rules, that acknowledgments come before payment, and that every
 * posted claim reconciles to the cent.
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimTotalCents } from '../../lambdas/core/claim/validate.js';
import { FINAL_STATUSES } from '../../lambdas/core/claim/state-machine.js';
import type { ClaimRecord } from '../../lambdas/core/ports.js';
import { toCents } from '../../lambdas/core/money.js';
import { balance } from '../../lambdas/core/x12/835/balance.js';
import { read835 } from '../../lambdas/core/x12/835/read-835.js';
import { read277CA } from '../../lambdas/core/x12/277ca/read-277ca.js';
import { read999 } from '../../lambdas/core/x12/999/read-999.js';
import { readX12 } from '../../lambdas/core/x12/reader.js';
import { runDemo, type DemoReport } from '../../bin/local/demo.js';

let report: DemoReport;
let outDir: string;

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'claimflow-demo-'));
  report = await runDemo({ examplesDir: 'examples', outDir });
}, 180_000);

afterAll(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

describe('demo loop end to end', () => {
  it('runs two tenants with at least 20 claims in all', () => {
    expect(report.tenants).toHaveLength(2);
    const claims = report.tenants.reduce((n, t) => n + t.claims.length, 0);
    expect(claims).toBeGreaterThanOrEqual(20);
  });

  it('leaves no valid claim behind: every submitted claim ends in a final state', () => {
    for (const tenant of report.tenants) {
      expect(tenant.byStatus.ready).toBe(0);
      expect(tenant.byStatus.submitted).toBe(0);
      expect(tenant.byStatus.accepted).toBe(0);
      for (const record of tenant.claims.filter((c) => c.batchId !== undefined && c.status !== 'rejected')) {
        expect(FINAL_STATUSES, record.claimId).toContain(record.status);
      }
    }
    const denied = report.tenants.reduce((n, t) => n + t.byStatus.denied, 0);
    expect(denied).toBeGreaterThanOrEqual(1);
  });

  it("ends each claim where the sandbox's rules put it: 7 denied, 3 reversed and corrected, 5 with a secondary forwarded, -S paid by the secondary", () => {
    const all = report.tenants.flatMap((t) => t.claims).filter((c) => c.batchId !== undefined && c.status !== 'rejected');
    const primaries = all.filter((c) => !c.claimId.endsWith('-S') && !c.claimId.endsWith('-T'));
    const hasSecondary = (c: ClaimRecord) => c.claim.otherCoverages?.some((o) => o.responsibility === 'S') === true;
    for (const c of primaries.filter((c) => c.claimId.endsWith('7'))) expect(c.status, c.claimId).toBe('denied');
    const adjusted = primaries.filter((c) => c.claimId.endsWith('3') && c.postings?.[0]?.claimStatusCode === '1' && toCents(c.postings[0].paid) > 0);
    expect(adjusted.length).toBeGreaterThanOrEqual(2);
    for (const c of adjusted) {
      expect(c.status, c.claimId).toBe('corrected');
      expect(c.postings?.map((p) => p.claimStatusCode)).toEqual(['1', '22', '1']);
      expect(c.postings?.[1]?.reverses).toBe(c.postings?.[0]?.postingId);
    }
    const crossovers = primaries.filter((c) => c.claimId.endsWith('5') && hasSecondary(c));
    expect(crossovers.length).toBe(2);
    for (const c of crossovers) {
      expect(c.status, c.claimId).toBe('forwarded');
      expect(c.secondaryClaimId).toBeUndefined();
    }
    // Every other primary with a secondary coverage and something left to the patient got its secondary claim, paid by the secondary payer.
    const billedOn = primaries.filter((c) => hasSecondary(c) && !crossovers.includes(c));
    expect(billedOn.length).toBeGreaterThanOrEqual(3);
    for (const primary of billedOn) {
      const secondary = all.find((c) => c.claimId === `${primary.claimId}-S`);
      expect(secondary, primary.claimId).toBeDefined();
      expect(primary.secondaryClaimId, primary.claimId).toBe(`${primary.claimId}-S`);
      expect(secondary?.primaryClaimId).toBe(primary.claimId);
      expect(secondary?.claim.payer.responsibility).toBe('S');
      expect(secondary?.claim.otherCoverages?.[0]).toMatchObject({ responsibility: 'P', payer: { payerId: primary.claim.payer.payerId }, adjudication: { paid: primary.postings?.[0]?.paid } });
      expect(secondary?.status).toBe('paid');
      expect(secondary?.postings?.[0]?.claimStatusCode).toBe('2');
    }
    // Institutional secondaries too.
    expect(billedOn.some((c) => c.claim.claimType === 'institutional')).toBe(true);
    // A secondary claim that leaves the patient something, with a tertiary coverage, goes on to the tertiary payer.
    const tertiary = all.find((c) => c.claimId === 'ACME-26-0001-T');
    expect(tertiary).toMatchObject({ status: 'paid', primaryClaimId: 'ACME-26-0001-S', claim: { payer: { responsibility: 'T' } } });
    expect(all.find((c) => c.claimId === 'ACME-26-0001-S')?.secondaryClaimId).toBe('ACME-26-0001-T');
    expect(tertiary?.claim.otherCoverages?.map((o) => [o.responsibility, o.adjudication !== undefined])).toEqual([
      ['P', true],
      ['S', true],
    ]);
    expect(tertiary?.postings?.[0]?.claimStatusCode).toBe('3');
  });

  it('reconciles every posted claim to the cent: billed = paid + adjustments, net over its postings', () => {
    for (const tenant of report.tenants) {
      for (const record of tenant.claims.filter((c) => (c.postings?.length ?? 0) > 0)) {
        const postings = record.postings!;
        for (const p of postings) {
          const adjustments = [...p.adjustments, ...p.lines.flatMap((l) => l.adjustments)];
          expect(toCents(p.paid) + adjustments.reduce((n, a) => n + toCents(a.amount), 0), record.claimId).toBe(toCents(p.charge));
        }
        const net = (pick: (p: (typeof postings)[number]) => number) => postings.reduce((n, p) => n + pick(p), 0);
        const netCharge = net((p) => toCents(p.charge));
        const netPaidAndAdjusted = net((p) => toCents(p.paid) + [...p.adjustments, ...p.lines.flatMap((l) => l.adjustments)].reduce((n, a) => n + toCents(a.amount), 0));
        expect(netCharge, record.claimId).toBe(claimTotalCents(record.claim));
        expect(netPaidAndAdjusted, record.claimId).toBe(claimTotalCents(record.claim));
        if (record.status === 'denied') expect(net((p) => toCents(p.paid))).toBe(0);
      }
      const totals = tenant.totals;
      expect(toCents(totals.paid) + toCents(totals.adjusted) + toCents(totals.patientResponsibility)).toBe(toCents(totals.billed));
    }
  });

  it('posts a resent 835 once, and turns the problem 835s into exceptions without posting them', () => {
    for (const tenant of report.tenants) {
      const resent = tenant.remittances.filter((r) => r.duplicateFiles?.some((f) => f.endsWith('.resent.835')));
      expect(resent.length, tenant.tenantId).toBeGreaterThanOrEqual(1);
      for (const claim of tenant.claims) {
        const ids = (claim.postings ?? []).map((p) => p.postingId);
        expect(new Set(ids).size).toBe(ids.length);
      }
    }
    const acme = report.tenants.find((t) => t.tenantId === 'acme-billing')!;
    const acmeProblems = acme.exceptions.filter((e) => e.file.endsWith('evergreen-unmatched-and-unbalanced.835'));
    expect(acmeProblems.map((e) => e.kind).sort()).toEqual(['remittance-unbalanced', 'remittance-unmatched']);
    expect(acme.remittances.find((r) => r.traceNumber === 'EXTRC0002')).toMatchObject({ state: 'held', balanced: false });
    const bay = report.tenants.find((t) => t.tenantId === 'bayside-rcm')!;
    expect(bay.exceptions.filter((e) => e.file.endsWith('harbor-unbalanced-claim.835')).map((e) => e.kind)).toEqual(['remittance-unbalanced']);
  });

  it('records the malformed encounters as exceptions naming file and position', () => {
    for (const tenant of report.tenants) {
      const malformed = tenant.exceptions.filter((e) => e.file.includes('malformed'));
      expect(malformed.length).toBeGreaterThan(0);
      for (const e of malformed) expect(e.position ?? e.message).toBeTruthy();
    }
  });

  it('writes the 837 and 835 files to the out folder, and every 835 the sandbox wrote balances', async () => {
    expect(report.files.x837.length).toBeGreaterThanOrEqual(2);
    const sandbox835s = report.files.x835.filter((f) => !f.includes('unbalanced'));
    expect(sandbox835s.filter((f) => !f.includes('.adjustment.') && !f.includes('.resent.')).length).toBe(report.files.x837.length);
    for (const file of sandbox835s) {
      const parsed = readX12(await readFile(file));
      for (const group of parsed.interchanges.flatMap((i) => i.groups)) {
        for (const tx of group.transactions) {
          const { remittance } = read835(tx, parsed.interchanges[0]!.delimiters);
          expect(balance(remittance).every((check) => check.ok === true)).toBe(true);
        }
      }
    }
    // Beside the tenants' folders: the biller's report and the state `claimflow report` reads (test/e2e/demo-report.int.test.ts).
    const tenants = (await readdir(outDir)).filter((name) => name !== 'report.html' && name !== '.local-state');
    expect(tenants.sort()).toEqual(report.tenants.map((t) => t.tenantId).sort());
  });
});

describe('demo loop: acknowledgments before payment', () => {
  it('answers every 837 with a 999 accepting its transaction sets and a 277CA, recorded on the batch', async () => {
    expect(report.files.x999.length).toBe(report.files.x837.length);
    expect(report.files.x277ca.length).toBe(report.files.x837.length);
    for (const file of report.files.x999) {
      const parsed = readX12(await readFile(file));
      const interchange = parsed.interchanges[0]!;
      for (const tx of interchange.groups.flatMap((g) => g.transactions)) {
        const { ack } = read999(tx, interchange.delimiters);
        expect(ack.status).toBe('accepted');
        expect(ack.transactions.every((t) => t.status === 'accepted')).toBe(true);
      }
    }
    // The institutional examples leave in their own 837I group beside the 837P group, and the 999 answers both.
    const versions = new Set<string>();
    for (const file of report.files.x837) {
      for (const group of readX12(await readFile(file)).interchanges[0]!.groups) versions.add(group.version);
    }
    expect([...versions].sort()).toEqual(['005010X222A1', '005010X223A2']);
    const acknowledged = new Set<string>();
    for (const file of report.files.x999) {
      const parsed = readX12(await readFile(file));
      for (const tx of parsed.interchanges[0]!.groups.flatMap((g) => g.transactions)) {
        acknowledged.add(read999(tx, parsed.interchanges[0]!.delimiters).ack.version ?? '');
      }
    }
    expect(acknowledged.has('005010X223A2')).toBe(true);
    for (const file of report.files.x277ca) {
      const parsed = readX12(await readFile(file));
      const interchange = parsed.interchanges[0]!;
      for (const tx of interchange.groups.flatMap((g) => g.transactions)) {
        expect(read277CA(tx, interchange.delimiters).ack.claims.length).toBeGreaterThan(0);
      }
    }
    for (const tenant of report.tenants) {
      expect(tenant.batches.length).toBeGreaterThan(0);
      for (const batch of tenant.batches) expect(batch.acknowledgment).toBe('accepted');
      // One 999 file per 837 file; it acknowledges each functional group (837P, 837I) of the batch.
      const acks999 = tenant.acknowledgments.filter((a) => a.kind === '999');
      expect(new Set(acks999.map((a) => a.file)).size).toBe(tenant.batches.length);
      expect(new Set(acks999.map((a) => a.batchId))).toEqual(new Set(tenant.batches.map((b) => b.batchId)));
      expect(tenant.acknowledgments.filter((a) => a.kind === '277ca').length).toBeGreaterThan(0);
    }
  });

  it('every paid or denied claim went through the 277CA first: it keeps the payer claim id the 835 then confirmed', () => {
    for (const tenant of report.tenants) {
      for (const record of tenant.claims.filter((c) => c.payment)) {
        expect(record.payerClaimId).toBe(record.payment!.payerClaimControlNumber);
        expect(record.findings.some((f) => f.ruleId.startsWith('277CA-'))).toBe(false);
      }
    }
  });

  it('the claim the 277CA rejects ends rejected with the STC codes as findings, and is never paid', () => {
    const acme = report.tenants.find((t) => t.tenantId === 'acme-billing')!;
    const record = acme.claims.find((c) => c.claimId === 'ACME-26-0009')!;
    expect(record.status).toBe('rejected');
    expect(record.batchId).toBeDefined();
    expect(record.payment).toBeUndefined();
    expect(record.findings.map((f) => f.ruleId)).toContain('277CA-A7-21');
    // The 277CA's findings are errors; intake's scrubber warnings (CPT "not verified": CPT never ships) stay beside them.
    expect(record.findings.filter((f) => f.ruleId.startsWith('277CA-')).every((f) => f.severity === 'error')).toBe(true);
    expect(record.findings.filter((f) => !f.ruleId.startsWith('277CA-')).every((f) => f.severity === 'warning')).toBe(true);
    const rejected = acme.rejectedClaims.find((c) => c.claimId === 'ACME-26-0009');
    expect(rejected?.reasons.join(' ')).toContain('status 164');
  });
});

describe('demo loop: a well-formed but wrong claim', () => {
  it('is stored as rejected with its findings and never batched', () => {
    const bayside = report.tenants.find((t) => t.tenantId === 'bayside-rcm')!;
    const rejected = bayside.rejectedClaims.find((c) => c.claimId === 'BAY-2026-2099');
    expect(rejected?.reasons.map((r) => r.split(':')[0]).sort()).toEqual(['CLAIM-TOTAL-CHARGE', 'NPI-CHECK-DIGIT']);
    const record = bayside.claims.find((c) => c.claimId === 'BAY-2026-2099');
    expect(record?.status).toBe('rejected');
    expect(record?.batchId).toBeUndefined();
  });
});
