/**
 * The CLI contract other tools rely on: commands, output and exit codes
 * (0 success, 1 invalid input naming file/position/field, 2 usage error).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readX12 } from '../../lambdas/core/x12/reader.js';
import { runCli } from './io.js';

const dir = mkdtempSync(join(tmpdir(), 'claimflow-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ACME = 'examples/tenants/acme-billing.json';
const VISIT = 'examples/encounters/acme-billing/visit-acme-26-0001.json';

describe('claimflow CLI', () => {
  it('prints help through the npm bin with no build step', () => {
    const help = execFileSync(process.execPath, ['bin/claimflow.mjs', '--help'], { encoding: 'utf8' });
    expect(help).toContain('Usage: claimflow');
    for (const command of ['demo', 'x12', 'schema', 'tenants']) expect(help).toContain(command);
  });

  it('exits 2 on usage errors', async () => {
    expect((await runCli('nope')).code).toBe(2);
    expect((await runCli('x12', '837')).code).toBe(2);
    expect((await runCli('x12', 'parse', join(dir, 'missing.x12'))).code).toBe(2);
  });

  it('writes an 837P from encounters, and x12 parse reads the same claims back', async () => {
    const out = join(dir, 'visit.837');
    const written = await runCli('x12', '837', VISIT, '--tenant', ACME, '--out', out, '--control-number', '42');
    expect(written).toMatchObject({ code: 0, stderr: '' });
    const interchange = readX12(readFileSync(out)).interchanges[0]!;
    expect(interchange.controlNumber).toBe('000000042');
    expect(interchange.isa.elements[6]?.trim()).toBe(JSON.parse(readFileSync(ACME, 'utf8')).interchange.senderId);

    const parsed = await runCli('x12', 'parse', out, '--json');
    expect(parsed.code).toBe(0);
    const model = JSON.parse(parsed.stdout);
    const claims = model.interchanges[0].groups[0].transactions[0].claims;
    const source = JSON.parse(readFileSync(VISIT, 'utf8'));
    expect(claims).toHaveLength(1);
    expect(claims[0]).toMatchObject({ claimId: source.claimId, placeOfService: source.placeOfService });
    expect(claims[0].serviceLines.map((l: { procedureCode: string }) => l.procedureCode)).toEqual(
      source.serviceLines.map((l: { procedureCode: string }) => l.procedureCode),
    );
  });

  it('uses the documented demo tenant without --tenant', async () => {
    const result = await runCli('x12', '837', VISIT);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^ISA\*00\*          \*00\*          \*ZZ\*CFDEMO01       \*ZZ\*DEMOCH01       \*/);
  });

  it('exits 1 on invalid encounters, naming every file, position and field', async () => {
    const result = await runCli(
      'x12',
      '837',
      'examples/encounters/acme-billing/visit-malformed-charge-number.json',
      'examples/encounters/acme-billing/visit-malformed-json.json',
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('visit-malformed-charge-number.json: $.serviceLines[0].charge');
    expect(result.stderr).toMatch(/visit-malformed-json\.json: line \d+, column \d+: not valid JSON/);
  });

  it('exits 1 on an unreadable X12 file with the segment position', async () => {
    const file = join(dir, 'bad.x12');
    writeFileSync(file, 'GS*HC*A*B~');
    const result = await runCli('x12', 'parse', file);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/segment 1/);
  });

  it('parses an 835 with its balancing results', async () => {
    const out = join(dir, 'visit.837');
    await runCli('x12', '837', VISIT, '--tenant', ACME, '--out', out);
    const { adjudicate } = await import('../../bin/local/payer-sandbox/adjudicate.js');
    const { write835 } = await import('../../lambdas/core/x12/835/write-835.js');
    const { Claim } = await import('../../lambdas/core/claim/model.js');
    const claim = Claim.parse({ ...JSON.parse(readFileSync(VISIT, 'utf8')), tenantId: 'acme-billing' });
    const remittance = adjudicate([claim], {
      payerName: claim.payer.name,
      payerId: claim.payer.payerId,
      payeeName: claim.billingProvider.lastOrOrganizationName,
      payeeNpi: claim.billingProvider.npi,
      checkDate: new Date('2026-11-02T00:00:00Z'),
      traceNumber: 'CHK1001',
    });
    const file = join(dir, 'pay.835');
    writeFileSync(file, write835([remittance], { senderQualifier: 'ZZ', senderId: 'PAYER', receiverQualifier: 'ZZ', receiverId: 'ACME', controlNumber: 7, createdAt: new Date('2026-11-02T00:00:00Z') }));
    const result = await runCli('x12', 'parse', file, '--json');
    expect(result.code).toBe(0);
    const tx = JSON.parse(result.stdout).transactions[0];
    expect(tx.trace.traceNumber).toBe('CHK1001');
    expect(tx.balancing.balanced).toBe(true);
    expect(tx.balancing.payment.check).toBe('payment');
  });

  it('prints the encounter schema', async () => {
    const result = await runCli('schema');
    expect(JSON.parse(result.stdout).$defs.EncounterClaim.type).toBe('object');
  });
});
