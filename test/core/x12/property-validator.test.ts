/**
 * Random 837P and 835 files must pass an independent implementation-guide
 * validator. Opt-in: point CLAIMFLOW_X12_VALIDATOR at a command that takes
 * X12 files and exits 0 only when all are valid (e.g. pyx12's x12valid);
 * without it this test skips.
 *
 * The inputs leave out what pyx12 gets wrong rather than the writers:
 * place of service codes 10, 27, 58, 66 and state PW are missing from its
 * code lists, and it counts every PLB segment as a new summary loop (the
 * guide lets PLB repeat), so remittances here carry one PLB segment at most.
 * The generated remittances and the generated coordination of benefits
 * (CAS, MOA, MIA) keep to CARC and RARC codes pyx12's lists know; the
 * writers cannot check those external lists themselves.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { adjudicate } from '../../../bin/local/payer-sandbox/adjudicate.js';
import { Claim } from '../../../lambdas/core/claim/model.js';
import { write835 } from '../../../lambdas/core/x12/835/write-835.js';
import { read837 } from '../../../lambdas/core/x12/837/read-837p.js';
import { write837P } from '../../../lambdas/core/x12/837/write-837p.js';
import { readX12 } from '../../../lambdas/core/x12/reader.js';
import { submissionFindings } from '../../../lambdas/core/claim/submission-checks.js';
import { ClaimGenerator } from '../../support/claim-generator.js';
import { Random } from '../../support/random.js';
import { claimFile, PROPERTY_TENANT, remittanceFile, type ClaimFile } from '../../support/x12-property.js';

const VALIDATOR = process.env.CLAIMFLOW_X12_VALIDATOR ?? '';
const FILES = 50;
/** 837P files: enough that every professional feature of the generator occurs many times over. */
const CLAIM_FILES = 300;
/** 837P files made only of claims with other payers (primary claims naming them, secondary and later claims with their adjudications). */
const COB_FILES = 200;

/** Every third file carries a batch of up to 40 claims (several 2000A levels, many 2300 loops). */
function claimFileFor(seed: number): ClaimFile {
  const options = { hostility: 0.1, legacyCodeLists: true };
  if (seed % 3 !== 0) return claimFile(seed, options);
  const generator = new ClaimGenerator(new Random(seed), { tenantId: PROPERTY_TENANT.tenantId, ...options });
  const batch = generator.batch(40);
  const claims = batch.filter((claim) => !submissionFindings(claim).some((finding) => finding.severity === 'error'));
  return { ...claimFile(seed, options), claims, refused: batch.length - claims.length };
}

describe.skipIf(!VALIDATOR || !existsSync(VALIDATOR))('random X12 files pass the validator (set CLAIMFLOW_X12_VALIDATOR)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'claimflow-property-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function validate(paths: string[]): { status: number; report: string } {
    try {
      return { status: 0, report: execFileSync(VALIDATOR, paths, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }) };
    } catch (error) {
      const failed = error as { status?: number; stdout?: string; stderr?: string };
      return { status: failed.status ?? -1, report: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
    }
  }

  it(`${CLAIM_FILES} random 837P files are valid`, { timeout: 900_000 }, () => {
    const paths: string[] = [];
    for (let seed = 20_000; paths.length < CLAIM_FILES; seed++) {
      const file = claimFileFor(seed);
      if (file.claims.length === 0) continue;
      const path = join(dir, `claims-${seed}.837`);
      writeFileSync(
        path,
        write837P({
          claims: file.claims,
          tenant: PROPERTY_TENANT,
          receiver: PROPERTY_TENANT.receivers[0]!,
          controlNumber: seed,
          createdAt: new Date(Date.UTC(2026, 0, 1) + seed * 60_000),
          delimiters: file.delimiters,
          lineBreak: file.lineBreak,
        }),
      );
      paths.push(path);
    }
    const { status, report } = validate(paths);
    expect(report.split('\n').filter((line) => line !== '' && !line.endsWith(': VALID'))).toEqual([]);
    expect(status).toBe(0);
  });

  it(`${COB_FILES} random 837P files of coordination-of-benefits claims (2320/2330A/2330B/2430) are valid`, { timeout: 900_000 }, () => {
    const paths: string[] = [];
    let claims = 0;
    for (let seed = 70_000; paths.length < COB_FILES; seed++) {
      const file = claimFile(seed, { hostility: 0.1, legacyCodeLists: true, coordination: 1 });
      const cob = file.claims.filter((claim) => claim.otherCoverages !== undefined);
      if (cob.length === 0) continue;
      claims += cob.length;
      const path = join(dir, `cob-${seed}.837`);
      writeFileSync(
        path,
        write837P({
          claims: cob,
          tenant: PROPERTY_TENANT,
          receiver: PROPERTY_TENANT.receivers[0]!,
          controlNumber: seed,
          createdAt: new Date(Date.UTC(2026, 0, 1) + seed * 60_000),
          delimiters: file.delimiters,
          lineBreak: file.lineBreak,
        }),
      );
      paths.push(path);
    }
    expect(claims).toBeGreaterThan(COB_FILES);
    const { status, report } = validate(paths);
    expect(report.split('\n').filter((line) => line !== '' && !line.endsWith(': VALID'))).toEqual([]);
    expect(status).toBe(0);
  });

  it(`${FILES} random 835 files are valid`, () => {
    const paths = Array.from({ length: FILES }, (_, i) => {
      const file = remittanceFile(30_000 + i, { unbalanced: 0.1, hostility: 0.1, singlePlbSegment: true });
      const path = join(dir, `remittance-${file.seed}.835`);
      writeFileSync(path, write835(file.remittances, file.options));
      return path;
    });
    const { status, report } = validate(paths);
    expect(report.split('\n').filter((line) => line !== '' && !line.endsWith(': VALID'))).toEqual([]);
    expect(status).toBe(0);
  });

  it('the payer sandbox answers to 20 random 837P files are valid', () => {
    const paths: string[] = [];
    for (let seed = 40_000; paths.length < 20; seed++) {
      const file = claimFile(seed, { hostility: 0.1, legacyCodeLists: true });
      if (file.claims.length === 0) continue;
      const x837 = write837P({
        claims: file.claims,
        tenant: PROPERTY_TENANT,
        receiver: PROPERTY_TENANT.receivers[0]!,
        controlNumber: seed,
        createdAt: new Date('2026-11-01T12:00:00Z'),
      });
      // As the sandbox does: adjudicate the claims read from the 837, one remittance per payer.
      const groups = new Map<string, Claim[]>();
      for (const { claim: input } of read837(readX12(x837), PROPERTY_TENANT.tenantId).claims) {
        const claim = Claim.parse(input);
        groups.set(claim.payer.payerId, [...(groups.get(claim.payer.payerId) ?? []), claim]);
      }
      const remittances = [...groups.values()].map((claims) =>
        adjudicate(claims, {
          payerName: claims[0]!.payer.name,
          payerId: claims[0]!.payer.payerId,
          payeeName: claims[0]!.billingProvider.lastOrOrganizationName,
          payeeNpi: claims[0]!.billingProvider.npi,
          checkDate: new Date('2026-11-02T00:00:00Z'),
          traceNumber: `TRACE${seed}`,
        }),
      );
      const path = join(dir, `sandbox-${seed}.835`);
      writeFileSync(path, write835(remittances, remittanceFile(seed).options));
      paths.push(path);
    }
    const { status, report } = validate(paths);
    expect(report.split('\n').filter((line) => line !== '' && !line.endsWith(': VALID'))).toEqual([]);
    expect(status).toBe(0);
  });
});
