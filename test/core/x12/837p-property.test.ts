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

/** 2300 segments (and 2310 name loops) in the guide's order; N3/N4 of the name loops are left out of the ranking. */
const CLAIM_ORDER = [
  'CLM', 'DTP*431', 'DTP*454', 'DTP*304', 'DTP*453', 'DTP*439', 'DTP*484', 'DTP*455', 'DTP*435', 'DTP*096',
  'PWK', 'CN1', 'AMT*F5', 'REF*9F', 'REF*G1', 'REF*F8', 'REF*X4', 'REF*EA', 'K3', 'NTE', 'CR1', 'CRC*07', 'HI', 'HCP',
  'NM1*DN', 'NM1*82', 'PRV*PE', 'NM1*77', 'NM1*DQ', 'NM1*PW', 'NM1*45',
];
const LINE_ORDER = [
  'LX', 'SV1', 'DTP*472', 'DTP*471', 'DTP*607', 'DTP*463', 'DTP*461', 'DTP*304', 'DTP*011', 'DTP*455', 'DTP*454',
  'REF*6R', 'LIN', 'CTP', 'REF*XZ', 'NM1*82', 'PRV*PE',
];
/** A 2320 with its 2330A/2330B; the 2330B secondary identifiers (REF*2U/EI/FY/NF) share one rank. */
const OTHER_SUBSCRIBER_ORDER = [
  'SBR', 'CAS', 'AMT*D', 'AMT*A8', 'AMT*EAF', 'OI', 'MOA', 'NM1*IL', 'NM1*PR', 'DTP*573', 'REF*ID', 'REF*G1', 'REF*9F', 'REF*T4', 'REF*F8',
];
const LINE_ADJUDICATION_ORDER = ['SVD', 'CAS', 'DTP*573', 'AMT*EAF'];
const CLAIM_DATES: Record<string, string> = {
  onset: '431', initialTreatment: '454', lastSeen: '304', acuteManifestation: '453', accident: '439',
  lastMenstrualPeriod: '484', lastXray: '455', admission: '435', discharge: '096',
};
const LINE_DATES: Record<string, string> = {
  prescription: '471', certificationRevision: '607', beginTherapy: '463', lastCertification: '461',
  lastSeen: '304', shipped: '011', lastXray: '455', initialTreatment: '454',
};

function tagOf(segment: Segment): string {
  return ['NM1', 'REF', 'DTP', 'AMT', 'CRC', 'PRV'].includes(segment.id) ? `${segment.id}*${segment.elements[1] ?? ''}` : segment.id;
}

/** The tags the writer must produce for the claim's 2300/2310 part, from the model alone. */
function expectedClaimTags(claim: Claim): string[] {
  const renders = claim.renderingProvider && claim.renderingProvider.npi !== claim.billingProvider.npi;
  return [
    'CLM',
    ...Object.keys(claim.dates ?? {}).map((key) => `DTP*${CLAIM_DATES[key]}`),
    ...(claim.attachments ?? []).map(() => 'PWK'),
    ...(claim.contract ? ['CN1'] : []),
    ...(claim.patientPaid !== undefined ? ['AMT*F5'] : []),
    ...(claim.referralNumber ? ['REF*9F'] : []),
    ...(claim.priorAuthorization ? ['REF*G1'] : []),
    ...(claim.frequencyCode !== '1' ? ['REF*F8'] : []),
    ...(claim.cliaNumber ? ['REF*X4'] : []),
    ...(claim.medicalRecordNumber ? ['REF*EA'] : []),
    ...(claim.supplementalInfo ?? []).map(() => 'K3'),
    ...(claim.notes ?? []).map(() => 'NTE'),
    ...(claim.ambulance ? ['CR1', ...(claim.ambulance.certifications ?? []).map(() => 'CRC*07')] : []),
    'HI',
    ...(claim.repricing ? ['HCP'] : []),
    ...(claim.referringProvider ? ['NM1*DN'] : []),
    ...(renders ? ['NM1*82', ...(claim.renderingProvider?.taxonomy ? ['PRV*PE'] : [])] : []),
    ...(claim.serviceFacility ? ['NM1*77'] : []),
    ...(claim.supervisingProvider ? ['NM1*DQ'] : []),
    ...(claim.ambulance ? ['NM1*PW', 'NM1*45'] : []),
  ].sort();
}

function expectedLineTags(claim: Claim, line: Claim['serviceLines'][number]): string[] {
  const claimNpi = claim.renderingProvider && claim.renderingProvider.npi !== claim.billingProvider.npi ? claim.renderingProvider.npi : claim.billingProvider.npi;
  const renders = line.renderingProvider && line.renderingProvider.npi !== claimNpi;
  return [
    'LX', 'SV1', 'DTP*472',
    ...Object.keys(line.dates ?? {}).map((key) => `DTP*${LINE_DATES[key]}`),
    ...(line.lineItemControlNumber ? ['REF*6R'] : []),
    ...(line.drug ? ['LIN', 'CTP', ...(line.drug.prescriptionNumber ? ['REF*XZ'] : [])] : []),
    ...(renders ? ['NM1*82', ...(line.renderingProvider?.taxonomy ? ['PRV*PE'] : [])] : []),
  ].sort();
}

/** CAS segments a list of adjustments needs: one per group code, six adjustments each. */
function casCount(adjustments: ReadonlyArray<{ group: string }>): number {
  const perGroup = new Map<string, number>();
  for (const adjustment of adjustments) perGroup.set(adjustment.group, (perGroup.get(adjustment.group) ?? 0) + 1);
  return [...perGroup.values()].reduce((sum, count) => sum + Math.ceil(count / 6), 0);
}

const secondaryRef = (tag: string) => (/^REF\*(2U|EI|FY|NF)$/.test(tag) ? 'REF*ID' : tag);

/** The tags of one 2320 loop (with 2330A/2330B), from the model alone. */
function expectedOtherSubscriberTags(coverage: NonNullable<Claim['otherCoverages']>[number]): string[] {
  const a = coverage.adjudication;
  const p = coverage.payer;
  return [
    'SBR',
    ...Array.from({ length: a ? casCount(a.adjustments) : 0 }, () => 'CAS'),
    ...(a ? ['AMT*D'] : []),
    ...(a?.nonCoveredAmount !== undefined ? ['AMT*A8'] : []),
    ...(a?.remainingPatientLiability !== undefined ? ['AMT*EAF'] : []),
    'OI',
    ...(a?.outpatientRemarks ? ['MOA'] : []),
    'NM1*IL',
    'NM1*PR',
    ...(a?.paymentDate !== undefined ? ['DTP*573'] : []),
    ...(p.secondaryIds ?? []).map(() => 'REF*ID'),
    ...(p.priorAuthorization !== undefined ? ['REF*G1'] : []),
    ...(p.referralNumber !== undefined ? ['REF*9F'] : []),
    ...(p.claimAdjustmentIndicator ? ['REF*T4'] : []),
    ...(p.claimControlNumber !== undefined ? ['REF*F8'] : []),
  ].sort();
}

function expectedLineAdjudicationTags(adjudication: NonNullable<Claim['serviceLines'][number]['adjudications']>[number]): string[] {
  return [
    'SVD',
    ...Array.from({ length: casCount(adjudication.adjustments) }, () => 'CAS'),
    'DTP*573',
    ...(adjudication.remainingPatientLiability !== undefined ? ['AMT*EAF'] : []),
  ].sort();
}

/** Cuts tags into the loops that start with `trigger`: [before the first, first loop, second loop, ...]. */
function loopsOf(tags: string[], trigger: string): string[][] {
  const out: string[][] = [[]];
  for (const tag of tags) {
    if (tag === trigger) out.push([]);
    (out[out.length - 1] as string[]).push(tag);
  }
  return out;
}

/** Ranks never go down, and every ranked segment is one the guide allows there. */
function expectGuideOrder(tags: string[], order: string[], where: string): void {
  const ranks = tags.map((t) => order.indexOf(t));
  expect(ranks.filter((r) => r === -1), `${where}: ${tags.join(' ')}`).toEqual([]);
  ranks.forEach((rank, i) => {
    if (i > 0) expect(rank, `${where}: ${tags.join(' ')}`).toBeGreaterThanOrEqual(ranks[i - 1]!);
  });
}

describe('837P writer segment order and coverage on random claims', () => {
  const files = Array.from({ length: FILES }, (_, i) => claimFile(5000 + i, { hostility: 0.1 })).filter((f) => f.claims.length > 0);

  it('writes every 2300, 2310 and 2400 segment the claim calls for, in the guide order', () => {
    for (const file of files) {
      const tx = readX12(write(file)).interchanges[0]!.groups[0]!.transactions[0]!;
      const byId = new Map(file.claims.map((c) => [c.claimId, c]));
      const segments = tx.segments;
      segments.forEach((segment, index) => {
        if (segment.id !== 'CLM') return;
        const claim = byId.get(segment.elements[1] ?? '')!;
        const end = segments.findIndex((s, i) => i > index && (s.id === 'HL' || s.id === 'SE'));
        const body = segments.slice(index, end === -1 ? undefined : end).filter((s) => s.id !== 'N3' && s.id !== 'N4');
        const firstLine = body.findIndex((s) => s.id === 'LX');
        const [claimTags = [], ...otherSubscribers] = loopsOf(body.slice(0, firstLine).map(tagOf), 'SBR');
        const where = `seed ${file.seed} claim ${claim.claimId}`;
        expectGuideOrder(claimTags, CLAIM_ORDER, where);
        expect([...claimTags].sort(), where).toEqual(expectedClaimTags(claim));
        // 2320 loops after the 2310 loops, one per other coverage, in the model's order.
        expect(otherSubscribers, where).toHaveLength(claim.otherCoverages?.length ?? 0);
        otherSubscribers.forEach((tags, n) => {
          const ranked = tags.map(secondaryRef);
          expectGuideOrder(ranked, OTHER_SUBSCRIBER_ORDER, `${where} 2320 #${n + 1}`);
          expect([...ranked].sort(), `${where} 2320 #${n + 1}`).toEqual(expectedOtherSubscriberTags(claim.otherCoverages![n]!));
        });
        const lineStarts = body.flatMap((s, i) => (s.id === 'LX' ? [i] : []));
        expect(lineStarts).toHaveLength(claim.serviceLines.length);
        lineStarts.forEach((start, n) => {
          const line = claim.serviceLines[n]!;
          const [lineTags = [], ...adjudications] = loopsOf(body.slice(start, lineStarts[n + 1] ?? body.length).map(tagOf), 'SVD');
          expectGuideOrder(lineTags, LINE_ORDER, `${where} line ${n + 1}`);
          expect([...lineTags].sort(), `${where} line ${n + 1}`).toEqual(expectedLineTags(claim, line));
          // 2430 loops after the line's 2410/2420 loops, one per adjudication.
          expect(adjudications, `${where} line ${n + 1}`).toHaveLength(line.adjudications?.length ?? 0);
          adjudications.forEach((tags, k) => {
            expectGuideOrder(tags, LINE_ADJUDICATION_ORDER, `${where} line ${n + 1} 2430 #${k + 1}`);
            expect([...tags].sort(), `${where} line ${n + 1} 2430 #${k + 1}`).toEqual(expectedLineAdjudicationTags(line.adjudications![k]!));
          });
        });
      });
    }
  });

  it('exercises every professional feature across the files', () => {
    const claims = files.flatMap((f) => f.claims);
    const lines = claims.flatMap((c) => c.serviceLines);
    const seen = {
      payToAddress: claims.some((c) => c.payToAddress),
      payToPlan: claims.some((c) => c.payToPlan),
      secondaryPayer: claims.some((c) => c.payer.responsibility !== 'P' && c.payer.insuranceTypeCode),
      groupName: claims.some((c) => c.subscriber.groupName && !c.subscriber.groupNumber),
      secondaryIds: claims.some((c) => c.subscriber.secondaryIds?.length === 2),
      indicators: claims.some((c) => c.indicators.patientSignatureSource === 'P' && c.indicators.providerSignature === 'N'),
      autoAccident: claims.some((c) => c.relatedCauses?.codes.includes('AA') && c.relatedCauses.state && c.dates?.accident),
      delay: claims.some((c) => c.delayReasonCode),
      everyClaimDate: Object.keys(CLAIM_DATES).every((key) => claims.some((c) => (c.dates as Record<string, string> | undefined)?.[key])),
      attachments: claims.some((c) => c.attachments?.some((a) => a.controlNumber)),
      contract: claims.some((c) => c.contract),
      patientPaid: claims.some((c) => c.patientPaid),
      references: claims.some((c) => c.referralNumber && c.medicalRecordNumber) && claims.some((c) => c.cliaNumber),
      k3: claims.some((c) => c.supplementalInfo),
      note: claims.some((c) => c.notes),
      ambulance: claims.some((c) => c.ambulance?.certifications && c.ambulance.weightPounds),
      repricing: claims.some((c) => c.repricing),
      twelveDiagnoses: claims.some((c) => c.diagnoses.length === 12),
      icd9: claims.some((c) => c.diagnoses[0]?.system === 'ICD-9-CM'),
      facility: claims.some((c) => c.serviceFacility),
      supervising: claims.some((c) => c.supervisingProvider),
      replacement: claims.some((c) => c.frequencyCode === '7') && claims.some((c) => c.frequencyCode === '8'),
      minutes: lines.some((l) => l.unitBasis === 'MJ'),
      emergency: lines.some((l) => l.emergency),
      drug: lines.some((l) => l.drug?.prescriptionNumber),
      everyLineDate: Object.keys(LINE_DATES).every((key) => lines.some((l) => (l.dates as Record<string, string> | undefined)?.[key])),
      lineRendering: claims.some((c) => c.serviceLines.some((l) => l.renderingProvider && l.renderingProvider.npi !== c.billingProvider.npi)),
      cobPrimaryNamingLaterPayers: claims.some((c) => c.payer.responsibility === 'P' && c.otherCoverages?.some((o) => !o.adjudication)),
      cobLineLevel: claims.some((c) => c.otherCoverages?.some((o) => o.adjudication && o.adjudication.adjustments.length > 0) && lines.some((l) => l.adjudications?.length)),
      cobClaimLevelOnly: claims.some((c) => c.otherCoverages?.some((o) => o.adjudication?.paymentDate)),
      cobTwoEarlierPayers: claims.some((c) => (c.otherCoverages?.filter((o) => o.adjudication).length ?? 0) >= 2),
      cobUnbundledLine: lines.some((l) => l.adjudications?.some((a) => a.bundledLineNumber !== undefined)),
      cobAmounts: claims.some((c) => c.otherCoverages?.some((o) => o.adjudication?.nonCoveredAmount && o.adjudication.remainingPatientLiability)),
      cobMoa: claims.some((c) => c.otherCoverages?.some((o) => o.adjudication?.outpatientRemarks?.remarks.length)),
      cobPayerReferences: claims.some((c) => c.otherCoverages?.some((o) => o.payer.secondaryIds && o.payer.claimControlNumber)),
      cobSbr05: claims.some((c) => c.otherCoverages?.some((o) => o.insuranceTypeCode)),
    };
    expect(Object.entries(seen).filter(([, present]) => !present).map(([feature]) => feature)).toEqual([]);
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
    ['an organization as supervising provider', { supervisingProvider: { entity: 'organization', lastOrOrganizationName: 'Org Sup', npi: '1769299037' } }, 'X837-SUPERVISING-PROVIDER-NOT-PERSON', 'Org Sup'],
    ['an auto accident without its date', { relatedCauses: { codes: ['AA'], state: 'IL' } }, 'X837-ACCIDENT-DATE-REQUIRED', 'IL'],
    ['a faxed attachment without control number', { attachments: [{ reportType: 'B4', transmission: 'FX' }] }, 'X837-ATTACHMENT-NEEDS-CONTROL-NUMBER', 'B4'],
    ['an institutional frequency code', { frequencyCode: '3' }, 'X837-PROFESSIONAL-FREQUENCY-CODE', 'frequency 3'],
    ['a zero NDC quantity', firstLine({ drug: { ndc: '00517234001', quantity: '0', unit: 'ML' } }), 'X837-DRUG-QUANTITY-NOT-POSITIVE', '00517234001'],
    ['an SSN of eight digits', withSubscriber({ secondaryIds: [{ qualifier: 'SY', value: '12345678' }] }), 'X837-SUBSCRIBER-SSN-NOT-NINE-DIGITS', '12345678'],
  ];

  it.each(cases)('refuses %s', (_label, overrides, ruleId, value) => {
    expect(submissionFindings(ok).filter((f) => f.severity === 'error')).toEqual([]);
    const bad = fixtureClaim({ claimId: 'RULE-1', ...overrides });
    const errors = submissionFindings(bad).filter((f) => f.severity === 'error');
    expect(errors.map((f) => f.ruleId)).toContain(ruleId);
    for (const finding of errors) expect(finding.message).not.toContain(value);
  });
});
