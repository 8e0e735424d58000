/** scrub-claims: the tenant's and payer's rule settings, pointers, and the guide checks beside the scrubber. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCodeSetsFromDir } from '../../../bin/cli/codeset-dir.js';
import { Claim, type ClaimInput } from '../../../lambdas/core/claim/model.js';
import { InMemoryCodeSets } from '../../../lambdas/core/codesets/store.js';
import { parseEncounterFile } from '../../../lambdas/core/encounters/parse-encounter-file.js';
import type { ParsedClaim } from '../../../lambdas/core/encounters/types.js';
import type { Rule } from '../../../lambdas/core/scrub/rule.js';
import { ALL_RULES } from '../../../lambdas/core/scrub/rules/index.js';
import { checkParsedClaim, scrubParsedClaim, settingsFor, todayIn } from '../../../lambdas/core/scrub/scrub-claims.js';
import { TenantConfig } from '../../../lambdas/core/tenant/config.js';
import { sampleClaimInput } from '../../fixtures/claims.js';

/** Two small rules of the test's own, so the settings are tested apart from the real families. */
const lineCount: Rule = {
  id: 'T-TWO-LINES',
  family: 'arithmetic',
  defaultSeverity: 'error',
  description: 'flags claims with more than one line',
  fix: 'Send one line.',
  check: ({ claim }) => (claim.serviceLines.length > 1 ? [{ message: 'more than one line', path: 'serviceLines[1]' }] : []),
};
const modifier25: Rule = {
  id: 'T-MOD-25',
  family: 'modifier',
  defaultSeverity: 'warning',
  description: 'notes modifier 25',
  fix: 'Check the E/M documentation.',
  check: ({ claim }) =>
    claim.serviceLines.flatMap((line, i) => (line.modifiers.includes('25') ? [{ message: 'modifier 25', path: `serviceLines[${i}].modifiers` }] : [])),
};
const throws: Rule = { ...lineCount, id: 'T-THROWS', check: () => { throw new RangeError('boom'); } };
const rules = [lineCount, modifier25];

const parsed = (overrides: Partial<ClaimInput> = {}, locate?: (path: string) => string): ParsedClaim => ({
  claim: Claim.parse(sampleClaimInput(overrides)),
  index: 0,
  position: 'claims[0]',
  ...(locate ? { locate } : {}),
});
const none = new InMemoryCodeSets();
const run = (settings?: Parameters<typeof settingsFor>[0], claim = parsed()) =>
  scrubParsedClaim(claim, { codeSets: none, today: '2026-06-01', rules, ...(settings ? { settings } : {}) }).map((f) => `${f.ruleId}:${f.severity}`);

describe('rule settings', () => {
  it('without settings every rule runs at its default severity', () => {
    expect(run()).toEqual(['T-TWO-LINES:error', 'T-MOD-25:warning']);
  });
  it('the tenant disables a rule or changes its severity', () => {
    expect(run({ disabled: ['T-TWO-LINES'] })).toEqual(['T-MOD-25:warning']);
    expect(run({ severity: { 'T-TWO-LINES': 'warning', 'T-MOD-25': 'error' } })).toEqual(['T-TWO-LINES:warning', 'T-MOD-25:error']);
  });
  it("the payer's settings win over the tenant's, for that payer's claims only", () => {
    const settings = { severity: { 'T-TWO-LINES': 'warning' as const }, payers: { EXHP1: { severity: { 'T-TWO-LINES': 'error' as const }, disabled: ['T-MOD-25'] } } };
    expect(run(settings)).toEqual(['T-TWO-LINES:error']);
    const otherPayer = parsed({ payer: { name: 'Other Plan', payerId: 'OTHER' } });
    expect(run(settings, otherPayer)).toEqual(['T-TWO-LINES:warning', 'T-MOD-25:warning']);
  });
  it('settingsFor splits the tenant part from the payer part', () => {
    const settings = { disabled: ['A'], payers: { P1: { disabled: ['B'] } } };
    expect(settingsFor(settings, 'P1')).toEqual({ tenant: { disabled: ['A'] }, payer: { disabled: ['B'] } });
    expect(settingsFor(settings, 'P2')).toEqual({ tenant: { disabled: ['A'] } });
    expect(settingsFor(undefined, 'P1')).toEqual({});
  });
  it('the tenant configuration accepts scrubber settings and refuses an unknown severity', () => {
    const base = tenantJson() as Record<string, unknown>;
    expect(TenantConfig.parse({ ...base, scrubber: { disabled: ['DX-AGE'], payers: { EXHP1: { severity: { 'DX-SEX': 'error' } } } } }).scrubber?.payers?.EXHP1?.severity).toEqual({ 'DX-SEX': 'error' });
    expect(TenantConfig.safeParse({ ...base, scrubber: { severity: { 'DX-AGE': 'fatal' } } }).success).toBe(false);
  });
});

describe('findings', () => {
  it('point at the claim, the line and where the field came from', () => {
    const [first, second] = scrubParsedClaim(parsed({}, (path) => `segment 9, element for ${path}`), { codeSets: none, today: '2026-06-01', rules });
    expect(first).toMatchObject({ claimId: 'PCN-1001', line: 2, family: 'arithmetic', pointer: 'claim PCN-1001, line 2, segment 9, element for serviceLines[1]' });
    expect(second!.pointer).toBe('claim PCN-1001, line 1, segment 9, element for serviceLines[0].modifiers');
    const [json] = scrubParsedClaim(parsed(), { codeSets: none, today: '2026-06-01', rules: [lineCount] });
    expect(json!.pointer).toBe('claim PCN-1001, line 2, claims[0].serviceLines[1]');
  });
  it('a rule that throws answers a "could not be checked" warning under its own id, and the other rules still run', () => {
    const findings = scrubParsedClaim(parsed(), { codeSets: none, today: '2026-06-01', rules: [throws, modifier25] });
    expect(findings.map((f) => `${f.ruleId}:${f.severity}`)).toEqual(['T-THROWS:warning', 'T-MOD-25:warning']);
    expect(findings[0]!.message).toContain('RangeError');
  });
  it('a required-data check that is also a scrubber rule is reported once, with the tenant severity', () => {
    const bad = parsed({ totalCharge: '999.00' });
    const once = checkParsedClaim(bad, { codeSets: none, today: '2026-06-01' }).filter((f) => f.ruleId === 'CLAIM-TOTAL-CHARGE');
    expect(once.map((f) => f.severity)).toEqual(['error']);
    const relaxed = checkParsedClaim(bad, { codeSets: none, today: '2026-06-01', settings: { severity: { 'CLAIM-TOTAL-CHARGE': 'warning' } } });
    expect(relaxed.filter((f) => f.ruleId === 'CLAIM-TOTAL-CHARGE').map((f) => f.severity)).toEqual(['warning']);
    expect(relaxed.some((f) => f.severity === 'error')).toBe(false);
  });
  it('guide checks run beside the scrubber (an 837P guide error has its X837- id)', () => {
    const input = sampleClaimInput();
    const poBox = parsed({ billingProvider: { ...input.billingProvider, address: { ...input.billingProvider.address, line1: 'PO Box 12' } } });
    const findings = checkParsedClaim(poBox, { codeSets: none, today: '2026-06-01' });
    expect(findings.filter((f) => f.severity === 'error').map((f) => f.ruleId)).toEqual(['X837-BILLING-PROVIDER-PO-BOX']);
  });
  it('with the fixture an unknown diagnosis is an error with its code-set version; without code sets only warnings', async () => {
    const fixture = await loadCodeSetsFromDir('codesets/fixture');
    const claim = parsed({ diagnoses: [{ code: 'E11.9' }, { code: 'Q99.9' }] });
    const withSets = checkParsedClaim(claim, { codeSets: fixture, today: '2026-06-01' });
    const dx = withSets.filter((f) => f.ruleId.startsWith('DX-') && f.severity === 'error');
    expect(dx).toHaveLength(1);
    expect(dx[0]).toMatchObject({ family: 'diagnosis', path: 'diagnoses[1].code', codesetVersion: 'ICD-10-CM FY2026' });
    const clean = checkParsedClaim(parsed(), { codeSets: fixture, today: '2026-06-01' });
    expect(clean.filter((f) => f.severity === 'error')).toEqual([]);
    const withoutSets = checkParsedClaim(claim, { codeSets: none, today: '2026-06-01' });
    expect(withoutSets.filter((f) => f.severity === 'error')).toEqual([]);
    expect(withoutSets.some((f) => f.ruleId.startsWith('DX-') && /not verified/.test(f.message))).toBe(true);
  });
  it('X12 claims point at the segment, loop and element of the field', async () => {
    const file = parseEncounterFile(readFileSync('examples/encounters/acme-billing/practice-lakeside-2026-04.837', 'utf8'), 'acme-billing');
    const claim = file.claims[0]!;
    const findings = checkParsedClaim({ ...claim, claim: Claim.parse({ ...claim.claim, diagnoses: [{ code: 'Q99.9' }, ...claim.claim.diagnoses.slice(1)] }) }, {
      codeSets: await loadCodeSetsFromDir('codesets/fixture'),
      today: '2026-06-01',
    });
    const dx = findings.find((f) => f.ruleId === 'DX-BILLABLE' && f.severity === 'error');
    expect(dx?.pointer).toMatch(new RegExp(`^claim ${claim.claim.claimId}, segment \\d+ \\(HI\\), loop 2300`));
  });
});

describe('todayIn', () => {
  it("gives the tenant's calendar day, not UTC's", () => {
    const lateEvening = new Date('2026-03-02T03:30:00Z');
    expect(todayIn(lateEvening, 'America/Chicago')).toBe('2026-03-01');
    expect(todayIn(lateEvening, 'UTC')).toBe('2026-03-02');
  });
});

it('ALL_RULES holds every family once, with unique ids', () => {
  const ids = ALL_RULES.map((r) => r.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(new Set(ALL_RULES.map((r) => r.family))).toEqual(new Set(['diagnosis', 'procedure', 'modifier', 'ncci', 'mue', 'party', 'arithmetic', 'date', 'institutional']));
});

function tenantJson(): unknown {
  return JSON.parse(readFileSync('examples/tenants/acme-billing.json', 'utf8'));
}
