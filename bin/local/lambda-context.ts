/**
 * A Lambda `Context` for handlers invoked locally, shaped like the one the
 * Node.js runtime passes: names and ARNs of the function, a fresh request id
 * per invocation, and a deadline derived from the function's timeout.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import type { FunctionDefinition } from '../../lib/definitions.js';

/** Account id used in local ARNs (the one fauxqs uses for its queues). */
export const LOCAL_ACCOUNT_ID = '000000000000';

export interface LambdaContextOptions {
  functionName: string;
  timeoutSeconds: number;
  memoryMiB?: number;
  region?: string;
  /** Start of the invocation; the deadline is this plus the timeout. */
  now?: number;
}

/** The local physical name of a function from lib/definitions.ts. */
export function localFunctionName(fn: Pick<FunctionDefinition, 'name'>): string {
  return `claimflow-${fn.name}`;
}

function logStreamName(now: number): string {
  const day = new Date(now).toISOString().slice(0, 10).replaceAll('-', '/');
  return `${day}/[$LATEST]${randomBytes(16).toString('hex')}`;
}

export function createLambdaContext(opts: LambdaContextOptions): Context {
  const start = opts.now ?? Date.now();
  const deadline = start + opts.timeoutSeconds * 1000;
  const region = opts.region ?? 'us-east-1';
  const unsupported = (name: string) => () => {
    throw new Error(`context.${name}() is a legacy callback API; return a promise from the handler instead`);
  };
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: opts.functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${region}:${LOCAL_ACCOUNT_ID}:function:${opts.functionName}`,
    memoryLimitInMB: String(opts.memoryMiB ?? 128),
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${opts.functionName}`,
    logStreamName: logStreamName(start),
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: unsupported('done'),
    fail: unsupported('fail'),
    succeed: unsupported('succeed'),
  };
}

/** A context for one invocation of a function from lib/definitions.ts. */
export function contextFor(fn: FunctionDefinition, region?: string): Context {
  return createLambdaContext({
    functionName: localFunctionName(fn),
    timeoutSeconds: fn.timeoutSeconds,
    memoryMiB: fn.memoryMiB,
    ...(region ? { region } : {}),
  });
}
