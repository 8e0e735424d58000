/**
 * Round trip of the 837 reader and writers: for every conformant 837 (the
 * validator-approved samples in ../shared/samples/x12, and generated claims),
 * parse -> write -> parse gives the same claims, as far as X12 carries them
 * (see read-837/normalise.ts). And every sample file, of any type, is read
 * by parseX12 + read837 without a crash.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Claim } from '../../../lambdas/core/claim/model.js';
import { submissionFindings } from '../../../lambdas/core/claim/submission-checks.js';
import { TenantConfig } from '../../../lambdas/core/tenant/config.js';
import { read837, type Read837Claim } from '../../../lambdas/core/x12/837/read-837.js';
import { write837P } from '../../../lambdas/core/x12/837/write-837p.js';
import { write837I } from '../../../lambdas/core/x12/837i/write-837i.js';
import { X12Error } from '../../../lambdas/core/x12/errors.js';
import { parseX12, readX12 } from '../../../lambdas/core/x12/reader.js';
import type { Delimiters } from '../../../lambdas/core/x12/types.js';
import { ClaimGenerator } from '../../support/claim-generator.js';
import { Random } from '../../support/random.js';
import { canonical } from './read-837/normalise.js';

const SAMPLES = fileURLToPath(new URL('../../../../shared/samples/x12/', import.meta.url));
const present = existsSync(SAMPLES);
const INSTITUTIONAL_GENERATOR = fileURLToPath(new URL('../../support/institutional-generator.ts', import.meta.url));

const TENANT = TenantConfig.parse({
  tenantId: 'roundtrip',
  name: 'Round Trip Billing',
  schedule: { expression: 'cron(0 18 ? * MON-FRI *)', timezone: 'America/Chicago' },
  submitter: { name: 'Round Trip Billing', identifier: 'RTB001', contactName: 'EDI Desk', phone: '5555550100' },
  interchange: { senderQualifier: 'ZZ', senderId: 'ROUNDTRIP', gsSenderCode: 'ROUNDTRIP', usage: 'T' },
  receivers: [{ id: 'house', name: 'Test Clearinghouse', identifier: 'TESTCH', isaQualifier: 'ZZ', isaId: 'TESTCH', gsReceiverCode: 'TESTCH', default: true }],
});
const RECEIVER = TENANT.receivers[0]!;
const DELIMITERS: Array<Required<Delimiters>> = [
  { element: '*', component: ':', repetition: '^', segment: '~' },
  { element: '|', component: '>', repetition: '^', segment: '\n' },
];

/** Writes claims of one kind with the writer for that kind. */
function write(claims: Claim[], seed: number, delimiters: Required<Delimiters> = DELIMITERS[0]!): string {
  const input = { claims, tenant: TENANT, receiver: RECEIVER, controlNumber: seed, createdAt: new Date(Date.UTC(2026, 0, 1)), delimiters };
  return claims[0]?.claimType === 'institutional' ? write837I(input) : write837P(input);
}

function writable(claim: Claim): boolean {
  try {
    write([claim], 1);
    return true;
  } catch (error) {
    if (error instanceof X12Error) return false;
    throw error;
  }
}

function readBack(text: string): Read837Claim[] {
  const result = read837(readX12(text), TENANT.tenantId);
  expect(result.warnings, 'warnings reading our own 837').toEqual([]);
  return result.claims;
}

/** Round trip of claims of one kind: the claims read back, in canonical form, by claim id. */
function roundTrip(claims: Claim[], seed: number, delimiters?: Required<Delimiters>): Map<string, Record<string, unknown>> {
  const back = readBack(write(claims, seed, delimiters));
  return new Map(back.map(({ claim }) => [claim.claimId, canonical(Claim.parse(claim), delimiters)]));
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...listFiles(path));
    else if (name !== 'INDEX.tsv' && !name.endsWith('.md')) out.push(path);
  }
  return out;
}

function conformant837Samples(): Array<{ type: string; file: string }> {
  const [header, ...rows] = readFileSync(join(SAMPLES, 'INDEX.tsv'), 'utf8').trim().split('\n').map((line) => line.split('\t'));
  const col = (name: string) => header!.indexOf(name);
  return rows
    .filter((cells) => ['837P', '837I'].includes(cells[col('type')] ?? '') && cells[col('ig_validator_verdict')] === 'OK')
    .map((cells) => ({ type: cells[col('type')]!, file: cells[col('file')]! }));
}

describe.skipIf(!present)('837 sample round trip: parse -> write -> parse (needs ../shared/samples/x12)', () => {
  const samples = present ? conformant837Samples() : [];

  it('has validator-approved 837P and 837I samples', () => {
    expect(samples.some((s) => s.type === '837P')).toBe(true);
    expect(samples.some((s) => s.type === '837I')).toBe(true);
  });

  let roundTripped = 0;
  for (const sample of samples) {
    it(`round-trips ${sample.file}`, () => {
      const first = read837(readX12(readFileSync(join(SAMPLES, sample.file))), TENANT.tenantId);
      expect(first.claims.length).toBeGreaterThan(0);
      for (const read of first.claims) expect(read.kind).toBe(sample.type === '837I' ? 'institutional' : 'professional');
      const valid: Claim[] = [];
      for (const read of first.claims) {
        const parsed = Claim.safeParse(read.claim);
        if (parsed.success) {
          // A claim the writer refuses by the guide's rules (e.g. a five-digit billing ZIP) has no round trip.
          if (writable(parsed.data)) valid.push(parsed.data);
          continue;
        }
        // A sample value the canonical model refuses (e.g. a 9-digit NPI): the claim cannot be written;
        // the reader must still point at where it came from.
        for (const issue of parsed.error.issues) {
          const where = read.locations.locate(issue.path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`)).join('').replace(/^\./, '').replace(/\.\[/g, '['));
          expect(where.position, issue.path.join('.')).toBeGreaterThan(read.position - 40);
        }
      }
      if (valid.length === 0) return;
      roundTripped += valid.length;
      const back = roundTrip(valid, 1);
      for (const claim of valid) expect(back.get(claim.claimId), claim.claimId).toEqual(canonical(claim));
    });
  }

  it('round-tripped claims of most conformant samples', () => {
    // Only the anesthesia sample fails: its service facility NPI has nine digits, which no NPI has.
    expect(roundTripped).toBeGreaterThanOrEqual(samples.length - 1);
  });
});

describe.skipIf(!present)('every X12 sample is read by parseX12 + read837 without a crash (needs ../shared/samples/x12)', () => {
  it('returns a typed X12Error or claims and coded, positioned warnings for every file', () => {
    const files = present ? listFiles(SAMPLES) : [];
    expect(files.length).toBeGreaterThan(100);
    const failures: string[] = [];
    let claims = 0;
    for (const path of files) {
      const name = relative(SAMPLES, path);
      try {
        const parsed = parseX12(readFileSync(path));
        if (!parsed.ok) {
          if (!(parsed.error instanceof X12Error) || parsed.error.position === undefined) failures.push(`${name}: untyped or unpositioned error`);
          continue;
        }
        const result = read837(parsed.value, 'sample-tenant');
        claims += result.claims.length;
        for (const warning of result.warnings) {
          if (!/^X837-[A-Z0-9-]+$/.test(warning.code) || typeof warning.position !== 'number') failures.push(`${name}: ${warning.code} without position`);
        }
        for (const { claim, position, locations } of result.claims) {
          if (!(position > 0) || locations.locate('claimId').position !== position) failures.push(`${name}: claim without its CLM position`);
          if (claim.tenantId !== 'sample-tenant') failures.push(`${name}: claim of the wrong tenant`);
        }
      } catch (error) {
        failures.push(`${name}: threw ${error instanceof Error ? error.name : typeof error}`);
      }
    }
    expect(failures).toEqual([]);
    expect(claims).toBeGreaterThan(50);
  });
});

/** Claims of generated batches that intake would accept. */
function acceptedProfessional(seed: number): Claim[] {
  const generator = new ClaimGenerator(new Random(seed), { tenantId: TENANT.tenantId, hostility: 0.05 });
  return generator.batch().filter((claim) => !submissionFindings(claim).some((f) => f.severity === 'error'));
}

describe('837P property: generated claims write -> read back equal', () => {
  it('round-trips 200+ generated professional claims', () => {
    let checked = 0;
    for (let seed = 1; checked < 220 && seed < 400; seed++) {
      const claims = acceptedProfessional(seed);
      if (claims.length === 0) continue;
      const delimiters = DELIMITERS[seed % DELIMITERS.length]!;
      const back = roundTrip(claims, seed, delimiters);
      for (const claim of claims) {
        checked++;
        expect(back.get(claim.claimId), `seed ${seed} claim ${claim.claimId}`).toEqual(canonical(claim, delimiters));
      }
    }
    expect(checked).toBeGreaterThanOrEqual(200);
  });
});

describe.skipIf(!existsSync(INSTITUTIONAL_GENERATOR))('837I property: generated claims write -> read back equal (needs test/support/institutional-generator.ts)', () => {
  it('round-trips 200+ generated institutional claims', async () => {
    const module = (await import(INSTITUTIONAL_GENERATOR)) as Record<string, unknown>;
    const Generator = Object.values(module).find((value) => typeof value === 'function' && /Generator/.test(String((value as { name?: string }).name))) as
      | (new (random: Random, options: { tenantId: string }) => { batch(): Claim[] })
      | undefined;
    expect(Generator, 'a *Generator class exported by institutional-generator.ts').toBeDefined();
    let checked = 0;
    for (let seed = 1; checked < 220 && seed < 400; seed++) {
      const generator = new Generator!(new Random(seed), { tenantId: TENANT.tenantId });
      const claims = generator.batch().filter((claim) => !submissionFindings(claim).some((f) => f.severity === 'error'));
      if (claims.length === 0) continue;
      const delimiters = DELIMITERS[seed % DELIMITERS.length]!;
      const back = roundTrip(claims, seed, delimiters);
      for (const claim of claims) {
        checked++;
        expect(back.get(claim.claimId), `seed ${seed} claim ${claim.claimId}`).toEqual(canonical(claim, delimiters));
      }
    }
    expect(checked).toBeGreaterThanOrEqual(200);
  });
});
