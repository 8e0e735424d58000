/** A professional claim with one line per modifier list, for the modifier tests. */
import type { Claim } from '../../../../../lambdas/core/claim/model.js';
import { professional } from '../coding-support.js';

export const withModifiers = (...lists: string[][]): Claim =>
  professional({
    serviceLines: lists.map((modifiers) => ({ procedureCode: '73560', modifiers, units: 1, charge: '80.00', serviceDate: '2026-03-02', diagnosisPointers: [1] })),
  });
