/** `claimflow scrub`: findings of any intake format as JSON or a table per claim; exit 1 on error-level findings. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ScrubOutputFinding } from '../../bin/cli/scrub.js';
import { sampleClaimInput } from '../fixtures/claims.js';
import { runCli } from './io.js';

const dir = mkdtempSync(join(tmpdir(), 'claimflow-scrub-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, body: unknown) => {
  const file = join(dir, name);
  writeFileSync(file, typeof body === 'string' ? body : JSON.stringify(body));
  return file;
};
const claim = (claimId: string, extra: Record<string, unknown> = {}) => {
  const { tenantId: _tenant, ...rest } = sampleClaimInput({ claimId });
  return { ...rest, ...extra };
};
const json = (stdout: string) => JSON.parse(stdout) as ScrubOutputFinding[];
const FIXTURE = ['--codesets', 'codesets/fixture'];
const KEYS = ['claimId', 'codesetVersion', 'family', 'file', 'message', 'pointer', 'ruleId', 'severity'];

describe('claimflow scrub', () => {
  it('reports a defect on the right claim with its rule, pointer and code-set version, and exits 1', async () => {
    const file = write('two.json', { claims: [claim('CLEAN-1'), claim('BAD-DX', { diagnoses: [{ code: 'E11.9' }, { code: 'Q99.9' }] })] });
    const result = await runCli('scrub', file, '--json', ...FIXTURE);
    expect(result.code).toBe(1);
    const findings = json(result.stdout);
    for (const f of findings) expect(Object.keys(f).filter((k) => k !== 'line').sort()).toEqual(KEYS);
    const errors = findings.filter((f) => f.severity === 'error');
    expect(errors).toEqual([
      {
        file,
        claimId: 'BAD-DX',
        ruleId: 'DX-BILLABLE',
        family: 'diagnosis',
        severity: 'error',
        message: expect.stringContaining('Q999'),
        pointer: 'claim BAD-DX, claims[1].diagnoses[1].code',
        codesetVersion: 'ICD-10-CM FY2026',
      },
    ]);
    expect(result.stderr).toContain('1 error-level finding(s)');
  });

  it('exits 0 when only warnings remain (CPT is never shipped: "not verified"), and warnings carry line numbers', async () => {
    const file = write('clean.json', claim('CLEAN-2'));
    const result = await runCli('scrub', file, '--json', ...FIXTURE);
    expect(result.code).toBe(0);
    const findings = json(result.stdout);
    expect(findings.every((f) => f.severity === 'warning')).toBe(true);
    expect(findings.find((f) => f.ruleId === 'PROC-EXISTS')).toMatchObject({ claimId: 'CLEAN-2', line: 1, codesetVersion: null });
  });

  it.skipIf(existsSync('codesets/local'))('without --codesets (and no codesets/local) loads nothing: code-set rules warn "not verified", never a false error', async () => {
    const file = write('unknown-dx.json', claim('NOSETS', { diagnoses: [{ code: 'E11.9' }, { code: 'Q99.9' }] }));
    const result = await runCli('scrub', file, '--json');
    expect(result.code).toBe(0);
    const dx = json(result.stdout).filter((f) => f.ruleId.startsWith('DX-'));
    expect(dx.length).toBeGreaterThan(0);
    expect(dx.every((f) => f.severity === 'warning' && /not verified/.test(f.message))).toBe(true);
  });

  it('the tenant configuration can downgrade a rule (and a payer setting wins over the tenant)', async () => {
    const tenant = JSON.parse(readFileSync('examples/tenants/acme-billing.json', 'utf8')) as Record<string, unknown>;
    const file = write('bad-dx.json', claim('BAD-2', { diagnoses: [{ code: 'E11.9' }, { code: 'Q99.9' }] }));
    const relaxed = write('relaxed.json', { ...tenant, scrubber: { severity: { 'DX-BILLABLE': 'warning' } } });
    const downgraded = await runCli('scrub', file, '--json', ...FIXTURE, '--tenant', relaxed);
    expect(downgraded.code).toBe(0);
    expect(json(downgraded.stdout).find((f) => f.ruleId === 'DX-BILLABLE')?.severity).toBe('warning');
    const strictPayer = write('strict.json', { ...tenant, scrubber: { severity: { 'DX-BILLABLE': 'warning' }, payers: { EXHP1: { severity: { 'DX-BILLABLE': 'error' } } } } });
    expect((await runCli('scrub', file, '--json', ...FIXTURE, '--tenant', strictPayer)).code).toBe(1);
    const off = write('off.json', { ...tenant, scrubber: { disabled: ['DX-BILLABLE'] } });
    const disabled = await runCli('scrub', file, '--json', ...FIXTURE, '--tenant', off);
    expect(json(disabled.stdout).some((f) => f.ruleId === 'DX-BILLABLE')).toBe(false);
  });

  it('reads X12, CSV and FHIR by content and points into the source', async () => {
    const result = await runCli(
      'scrub',
      'examples/encounters/acme-billing/practice-lakeside-2026-04.837',
      'examples/encounters/acme-billing/superbill-acme-2026-05.csv',
      'examples/encounters/bayside-rcm/fhir-bundle-bay-2026-5001.fhir',
      '--json',
      ...FIXTURE,
    );
    const findings = json(result.stdout);
    // The practice file's third claim has a malformed charge: a parse problem at its segment.
    expect(findings.filter((f) => f.severity === 'error')).toEqual([
      expect.objectContaining({ ruleId: 'PARSE', claimId: 'EHR-26-043', pointer: expect.stringMatching(/^segment \d+ \(SV1\), loop 2400, element SV102$/) }),
    ]);
    expect(result.code).toBe(1);
    expect(findings.some((f) => f.pointer.includes('segment') && f.claimId === 'EHR-26-041')).toBe(true);
    expect(findings.some((f) => /line \d+, column/.test(f.pointer) && f.claimId?.startsWith('ACME-26-04'))).toBe(true);
    expect(findings.some((f) => f.pointer.includes('Bundle.entry') && f.claimId === 'BAY-2026-5001')).toBe(true);
  });

  it('prints a readable table per claim', async () => {
    const file = write('table.json', { claims: [claim('T-OK'), claim('T-BAD', { totalCharge: '1.00' })] });
    const result = await runCli('scrub', file, ...FIXTURE);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/claim T-OK: passes \(0 error\(s\), \d+ warning\(s\)\)/);
    expect(result.stdout).toMatch(/claim T-BAD: REJECTED \(1 error\(s\)/);
    expect(result.stdout).toMatch(/severity\s+rule\s+line\s+message\s+where/);
    expect(result.stdout).toMatch(/error\s+CLAIM-TOTAL-CHARGE/);
  });

  it('without --tenant, claims that name their own tenant are scrubbed as that tenant\'s; with --tenant a mismatch is refused', async () => {
    const file = write('own-tenant.json', { claims: [{ ...claim('OWN-1'), tenantId: 'holdout-clinic' }] });
    const own = await runCli('scrub', file, '--json', ...FIXTURE);
    expect(own.code).toBe(0);
    expect(json(own.stdout).some((f) => f.ruleId === 'PARSE')).toBe(false);
    const held = await runCli('scrub', file, '--json', ...FIXTURE, '--tenant', 'examples/tenants/acme-billing.json');
    expect(held.code).toBe(1);
    expect(json(held.stdout)).toEqual([expect.objectContaining({ ruleId: 'PARSE', claimId: 'OWN-1', pointer: 'claims[0].tenantId' })]);
  });

  it('unreadable input is a PARSE finding; a missing file or folder is a usage error', async () => {
    const broken = write('broken.json', '{ "claims": [');
    const result = await runCli('scrub', broken, '--json');
    expect(result.code).toBe(1);
    expect(json(result.stdout)).toEqual([expect.objectContaining({ ruleId: 'PARSE', severity: 'error', claimId: null, pointer: 'end of file' })]);
    expect((await runCli('scrub', join(dir, 'missing.json'))).code).toBe(2);
    expect((await runCli('scrub', broken, '--codesets', join(dir, 'nope'))).code).toBe(2);
    expect((await runCli('scrub')).code).toBe(2);
  });

  it('the fixture holds every code the examples use: no code-set rule errs on the demo data', async () => {
    for (const tenant of ['acme-billing', 'bayside-rcm']) {
      const folder = `examples/encounters/${tenant}`;
      const files = readdirSync(folder).map((name) => join(folder, name));
      const result = await runCli('scrub', ...files, '--json', ...FIXTURE, '--tenant', `examples/tenants/${tenant}.json`);
      const codeErrors = json(result.stdout).filter((f) => f.severity === 'error' && /^(DX|PROC|MOD|NCCI|MUE)-/.test(f.ruleId));
      expect(codeErrors, tenant).toEqual([]);
    }
  });
});
