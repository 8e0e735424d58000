/**
 * Public 999 samples (../shared/samples/x12/999) read without errors, with the
 * statuses and error details they carry.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { read999File } from '../../../../lambdas/core/x12/999/read-999.js';
import { readX12 } from '../../../../lambdas/core/x12/reader.js';

const DIR = fileURLToPath(new URL('../../../../../shared/samples/x12/999/', import.meta.url));
const read = (suffix: string) => {
  const name = readdirSync(DIR).find((file) => file.endsWith(suffix));
  if (!name) throw new Error(`sample *${suffix} is missing`);
  return read999File(readX12(readFileSync(join(DIR, name))));
};

describe.skipIf(!existsSync(DIR))('999 samples (needs ../shared/samples/x12/999)', () => {
  it('reads every sample without warnings', () => {
    for (const file of readdirSync(DIR)) {
      const result = read999File(readX12(readFileSync(join(DIR, file))));
      expect(result.warnings, file).toEqual([]);
      expect(result.acks.length, file).toBeGreaterThan(0);
    }
  });

  it('reads the partially accepted Wisconsin sample with its segment and element errors', () => {
    const [file] = read('DHS_Wisconsin_Sample.txt').acks;
    const ack = file!.acks[0]!;
    expect(ack).toMatchObject({ functionalId: 'HC', groupControlNumber: '17456', status: 'partially_accepted', counts: { included: 3, received: 3, accepted: 1 } });
    expect(ack.transactions.map((t) => [t.controlNumber, t.status, t.errorCodes])).toEqual([
      ['0001', 'accepted', []],
      ['002', 'rejected', ['5']],
      ['0003', 'rejected', ['5']],
    ]);
    const [clm] = ack.transactions[1]!.segmentErrors;
    expect(clm).toMatchObject({ segmentId: 'CLM', position: 22, errorCode: '8', contexts: [{ name: 'CLM01', reference: '123456789' }] });
    expect(clm!.elementErrors).toMatchObject([{ position: { element: 2 }, elementRef: '782', errorCode: '1' }]);
    const [ref] = ack.transactions[2]!.segmentErrors;
    expect(ref!.contexts).toMatchObject([
      { name: 'SITUATIONAL TRIGGER', segmentId: 'CLM', segmentPosition: 43, elementPosition: { element: 5, component: 3 }, elementRef: 'C023' },
      { name: 'CLM01', reference: '987654321' },
    ]);
  });

  it('reads a file with several groups and 999 transaction sets', () => {
    const { acks } = read('834_lui_id_5010.999.txt');
    expect(acks.map((a) => [a.groupControlNumber, a.acks.length])).toEqual([
      ['344666205', 2],
      ['102', 2],
    ]);
    expect(acks.flatMap((a) => a.acks.map((g) => g.status))).toEqual(['accepted', 'accepted', 'accepted', 'accepted']);
  });

  it('reads the rejected imsweb sample', () => {
    const ack = read('x12_999_rejected.txt').acks[0]!.acks[0]!;
    expect(ack).toMatchObject({ status: 'rejected', groupControlNumber: '28', version: '005010X223A2' });
    expect(ack.transactions[0]).toMatchObject({ controlNumber: '0028', status: 'rejected', segmentErrors: [{ segmentId: 'NM', position: 17, errorCode: '1' }] });
  });
});
