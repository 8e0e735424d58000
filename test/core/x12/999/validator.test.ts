/**
 * The 999s and 277CAs we write pass the independent implementation-guide
 * validator. Opt-in: point CLAIMFLOW_X12_VALIDATOR at a command that takes
 * X12 files and exits 0 only when all are valid (e.g. pyx12's x12valid);
 * without it this test skips.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { write277CA } from '../../../../lambdas/core/x12/277ca/write-277ca.js';
import { acceptGroup } from '../../../../lambdas/core/x12/999/build-ack.js';
import { write999 } from '../../../../lambdas/core/x12/999/write-999.js';
import { readX12 } from '../../../../lambdas/core/x12/reader.js';
import { ack277 } from '../277ca/fixtures.js';
import { group, interchange } from '../x12-fixtures.js';
import { ACK_OPTIONS, groupAck } from './fixtures.js';

const VALIDATOR = process.env.CLAIMFLOW_X12_VALIDATOR ?? '';
const DELIMITER_SETS = [undefined, { element: '|', component: '>', repetition: '!', segment: '\n' }, { element: '*', component: '^', repetition: '{', segment: '~' }];

describe.skipIf(!VALIDATOR || !existsSync(VALIDATOR))('999 and 277CA files pass the validator (set CLAIMFLOW_X12_VALIDATOR)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'claimflow-acks-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function validate(paths: string[]): { status: number; report: string } {
    try {
      return { status: 0, report: execFileSync(VALIDATOR, paths, { encoding: 'utf8' }) };
    } catch (error) {
      const failed = error as { status?: number; stdout?: string; stderr?: string };
      return { status: failed.status ?? -1, report: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
    }
  }

  it('writes valid 999s: errors with contexts, all accepted, every status', () => {
    const received = readX12(interchange(group([['BHT*0019*00*1*20240115*1200*CH'], ['BHT*0019*00*2*20240115*1200*CH']]))).interchanges[0]!.groups[0]!;
    const rejected = acceptGroup(received);
    rejected.transactions.forEach((t) => (t.status = 'rejected'));
    rejected.status = 'rejected';
    rejected.counts.accepted = 0;
    const paths = DELIMITER_SETS.map((delimiters, i) => {
      const path = join(dir, `ack-${i}.999`);
      writeFileSync(path, write999([groupAck(), acceptGroup(received), rejected], { ...ACK_OPTIONS, controlNumber: 100 + i, delimiters, lineBreak: i === 0 ? '\n' : '' }));
      return path;
    });
    const { status, report } = validate(paths);
    expect(report.split('\n').filter((line) => line !== '' && !line.endsWith(': VALID'))).toEqual([]);
    expect(status).toBe(0);
  });

  it('writes valid 277CAs: accepted, rejected claims and lines, provider-level rejection', () => {
    const minimal = ack277();
    const provider = minimal.sources[0]!.receivers[0]!.providers[0]!;
    provider.claims = [provider.claims[0]!];
    provider.references = [];
    provider.totals = {};
    const paths = DELIMITER_SETS.map((delimiters, i) => {
      const path = join(dir, `ack-${i}.277`);
      writeFileSync(path, write277CA([ack277(), minimal], { ...ACK_OPTIONS, controlNumber: 200 + i, delimiters }));
      return path;
    });
    const { status, report } = validate(paths);
    expect(report.split('\n').filter((line) => line !== '' && !line.endsWith(': VALID'))).toEqual([]);
    expect(status).toBe(0);
  });
});
