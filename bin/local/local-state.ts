/**
 * The demo's DynamoDB state, kept after the demo stops so `claimflow report`
 * can read it again: a DynamoDB Local database on disk (`-dbPath`) plus a
 * small state.json naming the table and the tenants.
 *
 * The demo runs DynamoDB Local in memory and, at its end, copies the table
 * into a fresh on-disk database here (replacing the previous demo's). Copying
 * at the end, rather than running the whole demo on disk, keeps the state
 * directory out of the way of the demo's own `--out` clean-up and leaves the
 * demo as fast as before.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  BatchWriteItemCommand,
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ScanCommand,
  type AttributeValue,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import { DynamoAcknowledgmentRepository } from '../../lambdas/adapters/dynamo/acknowledgment-repository.js';
import { DynamoBatchRepository } from '../../lambdas/adapters/dynamo/batch-repository.js';
import { DynamoClaimRepository } from '../../lambdas/adapters/dynamo/claim-repository.js';
import { DynamoExceptionRepository } from '../../lambdas/adapters/dynamo/exception-repository.js';
import { DynamoRemittanceRepository } from '../../lambdas/adapters/dynamo/remittance-repository.js';
import { hmacKeyProvider } from '../../lambdas/adapters/hmac-key.js';
import type { ReportReadPorts } from '../../lambdas/app/report.js';
import { ENV } from '../../lib/definitions.js';
import { startDynamoDbLocal } from './dynamodb-local.js';
import { LOCAL_HMAC_KEY } from './resources.js';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from './services.js';

/** Where `claimflow demo` leaves its state and `claimflow report` looks for it (relative to the working directory). */
export const DEFAULT_STATE_DIR = join('out', '.local-state');
export const STATE_FILE = 'state.json';
const DATABASE_DIR = 'dynamodb';

export interface LocalStateFile {
  version: 1;
  /** The table the demo's handlers used (TABLE.id locally). */
  tableName: string;
  tenants: string[];
  savedAt: string;
  items: number;
}

export class NoLocalStateError extends Error {
  constructor(readonly dir: string) {
    super(`no saved local state in ${dir}: run \`npm run demo\` first`);
    this.name = 'NoLocalStateError';
  }
}

const BATCH_WRITE_LIMIT = 25;

async function writeAll(client: DynamoDBClient, tableName: string, items: Array<Record<string, AttributeValue>>): Promise<void> {
  for (let start = 0; start < items.length; start += BATCH_WRITE_LIMIT) {
    let requests: WriteRequest[] = items.slice(start, start + BATCH_WRITE_LIMIT).map((Item) => ({ PutRequest: { Item } }));
    // DynamoDB may hand back part of a batch unprocessed: resend it until nothing is left.
    for (let round = 0; requests.length > 0; round++) {
      if (round > 20) throw new Error('DynamoDB Local kept returning unprocessed items');
      const answer = await client.send(new BatchWriteItemCommand({ RequestItems: { [tableName]: requests } }));
      requests = answer.UnprocessedItems?.[tableName] ?? [];
    }
  }
}

async function scanAll(client: DynamoDBClient, tableName: string): Promise<Array<Record<string, AttributeValue>>> {
  const items: Array<Record<string, AttributeValue>> = [];
  let startKey: Record<string, AttributeValue> | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: tableName, ExclusiveStartKey: startKey }));
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}

/** Same keys and indexes as the source table (its description is the definition). */
async function copySchema(source: DynamoDBClient, target: DynamoDBClient, tableName: string): Promise<void> {
  const { Table: table } = await source.send(new DescribeTableCommand({ TableName: tableName }));
  if (!table?.KeySchema || !table.AttributeDefinitions) throw new Error(`table ${tableName} has no description`);
  await target.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: table.KeySchema,
      AttributeDefinitions: table.AttributeDefinitions,
      ...(table.GlobalSecondaryIndexes?.length
        ? {
            GlobalSecondaryIndexes: table.GlobalSecondaryIndexes.map((index) => ({
              IndexName: index.IndexName,
              KeySchema: index.KeySchema,
              Projection: index.Projection,
            })),
          }
        : {}),
    }),
  );
}

function localDynamoClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({ region: LOCAL_REGION, endpoint, credentials: { ...LOCAL_CREDENTIALS } });
}

/**
 * Replaces the state in `dir` with a copy of `tableName` from the running
 * DynamoDB Local that `source` talks to.
 */
export async function saveLocalState(opts: {
  source: DynamoDBClient;
  tableName: string;
  tenants: string[];
  dir: string;
  clock?: () => Date;
}): Promise<LocalStateFile> {
  await rm(opts.dir, { recursive: true, force: true });
  const databaseDir = join(opts.dir, DATABASE_DIR);
  await mkdir(databaseDir, { recursive: true });
  const items = await scanAll(opts.source, opts.tableName);
  const dynamo = await startDynamoDbLocal({ dbPath: databaseDir });
  const target = localDynamoClient(dynamo.endpoint);
  try {
    await copySchema(opts.source, target, opts.tableName);
    await writeAll(target, opts.tableName, items);
  } finally {
    target.destroy();
    await dynamo.stop();
  }
  const state: LocalStateFile = {
    version: 1,
    tableName: opts.tableName,
    tenants: [...opts.tenants],
    savedAt: (opts.clock ?? (() => new Date()))().toISOString(),
    items: items.length,
  };
  // Written last: a state.json exists only next to a complete database.
  await writeFile(join(opts.dir, STATE_FILE), `${JSON.stringify(state, null, 2)}\n`);
  return state;
}

export async function readLocalState(dir: string): Promise<LocalStateFile> {
  const file = join(dir, STATE_FILE);
  if (!existsSync(file) || !existsSync(join(dir, DATABASE_DIR))) throw new NoLocalStateError(dir);
  const parsed = JSON.parse(await readFile(file, 'utf8')) as Partial<LocalStateFile>;
  if (parsed.version !== 1 || typeof parsed.tableName !== 'string' || !Array.isArray(parsed.tenants)) {
    throw new Error(`${file} is not a claimflow local state file (version 1)`);
  }
  return parsed as LocalStateFile;
}

export interface OpenedLocalState {
  state: LocalStateFile;
  /** The repositories the report reads, over the saved table. */
  ports: ReportReadPorts;
  stop(): Promise<void>;
}

/** Starts DynamoDB Local on the saved database and returns the repositories over it. */
export async function openLocalState(dir: string): Promise<OpenedLocalState> {
  const state = await readLocalState(dir);
  const dynamo = await startDynamoDbLocal({ dbPath: join(dir, DATABASE_DIR) });
  const client = localDynamoClient(dynamo.endpoint);
  const table = { client, tableName: state.tableName };
  // The demo's key: claim ids hash to the same keys they were stored under.
  const hmacKey = hmacKeyProvider({ [ENV.hmacKey]: LOCAL_HMAC_KEY });
  return {
    state,
    ports: {
      claims: new DynamoClaimRepository(table, hmacKey),
      batches: new DynamoBatchRepository(table),
      acknowledgments: new DynamoAcknowledgmentRepository(table),
      remittances: new DynamoRemittanceRepository(table, hmacKey),
      exceptions: new DynamoExceptionRepository(table),
    },
    async stop() {
      client.destroy();
      await dynamo.stop();
    },
  };
}
