/**
 * `claimflow x12 parse <835> [--json]`: the streamed posting view and the
 * balancing results per transaction set, as JSON and as text; a broken set
 * is reported with its position (exit 1) while the readable sets are still
 * shown; names of persons never appear.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FULL, interchange835, PAYER_A, PAYER_B, positionOf } from '../core/x12/835/fixtures.js';
import { runCli } from './io.js';

const dir = mkdtempSync(join(tmpdir(), 'claimflow-cli-835-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** Names of persons in the fixtures (NM1*QC, IL, 74, GB). */
const PERSON_NAMES = ['JANE', 'JOHN', 'JANET', 'RICHARD', 'EDGAR', 'RAY'];

describe('claimflow x12 parse (835)', () => {
  const text = interchange835([FULL, PAYER_A]);
  const path = file('full.835', text);

  it('--json: payment, trace, payer/payee ids, claims with lines, remarks and checks, per transaction set', async () => {
    const result = await runCli('x12', 'parse', path, '--json');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const json = JSON.parse(result.stdout);
    expect(json.errors).toEqual([]);
    expect(json.transactions).toHaveLength(2);
    const [full, a] = json.transactions;
    expect(full.envelope).toMatchObject({ interchangeControlNumber: '000000101', transactionControlNumber: '0001' });
    expect(full.payment).toEqual({ handlingCode: 'I', totalPaid: '590.00', creditDebit: 'C', method: 'ACH', date: '2024-03-15' });
    expect(full.trace).toEqual({ traceNumber: 'EFT0001', payerId: '1512345678' });
    expect(full.payee).toMatchObject({ npi: '1234567893', tin: '123456789' });
    expect(full.claims.map((c: { patientControlNumber: string; statusCode: string }) => [c.patientControlNumber, c.statusCode])).toEqual([
      ['INPAT-1', '19'],
      ['OUTPAT-2', '1'],
      ['OUTPAT-2', '22'],
      ['DENIED-4', '4'],
    ]);
    const [inpatient, outpatient] = full.claims;
    expect(inpatient).toMatchObject({ charge: '1000.00', paid: '600.00', patientResponsibility: '100.00', payerClaimControlNumber: 'ICN100' });
    expect(inpatient.remarks).toEqual({ inpatient: ['MA01', 'MA02', 'MA03'], outpatient: [] });
    expect(inpatient.crossoverCarrier).toEqual({ qualifier: 'PI', value: 'MG01' });
    expect(outpatient.lines[0]).toMatchObject({ procedure: 'HC:99213:25', lineControlNumber: 'L1', allowed: '290.00', remarks: [{ qualifier: 'HE', value: 'N130' }, { qualifier: 'RX', value: 'RX1' }] });
    expect(outpatient.checks.map((c: { check: string; ok: unknown }) => [c.check, c.ok])).toEqual([
      ['line', true],
      ['line', true],
      ['claim', true],
    ]);
    expect(full.providerAdjustments[0].items).toHaveLength(6);
    expect(full.balancing).toMatchObject({ balanced: true, payment: { check: 'payment', ok: true, expected: '590.00', actual: '590.00', difference: '0.00' }, failed: [] });
    expect(a.balancing.payment.expected).toBe('242.50');
    for (const name of PERSON_NAMES) expect(result.stdout).not.toContain(name);
  });

  it('text: one line per set, claim and line with its verdict; failing checks with expected, actual and difference', async () => {
    const unbalanced = PAYER_A.map((s) => (s.startsWith('CLP*PCN-001') ? 'CLP*PCN-001*1*300*181*20*12*ICN0001*11*1' : s));
    const result = await runCli('x12', 'parse', file('unbalanced.835', interchange835([unbalanced])));
    expect(result.code).toBe(0);
    const out = result.stdout;
    expect(out).toContain('BPR I 242.50 C CHK 2024-03-15, TRN CHK10001 payer id 1123456789');
    expect(out).toContain('CLP PCN-001 status 1 charge 300.00 paid 181.00 patient 20.00 payer claim ICN0001: does not balance');
    expect(out).toContain('SVC 1 HC:99213:25 6R L1 charge 200.00 paid 120.00 allowed 140.00 adjustments CO-45 60.00, PR-3 20.00: ok');
    const clp = positionOf(interchange835([unbalanced]), 'CLP*PCN-001');
    expect(out).toContain(`! claim check at segment ${clp} (CLP01 PCN-001) fails: expected 300.00 actual 301.00 difference -1.00`);
    expect(out).toContain('payment: does not balance (BPR02 242.50, ΣCLP04 − ΣPLB 243.50)');
    for (const name of PERSON_NAMES) expect(out).not.toContain(name);
  });

  it('reports a broken set with its position and exits 1, still showing the readable sets', async () => {
    const broken = PAYER_A.map((s) => (s.startsWith('CAS*CO*45*18') ? 'CAS*CO*45*18.125' : s));
    const brokenText = interchange835([broken, PAYER_B]);
    const result = await runCli('x12', 'parse', file('broken.835', brokenText), '--json');
    expect(result.code).toBe(1);
    const position = positionOf(brokenText, 'CAS*CO*45*18');
    expect(result.stderr).toContain(`segment ${position} (CAS) element CAS03`);
    const json = JSON.parse(result.stdout);
    expect(json.transactions[0].error).toMatchObject({ code: 'X835-BAD-AMOUNT', position, element: 'CAS03', scope: 'transaction' });
    expect(json.transactions[0].claims).toHaveLength(2);
    expect(json.transactions[1].balancing.balanced).toBe(true);
  });

  it('shows envelope defects as warnings, and a missing file as a usage error', async () => {
    const result = await runCli('x12', 'parse', file('count.835', interchange835([PAYER_B]).replace('SE*16*0001', 'SE*15*0001')));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/warning X12-SE-COUNT at segment \d+ \(SE\): SE01 is 15 but 16 segments from ST to SE were counted/);
    const missing = await runCli('x12', 'parse', join(dir, 'nope.835'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file');
  });
});
