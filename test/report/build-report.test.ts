/**
 * buildReport against figures worked out by hand from test/support/report-scenario.ts
 * (the arithmetic is written next to each expectation).
 */
import { describe, expect, it } from 'vitest';
import { ageColumnFor, ageInDays } from '../../lambdas/core/report/claim-facts.js';
import { buildReport, type ReportInput } from '../../lambdas/core/report/build-report.js';
import { carcDescription, DESCRIBED_CARC_COUNT } from '../../lambdas/core/report/carc.js';
import { renderReportHtml } from '../../lambdas/core/report/render-html.js';
import { renderReportText } from '../../lambdas/core/report/render-text.js';
import { claimRecord, daysBefore, posting, scenario, scenarioPhi, SCENARIO_AS_OF, SCENARIO_TENANT, type ScenarioClaim } from '../support/report-scenario.js';

function inputOf(s = scenario()): ReportInput {
  return {
    tenantId: SCENARIO_TENANT,
    asOf: SCENARIO_AS_OF,
    claims: s.records,
    batches: s.batches,
    acknowledgments: s.acknowledgments,
    remittances: s.remittances,
    exceptions: s.exceptions,
  };
}

const report = buildReport(inputOf());
const payer = (id: string) => {
  const row = report.payers.find((p) => p.payerId === id);
  if (!row) throw new Error(`no payer ${id}`);
  return row;
};

describe('age', () => {
  it('counts whole elapsed days and buckets the boundary days 30/31, 60/61, 90/91', () => {
    const asOf = SCENARIO_AS_OF;
    expect(ageInDays(new Date(daysBefore(30)), asOf)).toBe(30);
    expect(ageInDays(new Date(daysBefore(30.99)), asOf)).toBe(30);
    expect(ageInDays(new Date(daysBefore(31)), asOf)).toBe(31);
    expect(ageInDays(new Date(daysBefore(-2)), asOf)).toBe(0);
    expect([0, 30, 31, 60, 61, 90, 91, 400].map(ageColumnFor)).toEqual(['0-30', '0-30', '31-60', '31-60', '61-90', '61-90', '90+', '90+']);
  });

  it('puts each claim under the age of its batch, and claims without a written batch under not submitted', () => {
    const cell = (status: string, column: string) => report.statusAge.rows.find((r) => r.status === status)?.counts[column as never];
    // paid: C-PAID (B1, 5 days) and C-LEGACY (B2, 30 days) -> 0-30; C-MISMATCH (B7, 91 days) -> 90+.
    expect(cell('paid', '0-30')).toBe(2);
    expect(cell('paid', '90+')).toBe(1);
    // denied: C-DENIED (B3, 31 days) -> 31-60; C-DEDUCT (B1) -> 0-30.
    expect(cell('denied', '31-60')).toBe(1);
    expect(cell('denied', '0-30')).toBe(1);
    expect(cell('partially_paid', '31-60')).toBe(1); // B4, 60 days
    expect(cell('forwarded', '61-90')).toBe(1); // B5, 61 days
    expect(cell('reversed', '61-90')).toBe(1); // B6, 90 days
    expect(cell('rejected', '90+')).toBe(1); // C-REJECTED-999, B7
    expect(cell('rejected', 'not-submitted')).toBe(1); // rejected at intake
    expect(cell('submitted', '0-30')).toBe(1); // C-SUBMITTED, B1
    expect(cell('submitted', 'not-submitted')).toBe(1); // C-OPENBATCH: its batch B8 is still open
    expect(cell('ready', 'not-submitted')).toBe(1);
    expect(cell('corrected', '0-30')).toBe(1);
    expect(cell('accepted', '0-30')).toBe(1);
    expect(report.statusAge.totals).toEqual({ '0-30': 6, '31-60': 2, '61-90': 2, '90+': 2, 'not-submitted': 3 });
    expect(report.statusAge.total).toBe(15);
    // Every status of the state machine has a row, empty ones included.
    expect(report.statusAge.rows.map((r) => r.status)).toContain('corrected');
    expect(report.statusAge.rows.reduce((n, r) => n + r.total, 0)).toBe(15);
  });
});

describe('by payer', () => {
  it('Sunrise: billed of submitted claims, money net of the reversal, allowed unknown for the legacy record', () => {
    const p = payer('SHP01');
    expect(p.payerName).toBe('Sunrise Health Plan');
    expect(p.claims).toBe(6);
    expect(p.submittedClaims).toBe(5); // C-OPENBATCH's batch is not written
    expect(p.billed).toBe('535.00'); // 150 + 200 + 30 + 45 + 110
    expect(p.postedClaims).toBe(3); // C-PAID, C-REV-CORR, C-LEGACY
    expect(p.paid).toBe('370.00'); // 120 + (0 + 0 + 150) + 100
    expect(p.patientResponsibility).toBe('10.00'); // PR-2 on C-PAID
    expect(p.adjustments).toBe('90.00'); // 30 + (200 - 200 + 50) + 10
    expect(p.allowed).toBe('280.00'); // 130 + (0 + 0 + 150)
    expect(p.allowedKnownClaims).toBe(2);
    expect(p.allowedUnknownClaims).toBe(1); // C-LEGACY
    expect(p.reconciliation).toEqual({ claims: 3, billed: '460.00', paidPlusAdjustments: '460.00', difference: '0.00', mismatches: [] });
  });

  it('Medicare: a denial, a partial payment, a deductible-only claim; allowed unknown where a line lacks it', () => {
    const p = payer('MCR01');
    expect([p.claims, p.submittedClaims, p.postedClaims]).toEqual([5, 3, 3]);
    expect(p.billed).toBe('230.00'); // 80 + 100 + 50
    expect(p.paid).toBe('60.00');
    expect(p.patientResponsibility).toBe('60.00'); // PR-1 10 + PR-1 50
    expect(p.adjustments).toBe('170.00'); // 80 + 40 + 50
    expect(p.allowed).toBe('50.00'); // only C-DEDUCT states it on every line
    expect(p.allowedUnknownClaims).toBe(2);
    expect(p.reconciliation.difference).toBe('0.00');
  });

  it('Aetna: the reversed claim is out of the reconciliation; the restated charge is a mismatch by CLP07', () => {
    const p = payer('AET02');
    expect([p.claims, p.submittedClaims, p.postedClaims, p.reversedClaims]).toEqual([4, 4, 3, 1]);
    expect(p.billed).toBe('385.00'); // 120 + 90 + 75 + 100 (the secondary claim)
    expect(p.paid).toBe('140.00'); // 70 + (90 - 90) + 70
    expect(p.patientResponsibility).toBe('20.00');
    expect(p.adjustments).toBe('50.00');
    expect(p.allowed).toBe('160.00'); // 90 + (90 - 90) + 70
    expect(p.allowedUnknownClaims).toBe(0);
    expect(p.reconciliation).toEqual({
      claims: 2,
      billed: '195.00',
      paidPlusAdjustments: '190.00',
      difference: '5.00',
      mismatches: [{ payerClaimControlNumber: 'PCCN-7', claimStatusCode: '1', billed: '75.00', paid: '70.00', adjustments: '0.00', difference: '5.00' }],
    });
  });

  it('leaves predetermination notes (CLP02 25) out of the money and the reconciliation', () => {
    const priced: ScenarioClaim = {
      claimId: 'C-PREDET',
      payer: { payerId: 'PRE01', name: 'Predetermining Payer' },
      charges: ['100.00'],
      status: 'paid',
      batchId: 'B1',
      people: { subscriberLast: 'Pre', subscriberFirst: 'Det', memberId: 'PRE000', birthDate: '1970-01-01' },
      postings: [
        posting({ code: '25', charge: '100.00', paid: '0.00', allowed: '80.00', lines: [{ charge: '100.00', paid: '0.00', allowed: '80.00', adj: [['CO', '45', '20.00'], ['CO', '246', '80.00']] }] }),
        posting({ code: '1', charge: '100.00', paid: '80.00', allowed: '80.00', lines: [{ charge: '100.00', paid: '80.00', allowed: '80.00', adj: [['CO', '45', '20.00']] }] }, 2),
      ],
    };
    const r = buildReport({ ...inputOf(), claims: [claimRecord(priced)] });
    expect(r.payers).toEqual([
      expect.objectContaining({ payerId: 'PRE01', postedClaims: 1, paid: '80.00', adjustments: '20.00', allowed: '80.00', reconciliation: expect.objectContaining({ difference: '0.00', mismatches: [] }) }),
    ]);
    expect(r.denials).toEqual([]);
  });

  it('totals are the sums of the payer rows', () => {
    expect(report.totals).toEqual({
      claims: 15,
      submittedClaims: 12,
      secondaryClaims: 1,
      billed: '1150.00',
      allowed: '490.00',
      allowedUnknownClaims: 3,
      paid: '570.00',
      patientResponsibility: '90.00',
      adjustments: '310.00',
      denied: '110.00',
    });
  });
});

describe('denials', () => {
  it('groups the denial adjustments of current adjudications by group and CARC, PR excluded, largest first', () => {
    expect(report.denials).toEqual([
      // C-DENIED line 1 (50) and line 2 (20), C-PARTIAL's unpaid line 2 (10).
      { group: 'CO', reason: '50', description: carcDescription('50'), count: 3, claims: 2, amount: '80.00' },
      { group: 'CO', reason: '97', description: carcDescription('97'), count: 1, claims: 1, amount: '20.00' },
      { group: 'CO', reason: '16', description: carcDescription('16'), count: 1, claims: 1, amount: '10.00' },
    ]);
    // The reversed CO-197 denial of C-REV-CORR is gone; PR-1 of the deductible-only claim is not a denial.
    expect(report.denials.map((d) => `${d.group}-${d.reason}`)).not.toContain('CO-197');
    expect(report.denials.map((d) => d.group)).not.toContain('PR');
  });

  it('counts no denial for expected reductions: a deductible line with CO-45, a secondary claim with OA-23', () => {
    const deductible: ScenarioClaim = {
      claimId: 'C-DED45',
      payer: { payerId: 'DED01', name: 'Deductible Payer' },
      charges: ['100.00', '40.00'],
      status: 'paid',
      people: { subscriberLast: 'Ded', subscriberFirst: 'One', memberId: 'DED000', birthDate: '1970-01-01' },
      postings: [
        posting({
          code: '1',
          charge: '140.00',
          paid: '30.00',
          lines: [
            { charge: '100.00', paid: '0.00', adj: [['CO', '45', '90.00'], ['PR', '1', '10.00']] },
            { charge: '40.00', paid: '30.00', adj: [['OA', '23', '10.00']] },
          ],
        }),
      ],
    };
    const secondary: ScenarioClaim = {
      ...deductible,
      claimId: 'C-SEC23',
      status: 'denied',
      postings: [posting({ code: '2', charge: '140.00', paid: '0.00', lines: [{ charge: '140.00', paid: '0.00', adj: [['OA', '23', '140.00']] }] })],
    };
    const r = buildReport({ ...inputOf(), claims: [claimRecord(deductible), claimRecord(secondary)] });
    expect(r.denials).toEqual([]);
    expect(r.totals.denied).toBe('0.00');
  });

  it('describes the common CARCs (at least 40) and nothing it does not know', () => {
    expect(DESCRIBED_CARC_COUNT).toBeGreaterThanOrEqual(40);
    expect(carcDescription('45')).toMatch(/fee schedule/);
    expect(carcDescription('a1')).toBe(carcDescription('A1'));
    expect(carcDescription('P99')).toBeUndefined();
  });

  it('shows an unknown CARC by its code alone', () => {
    const odd: ScenarioClaim = {
      claimId: 'C-ODD',
      payer: { payerId: 'ODD01', name: 'Odd Payer' },
      charges: ['10.00'],
      status: 'denied',
      people: { subscriberLast: 'Odd', subscriberFirst: 'One', memberId: 'ODD000', birthDate: '1970-01-01' },
      postings: [posting({ code: '4', charge: '10.00', paid: '0.00', claimAdj: [['OA', 'P99', '10.00']], lines: [{ charge: '10.00', paid: '0.00' }] })],
    };
    const r = buildReport({ ...inputOf(), claims: [claimRecord(odd)] });
    expect(r.denials).toEqual([{ group: 'OA', reason: 'P99', count: 1, claims: 1, amount: '10.00' }]);
  });
});

describe('remittance problems', () => {
  it('lists the remittance exceptions with whitelisted figures (no claim id) and the remittances not balanced or held', () => {
    const p = report.remittanceProblems;
    expect(p.exceptionCounts).toEqual({
      'remittance-unmatched': 1,
      'remittance-line-unmatched': 1,
      'remittance-unbalanced': 1,
      'remittance-illegal-transition': 0,
    });
    expect(p.exceptions.map((e) => e.kind)).not.toContain('invalid-encounter');
    const unbalanced = p.exceptions.find((e) => e.kind === 'remittance-unbalanced');
    expect(unbalanced?.figures).toEqual({ remittanceId: 'rem-0009', check: 'claim', expected: '150.00', actual: '140.00', difference: '10.00' });
    expect(p.exceptions.find((e) => e.kind === 'remittance-unmatched')?.figures).toEqual({ remittanceId: 'rem-0009' });
    expect(p.remittances.map((r) => [r.remittanceId, r.balance, r.state])).toEqual([
      ['rem-0005', 'not-evaluable', 'posted'],
      ['rem-0004', 'unbalanced', 'held'],
      ['rem-old', 'not-recorded', undefined],
    ]);
    expect(p.remittanceCount).toBe(4);
  });
});

describe('latest batches', () => {
  it('lists batches newest first with the 999 outcome and where their claims stand now', () => {
    expect(report.batches.map((b) => b.batchId)).toEqual(['B8', 'B1', 'B2', 'B3', 'B4', 'B5', 'B6', 'B7']);
    const b1 = report.batches.find((b) => b.batchId === 'B1')!;
    // C-PAID (paid), C-DEDUCT (denied), C-SEC (accepted); C-SUBMITTED awaiting; C-MOVED is in no claim of this batch.
    expect(b1).toMatchObject({ controlNumber: 101, claims: 5, ack999: 'accepted', acks999: 1, outcome: { acceptedOrLater: 3, rejected: 0, awaiting: 1, elsewhere: 1 } });
    expect(report.batches.find((b) => b.batchId === 'B7')).toMatchObject({ ack999: 'partially_accepted', outcome: { acceptedOrLater: 1, rejected: 1, awaiting: 0, elsewhere: 0 } });
    expect(report.batches.find((b) => b.batchId === 'B3')?.ack999).toBe('awaiting');
    expect(report.batches.find((b) => b.batchId === 'B8')?.writtenAt).toBeUndefined();
    expect(report.acknowledgments).toEqual({ files999: 2, files277ca: 2, claims277ca: { accepted: 7, rejected: 1, pending: 1 } });
  });

  it('keeps only the newest 20', () => {
    const s = scenario();
    const many = Array.from({ length: 25 }, (_, i) => ({ ...s.batches[1]!, batchId: `M${String(i).padStart(2, '0')}`, writtenAt: daysBefore(100 - i) }));
    const r = buildReport({ ...inputOf(s), batches: many });
    expect(r.batches).toHaveLength(20);
    expect(r.batchCount).toBe(25);
    expect(r.batches[0]?.batchId).toBe('M24');
  });
});

describe('isolation and PHI', () => {
  it('ignores records of another tenant', () => {
    const other = scenario('other-tenant');
    const r = buildReport({
      ...inputOf(),
      claims: [...inputOf().claims, ...other.records],
      batches: [...inputOf().batches, ...other.batches],
      exceptions: [...inputOf().exceptions, ...other.exceptions],
      remittances: [...inputOf().remittances, ...other.remittances],
      acknowledgments: [...inputOf().acknowledgments, ...other.acknowledgments],
    });
    expect(r).toEqual(report);
  });

  it('holds no names, member ids, birth dates or claim ids, in JSON, HTML or text', () => {
    const s = scenario();
    const outputs = [JSON.stringify(report), renderReportHtml([report]), renderReportText(report)];
    const phi = scenarioPhi(s.claims);
    expect(phi.length).toBeGreaterThan(40);
    // The inputs do hold them (the test would prove nothing otherwise).
    expect(JSON.stringify(s.records)).toContain(phi[0]);
    for (const output of outputs) {
      for (const value of phi) expect(output, value).not.toContain(value);
      for (const claim of s.claims) expect(output, claim.claimId).not.toMatch(new RegExp(`(?<![A-Z-])${claim.claimId}(?![A-Z0-9-])`));
      expect(output).not.toContain('PCN-GHOST-ZQ9');
    }
  });
});
