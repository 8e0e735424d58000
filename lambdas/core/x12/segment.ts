/**
 * Element access for transaction readers. `seg.elements[n]` is element n
 * (elements[0] is the id). Values are trimmed, and an empty element reads as
 * undefined, so readers can write `element(seg, 3) ?? fallback`.
 */
import type { Delimiters, Segment } from './types.js';

type Separator = Delimiters | string;

function separatorOf(separator: Separator, kind: 'component' | 'repetition'): string | undefined {
  return typeof separator === 'string' ? separator : separator[kind];
}

/** Raw text of element n ('' when absent). */
export function rawElement(seg: Segment, index: number): string {
  return seg.elements[index] ?? '';
}

/** Trimmed element n, or undefined when absent or blank. */
export function element(seg: Segment, index: number): string | undefined {
  const value = rawElement(seg, index).trim();
  return value === '' ? undefined : value;
}

/** The components of element n (raw, untrimmed); [] when the element is absent. */
export function components(seg: Segment, index: number, separator: Separator): string[] {
  const raw = rawElement(seg, index);
  if (raw === '') return [];
  const component = separatorOf(separator, 'component');
  return component ? raw.split(component) : [raw];
}

/**
 * Trimmed component c (1-based) of element n, or undefined when absent or blank.
 * Pass the interchange's delimiters: files use ":", ">", "^" and others.
 */
export function component(seg: Segment, index: number, componentIndex: number, separator: Separator): string | undefined {
  const value = (components(seg, index, separator)[componentIndex - 1] ?? '').trim();
  return value === '' ? undefined : value;
}

/**
 * The repetitions of element n. Without a repetition separator (00401 files)
 * the element is a single repetition.
 */
export function repetitions(seg: Segment, index: number, separator: Separator): string[] {
  const raw = rawElement(seg, index);
  if (raw === '') return [];
  const repetition = separatorOf(separator, 'repetition');
  return repetition ? raw.split(repetition) : [raw];
}

const SEGMENT_ID = /^[A-Z][A-Z0-9]{1,2}$/;

/** True for a well-formed segment id (2-3 upper-case letters/digits starting with a letter). */
export function isSegmentId(id: string): boolean {
  return SEGMENT_ID.test(id);
}

/**
 * The id when it is well formed, else undefined: in a broken file the "id" may
 * be a fragment of data (a name, a member id), which must not reach a message.
 */
export function safeSegmentId(id: string): string | undefined {
  return SEGMENT_ID.test(id) ? id : undefined;
}

/** Number of the last non-empty element (trailing empty elements are not counted). */
export function lastElementIndex(seg: Segment): number {
  for (let index = seg.elements.length - 1; index > 0; index--) {
    if ((seg.elements[index] ?? '').trim() !== '') return index;
  }
  return 0;
}
