/**
 * A small conformant 837P written by our own writer (two claims: one for a
 * subscriber, one for a dependant under a 2000C), as an editable list of
 * segments. Tests mutate one segment and expect the validator to name it.
 */
import { write837P } from '../../../../lambdas/core/x12/837/write-837p.js';
import { claim, DEPENDENT, PROVIDER_B, tenantConfig } from '../837p-fixtures.js';

export const tenant = tenantConfig();

export function baseText(): string {
  return write837P({
    claims: [
      claim({ claimId: 'CLAIM-A' }),
      claim({ claimId: 'CLAIM-B', billingProvider: PROVIDER_B, patient: DEPENDENT }),
    ],
    tenant,
    receiver: tenant.receivers[0]!,
    controlNumber: 11,
    createdAt: new Date('2026-10-01T17:05:00Z'),
  });
}

/** Segments as strings, without terminators; position = index + 1. */
export class X12Edit {
  readonly segments: string[];

  constructor(text: string = baseText()) {
    this.segments = text.split('~').filter((s) => s.trim() !== '');
  }

  /** 1-based position of the n-th (0-based) segment matching the prefix, e.g. "CLM*CLAIM-B". */
  position(prefix: string, nth = 0): number {
    let seen = 0;
    for (let i = 0; i < this.segments.length; i++) {
      if ((this.segments[i] ?? '').startsWith(prefix) && seen++ === nth) return i + 1;
    }
    throw new Error(`no segment starting with ${prefix}`);
  }

  get(position: number): string {
    return this.segments[position - 1] ?? '';
  }

  set(position: number, segment: string): this {
    this.segments[position - 1] = segment;
    return this;
  }

  /** Replaces element n (1-based) of the segment at `position`. */
  setElement(position: number, n: number, value: string): this {
    const elements = this.get(position).split('*');
    while (elements.length <= n) elements.push('');
    elements[n] = value;
    return this.set(position, elements.join('*'));
  }

  remove(position: number): this {
    this.segments.splice(position - 1, 1);
    return this;
  }

  insert(position: number, segment: string): this {
    this.segments.splice(position - 1, 0, segment);
    return this;
  }

  /** Keeps SE01 right after inserts/removals, so only the intended defect remains. */
  fixCounts(): this {
    const st = this.segments.findIndex((s) => s.startsWith('ST*'));
    const se = this.segments.findIndex((s) => s.startsWith('SE*'));
    const control = this.get(se + 1).split('*')[2] ?? '';
    this.segments[se] = `SE*${se - st + 1}*${control}`;
    return this;
  }

  text(): string {
    return `${this.segments.join('~')}~`;
  }
}
