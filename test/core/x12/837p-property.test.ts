/**
 * Property test of the 837P writer: for seeded random batches of claims that
 * intake would accept (no error-level submissionFindings), the writer never
 * throws, the file reads back without a single reader warning, the envelope
 * counts and the HL tree are right, and read837 gives back the claims.
 */
import { describe, expect, it } from 'vitest';
import type { Claim, ClaimInput } from '../../../lambdas/core/claim/model.js';
import { submissionFindings } from '../../../lambdas/core/claim/submission-checks.js';
import { read837 } from '../../../lambdas/core/x12/837/read-837p.js';
import { write837P } from '../../../lambdas/core/x12/837/write-837p.js';
import { readX12 } from '../../../lambdas/core/x12/reader.js';
import type { Delimiters, Segment, TransactionSet } from '../../../lambdas/core/x12/types.js';
import { claimFile, PROPERTY_TENANT, type ClaimFile } from '../../support/x12-property.js';
import { claim as fixtureClaim } from './837p-fixtures.js';

const FILES = 200;
const receiver = PROPERTY_TENANT.receivers[0]!;

function write(file: ClaimFile): string {
  return write837P({
    claims: file.claims,
    tenant: PROPERTY_TENANT,
    receiver,
    controlNumber: file.seed,
    createdAt: new Date(Date.UTC(2026, 0, 1) + file.seed * 3_600_000),
    delimiters: file.delimiters,
    lineBreak: file.lineBreak,
  });
}

/** What X12 keeps of a free-text value: ASCII without accents, delimiters removed, spaces collapsed. */
function asWritten(value: string | undefined, d: Required<Delimiters>): string | undefined {
  if (value === undefined) return undefined;
  const delimiters = new Set(Object.values(d));
  const kept = [...value.normalize('NFKD').replace(/\p{M}/gu, '')]
    .map((char) => (/[\u0000-\u001f\u007f]/.test(char) ? ' ' : char))
    .filter((char) => /[\u0020-\u007e]/.test(char) && !delimiters.has(char))
    .join('')
    .replace(/ {2,}/g, ' ')
    .trim();
  return kept === '' ? undefined : kept;
}

function cents(money: string | undefined): number {
  const match = /^\s*(-)?(\d+)(?:\.(\d{1,2}))?\s*$/.exec(money ?? '');
  if (!match) throw new Error('not money');
  const value = Number(match[2]) * 100 + Number((match[3] ?? '').padEnd(2, '0'));
  return match[1] ? -value : value;
}

/** "001.500" and "1.5" are the same quantity. */
function quantity(value: string | number | undefined): string {
  const [whole = '0', fraction = ''] = String(value).split('.');
  const trimmed = fraction.replace(/0+$/, '');
  return `${whole.replace(/^0+(?=\d)/, '')}${trimmed ? `.${trimmed}` : ''}`;
}

/** The claim as read837 should give it back (the fields the writer carries). */
function expected(claim: Claim, d: Required<Delimiters>) {
  const renderingWritten = claim.renderingProvider && claim.renderingProvider.npi !== claim.billingProvider.npi;
  const replaces = claim.frequencyCode === '7' || claim.frequencyCode === '8';
  return {
    claimId: claim.claimId,
    frequencyCode: claim.frequencyCode,
    placeOfService: claim.placeOfService,
    totalCents: claim.serviceLines.reduce((sum, line) => sum + cents(line.charge), 0),
    payerClaimControlNumber: replaces ? asWritten(claim.payerClaimControlNumber, d) : undefined,
    priorAuthorization: asWritten(claim.priorAuthorization, d),
    billing: [claim.billingProvider.npi, claim.billingProvider.tin, claim.billingProvider.taxonomy],
    renderingNpi: renderingWritten ? claim.renderingProvider?.npi : undefined,
    referringNpi: claim.referringProvider?.npi,
    memberId: asWritten(claim.subscriber.memberId, d),
    groupNumber: asWritten(claim.subscriber.groupNumber, d),
    relationship: claim.patient?.relationship,
    payer: [claim.payer.payerId, claim.payer.claimFilingIndicator],
    diagnoses: claim.diagnoses.map((dx) => [dx.code, dx.system]),
    lines: claim.serviceLines.map((line) => ({
      procedureCode: line.procedureCode,
      modifiers: line.modifiers,
      units: quantity(line.units),
      cents: cents(line.charge),
      serviceDate: line.serviceDate,
      serviceDateEnd: line.serviceDateEnd === line.serviceDate ? undefined : line.serviceDateEnd,
      placeOfService: line.placeOfService === claim.placeOfService ? undefined : line.placeOfService,
      diagnosisPointers: line.diagnosisPointers,
      lineItemControlNumber: line.lineItemControlNumber,
    })),
  };
}

function actual(claim: ClaimInput) {
  return {
    claimId: claim.claimId,
    frequencyCode: claim.frequencyCode,
    placeOfService: claim.placeOfService,
    totalCents: cents(claim.totalCharge),
    payerClaimControlNumber: claim.payerClaimControlNumber,
    priorAuthorization: claim.priorAuthorization,
    billing: [claim.billingProvider.npi, claim.billingProvider.tin, claim.billingProvider.taxonomy],
    renderingNpi: claim.renderingProvider?.npi,
    referringNpi: claim.referringProvider?.npi,
    memberId: claim.subscriber.memberId,
    groupNumber: claim.subscriber.groupNumber,
    relationship: claim.patient?.relationship,
    payer: [claim.payer.payerId, claim.payer.claimFilingIndicator],
    diagnoses: claim.diagnoses.map((dx) => [dx.code, dx.system]),
    lines: claim.serviceLines.map((line) => ({
      procedureCode: line.procedureCode,
      modifiers: line.modifiers,
      units: quantity(line.units),
      cents: cents(line.charge),
      serviceDate: line.serviceDate,
      serviceDateEnd: line.serviceDateEnd,
      placeOfService: line.placeOfService,
      diagnosisPointers: line.diagnosisPointers,
      lineItemControlNumber: line.lineItemControlNumber,
    })),
  };
}

/** HL01 numbers 1..n in order; HL02 names an earlier HL one level up; HL04 says whether children follow. */
function checkHlTree(tx: TransactionSet, claimCount: number): void {
  const hls = tx.segments.filter((s) => s.id === 'HL');
  const levelOf = new Map<string, string>();
  const parents = hls.map((hl) => hl.elements[2] ?? '');
  hls.forEach((hl, index) => {
    const [, id, parent = '', level, child] = hl.elements;
    expect(id).toBe(String(index + 1));
    const parentLevel = { '20': undefined, '22': '20', '23': '22' }[level as '20' | '22' | '23'];
    expect(['20', '22', '23']).toContain(level);
    if (parentLevel === undefined) expect(parent).toBe('');
    else expect(levelOf.get(parent)).toBe(parentLevel);
    expect(child).toBe(parents.includes(String(index + 1)) ? '1' : '0');
    levelOf.set(String(index + 1), level as string);
  });
  // One CLM per claim, each right after the HL that has no children.
  const clmFollowsLeaf = tx.segments.reduce<{ leaf: boolean; count: number }>(
    (state, segment: Segment) => {
      if (segment.id === 'HL') return { leaf: segment.elements[4] === '0', count: state.count };
      if (segment.id === 'CLM') {
        expect(state.leaf).toBe(true);
        return { leaf: false, count: state.count + 1 };
      }
      return state;
    },
    { leaf: false, count: 0 },
  );
  expect(clmFollowsLeaf.count).toBe(claimCount);
}

describe('837P writer on random claims intake accepts', () => {
  const files = Array.from({ length: FILES }, (_, i) => claimFile(1000 + i, { hostility: 0.1 }));

  it('accepts most generated claims and refuses some hostile ones, so the property is not vacuous', () => {
    const accepted = files.reduce((sum, f) => sum + f.claims.length, 0);
    const refused = files.reduce((sum, f) => sum + f.refused, 0);
    expect(accepted).toBeGreaterThan(2 * refused);
    expect(refused).toBeGreaterThan(0);
    // Identifiers X12 would alter refuse their claim, so hostile files are emptied more often than names alone would.
    expect(files.filter((f) => f.claims.length > 0).length).toBeGreaterThan(FILES * 0.8);
  });

  it('writes every batch; it reads back without warnings, with right counts, HL tree and claims', () => {
    for (const file of files.filter((f) => f.claims.length > 0)) {
      const text = write(file);
      const parsed = readX12(text);
      expect(parsed.warnings, `seed ${file.seed}`).toEqual([]);

      const [interchange] = parsed.interchanges;
      expect(parsed.interchanges).toHaveLength(1);
      expect(Number(interchange?.iea?.elements[1])).toBe(interchange?.groups.length);
      expect(interchange?.iea?.elements[2]).toBe(interchange?.controlNumber);
      for (const group of interchange?.groups ?? []) {
        expect(Number(group.ge?.elements[1])).toBe(group.transactions.length);
        expect(group.ge?.elements[2]).toBe(group.controlNumber);
        for (const tx of group.transactions) {
          expect(Number(tx.se?.elements[1]), `seed ${file.seed} SE01`).toBe(tx.segments.length + 2);
          expect(tx.se?.elements[2]).toBe(tx.controlNumber);
          checkHlTree(tx, file.claims.length);
        }
      }

      const read = read837(parsed, PROPERTY_TENANT.tenantId);
      expect(read.warnings, `seed ${file.seed}`).toEqual([]);
      const byId = new Map(read.claims.map(({ claim }) => [claim.claimId, claim]));
      expect(byId.size).toBe(file.claims.length);
      for (const claim of file.claims) {
        const back = byId.get(claim.claimId);
        expect(back, `seed ${file.seed} claim ${claim.claimId}`).toBeDefined();
        expect(actual(back as ClaimInput), `seed ${file.seed} claim ${claim.claimId}`).toEqual(expected(claim, file.delimiters));
      }
    }
  });
});

describe('submissionFindings refuses claims the 837P could not carry as they are', () => {
  const ok = fixtureClaim({ claimId: 'RULE-1' });
  const withSubscriber = (patch: Partial<Claim['subscriber']>) => ({ subscriber: { ...ok.subscriber, ...patch } });
  const firstLine = (patch: Partial<Claim['serviceLines'][number]>) => ({ serviceLines: [{ ...ok.serviceLines[0]!, ...patch }] });
  const cases: Array<[string, Partial<ClaimInput>, string, string]> = [
    ['a last name with no character X12 can carry', withSubscriber({ name: { last: '李' } }), 'X837-EMPTY-AFTER-SANITISING', '李'],
    ['a first name that upper-casing makes too long', withSubscriber({ name: { last: 'Doe', first: 'ß'.repeat(18) } }), 'X837-TOO-LONG-AFTER-SANITISING', 'ß'],
    ['a city that keeps one character', withSubscriber({ address: { ...ok.subscriber.address!, city: '“Q”' } }), 'X837-TOO-SHORT-AFTER-SANITISING', '“Q”'],
    ['a claim id ending in a space', { claimId: 'RULE-1 ' }, 'X837-IDENTIFIER-NOT-X12-SAFE', 'RULE-1 '],
    ['a state that is not a US state', withSubscriber({ address: { ...ok.subscriber.address!, state: 'ZZ' } }), 'X837-INVALID-STATE-CODE', 'ZZ'],
    ['a place of service CMS never assigned', { placeOfService: '00' }, 'X837-INVALID-PLACE-OF-SERVICE', '00'],
    ['a birth date before 1900', withSubscriber({ birthDate: '1850-05-05' }), 'X837-DATE-BEFORE-1900', '1850'],
    ['a charge beyond exact cents arithmetic', firstLine({ charge: '123456789012345678.00' }), 'X837-AMOUNT-TOO-LARGE', '123456789012345678'],
    ['zero units', firstLine({ units: '0.000' }), 'X837-UNITS-NOT-POSITIVE', '0.000'],
    ['ICD-10-CM for a 2014 service', firstLine({ serviceDate: '2014-06-01' }), 'X837-DIAGNOSIS-CODE-SYSTEM-FOR-DATES', '2014'],
  ];

  it.each(cases)('refuses %s', (_label, overrides, ruleId, value) => {
    expect(submissionFindings(ok).filter((f) => f.severity === 'error')).toEqual([]);
    const bad = fixtureClaim({ claimId: 'RULE-1', ...overrides });
    const errors = submissionFindings(bad).filter((f) => f.severity === 'error');
    expect(errors.map((f) => f.ruleId)).toContain(ruleId);
    for (const finding of errors) expect(finding.message).not.toContain(value);
  });
});
