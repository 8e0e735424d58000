/**
 * What the application services need, as ports. Handlers build it from the
 * AWS adapters; tests and the local stack build it the same way.
 */
import type { CodeSets } from '../core/codesets/lookup.js';
import type { Ports } from '../core/ports.js';

/** Structured log sink; Powertools' Logger satisfies it. Never pass PHI. */
export interface AppLog {
  info(message: string, attributes?: Record<string, unknown>): void;
  warn(message: string, attributes?: Record<string, unknown>): void;
}

export interface AppDeps extends Ports {
  clock: () => Date;
  log: AppLog;
  /**
   * The code sets the scrubber checks against, loaded once per cold start
   * (Lambda: the data bucket's `codesets/` prefix). None loaded: the code-set
   * rules answer "not verified" warnings.
   */
  codeSets: () => Promise<CodeSets>;
}

export const SYSTEM_TENANT = '_system';
