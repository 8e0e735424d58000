/**
 * Local stand-in for the EventBridge Scheduler schedules that start the
 * build-batch Lambda, one per tenant: the target input is the JSON
 * `{ "tenantId": ... }`, delivered as the handler's event.
 */
import type { Context } from 'aws-lambda';
import { FUNCTIONS, type FunctionDefinition } from '../../lib/definitions.js';
import { createLambdaContext, localFunctionName } from './lambda-context.js';

export interface ScheduledInput {
  tenantId: string;
}

export type ScheduledHandler<TResult> = (event: ScheduledInput, context: Context) => Promise<TResult> | TResult;

export interface InvokeScheduledOptions {
  /** Defaults to FUNCTIONS.buildBatch (timeout, memory, name for the context). */
  function?: FunctionDefinition;
  region?: string;
}

export async function invokeScheduled<TResult>(
  handler: ScheduledHandler<TResult>,
  tenantId: string,
  opts: InvokeScheduledOptions = {},
): Promise<TResult> {
  const fn = opts.function ?? FUNCTIONS.buildBatch;
  const context = createLambdaContext({
    functionName: localFunctionName(fn),
    timeoutSeconds: fn.timeoutSeconds,
    memoryMiB: fn.memoryMiB,
    ...(opts.region ? { region: opts.region } : {}),
  });
  // The scheduler delivers the target input as parsed JSON; round-trip it so the handler gets a plain copy.
  const event = JSON.parse(JSON.stringify({ tenantId } satisfies ScheduledInput)) as ScheduledInput;
  return await handler(event, context);
}
