/**
 * Writer parity: everything the reader models that a payer sends can be
 * written, and write → read gives the same model. Hand-written files (FULL
 * has every segment) round-trip exactly; random extended models (see
 * RemittanceGenerator `extended`) keep every extended field through the first
 * trip and are a fixed point from then on (read(write(m)) = m). Elements the
 * guide does not use are refused, never dropped silently.
 */
import { describe, expect, it } from 'vitest';
import { balance } from '../../../../lambdas/core/x12/835/balance.js';
import type { Remittance } from '../../../../lambdas/core/x12/835/model.js';
import { read835 } from '../../../../lambdas/core/x12/835/read-835.js';
import { write835, type Write835Options } from '../../../../lambdas/core/x12/835/write-835.js';
import { X12Error } from '../../../../lambdas/core/x12/errors.js';
import { remittanceFile } from '../../../support/x12-property.js';
import { FULL, interchange835, PAYER_A, PAYER_B, transactions } from './fixtures.js';
import { chunked, inMemory, streamed } from './stream-helpers.js';

const OPTIONS: Write835Options = {
  senderQualifier: 'ZZ',
  senderId: 'PAYERSENDER',
  receiverQualifier: 'ZZ',
  receiverId: 'CLINICRECV',
  controlNumber: 77,
  createdAt: new Date('2024-03-15T14:30:00Z'),
};

function readBack(text: string) {
  return transactions(text).map(({ tx, delimiters }) => read835(tx, delimiters));
}

/** Without positions (they depend on the file) and without undefined values. */
function plain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key, v]) => key !== 'position' && v !== undefined)
        .map(([key, v]) => [key, plain(v)]),
    );
  }
  return value;
}

/** The fields beyond the posting core, as the generator draws them. */
function extended(r: Remittance) {
  return plain({
    currency: r.currency,
    versionId: r.versionId,
    deliveryMethod: r.payee.deliveryMethod,
    // The reader records every LX; the generator only those with a TS3 or TS2.
    headerNumbers: (r.headerNumbers ?? []).filter((h) => h.ts3 || h.ts2),
    claims: r.claims.map((c) => ({
      statusCode: c.statusCode,
      drg: [c.drgCode, c.drgWeight, c.dischargeFraction],
      correctedInsured: c.correctedInsured,
      crossoverCarrier: c.crossoverCarrier,
      correctedPriorityPayer: c.correctedPriorityPayer,
      otherSubscriber: c.otherSubscriber,
      inpatient: c.inpatient,
      outpatient: c.outpatient,
      contacts: c.contacts,
      quantities: c.quantities,
      lineQuantities: c.serviceLines.map((l) => l.quantities),
      // SVC06 descriptions may be hostile names (sanitised on writing): the code, modifiers and SVC07 must survive.
      original: c.serviceLines.map((l) => [l.originalProcedure?.qualifier, l.originalProcedure?.code, l.originalProcedure?.modifiers, l.originalUnits]),
    })),
  });
}

describe('835 writer parity', () => {
  it('FULL, PAYER_A and PAYER_B round-trip exactly, every segment included', () => {
    const original = readBack(interchange835([FULL, PAYER_A, PAYER_B])).map((r) => r.remittance);
    const text = write835(original, { ...OPTIONS, lineBreak: '\n' });
    const again = readBack(text);
    expect(again.map((r) => r.warnings)).toEqual([[], [], []]);
    expect(plain(again.map((r) => r.remittance))).toEqual(plain(original));
    // The written FULL is the hand-written one, segment for segment (BPR to the last PLB).
    const written = text.split('~\n').slice(3, 3 + FULL.length);
    expect(written).toEqual(FULL.map((s) => s.replace('*.5', '*0.5')));
  });

  it('random extended models: extended fields survive the first trip, and read(write(m)) = m after it', async () => {
    let claims = 0;
    const seen = new Set<string>();
    for (let seed = 60_000; seed < 60_150; seed++) {
      const file = remittanceFile(seed, { extended: true, unbalanced: 0.1, hostility: 0.1 });
      const label = `seed ${seed}`;
      const text = write835(file.remittances, file.options);
      const first = readBack(text);
      expect(first.flatMap((r) => r.warnings), label).toEqual([]);
      const m1 = first.map((r) => r.remittance);
      expect(m1.map(extended), label).toEqual(file.remittances.map(extended));
      expect(m1.map((r) => balance(r).map((b) => [b.check, b.ok])), label).toEqual(file.remittances.map((r) => balance(r).map((b) => [b.check, b.ok])));
      const m2 = readBack(write835(m1, file.options)).map((r) => r.remittance);
      expect(plain(m2), label).toEqual(plain(m1));
      // The streaming reader reads the written file as the in-memory one does.
      if (seed % 10 === 0) expect((await streamed(chunked(text, 97))).transactions, label).toEqual(inMemory(text).transactions);
      for (const r of m1) {
        claims += r.claims.length;
        if (r.currency) seen.add('CUR');
        if (r.payee.deliveryMethod) seen.add('RDM');
        if (r.headerNumbers?.some((h) => h.ts3)) seen.add('TS3');
        if (r.headerNumbers?.some((h) => h.ts2)) seen.add('TS2');
        for (const c of r.claims) {
          if (c.inpatient) seen.add('MIA');
          if (c.outpatient) seen.add('MOA');
          if (c.crossoverCarrier) seen.add(`TT ${c.statusCode}`);
          if (c.correctedPriorityPayer) seen.add('PR');
          if (c.correctedInsured) seen.add('74');
          if (c.otherSubscriber) seen.add('GB');
          if (c.contacts) seen.add('PER');
          if (c.quantities) seen.add('QTY');
          if (c.statusCode === '22') seen.add('reversal');
          if (c.serviceLines.some((l) => l.quantities)) seen.add('line QTY');
        }
        if (r.providerAdjustments.some((p) => p.items.length > 1 && p.items.some((i) => i.reference))) seen.add('PLB pairs');
      }
    }
    expect(claims).toBeGreaterThan(300);
    expect([...seen].sort()).toEqual(
      ['74', 'CUR', 'GB', 'MIA', 'MOA', 'PER', 'PLB pairs', 'PR', 'QTY', 'RDM', 'TS2', 'TS3', 'TT 19', 'TT 20', 'TT 21', 'line QTY', 'reversal'].sort(),
    );
  });
});

describe('835 writer refuses what 005010X221A1 does not use', () => {
  const base = () => readBack(interchange835([FULL])).map((r) => r.remittance)[0]!;
  const cases: Array<[string, (r: Remittance) => void, string, string]> = [
    ['CLP10 patient status', (r) => void (r.claims[0]!.patientStatusCode = '01'), 'X835-WRITE-INVALID', 'CLP10'],
    ['a CUR03 exchange rate', (r) => void (r.currency = { entityCode: 'PR', currencyCode: 'CAD', exchangeRate: '1.35' }), 'X835-WRITE-INVALID', 'CUR03'],
    ['a header REF other than EV/F2', (r) => void (r.references = [{ qualifier: 'ZZ', value: 'X' }]), 'X835-WRITE-INVALID', 'REF01'],
    ['a header DTM other than 405', (r) => void (r.dates = [{ qualifier: '009', date: '2024-01-01' }]), 'X835-WRITE-INVALID', 'DTM01'],
    ['TS3 elements not used in 5010', (r) => void (r.headerNumbers![0]!.ts3!.otherElements = [{ element: 'TS309', value: '1' }]), 'X835-WRITE-INVALID', 'TS309'],
    ['a TS3 for an LX no claim carries', (r) => void r.headerNumbers!.push({ lxNumber: '7', ts3: r.headerNumbers![0]!.ts3! }), 'X835-WRITE-INVALID', 'LX01'],
    ['a crossover carrier without an identifier', (r) => void (r.claims[0]!.crossoverCarrier = { name: 'MEDIGAP' }), 'X835-WRITE-MISSING', 'NM109 (TT)'],
    ['an MIA without MIA01', (r) => void (r.claims[0]!.inpatient!.coveredDaysOrVisits = undefined), 'X835-WRITE-MISSING', 'MIA01'],
    ['N402 together with N407', (r) => void (r.payer.address!.countrySubdivision = 'ON'), 'X835-WRITE-INVALID', 'N407'],
    ['a claim contact that is not CX', (r) => void (r.claims[0]!.contacts![0]!.function = 'BL'), 'X835-WRITE-INVALID', 'PER01'],
    ['a line QTY qualifier of the claim list', (r) => void (r.claims[1]!.serviceLines[0]!.quantities = [{ qualifier: 'CA', quantity: '1' }]), 'X835-WRITE-INVALID', 'QTY01'],
  ];
  it.each(cases)('refuses %s', (_label, mutate, code, element) => {
    const remittance = base();
    mutate(remittance);
    let error: unknown;
    try {
      write835([remittance], OPTIONS);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(X12Error);
    expect([(error as X12Error).code, (error as X12Error).element]).toEqual([code, element]);
  });
});
