/**
 * `claimflow x12 parse` on acknowledgments: 999 (group and transaction set
 * statuses, errors) and 277CA (claim dispositions), in JSON and as text; a
 * damaged acknowledgment exits 1 naming the segment position.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { write277CA } from '../../lambdas/core/x12/277ca/write-277ca.js';
import { write999 } from '../../lambdas/core/x12/999/write-999.js';
import { ack277 } from '../core/x12/277ca/fixtures.js';
import { ACK_OPTIONS, groupAck } from '../core/x12/999/fixtures.js';
import { runCli } from './io.js';

const dir = mkdtempSync(join(tmpdir(), 'claimflow-cli-acks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('claimflow x12 parse (acknowledgments)', () => {
  it('reads a 999 into statuses and errors', async () => {
    const path = file('ack.999', write999([groupAck()], ACK_OPTIONS));
    const json = await runCli('x12', 'parse', path, '--json');
    expect(json).toMatchObject({ code: 0, stderr: '' });
    const tx = JSON.parse(json.stdout).interchanges[0].groups[0].transactions[0];
    expect(tx).toMatchObject({ type: '999', warnings: [], implementationAck: { groupControlNumber: '42', status: 'partially_accepted' } });
    expect(tx.implementationAck.transactions.map((t: { status: string }) => t.status)).toEqual(['accepted', 'rejected', 'accepted_with_errors']);

    const text = await runCli('x12', 'parse', path);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('ST 999 0001: group HC 42 partially_accepted, 3 transaction set(s)');
    expect(text.stdout).toContain('ST 837 0002 rejected (IK5 codes 5)');
    expect(text.stdout).toContain('! CLM at position 23 in loop 2300: error 8 (CLM01 ACME-26-0002)');
    expect(text.stdout).toContain('element SV101-2 (ref 234): error 7');
  });

  it('reads a 277CA into claim dispositions', async () => {
    const path = file('ack.277', write277CA([ack277()], ACK_OPTIONS));
    const json = await runCli('x12', 'parse', path, '--json');
    expect(json.code).toBe(0);
    const tx = JSON.parse(json.stdout).interchanges[0].groups[0].transactions[0];
    expect(tx.claimAck.claims.map((c: { patientControlNumber: string; disposition: string }) => [c.patientControlNumber, c.disposition])).toEqual([
      ['ACME-26-0001', 'accepted'],
      ['ACME-26-0002', 'rejected'],
      ['ACME-26-0003', 'rejected'],
    ]);
    const text = await runCli('x12', 'parse', path);
    expect(text.stdout).toContain('ST 277 0001: 3 claim(s)');
    expect(text.stdout).toContain('claim ACME-26-0001 accepted payer claim id PCN900001 status A2:20');
    expect(text.stdout).toContain('claim ACME-26-0003 rejected (by the provider level)');
    expect(text.stdout).toContain('line L2-1 99213 rejected');
    // Patient names stay out of the summary.
    expect(text.stdout).not.toContain('DOE');
  });

  it('exits 1 naming the segment position of a damaged acknowledgment', async () => {
    const broken = write999([groupAck()], ACK_OPTIONS).replace('IK5*R*5~', 'IK5*Q*5~');
    const result = await runCli('x12', 'parse', file('broken.999', broken));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/segment \d+ \(IK5\) element IK501/);
  });
});
