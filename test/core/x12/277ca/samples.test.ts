/**
 * Public 277 samples (../shared/samples/x12/277CA): the 277CAs read with
 * their dispositions; the ones that are not 277CA (or are damaged) give a
 * warning or an X12Error, never a crash.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { read277CAFile } from '../../../../lambdas/core/x12/277ca/read-277ca.js';
import { X12Error } from '../../../../lambdas/core/x12/errors.js';
import { parseX12, readX12 } from '../../../../lambdas/core/x12/reader.js';

const DIR = fileURLToPath(new URL('../../../../../shared/samples/x12/277CA/', import.meta.url));
const read = (suffix: string) => {
  const name = readdirSync(DIR).find((file) => file.endsWith(suffix));
  if (!name) throw new Error(`sample *${suffix} is missing`);
  return read277CAFile(readX12(readFileSync(join(DIR, name))));
};

describe.skipIf(!existsSync(DIR))('277CA samples (needs ../shared/samples/x12/277CA)', () => {
  it('reads every sample or rejects it with a typed error', () => {
    for (const file of readdirSync(DIR)) {
      const parsed = parseX12(readFileSync(join(DIR, file)));
      if (!parsed.ok) {
        expect(parsed.error, file).toBeInstanceOf(X12Error);
        continue;
      }
      try {
        const { acks } = read277CAFile(parsed.value);
        for (const claim of acks.flatMap((a) => a.claims)) expect(['accepted', 'rejected', 'pending'], file).toContain(claim.disposition);
      } catch (error) {
        expect(error, file).toBeInstanceOf(X12Error);
      }
    }
  });

  it('reads the accepted imsweb 277CA', () => {
    const { acks, warnings } = read('x12_277CA_accepted.txt');
    expect(warnings).toEqual([]);
    expect(acks[0]).toMatchObject({ referenceId: '000000674', transactionDate: '2011-03-11' });
    expect(acks[0]!.claims).toMatchObject([
      { patientControlNumber: '5781', payerClaimId: '1107000000014420', disposition: 'accepted', billedAmount: '125.00', payerId: '141797357', informationReceiverId: 'ETIN', billingProviderId: '1234567890' },
    ]);
    expect(acks[0]!.sources[0]!.receivers[0]!).toMatchObject({ disposition: 'accepted', totals: { acceptedQuantity: 1, acceptedAmount: '125.00' } });
  });

  it('reads the rejected imsweb 277CA with its status and entity codes', () => {
    const { acks } = read('x12_277CA_rejected.txt');
    expect(acks[0]!.claims).toMatchObject([
      { patientControlNumber: '3920394930203', disposition: 'rejected', rejectedAt: 'claim', billType: '731', statuses: [{ category: 'A7', status: '562', entity: '85', action: 'WQ' }] },
    ]);
  });

  it('reads a 277 that is not a 277CA as far as it goes, with a warning', () => {
    const { acks, warnings } = read('277_Deidentified_from_nth.txt');
    expect(warnings.map((w) => w.code)).toContain('X277-NOT-277CA');
    expect(acks[0]!.claims).toHaveLength(3);
    expect(acks[0]!.claims.every((c) => c.disposition === 'pending')).toBe(true);
  });
});
