/**
 * Which collected segments the builders have mapped. Reading goes through
 * Taken, so that afterwards every segment no builder took can be reported
 * (X837-UNMAPPED-SEGMENT) instead of being dropped silently; and each mapped
 * value's origin (segment position, loop, element) is recorded, so a claim
 * that fails validation can be pointed back to where it came from.
 */
import { element } from '../segment.js';
import type { Segment } from '../types.js';

/** Where a claim field came from in the file. */
export interface X12Location {
  /** 1-based position of the segment in the file. */
  position: number;
  segmentId: string;
  loop: string;
  /** Element reference such as "NM109" or "SV101-2", when one element holds the field. */
  element?: string;
}

export class Taken {
  private readonly used = new Set<Segment>();

  has(segment: Segment): boolean {
    return this.used.has(segment);
  }

  mark<T extends Segment | undefined>(segment: T): T {
    if (segment) this.used.add(segment);
    return segment;
  }

  /**
   * The first segment `id` (with element 1 = `qualifier`, when given). Taken
   * or not: HL-level loops are read again for every claim under them.
   */
  first(segments: readonly Segment[], id: string, qualifier?: string | ReadonlySet<string>): Segment | undefined {
    const found = segments.find((s) => s.id === id && matches(s, qualifier));
    return this.mark(found);
  }

  /** Every segment `id` (with element 1 = `qualifier`, when given). */
  all(segments: readonly Segment[], id: string, qualifier?: string | ReadonlySet<string>): Segment[] {
    const found = segments.filter((s) => s.id === id && matches(s, qualifier));
    for (const segment of found) this.used.add(segment);
    return found;
  }
}

function matches(segment: Segment, qualifier: string | ReadonlySet<string> | undefined): boolean {
  if (qualifier === undefined) return true;
  const value = element(segment, 1) ?? '';
  return typeof qualifier === 'string' ? value === qualifier : qualifier.has(value);
}

/** Field path ("serviceLines[2].charge") -> origin, filled while a claim is built. */
export class ClaimLocations {
  readonly byPath = new Map<string, X12Location>();

  constructor(readonly claim: X12Location) {}

  at(path: string, segment: Segment, loop: string, elementRef?: string): void {
    const location: X12Location = { position: segment.position, segmentId: segment.id, loop };
    if (elementRef !== undefined) location.element = elementRef;
    this.byPath.set(path, location);
  }

  /**
   * The origin of `path`, or of its nearest recorded parent (a missing
   * subscriber.birthDate points at the 2010BA NM1); the CLM otherwise.
   */
  locate(path: string): X12Location {
    let candidate = path;
    for (;;) {
      const found = this.byPath.get(candidate);
      if (found) return candidate === path ? found : withoutElement(found);
      const cut = Math.max(candidate.lastIndexOf('.'), candidate.lastIndexOf('['));
      if (cut <= 0) return this.claim;
      candidate = candidate.slice(0, cut);
    }
  }
}

function withoutElement(location: X12Location): X12Location {
  const { element: _element, ...rest } = location;
  return rest;
}
