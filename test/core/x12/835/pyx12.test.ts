/**
 * Every 835 we write must pass an independent implementation-guide validator
 * (pyx12) with zero errors. The validator is not part of the project: point
 * CLAIMFLOW_X12_VALIDATOR at a command that takes X12 files and exits 0 only
 * when all are valid; without it this test skips.
 *
 * Known pyx12 gap: it counts every PLB as a new summary loop ("Loop FOOTER
 * exceeded max count"), although the guide lets PLB repeat; the files here
 * carry one PLB segment (up to six adjustment pairs) for that reason.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { adjudicate } from '../../../../bin/local/payer-sandbox/adjudicate.js';
import { read835 } from '../../../../lambdas/core/x12/835/read-835.js';
import { write835, type Write835Options } from '../../../../lambdas/core/x12/835/write-835.js';
import { remittanceFile } from '../../../support/x12-property.js';
import { FULL, interchange835, PAYER_A, PAYER_B, transactions } from './fixtures.js';
import { CLAIMS, OPTS } from './sandbox-fixtures.js';

const VALIDATOR = process.env.CLAIMFLOW_X12_VALIDATOR ?? '';

const ENVELOPE: Write835Options = {
  senderQualifier: 'ZZ',
  senderId: 'SANDBOXPAYER',
  receiverQualifier: 'ZZ',
  receiverId: 'CFDEMO01',
  controlNumber: 9001,
  createdAt: new Date('2026-11-02T15:04:00Z'),
};

describe.skipIf(!VALIDATOR || !existsSync(VALIDATOR))('835 output passes the X12 validator (set CLAIMFLOW_X12_VALIDATOR)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'claimflow-835-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function validate(name: string, text: string): string {
    const file = join(dir, name);
    writeFileSync(file, text);
    try {
      return execFileSync(VALIDATOR, [file], { encoding: 'utf8' });
    } catch (error) {
      const failed = error as { stdout?: string; stderr?: string };
      return `${failed.stdout ?? ''}${failed.stderr ?? ''}`;
    }
  }

  const files: Array<[string, () => string]> = [
    ['sandbox.835', () => write835([adjudicate(CLAIMS, OPTS)], ENVELOPE)],
    ['notification-only.835', () => write835([adjudicate([CLAIMS[3]!], OPTS)], ENVELOPE)],
    [
      'round-trip.835',
      () => {
        const read = transactions(interchange835([PAYER_A, PAYER_B])).map(({ tx, delimiters }) => read835(tx, delimiters).remittance);
        return write835(read, { ...ENVELOPE, lineBreak: '\n' });
      },
    ],
    [
      'other-delimiters.835',
      () =>
        write835([adjudicate(CLAIMS, OPTS)], {
          ...ENVELOPE,
          delimiters: { element: '|', component: '>', repetition: '^', segment: '~' },
          lineBreak: '\r\n',
        }),
    ],
    [
      // Every segment the reader models (one PLB: its second PLB*IR*3 is left out, BPR02 590 + 3).
      'full.835',
      () => {
        const body = FULL.filter((s) => s !== 'PLB*1234567893*20241231*IR*3').map((s) => (s.startsWith('BPR*') ? s.replace('BPR*I*590*', 'BPR*I*593*') : s));
        const read = transactions(interchange835([body])).map(({ tx, delimiters }) => read835(tx, delimiters).remittance);
        return write835(read, { ...ENVELOPE, lineBreak: '\n' });
      },
    ],
    ...Array.from({ length: 20 }, (_, i): [string, () => string] => [
      `extended-${i}.835`,
      () => {
        const file = remittanceFile(41_000 + i, { extended: true, singlePlbSegment: true, hostility: 0.1, unbalanced: 0.1 });
        return write835(file.remittances, file.options);
      },
    ]),
  ];

  it.each(files)('%s is valid', (name, build) => {
    const report = validate(name, build());
    expect(report).toContain(`${name}: VALID`);
    expect(report).not.toMatch(/INVALID|error/i);
  });
});
