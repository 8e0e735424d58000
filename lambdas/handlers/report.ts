/**
 * EventBridge Scheduler target: `{ "tenantId": "..." }` -> the biller's
 * report for that tenant, written as report.html and report.json under
 * `tenants/<t>/reports/<yyyy-mm-dd>/`. A bad event or an unknown tenant
 * fails fast (the schedule's retry policy and DLQ take it).
 */
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Context } from 'aws-lambda';
import { z } from 'zod';
import type { AppDeps } from '../app/deps.js';
import { writeTenantReport } from '../app/report.js';
import { TenantId } from '../core/claim/model.js';
import type { ReportTotals } from '../core/report/model.js';
import { defaultDeps, logger } from './shared/runtime.js';

export const ScheduledReportEvent = z.object({ tenantId: TenantId });

export interface ReportResult {
  tenantId: string;
  htmlKey: string;
  jsonKey: string;
  totals: ReportTotals;
}

export function reportHandler(getDeps: () => AppDeps = defaultDeps) {
  return middy(async (event: unknown, _context: Context): Promise<ReportResult> => {
    const parsed = ScheduledReportEvent.safeParse(event);
    if (!parsed.success) throw new Error('report expects {"tenantId": "<tenant id>"} from the scheduler');
    const { tenantId } = parsed.data;
    logger.appendKeys({ tenantId });
    const deps = getDeps();
    if (!(await deps.tenants.get(tenantId))) throw new Error(`tenant ${tenantId} is not configured`);
    const written = await writeTenantReport(deps, tenantId);
    const { totals } = written.report;
    // Counts and keys only: the totals hold no PHI.
    deps.log.info('report written', { htmlKey: written.htmlKey, jsonKey: written.jsonKey, claims: totals.claims });
    return { tenantId, htmlKey: written.htmlKey, jsonKey: written.jsonKey, totals };
  }).use(injectLambdaContext(logger, { resetKeys: true }));
}

export const handler = reportHandler();
