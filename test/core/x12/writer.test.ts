import { describe, expect, it } from 'vitest';
import { X12Error } from '../../../lambdas/core/x12/errors.js';
import type { Delimiters } from '../../../lambdas/core/x12/types.js';
import {
  composite,
  repeated,
  resolveDelimiters,
  sanitise,
  SegmentWriter,
  upper,
} from '../../../lambdas/core/x12/writer.js';

/** Deterministic pseudo-random numbers (mulberry32) so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('SegmentWriter sanitising', () => {
  it('removes every delimiter of the interchange from names and upper-cases them when asked', () => {
    const w = new SegmentWriter();
    w.segment('NM1', 'IL', '1', upper("o*brien~smith:jr^"), upper('Ann'));
    expect(w.toString()).toBe('NM1*IL*1*OBRIENSMITHJR*ANN~');
  });

  it('never lets a delimiter leak, whatever the data (random names over a delimiter-rich alphabet)', () => {
    const next = random(837);
    const alphabet = 'AbC dE*~:^|>!\n\t-.,\'';
    for (const delimiters of [
      { element: '*', component: ':', repetition: '^', segment: '~' },
      { element: '|', component: '>', repetition: '!', segment: '\n' },
    ]) {
      for (let round = 0; round < 300; round++) {
        const values = Array.from({ length: 4 }, () =>
          Array.from({ length: 1 + Math.floor(next() * 12) }, () => alphabet[Math.floor(next() * alphabet.length)]).join(''),
        );
        const w = new SegmentWriter({ delimiters });
        w.segment('NM1', values[0], composite(values[1], values[2]), repeated(values[3], 'X'), 'END');
        const text = w.toString();
        // One terminator, at the end; exactly four element separators (five elements, the last non-empty).
        expect(text.indexOf(delimiters.segment)).toBe(text.length - 1);
        expect(text.split(delimiters.element)).toHaveLength(5);
        const [, first, comp, rep] = text.slice(0, -1).split(delimiters.element);
        for (const char of [delimiters.component, delimiters.repetition]) expect(first).not.toContain(char);
        expect((comp ?? '').split(delimiters.component).length).toBeLessThanOrEqual(2);
        expect(comp).not.toContain(delimiters.repetition);
        expect((rep ?? '').split(delimiters.repetition).length).toBeLessThanOrEqual(2);
        expect(rep).not.toContain(delimiters.component);
      }
    }
  });

  it('keeps characters that are not delimiters of this interchange', () => {
    const d = resolveDelimiters({ element: '|', component: '>', repetition: '!', segment: '\n' });
    expect(sanitise('A*B:C^D|E>F!G', d)).toBe('A*B:C^DEFG');
  });

  it('folds accents, turns control characters into spaces, drops other non-ASCII and trims', () => {
    const d = resolveDelimiters();
    expect(sanitise('  José\tMüller\r\nÅngström  ', d, { upper: true })).toBe('JOSE MULLER ANGSTROM');
    expect(sanitise('北京 Clinic ✓', d)).toBe('Clinic');
  });
});

describe('SegmentWriter element layout', () => {
  it('drops trailing empty elements and keeps inner ones', () => {
    const w = new SegmentWriter();
    w.segment('NM1', '85', '2', 'ALPHA', undefined, undefined, undefined, undefined, 'XX', '1234567893');
    w.segment('SBR', 'P', '18', undefined, '', undefined);
    w.segment('PAT', '19', '   ');
    expect(w.toString()).toBe('NM1*85*2*ALPHA*****XX*1234567893~SBR*P*18~PAT*19~');
  });

  it('joins composites with the component separator and drops trailing empty components', () => {
    const w = new SegmentWriter();
    w.segment('SV1', composite('HC', '99213', undefined, ''), '125', 'UN', '1', undefined, undefined, composite('1', '2'));
    w.segment('CLM', 'X1', '10', undefined, undefined, composite('11', '', '1'));
    expect(w.toString()).toBe('SV1*HC:99213*125*UN*1***1:2~CLM*X1*10***11::1~');
  });

  it('joins repetitions with the repetition separator', () => {
    const w = new SegmentWriter({ delimiters: { repetition: '{' } });
    w.segment('XX1', repeated('A', composite('B', 'C'), undefined));
    expect(w.toString()).toBe('XX1*A{B:C~');
  });

  it('counts segments and positions', () => {
    const w = new SegmentWriter();
    expect(w.nextPosition).toBe(1);
    expect(w.segment('LX', '1')).toBe(1);
    expect(w.segment('LX', '2')).toBe(2);
    expect(w.count).toBe(2);
  });

  it('adds the optional line break after each terminator', () => {
    const w = new SegmentWriter({ lineBreak: '\r\n' });
    w.segment('LX', '1');
    w.segment('LX', '2');
    expect(w.toString()).toBe('LX*1~\r\nLX*2~\r\n');
  });

  it('refuses an invalid segment id', () => {
    const w = new SegmentWriter();
    expect(() => w.segment('nm1', 'x')).toThrow(X12Error);
    expect(() => w.segment('ABCD', 'x')).toThrow(X12Error);
  });
});

describe('raw segments (fixed-width ISA)', () => {
  it('writes padding untouched and refuses a delimiter in a field', () => {
    const w = new SegmentWriter();
    w.raw('ISA', ['00', '          ']);
    expect(w.toString()).toBe('ISA*00*          ~');
    try {
      w.raw('ISA', ['AB*C']);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(X12Error);
      expect((error as X12Error).code).toBe('DELIMITER_IN_DATA');
      expect((error as X12Error).message).not.toContain('AB*C');
    }
  });

  it('allows the delimiter an element is meant to carry (ISA11, ISA16)', () => {
    const w = new SegmentWriter();
    w.raw('ISA', ['X', ':'], { 2: ':' });
    expect(w.toString()).toBe('ISA*X*:~');
  });
});

describe('resolveDelimiters', () => {
  it('defaults to * : ^ ~', () => {
    expect(resolveDelimiters()).toEqual({ element: '*', component: ':', repetition: '^', segment: '~' });
  });
  it.each<[Partial<Delimiters>, string]>([
    [{ element: ':' }, 'duplicate'],
    [{ component: 'A' }, 'letter'],
    [{ segment: ' ' }, 'space'],
    [{ repetition: '^^' }, 'two characters'],
    [{ element: '.' }, 'decimal point'],
    [{ component: '-' }, 'range hyphen'],
  ])('refuses %o (%s)', (partial, _reason) => {
    expect(() => resolveDelimiters(partial)).toThrow(X12Error);
  });
});
