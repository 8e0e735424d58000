import { describe, expect, it } from 'vitest';
import { component, components, element, rawElement, repetitions, safeSegmentId } from '../../../lambdas/core/x12/segment.js';
import type { Delimiters, Segment } from '../../../lambdas/core/x12/types.js';

const D5010: Delimiters = { element: '*', component: '>', repetition: '^', segment: '~' };
const D4010: Delimiters = { element: '*', component: ':', segment: '~' };

function seg(text: string, d: Delimiters = D5010): Segment {
  const elements = text.split(d.element);
  return { id: elements[0]!, elements, position: 7 };
}

describe('segment helpers', () => {
  const sv1 = seg('SV1*HC>99213>25>>59* 100 *UN*1***1>2');

  it('reads elements trimmed, with blank and absent elements as undefined', () => {
    expect(element(sv1, 2)).toBe('100');
    expect(rawElement(sv1, 2)).toBe(' 100 ');
    expect(element(sv1, 5)).toBeUndefined();
    expect(element(sv1, 40)).toBeUndefined();
    expect(rawElement(sv1, 40)).toBe('');
    expect(element(sv1, 0)).toBe('SV1');
  });

  it('splits components with the interchange separator', () => {
    expect(components(sv1, 1, D5010)).toEqual(['HC', '99213', '25', '', '59']);
    expect(component(sv1, 1, 2, D5010)).toBe('99213');
    expect(component(sv1, 1, 4, D5010)).toBeUndefined();
    expect(component(sv1, 1, 5, '>')).toBe('59');
    expect(component(sv1, 7, 2, D5010)).toBe('2');
    // A component separator the element does not use leaves it whole.
    expect(components(sv1, 1, D4010)).toEqual(['HC>99213>25>>59']);
    expect(components(sv1, 9, D5010)).toEqual([]);
  });

  it('splits repetitions only when the interchange has a repetition separator', () => {
    const hi = seg('HI*ABK>E119^ABF>I10');
    expect(repetitions(hi, 1, D5010)).toEqual(['ABK>E119', 'ABF>I10']);
    expect(repetitions(hi, 1, D4010)).toEqual(['ABK>E119^ABF>I10']);
    expect(repetitions(hi, 2, D5010)).toEqual([]);
  });

  it('only vouches for well-formed segment ids', () => {
    expect(safeSegmentId('NM1')).toBe('NM1');
    expect(safeSegmentId('GS')).toBe('GS');
    expect(safeSegmentId('Nd4')).toBeUndefined();
    expect(safeSegmentId('JOHN SMITH')).toBeUndefined();
    expect(safeSegmentId('1AB')).toBeUndefined();
  });
});
