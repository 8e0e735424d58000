/**
 * The 837I envelope, header and HL tree, and a property test over seeded
 * generated batches: the file reads back without reader warnings under
 * every delimiter set, SE01/GE01/IEA01 count what was written, the HL tree
 * is consistent, every claim appears once with CLM02 = Σ SV203 and its lines
 * numbered from 1.
 */
import { describe, expect, it } from 'vitest';
import type { Claim } from '../../../../lambdas/core/claim/model.js';
import { sumCents, toCents, toX12Amount } from '../../../../lambdas/core/money.js';
import { write837I, X223A2 } from '../../../../lambdas/core/x12/837i/write-837i.js';
import { readX12 } from '../../../../lambdas/core/x12/reader.js';
import type { Segment } from '../../../../lambdas/core/x12/types.js';
import { institutionalClaimFile } from '../../../support/institutional-generator.js';
import { PROPERTY_TENANT } from '../../../support/x12-property.js';
import { claim, el, HOSPITAL, inpatientInput, outpatientInput, receiver, splitX12, tenant, text } from './837i-fixtures.js';

const createdAt = new Date('2026-10-01T17:05:00Z');

describe('write837I envelope and header', () => {
  it('writes ISA/GS/ST with 005010X223A2, BHT, 1000A and 1000B, and counted trailers', () => {
    const segments = splitX12(write837I({ claims: [claim(inpatientInput())], tenant, receiver, controlNumber: 7, createdAt }));
    expect(segments.map((s) => s.id).slice(0, 8)).toEqual(['ISA', 'GS', 'ST', 'BHT', 'NM1', 'PER', 'NM1', 'HL']);
    expect(X223A2).toBe('005010X223A2');
    expect(text(segments[1])).toBe('GS*HC*WRITERTEST*TESTCH*20261001*1705*7*X*005010X223A2');
    expect(text(segments[2])).toBe('ST*837*0001*005010X223A2');
    expect(text(segments[3])).toBe('BHT*0019*00*000000007*20261001*1705*CH');
    expect(text(segments[4])).toBe('NM1*41*2*WRITER TEST BILLING*****46*WTB001');
    expect(text(segments[6])).toBe('NM1*40*2*TEST CLEARINGHOUSE*****46*TESTCH');
    const se = segments[segments.length - 3]!;
    expect(se.id).toBe('SE');
    expect(Number(el(se, 1))).toBe(segments.length - 2 - 2);
    expect(text(segments[segments.length - 2])).toBe('GE*1*7');
    expect(text(segments[segments.length - 1])).toBe('IEA*1*000000007');
  });

  it('writes 2000A with PRV*BI, the organization billing provider, pay-to address and pay-to plan', () => {
    const input = inpatientInput({
      payToAddress: { line1: '10 Lockbox Way', city: 'Chicago', state: 'IL', postalCode: '60601' },
      payToPlan: { name: 'Capitated Plan', payerId: 'CAP01', address: { line1: '1 Plan St', city: 'Peoria', state: 'IL', postalCode: '61602' }, tin: '361234567', secondaryId: { qualifier: 'NF', value: 'NAIC9' } },
    });
    const segments = splitX12(write837I({ claims: [claim(input)], tenant, receiver, controlNumber: 7, createdAt })).map(text);
    const start = segments.indexOf('HL*1**20*1');
    expect(segments.slice(start, start + 15)).toEqual([
      'HL*1**20*1',
      'PRV*BI*PXC*282N00000X',
      'NM1*85*2*GENERAL HOSPITAL DEMO*****XX*1221254166',
      'N3*1 HOSPITAL WAY',
      'N4*SPRINGFIELD*IL*627040001',
      'REF*EI*271234501',
      'NM1*87*2',
      'N3*10 LOCKBOX WAY',
      'N4*CHICAGO*IL*60601',
      'NM1*PE*2*CAPITATED PLAN*****PI*CAP01',
      'N3*1 PLAN ST',
      'N4*PEORIA*IL*61602',
      'REF*NF*NAIC9',
      'REF*EI*361234567',
      'HL*2*1*22*0',
    ]);
  });

  it('writes 2000B (SBR01 from the payer, SBR04 without a group number, REF*SY/Y4) and 2000C for a dependant', () => {
    const base = inpatientInput();
    const input = inpatientInput({
      subscriber: { memberId: 'MEM9', name: { last: 'Parent', first: 'Pam' }, groupName: 'Acme Staff', secondaryIds: [{ qualifier: 'Y4', value: 'PC-9' }, { qualifier: 'SY', value: '123456789' }] },
      payer: { ...base.payer, responsibility: 'S' },
      patient: { relationship: '19', name: { last: 'Child', first: 'Cam' }, birthDate: '2015-06-01', sex: 'M', address: { line1: '9 Home St', city: 'Springfield', state: 'IL', postalCode: '62704' } },
    });
    const segments = splitX12(write837I({ claims: [claim(input)], tenant, receiver, controlNumber: 7, createdAt })).map(text);
    const start = segments.indexOf('HL*2*1*22*1');
    expect(segments.slice(start, start + 12)).toEqual([
      'HL*2*1*22*1',
      'SBR*S***ACME STAFF*****MA',
      'NM1*IL*1*PARENT*PAM****MI*MEM9',
      'REF*SY*123456789',
      'REF*Y4*PC-9',
      'NM1*PR*2*DEMO PAYER*****PI*DEMO1',
      'HL*3*2*23*0',
      'PAT*19',
      'NM1*QC*1*CHILD*CAM',
      'N3*9 HOME ST',
      'N4*SPRINGFIELD*IL*62704',
      'DMG*D8*20150601*M',
    ]);
    expect(segments[start + 12]).toMatch(/^CLM\*INP-1\*/);
  });

  it('groups claims under one 2000A per billing provider and pay-to data, in input order', () => {
    const other = { ...HOSPITAL, npi: '1224965446', lastOrOrganizationName: 'Second Hospital' };
    const claims = [
      claim(inpatientInput({ claimId: 'A' })),
      claim(outpatientInput({ claimId: 'B', billingProvider: other })),
      claim(outpatientInput({ claimId: 'C' })),
      claim(outpatientInput({ claimId: 'D', payToAddress: { line1: '10 Lockbox Way', city: 'Chicago', state: 'IL', postalCode: '60601' } })),
    ];
    const segments = splitX12(write837I({ claims, tenant, receiver, controlNumber: 7, createdAt }));
    const tree = segments.filter((s) => s.id === 'HL' || s.id === 'CLM').map((s) => (s.id === 'HL' ? `HL${el(s, 1)}^${el(s, 2)}:${el(s, 3)}` : el(s, 1)));
    expect(tree).toEqual(['HL1^:20', 'HL2^1:22', 'A', 'HL3^1:22', 'C', 'HL4^:20', 'HL5^4:22', 'B', 'HL6^:20', 'HL7^6:22', 'D']);
  });
});

describe('837I property: generated batches round-trip their counts and totals', () => {
  const seeds = Array.from({ length: 60 }, (_, i) => 5_000 + i);

  it.each(seeds)('seed %i', (seed) => {
    const file = institutionalClaimFile(seed, { hostility: 0.1 });
    if (file.claims.length === 0) return;
    const x12 = write837I({
      claims: file.claims,
      tenant: PROPERTY_TENANT,
      receiver: PROPERTY_TENANT.receivers[0]!,
      controlNumber: seed,
      createdAt: new Date(Date.UTC(2026, 0, 1) + seed * 60_000),
      delimiters: file.delimiters,
      lineBreak: file.lineBreak,
    });
    const parsed = readX12(x12);
    expect(parsed.warnings).toEqual([]);
    const [interchange] = parsed.interchanges;
    expect(parsed.interchanges).toHaveLength(1);
    expect(Number(interchange!.iea?.elements[1])).toBe(1);
    const [group] = interchange!.groups;
    expect(group!.version).toBe(X223A2);
    expect(Number(group!.ge?.elements[1])).toBe(1);
    const [transaction] = group!.transactions;
    expect(transaction!.version).toBe(X223A2);
    expect(Number(transaction!.se?.elements[1])).toBe(transaction!.segments.length + 2);

    const component = interchange!.delimiters.component;
    checkHlTree(transaction!.segments, file.claims);
    checkClaims(transaction!.segments, file.claims, component);
  });
});

/** HL01 counts up from 1, HL02 names an earlier parent of the right level, HL04 says whether children follow. */
function checkHlTree(segments: Segment[], claims: Claim[]): void {
  const hls = segments.filter((s) => s.id === 'HL');
  const levels = new Map<string, string>();
  hls.forEach((hl, index) => {
    const [, id, parent, level, child] = hl.elements;
    expect(id).toBe(String(index + 1));
    if (level === '20') expect(parent ?? '').toBe('');
    if (level === '22') expect(levels.get(parent ?? '')).toBe('20');
    if (level === '23') expect(levels.get(parent ?? '')).toBe('22');
    const next = hls[index + 1];
    const hasChild = next !== undefined && next.elements[2] === id;
    expect(child).toBe(hasChild ? '1' : '0');
    levels.set(id ?? '', level ?? '');
  });
  expect(hls.filter((hl) => hl.elements[3] === '22')).toHaveLength(claims.length);
  expect(hls.filter((hl) => hl.elements[3] === '23')).toHaveLength(claims.filter((c) => c.patient).length);
}

/** Each claim once, in order within its billing group, with CLM02 = Σ SV203 = Σ line charges, and its lines numbered. */
function checkClaims(segments: Segment[], claims: Claim[], component: string): void {
  const clms = segments.map((s, i) => [s, i] as const).filter(([s]) => s.id === 'CLM');
  expect(clms).toHaveLength(claims.length);
  // check837I refuses claim ids X12 would alter, so CLM01 is the claim id as given.
  const byId = new Map(claims.map((c) => [c.claimId, c]));
  expect(clms.map(([clm]) => clm.elements[1]).sort()).toEqual([...byId.keys()].sort());
  for (const [clm, index] of clms) {
    const end = segments.findIndex((s, i) => i > index && (s.id === 'HL' || s.id === 'SE'));
    const loop = segments.slice(index, end === -1 ? undefined : end);
    const sv2 = loop.filter((s) => s.id === 'SV2');
    const lx = loop.filter((s) => s.id === 'LX').map((s) => s.elements[1]);
    const written = sumCents(sv2.map((s) => toCents(s.elements[3] ?? '')));
    expect(toX12Amount(written)).toBe(clm.elements[2]);
    const source = byId.get(clm.elements[1] ?? '')!;
    expect(sv2).toHaveLength(source.serviceLines.length);
    expect(toX12Amount(sumCents(source.serviceLines.map((l) => toCents(l.charge))))).toBe(clm.elements[2]);
    expect(clm.elements[5]?.split(component)).toEqual([source.institutional!.facilityTypeCode, 'A', source.frequencyCode]);
    expect(lx).toEqual(sv2.map((_, i) => String(i + 1)));
    expect(loop.filter((s) => s.id === 'DTP' && s.elements[1] === '434')).toHaveLength(1);
    expect(loop.filter((s) => s.id === 'CL1')).toHaveLength(1);
  }
}
