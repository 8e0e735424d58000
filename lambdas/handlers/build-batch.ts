/**
 * EventBridge Scheduler target: `{ "tenantId": "..." }` -> one 837P per
 * receiver with ready claims. A bad event fails fast (the schedule's retry
 * policy and DLQ take it); an unknown tenant is a configuration error.
 */
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Context } from 'aws-lambda';
import { z } from 'zod';
import type { AppDeps } from '../app/deps.js';
import { buildBatches, type BuildBatchResult } from '../app/build-batch.js';
import { TenantId } from '../core/claim/model.js';
import { defaultDeps, logger } from './shared/runtime.js';

export const ScheduledBatchEvent = z.object({ tenantId: TenantId });

export function buildBatchHandler(getDeps: () => AppDeps = defaultDeps) {
  return middy(async (event: unknown, _context: Context): Promise<BuildBatchResult> => {
    const parsed = ScheduledBatchEvent.safeParse(event);
    if (!parsed.success) throw new Error('build-batch expects {"tenantId": "<tenant id>"} from the scheduler');
    logger.appendKeys({ tenantId: parsed.data.tenantId });
    return buildBatches(getDeps(), parsed.data.tenantId);
  }).use(injectLambdaContext(logger, { resetKeys: true }));
}

export const handler = buildBatchHandler();
