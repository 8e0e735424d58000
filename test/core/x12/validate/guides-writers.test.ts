/**
 * Every 837I, 835, 999 and 277CA our writers produce must validate against
 * its guide table with zero errors: the institutional batch, the payer
 * sandbox's 835, generated remittances (including several PLB segments,
 * which the guide allows), and the 999/277CA acknowledgments, with the
 * claims each file carries attributed to the claim loop.
 */
import { describe, expect, it } from 'vitest';
import { write835 } from '../../../../lambdas/core/x12/835/write-835.js';
import { write837I } from '../../../../lambdas/core/x12/837i/write-837i.js';
import { validateX12 } from '../../../../lambdas/core/x12/validate/index.js';
import { institutionalClaimFile } from '../../../support/institutional-generator.js';
import { Random } from '../../../support/random.js';
import { RemittanceGenerator } from '../../../support/remittance-generator.js';
import { PROPERTY_TENANT } from '../../../support/x12-property.js';
import { ENVELOPE_835, file277CA, file835, file837I, file999 } from './guides-fixtures.js';

function errorsOf(text: string): string[] {
  return validateX12(text)
    .findings.filter((f) => f.severity === 'error')
    .map((f) => `${f.position} ${f.code} ${f.loopId} ${f.element ?? f.segmentId}: ${f.message}`);
}

describe('our writers produce files that conform to the 837I/835/999/277CA tables', () => {
  it('837I: an institutional batch (subscriber and dependent patient) with every HI family', () => {
    for (const lineBreak of [undefined, '\n', '\r\n'] as const) {
      const text = file837I(lineBreak ? { lineBreak } : {});
      expect(errorsOf(text)).toEqual([]);
      const [tx] = validateX12(text).transactions;
      expect(tx?.guide).toBe('005010X223A2');
      expect(tx?.claims.map((c) => c.claimId)).toEqual(['WT-I-0001', 'WT-I-0002']);
    }
  });

  it('837I: at least 100 generated institutional claims across files, every delimiter set and line break', () => {
    let claims = 0;
    let files = 0;
    for (let seed = 70_000; claims < 100; seed++) {
      const file = institutionalClaimFile(seed, { hostility: 0.1 });
      if (file.claims.length === 0) continue;
      const text = write837I({
        claims: file.claims,
        tenant: PROPERTY_TENANT,
        receiver: PROPERTY_TENANT.receivers[0]!,
        controlNumber: seed,
        createdAt: new Date(Date.UTC(2026, 0, 1) + seed * 60_000),
        delimiters: file.delimiters,
        lineBreak: file.lineBreak,
      });
      expect(errorsOf(text), `seed ${seed}`).toEqual([]);
      const report = validateX12(text);
      expect(report.transactions.map((t) => t.guide)).toEqual(['005010X223A2']);
      // The writer groups claims by billing provider: the same claims, maybe in another order.
      const seen = report.transactions.flatMap((t) => t.claims.map((c) => c.claimId));
      expect(seen.toSorted(), `seed ${seed}`).toEqual(file.claims.map((c) => c.claimId).toSorted());
      claims += file.claims.length;
      files++;
    }
    expect(files).toBeGreaterThan(5);
  });

  it('835: the payer sandbox remittance', () => {
    const text = file835();
    expect(errorsOf(text)).toEqual([]);
    expect(validateX12(text).transactions.map((t) => t.guide)).toEqual(['005010X221A1']);
  });

  it('835: 60 generated files of two remittances each, with zero to two PLB segments', () => {
    let claims = 0;
    let plbs = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const generator = new RemittanceGenerator(new Random(seed));
      const remittances = [generator.remittance(), generator.remittance()];
      const text = write835(remittances, { ...ENVELOPE_835, controlNumber: seed });
      expect(errorsOf(text), `seed ${seed}`).toEqual([]);
      const report = validateX12(text);
      expect(report.transactions.map((t) => t.guide)).toEqual(['005010X221A1', '005010X221A1']);
      // Each CLP is a claim loop instance (2100).
      expect(report.transactions.flatMap((t) => t.claims)).toHaveLength(remittances.reduce((n, r) => n + r.claims.length, 0));
      claims += remittances.reduce((n, r) => n + r.claims.length, 0);
      plbs += (text.match(/~PLB\*/g) ?? []).length;
    }
    expect(claims).toBeGreaterThan(100);
    expect(plbs).toBeGreaterThan(10);
  });

  it('999: the test acknowledgment (accepted, rejected with segment and element errors, accepted with errors)', () => {
    const text = file999();
    expect(errorsOf(text)).toEqual([]);
    expect(validateX12(text).transactions.map((t) => t.guide)).toEqual(['005010X231A1']);
  });

  it('277CA: the test acknowledgment, with its claims attributed by TRN02 (2200D)', () => {
    const text = file277CA();
    expect(errorsOf(text)).toEqual([]);
    const [tx] = validateX12(text).transactions;
    expect(tx?.guide).toBe('005010X214');
    expect(tx?.claims.length).toBeGreaterThan(0);
  });
});
