/**
 * What every handler shares for the life of an execution environment: the
 * Powertools logger and the application dependencies, built once at cold
 * start from the environment (lib/definitions.ts ENV names).
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { createAdapters } from '../../adapters/index.js';
import type { AppDeps, AppLog } from '../../app/deps.js';

export const logger = new Logger({ serviceName: 'claimflow' });

/** Adapts Powertools' logger to the application's log port. Callers never pass PHI. */
export const appLog: AppLog = {
  info: (message, attributes) => logger.info(message, { ...attributes }),
  warn: (message, attributes) => logger.warn(message, { ...attributes }),
};

let shared: AppDeps | undefined;

export function defaultDeps(): AppDeps {
  shared ??= { ...createAdapters(process.env), clock: () => new Date(), log: appLog };
  return shared;
}
