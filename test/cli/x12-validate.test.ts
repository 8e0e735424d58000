/**
 * `claimflow x12 validate <file...> [--json]`: one line per finding, exit 0
 * when conformant, 1 when errors are found, 2 on usage errors.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { X12Edit } from '../core/x12/validate/validate-fixtures.js';
import { runCli } from './io.js';

const dir = mkdtempSync(join(tmpdir(), 'claimflow-validate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('claimflow x12 validate', () => {
  const good = file('good.837', new X12Edit().text());
  const edit = new X12Edit();
  const clm = edit.position('CLM*CLAIM-A');
  edit.setElement(clm, 5, '11:X:1');
  const bad = file('bad.837', edit.text());

  it('exits 0 on a conformant file', async () => {
    const result = await runCli('x12', 'validate', good);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toBe(`${good}: conformant (0 error(s), 0 warning(s))\n`);
  });

  it('exits 1 and prints one line per finding with position, segment, loop and element', async () => {
    const result = await runCli('x12', 'validate', good, bad);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`${bad}: segment ${clm} (CLM, loop 2300, element CLM05-2, claim CLAIM-A) ELEM_CODE: `);
    expect(result.stdout).toContain(`${bad}: NOT conformant (1 error(s), 0 warning(s))`);
    expect(result.stderr).toContain(`${bad}: 1 implementation-guide error(s)`);
    expect(result.stderr).not.toContain(`${good}:`);
  });

  it('--json prints the findings and the claims they condemn', async () => {
    const result = await runCli('x12', 'validate', bad, '--json');
    expect(result.code).toBe(1);
    const json = JSON.parse(result.stdout);
    expect(json.files[0]).toMatchObject({ file: bad, errorCount: 1, claimsWithErrors: [{ claimId: 'CLAIM-A', transactionControlNumber: '0001', findingCount: 1 }] });
    expect(json.files[0].findings[0]).toMatchObject({ code: 'ELEM_CODE', position: clm, element: 'CLM05-2', loopId: '2300' });
  });

  it('exits 1 on a file that is not X12, and 2 on usage errors', async () => {
    const junk = await runCli('x12', 'validate', file('junk.txt', 'not x12 at all'));
    expect(junk.code).toBe(1);
    expect(junk.stdout).toContain('X12_UNREADABLE');
    expect((await runCli('x12', 'validate')).code).toBe(2);
    expect((await runCli('x12', 'validate', join(dir, 'missing.837'))).code).toBe(2);
  });
});
