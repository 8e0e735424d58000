/**
 * Everything our 837P writer produces must pass our own validator with zero
 * errors: generated batches (the claims intake accepts) across every
 * delimiter set and line-break style the writer supports.
 */
import { describe, expect, it } from 'vitest';
import { write837P } from '../../../../lambdas/core/x12/837/write-837p.js';
import { validateX12 } from '../../../../lambdas/core/x12/validate/index.js';
import { claimFile, PROPERTY_TENANT } from '../../../support/x12-property.js';

const CLAIMS = 100;

describe('our 837P writer output conforms to the guide', () => {
  it(`at least ${CLAIMS} generated claims across files validate with zero errors`, () => {
    let claims = 0;
    let files = 0;
    for (let seed = 50_000; claims < CLAIMS; seed++) {
      const file = claimFile(seed, { hostility: 0.1 });
      if (file.claims.length === 0) continue;
      const text = write837P({
        claims: file.claims,
        tenant: PROPERTY_TENANT,
        receiver: PROPERTY_TENANT.receivers[0]!,
        controlNumber: seed,
        createdAt: new Date(Date.UTC(2026, 0, 1) + seed * 60_000),
        delimiters: file.delimiters,
        lineBreak: file.lineBreak,
      });
      const report = validateX12(text);
      const errors = report.findings.filter((f) => f.severity === 'error').map((f) => `${f.code} ${f.segmentId} ${f.loopId} ${f.element ?? ''}: ${f.message}`);
      expect(errors, `seed ${seed}`).toEqual([]);
      // The validator saw every claim the writer wrote.
      expect(report.transactions.flatMap((t) => t.claims.map((c) => c.claimId)), `seed ${seed}`).toHaveLength(file.claims.length);
      claims += file.claims.length;
      files++;
    }
    expect(files).toBeGreaterThan(5);
  });
});
