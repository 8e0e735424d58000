/**
 * Random 837I files must pass an independent implementation-guide validator.
 * Opt-in: point CLAIMFLOW_X12_VALIDATOR at a command that takes X12 files
 * and exits 0 only when all are valid (e.g. pyx12's x12valid); without it
 * this test skips.
 *
 * The inputs leave out what pyx12 gets wrong rather than the writer: state
 * PW (Palau) is missing from its state list (legacyCodeLists, and claims
 * whose hostile random state happens to be PW are dropped).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Claim } from '../../../../lambdas/core/claim/model.js';
import { write837I } from '../../../../lambdas/core/x12/837i/write-837i.js';
import { institutionalClaimFile } from '../../../support/institutional-generator.js';
import { PROPERTY_TENANT } from '../../../support/x12-property.js';
import { claim, inpatientInput, outpatientInput, receiver, tenant } from './837i-fixtures.js';

const VALIDATOR = process.env.CLAIMFLOW_X12_VALIDATOR ?? '';
const FILES = Number(process.env.CLAIMFLOW_837I_FILES ?? 300);
/** 837I files made only of claims with other payers. */
const COB_FILES = Number(process.env.CLAIMFLOW_837I_COB_FILES ?? 200);

/** True when any address of the claim is in Palau (PW), which pyx12's state list lacks. */
const inPalau = (claim: Claim) => JSON.stringify(claim).includes('"state":"PW"');

describe.skipIf(!VALIDATOR || !existsSync(VALIDATOR))('random 837I files pass the validator (set CLAIMFLOW_X12_VALIDATOR)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'claimflow-837i-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function validate(paths: string[]): { status: number; report: string } {
    try {
      return { status: 0, report: execFileSync(VALIDATOR, paths, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }) };
    } catch (error) {
      const failed = error as { status?: number; stdout?: string; stderr?: string };
      return { status: failed.status ?? -1, report: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
    }
  }

  it(`${FILES} random 837I files (up to 20 claims each, every delimiter set) are valid`, { timeout: 600_000 }, () => {
    const paths: string[] = [];
    for (let seed = 60_000; paths.length < FILES; seed++) {
      const file = institutionalClaimFile(seed, { hostility: 0.1, legacyCodeLists: true, maxClaims: 20 });
      const claims = file.claims.filter((c) => !inPalau(c));
      if (claims.length === 0) continue;
      const path = join(dir, `institutional-${seed}.837`);
      writeFileSync(
        path,
        write837I({
          claims,
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

  it(`${COB_FILES} random 837I files of coordination-of-benefits claims (2320 with MIA/MOA, 2330A/2330B, 2430) are valid`, { timeout: 600_000 }, () => {
    const paths: string[] = [];
    let claims = 0;
    for (let seed = 80_000; paths.length < COB_FILES; seed++) {
      const file = institutionalClaimFile(seed, { hostility: 0.1, legacyCodeLists: true, maxClaims: 8, coordination: 1 });
      const cob = file.claims.filter((c) => c.otherCoverages !== undefined && !inPalau(c));
      if (cob.length === 0) continue;
      claims += cob.length;
      const path = join(dir, `institutional-cob-${seed}.837`);
      writeFileSync(
        path,
        write837I({
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

  it('the fixture claims are valid, alone and together', () => {
    const path = join(dir, 'fixtures.837');
    const claims = [claim(inpatientInput()), claim(outpatientInput()), claim(inpatientInput({ claimId: 'INP-7', frequencyCode: '7', payerClaimControlNumber: 'PCCN1' }))];
    writeFileSync(path, write837I({ claims, tenant, receiver, controlNumber: 9, createdAt: new Date('2026-10-01T12:00:00Z') }));
    const { status, report } = validate([path]);
    expect(report.split('\n').filter((line) => line !== '' && !line.endsWith(': VALID'))).toEqual([]);
    expect(status).toBe(0);
  });
});
