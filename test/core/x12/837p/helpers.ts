/**
 * Shared helpers of the per-loop 837P writer tests: write claims with the
 * test tenant and cut the output into the loops under test.
 */
import { expect } from 'vitest';
import type { Claim, ClaimInput } from '../../../../lambdas/core/claim/model.js';
import { check837P } from '../../../../lambdas/core/x12/837/check-837p.js';
import { write837P } from '../../../../lambdas/core/x12/837/write-837p.js';
import { Claim837Error } from '../../../../lambdas/core/x12/837/write-errors.js';
import { el, fullClaim, slice, splitX12, tenantConfig, type SplitSegment } from '../837p-fixtures.js';

export const tenant = tenantConfig();
export const receiver = tenant.receivers[0]!;

export function write(claims: Claim[]): SplitSegment[] {
  return splitX12(write837P({ claims, tenant, receiver, controlNumber: 9, createdAt: new Date('2026-10-01T12:00:00Z') }));
}

/** The 2300 loop and its 2310 loops: CLM up to the first LX. */
export function claimPart(segments: SplitSegment[], claimId: string): SplitSegment[] {
  return slice(segments, (s) => s.id === 'CLM' && el(s, 1) === claimId, (s) => s.id === 'LX' || s.id === 'HL' || s.id === 'SE');
}

/** One 2400 loop with its 2410/2420 loops: LX*n up to the next LX, HL or SE. */
export function linePart(segments: SplitSegment[], claimId: string, lineNumber: number): SplitSegment[] {
  const claim = slice(segments, (s) => s.id === 'CLM' && el(s, 1) === claimId, (s) => s.id === 'HL' || s.id === 'SE');
  return slice(claim, (s) => s.id === 'LX' && el(s, 1) === String(lineNumber), (s) => s.id === 'LX');
}

/** Elements 1..n of the first segment with this id (and first element, when given). */
export function elementsOf(segments: SplitSegment[], id: string, first?: string): string[] | undefined {
  return segments.find((s) => s.id === id && (first === undefined || el(s, 1) === first))?.elements.slice(1);
}

/** check837P finds exactly these codes, and the writer refuses the claim with the first of them. */
export function expectRefused(overrides: Partial<ClaimInput>, codes: string[]): void {
  const bad = fullClaim({ claimId: 'BAD-1', ...overrides });
  expect(check837P(bad, tenant.tenantId).map((p) => p.code).sort()).toEqual([...codes].sort());
  let error: unknown;
  try {
    write([fullClaim({ claimId: 'OK-1' }), bad]);
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(Claim837Error);
  expect((error as Claim837Error).claimId).toBe('BAD-1');
  expect(codes).toContain((error as Claim837Error).code);
}
