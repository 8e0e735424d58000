/**
 * stream835: the event grammar, several ST and several ISA in one file,
 * broken transaction sets skipped to their SE, envelope defects as typed
 * errors with positions, fatal input, and the behaviour towards the chunk
 * source (failures rethrown, early stop closes it). Every file here is also
 * compared with the in-memory reader (parseX12 + read835 + balance).
 */
import { describe, expect, it } from 'vitest';
import type { ClaimPaymentInfo } from '../../../../lambdas/core/x12/835/model.js';
import { Remittance835Reader } from '../../../../lambdas/core/x12/835/remittance-reader.js';
import { stream835, type Stream835Event } from '../../../../lambdas/core/x12/835/stream-835.js';
import { FULL, interchange835, PAYER_A, PAYER_B, positionOf, transactions } from './fixtures.js';
import { chunked, inMemory, streamed } from './stream-helpers.js';

async function events(input: string, size = 13): Promise<Stream835Event[]> {
  const out: Stream835Event[] = [];
  for await (const event of stream835(chunked(input, size))) out.push(event);
  return out;
}

/** 1-based positions of every segment starting with `prefix`. */
const positionsOf = (text: string, prefix: string) =>
  text.split('~').flatMap((s, i) => (s.trim().startsWith(prefix) ? [i + 1] : []));

/** A compact trace of events: type, and for errors code@position/scope/severity. */
const trace = (list: Stream835Event[]) =>
  list.map((e) =>
    e.type === 'error'
      ? `error ${e.error.code}@${e.error.position ?? '?'} ${e.scope} ${e.severity}`
      : e.type === 'claim'
        ? `claim ${e.ordinal} ${e.claim.patientControlNumber}`
        : e.type,
  );

/** The same transactions in a second interchange with other delimiters (| : ^ and ' terminators). */
function otherDelimiters(bodies: string[][], control: string): string {
  return interchange835(bodies, control)
    .replaceAll('*', '|')
    .replaceAll('~', "'")
    .replaceAll('HC:', 'HC>')
    .replace(/\|:'/, "|>'")
    .replaceAll('WO:', 'WO>');
}

async function expectSameAsInMemory(text: string): Promise<void> {
  const memory = inMemory(text);
  for (const size of [1, 9, 4096]) {
    const stream = await streamed(chunked(text, size));
    expect(stream.transactions).toEqual(memory.transactions);
    expect(stream.findings).toEqual(memory.findings);
    expect(stream.fatal).toEqual(memory.fatal);
  }
}

describe('stream835', () => {
  it('streams several ST in one group and several ISA with their own delimiters, as read835 reads them', async () => {
    const text = interchange835([FULL, PAYER_B]) + otherDelimiters([PAYER_A], '000000102');
    const list = await events(text);
    expect(trace(list)).toEqual([
      'remittance-start',
      'claim 1 INPAT-1',
      'claim 2 OUTPAT-2',
      'claim 3 OUTPAT-2',
      'claim 4 DENIED-4',
      'remittance-end',
      'remittance-start',
      'claim 1 PCN-004',
      'remittance-end',
      'remittance-start',
      'claim 1 PCN-001',
      'claim 2 PCN-002',
      'claim 3 PCN-003',
      'remittance-end',
    ]);
    const starts = list.filter((e) => e.type === 'remittance-start');
    expect(starts.map((e) => e.envelope)).toEqual([
      { interchangeControlNumber: '000000101', sender: { qualifier: 'ZZ', id: 'PAYERSENDER' }, receiver: { qualifier: 'ZZ', id: 'CLINICRECV' }, groupControlNumber: '101', transactionControlNumber: '0001', version: '005010X221A1' },
      expect.objectContaining({ interchangeControlNumber: '000000101', transactionControlNumber: '0002' }),
      expect.objectContaining({ interchangeControlNumber: '000000102', groupControlNumber: '102', transactionControlNumber: '0001' }),
    ]);
    expect(starts[2]!.header.payer.name).toBe('ACME HEALTH PLAN');
    const ends = list.filter((e) => e.type === 'remittance-end');
    expect(ends.map((e) => [e.claimCount, e.payment.ok, e.payment.expected, e.providerAdjustments.length])).toEqual([
      [4, true, '590.00', 2],
      [1, true, '0.00', 0],
      [3, true, '242.50', 1],
    ]);
    // The ">" composite of the second interchange is its own ISA16, not the leniency.
    expect(ends[2]!.warnings).toEqual([]);
    const firstClaim = list.find((e) => e.type === 'claim')!;
    expect(firstClaim.type === 'claim' && firstClaim.checks.map((c) => [c.check, c.ok])).toEqual([['claim', true]]);
    await expectSameAsInMemory(text);
  });

  it('skips a broken transaction set to its SE with a typed error naming position and element, then reads the next', async () => {
    const broken = PAYER_A.map((s) => (s.startsWith('CLP*PCN-002') ? 'CLP*PCN-002*4*15O*0*0*12*ICN0002*11*1' : s));
    const text = interchange835([broken, PAYER_B]);
    const list = await events(text);
    expect(trace(list)).toEqual([
      'remittance-start',
      'claim 1 PCN-001',
      `error X835-BAD-AMOUNT@${positionOf(text, 'CLP*PCN-002')} transaction error`,
      'remittance-start',
      'claim 1 PCN-004',
      'remittance-end',
    ]);
    const error = list[2]!;
    expect(error.type === 'error' && [error.error.element, error.error.segmentId]).toEqual(['CLP03', 'CLP']);
    expect(error.type === 'error' && error.error.message).not.toContain('15O');
    await expectSameAsInMemory(text);
  });

  it('reports a set that is not an 835, and one that fails before its first claim, without a remittance-start', async () => {
    const noPayee = PAYER_B.filter((s) => !s.startsWith('N1*PE'));
    const text = interchange835([PAYER_B, noPayee]).replace('ST*835*0001', 'ST*999*0001');
    expect(trace(await events(text))).toEqual([
      `error X835-NOT-835@${positionOf(text, 'ST*999')} transaction error`,
      // The second set has no N1*PE: its first CLP is where the reader stops.
      `error X835-MISSING-SEGMENT@${positionsOf(text, 'CLP*PCN-004')[1]} transaction error`,
    ]);
    await expectSameAsInMemory(text);
  });

  it('reports envelope defects as errors with severity warning: after the remittance-end of the set they concern', async () => {
    const text = interchange835([PAYER_B, PAYER_B])
      .replace('SE*16*0001', 'SE*99*0001')
      .replace('GE*2*101', 'GE*3*101')
      .concat('XX*1~\n');
    const list = await events(text);
    expect(trace(list)).toEqual([
      'remittance-start',
      'claim 1 PCN-004',
      'remittance-end',
      `error X12-SE-COUNT@${positionOf(text, 'SE*99')} transaction warning`,
      'remittance-start',
      'claim 1 PCN-004',
      'remittance-end',
      `error X12-GE-COUNT@${positionOf(text, 'GE*3')} interchange warning`,
      `error X12-SEGMENT-OUTSIDE-ENVELOPE@${positionOf(text, 'XX*1')} file warning`,
    ]);
    await expectSameAsInMemory(text);
  });

  it('ends a set without SE at the next ST, and the file at an unreadable second ISA', async () => {
    const text = interchange835([PAYER_B, PAYER_B]).replace('SE*16*0001~\n', '') + 'ISA*00*~';
    const list = await events(text, 5);
    // A fatal error comes after everything read before it, whatever the chunk size.
    expect(trace(await events(text, 65_536))).toEqual(trace(list));
    expect(trace(list)).toEqual([
      'remittance-start',
      'claim 1 PCN-004',
      'remittance-end',
      `error X12-MISSING-TRAILER@3 transaction warning`,
      'remittance-start',
      'claim 1 PCN-004',
      'remittance-end',
      `error X12-ISA-SHORT@${positionOf(text, 'IEA') + 1} file error`,
    ]);
    const memory = inMemory(text);
    expect(memory.fatal).toEqual({ code: 'X12-ISA-SHORT', position: positionOf(text, 'IEA') + 1 });
  });

  it('yields a file error for input that is not X12, and rethrows a failure of the chunk source itself', async () => {
    expect(trace(await events('hello'))).toEqual(['error X12-NO-ISA@1 file error']);
    const failing = (async function* () {
      yield interchange835([PAYER_B]).slice(0, 300);
      throw new Error('disk gone');
    })();
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const event of stream835(failing)) seen.push(event.type);
      })(),
    ).rejects.toThrow('disk gone');
  });

  it('closes the chunk source when the consumer stops early', async () => {
    let closed = false;
    const text = interchange835([PAYER_A]);
    const source = (async function* () {
      try {
        for (let i = 0; i < text.length; i += 10) yield text.slice(i, i + 10);
      } finally {
        closed = true;
      }
    })();
    for await (const event of stream835(source)) if (event.type === 'claim') break;
    expect(closed).toBe(true);
  });

  it('accepts strings and bytes in one stream', async () => {
    const text = interchange835([FULL]);
    const bytes = new TextEncoder().encode(text);
    const mixed = (async function* () {
      yield text.slice(0, 150);
      yield bytes.subarray(150, 700);
      yield text.slice(700);
    })();
    expect((await streamed(mixed)).transactions).toEqual(inMemory(text).transactions);
  });
});

describe('stream835 on a large file generated as it is read', () => {
  it('hands out claims while the input is still being read, and reads 20 000 claims with a balanced payment', async () => {
    const claim = PAYER_A.slice(PAYER_A.indexOf('CLP*PCN-001*1*300*180*20*12*ICN0001*11*1'), PAYER_A.findIndex((x) => x.startsWith('CLP*PCN-002')));
    const count = 20_000;
    let chunksRead = 0;
    // ISA..N1*PE of PAYER_A with BPR02 = 180.00 per claim, then the claims, 4 KB at a time: never one string.
    async function* source(): AsyncGenerator<string> {
      const head = interchange835([PAYER_A.slice(0, 15)]).split('SE*')[0]!.replace('BPR*I*242.5*', `BPR*I*${180 * count}*`);
      chunksRead++;
      yield head;
      let buffer = '';
      for (let i = 0; i < count; i++) {
        buffer += claim.map((x) => `${x.replace('PCN-001', `PCN-${i}`)}~\n`).join('');
        if (buffer.length > 4096) {
          chunksRead++;
          yield buffer;
          buffer = '';
        }
      }
      chunksRead++;
      yield `${buffer}SE*${15 + 2 + count * claim.length}*0001~\nGE*1*101~\nIEA*1*000000101~\n`;
    }
    let claims = 0;
    let chunksAtFirstClaim = 0;
    let end: Stream835Event | undefined;
    for await (const event of stream835(source())) {
      if (event.type === 'claim') {
        if (claims++ === 0) chunksAtFirstClaim = chunksRead;
        expect(event.checks.every((c) => c.ok === true)).toBe(true);
      } else if (event.type === 'remittance-end') end = event;
      else if (event.type === 'error') throw new Error(event.error.describe());
    }
    expect(claims).toBe(count);
    expect(chunksAtFirstClaim).toBeLessThanOrEqual(3);
    expect(chunksRead).toBeGreaterThan(1000);
    expect(end?.type === 'remittance-end' && [end.claimCount, end.payment.ok, end.payment.expectedCents]).toEqual([count, true, 18_000 * count]);
  });
});

describe('Remittance835Reader holds one claim at a time', () => {
  it('hands each claim out when its loop ends, before the next claim is read, and keeps none itself', () => {
    const [only] = transactions(interchange835([FULL]));
    const handedOut: Array<{ id: string; afterSegment: number; dates: number }> = [];
    let accepted = 0;
    const reader = new Remittance835Reader(only!.tx, only!.delimiters, {
      claim: (claim: ClaimPaymentInfo) => handedOut.push({ id: claim.patientControlNumber, afterSegment: accepted, dates: claim.dates.length }),
    });
    for (const seg of only!.tx.segments) {
      accepted++;
      reader.accept(seg);
    }
    const summary = reader.finish();
    const index = (prefix: string) => FULL.findIndex((s) => s.startsWith(prefix)) + 1;
    expect(handedOut).toEqual([
      // INPAT-1 ends at LX*2, complete with its three dates.
      { id: 'INPAT-1', afterSegment: index('LX*2'), dates: 3 },
      { id: 'OUTPAT-2', afterSegment: index('CLP*OUTPAT-2*22'), dates: 0 },
      { id: 'OUTPAT-2', afterSegment: index('CLP*DENIED-4'), dates: 0 },
      { id: 'DENIED-4', afterSegment: index('PLB*'), dates: 0 },
    ]);
    expect(summary).not.toHaveProperty('claims');
    expect(summary.claimCount).toBe(4);
    expect(summary.payment).toMatchObject({ ok: true, expectedCents: 59_000 });
  });
});
