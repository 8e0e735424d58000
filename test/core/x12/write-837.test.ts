/**
 * write837Interchange: one interchange per receiver holding both claim types,
 * written with the receiver's envelope policy. One test per envelope rule;
 * the counters behind ISA13/GS06 are tested against DynamoDB Local
 * (test/adapters/batches-and-counters.int.test.ts, test/app/build-batch.int.test.ts).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Claim } from '../../../lambdas/core/claim/model.js';
import { envelopeFor, TenantConfig, type Receiver } from '../../../lambdas/core/tenant/config.js';
import { claimTypesIn, plan837Groups, write837Interchange, write837Layout, type Write837InterchangeInput } from '../../../lambdas/core/x12/837/write-837.js';
import { X12Error } from '../../../lambdas/core/x12/errors.js';
import { readX12 } from '../../../lambdas/core/x12/reader.js';
import type { Interchange } from '../../../lambdas/core/x12/types.js';
import { validateX12 } from '../../../lambdas/core/x12/validate/index.js';
import { institutional, OTHER_BILLING_PROVIDER, professional, tenantConfig } from './write-837-fixtures.js';

const tenant = tenantConfig();
const clearinghouse = tenant.receivers[0] as Receiver;
const planDirect = tenant.receivers[1] as Receiver;
const createdAt = new Date('2026-03-03T18:00:00Z');

function write(claims: Claim[], extra: Partial<Write837InterchangeInput> = {}) {
  return write837Interchange({
    claims,
    tenant,
    receiver: clearinghouse,
    isaControlNumber: 41,
    groupControlNumbers: { professional: 42, institutional: 43 },
    createdAt,
    ...extra,
  });
}

function parse(text: string): Interchange {
  const parsed = readX12(text);
  expect(parsed.interchanges).toHaveLength(1);
  return parsed.interchanges[0] as Interchange;
}

const isa = (text: string, n: number) => parse(text).isa.elements[n];
const gs = (text: string, n: number, group = 0) => parse(text).groups[group]?.gs.elements[n];

function withInterchange(interchange: TenantConfig['interchange'], receivers = tenant.receivers): TenantConfig {
  return TenantConfig.parse({ ...tenant, interchange, receivers });
}

describe('envelope policy: identities', () => {
  it('takes ISA05/ISA06 from the tenant when the receiver sets none', () => {
    const text = write([professional('P1')]).text;
    expect(isa(text, 5)).toBe('ZZ');
    expect(isa(text, 6)).toBe('ACMEBILL       ');
  });

  it("takes ISA05/ISA06 from the receiver's override", () => {
    const text = write([professional('P1')], { receiver: planDirect }).text;
    expect(isa(text, 5)).toBe('01');
    expect(isa(text, 6)).toBe('ACMEDUNS01     ');
  });

  it('writes ISA07/ISA08 from the receiver', () => {
    expect([isa(write([professional('P1')]).text, 7), isa(write([professional('P1')]).text, 8)]).toEqual(['ZZ', 'SBXCH          ']);
    const text = write([professional('P1')], { receiver: planDirect }).text;
    expect([isa(text, 7), isa(text, 8)]).toEqual(['30', '123456789      ']);
  });

  it("writes GS02 from the tenant, or the receiver's override, and GS03 from the receiver, in every group", () => {
    const claims = [professional('P1'), institutional('I1')];
    const own = write(claims).text;
    const overridden = write(claims, { receiver: planDirect }).text;
    for (const group of [0, 1]) {
      expect([gs(own, 2, group), gs(own, 3, group)]).toEqual(['ACMEGS', 'SBXCHGS']);
      expect([gs(overridden, 2, group), gs(overridden, 3, group)]).toEqual(['ACMEPLAN', 'PLANGS']);
    }
  });

  it("writes ISA15 from the tenant's usage, or the receiver's override", () => {
    expect(isa(write([professional('P1')]).text, 15)).toBe('T');
    expect(isa(write([professional('P1')], { receiver: planDirect }).text, 15)).toBe('P');
    const production = withInterchange({ ...tenant.interchange, usage: 'P' }, [clearinghouse]);
    expect(isa(write([professional('P1')], { tenant: production, receiver: production.receivers[0] }).text, 15)).toBe('P');
  });

  it('asks for a TA1 (ISA14) only where the policy says so', () => {
    expect(isa(write([professional('P1')]).text, 14)).toBe('0');
    expect(isa(write([professional('P1')], { receiver: planDirect }).text, 14)).toBe('1');
  });

  it('reads a config without any envelope settings as the defaults (existing configs stay valid)', () => {
    const policy = envelopeFor(tenant, clearinghouse);
    expect(policy).toEqual({
      senderQualifier: 'ZZ',
      senderId: 'ACMEBILL',
      receiverQualifier: 'ZZ',
      receiverId: 'SBXCH',
      gsSenderCode: 'ACMEGS',
      gsReceiverCode: 'SBXCHGS',
      usage: 'T',
      acknowledgmentRequested: false,
      delimiters: { element: '*', component: ':', repetition: '^', segment: '~' },
      timeZone: 'America/Chicago',
      sender: 'ZZ:ACMEBILL',
      receiver: 'ZZ:SBXCH',
    });
    expect(envelopeFor(tenant, planDirect)).toMatchObject({ sender: '01:ACMEDUNS01', receiver: '30:123456789' });
  });
});

describe('envelope policy: delimiters', () => {
  it('defaults to * : ^ ~', () => {
    const text = write([professional('P1')]).text;
    expect(text.slice(0, 4)).toBe('ISA*');
    expect(text[82]).toBe('^'); // ISA11
    expect(text.slice(103, 106)).toBe('*:~'); // ISA16 and the terminator
    expect(parse(text).delimiters).toEqual({ element: '*', component: ':', repetition: '^', segment: '~' });
  });

  const alternatives = { element: '|', component: '>', repetition: '!', segment: '\'' } as const;
  it.each(Object.entries(alternatives))('makes the %s delimiter configurable per tenant and per receiver', (name, char) => {
    const delimiters = { [name]: char };
    const perTenant = withInterchange({ ...tenant.interchange, delimiters }, [clearinghouse]);
    const perReceiver = withInterchange(tenant.interchange, [{ ...clearinghouse, envelope: { delimiters } }]);
    for (const config of [perTenant, perReceiver]) {
      const text = write([professional('P1'), institutional('I1')], { tenant: config, receiver: config.receivers[0] }).text;
      const read = parse(text);
      expect(read.delimiters).toEqual({ element: '*', component: ':', repetition: '^', segment: '~', [name]: char });
      // The composite SV101 reads back through the configured component separator.
      const sv1 = read.groups[0]?.transactions[0]?.segments.find((s) => s.id === 'SV1');
      expect(sv1?.elements[1]?.split(read.delimiters.component)[0]).toBe('HC');
      expect(validateX12(text).errorCount).toBe(0);
    }
  });

  it('lets the receiver override one delimiter and inherit the others from the tenant', () => {
    const config = withInterchange({ ...tenant.interchange, delimiters: { segment: '\'' } }, [
      { ...clearinghouse, envelope: { delimiters: { element: '|' } } },
    ]);
    expect(envelopeFor(config, config.receivers[0] as Receiver).delimiters).toEqual({ element: '|', component: ':', repetition: '^', segment: '\'' });
  });

  it.each([
    ['a letter', { element: 'A' }],
    ['a digit', { component: '7' }],
    ['a space', { segment: ' ' }],
    ['two characters', { element: '**' }],
    ['a control character', { segment: '\n' }],
    ["'-'", { repetition: '-' }],
  ])('refuses %s as a delimiter', (_what, delimiters) => {
    expect(TenantConfig.safeParse({ ...tenant, interchange: { ...tenant.interchange, delimiters } }).success).toBe(false);
    expect(TenantConfig.safeParse({ ...tenant, receivers: [{ ...clearinghouse, envelope: { delimiters } }] }).success).toBe(false);
  });

  it('refuses delimiters that clash once the tenant defaults are applied, naming the receiver', () => {
    const result = TenantConfig.safeParse({ ...tenant, receivers: [clearinghouse, { ...planDirect, envelope: { delimiters: { element: ':' } } }] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['receivers', 1, 'envelope', 'delimiters']);
  });

  it('refuses an unknown envelope setting rather than ignoring a typo', () => {
    expect(TenantConfig.safeParse({ ...tenant, receivers: [{ ...clearinghouse, envelope: { usgae: 'P' } }] }).success).toBe(false);
  });
});

describe('control numbers in the interchange', () => {
  it('writes the allocated ISA13 (nine digits, IEA02) and each group its own GS06 (GE02)', () => {
    const read = parse(write([professional('P1'), institutional('I1')], { isaControlNumber: 999_999_999, groupControlNumbers: { professional: 1, institutional: 2 } }).text);
    expect(read.controlNumber).toBe('999999999');
    expect(read.iea?.elements[2]).toBe('999999999');
    expect(read.groups.map((g) => [g.controlNumber, g.ge?.elements[2]])).toEqual([
      ['1', '1'],
      ['2', '2'],
    ]);
  });

  it('refuses two groups sharing GS06 and a claim type without one', () => {
    expect(() => write([professional('P1'), institutional('I1')], { groupControlNumbers: { professional: 5, institutional: 5 } })).toThrow(/share GS06/);
    expect(() => write([institutional('I1')], { groupControlNumbers: { professional: 5 } })).toThrow(/institutional group is missing/);
  });

  it('makes BHT03 unique per transaction set: GS06 (nine digits) + ST02', () => {
    const claims = ['P1', 'P2', 'P3'].map((id) => professional(id)).concat(institutional('I1'));
    const read = parse(write(claims, { maxClaimsPerTransaction: 2 }).text);
    const bht03 = read.groups.flatMap((g) => g.transactions.map((t) => t.segments[0]?.elements[3]));
    expect(bht03).toEqual(['0000000420001', '0000000420002', '0000000430001']);
  });
});

describe('groups and transaction sets', () => {
  it('writes one GS per claim type present: 837P (X222A1) first, then 837I (X223A2), with ST03 = GS08', () => {
    const read = parse(write([institutional('I1'), professional('P1'), institutional('I2')]).text);
    expect(read.groups.map((g) => [g.functionalId, g.version, g.transactions.map((t) => t.version)])).toEqual([
      ['HC', '005010X222A1', ['005010X222A1']],
      ['HC', '005010X223A2', ['005010X223A2']],
    ]);
    expect(read.iea?.elements[1]).toBe('2');
    expect(parse(write([institutional('I1')]).text).groups.map((g) => g.version)).toEqual(['005010X223A2']);
    expect(claimTypesIn([institutional('I1'), professional('P1')])).toEqual(['professional', 'institutional']);
  });

  it('splits each group into transaction sets of at most N claims, counting SE01, GE01 and IEA01', () => {
    const claims = Array.from({ length: 7 }, (_, i) => professional(`P${i + 1}`)).concat(institutional('I1'), institutional('I2'));
    const { text, groups } = write(claims, { maxClaimsPerTransaction: 3 });
    const read = parse(text);
    expect(read.groups.map((g) => g.transactions.map((t) => [t.controlNumber, t.segments.filter((s) => s.id === 'CLM').length]))).toEqual([
      [['0001', 3], ['0002', 3], ['0003', 1]],
      [['0001', 2]],
    ]);
    for (const group of read.groups) {
      expect(Number(group.ge?.elements[1])).toBe(group.transactions.length);
      for (const t of group.transactions) {
        expect(Number(t.se?.elements[1])).toBe(t.segments.length + 2); // ST and SE included
        expect(t.se?.elements[2]).toBe(t.controlNumber);
      }
    }
    expect(Number(read.iea?.elements[1])).toBe(2);
    expect(groups.map((g) => g.transactions.map((t) => t.claimIds))).toEqual([
      [['P1', 'P2', 'P3'], ['P4', 'P5', 'P6'], ['P7']],
      [['I1', 'I2']],
    ]);
    expect(validateX12(text).errorCount).toBe(0);
  });

  it('keeps 5,000 claims in one transaction set by default and refuses a larger limit', () => {
    const claims = Array.from({ length: 6 }, (_, i) => professional(`P${i + 1}`));
    expect(plan837Groups(claims, { professional: 1 })[0]?.transactions).toHaveLength(1);
    expect(() => plan837Groups(claims, { professional: 1 }, 5001)).toThrow(X12Error);
    expect(() => plan837Groups(claims, { professional: 1 }, 0)).toThrow(X12Error);
  });

  it('reports the claims per transaction set in the order written: claims of one billing provider together', () => {
    const claims = [professional('A1'), professional('B1', { billingProvider: OTHER_BILLING_PROVIDER }), professional('A2'), professional('B2', { billingProvider: OTHER_BILLING_PROVIDER })];
    const { text, groups } = write(claims, { maxClaimsPerTransaction: 3 });
    expect(groups[0]?.transactions.map((t) => t.claimIds)).toEqual([['A1', 'A2', 'B1'], ['B2']]);
    const written = parse(text).groups[0]?.transactions.map((t) => t.segments.filter((s) => s.id === 'CLM').map((s) => s.elements[1]));
    expect(written).toEqual([['A1', 'A2', 'B1'], ['B2']]);
  });

  it('refuses a CLM01 used twice in the file, even across groups', () => {
    expect(() => write([professional('SAME'), institutional('SAME')])).toThrow(/share CLM01/);
  });
});

describe('rewriting a recorded layout (a resumed batch)', () => {
  const claims = [professional('P1'), institutional('I1'), professional('P2', { billingProvider: OTHER_BILLING_PROVIDER }), professional('P3')];

  it('writes the identical file from the recorded groups', () => {
    const first = write(claims, { maxClaimsPerTransaction: 2 });
    const again = write837Layout({ claims: [...claims].reverse(), tenant, receiver: clearinghouse, isaControlNumber: 41, layout: first.groups, createdAt });
    expect(again.text).toBe(first.text);
    expect(again.groups).toEqual(first.groups);
  });

  it('refuses a layout that does not match the claims given', () => {
    const { groups } = write(claims);
    const input = { tenant, receiver: clearinghouse, isaControlNumber: 41, createdAt };
    expect(() => write837Layout({ ...input, claims: claims.slice(1), layout: groups })).toThrow(/names a claim that was not given/);
    expect(() => write837Layout({ ...input, claims: [...claims, professional('P9')], layout: groups })).toThrow(/not in the layout/);
    const swapped = groups.map((g) => ({ ...g, version: g.version === '005010X222A1' ? '005010X223A2' : '005010X222A1' }));
    expect(() => write837Layout({ ...input, claims, layout: swapped })).toThrow(/other claim type/);
  });
});

const X12VALID = '/work/tools/pyx12/x12valid';
describe.skipIf(!existsSync(X12VALID))('pyx12 (needs /work/tools/pyx12)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'write-837-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds no error in a two-group interchange, split into several transaction sets, under both envelopes', () => {
    const claims = ['P1', 'P2', 'P3'].map((id) => professional(id)).concat(institutional('I1'), institutional('I2', { billingProvider: OTHER_BILLING_PROVIDER }));
    const files = [clearinghouse, planDirect].map((receiver) => {
      const file = join(dir, `${receiver.id}.837`);
      writeFileSync(file, write(claims, { receiver, maxClaimsPerTransaction: 2 }).text);
      return file;
    });
    const output = execFileSync(X12VALID, files, { encoding: 'utf8' });
    expect(output.trim().split('\n')).toEqual(files.map((file) => `${file}: VALID`));
  });
});
