/**
 * Builds every adapter from the environment (ENV names in lib/definitions.ts).
 * Handlers call it once at module scope, so clients and the HMAC key are
 * shared by all invocations of a cold start.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import { ENV } from '../../lib/definitions.js';
import type { CodeSets } from '../core/codesets/lookup.js';
import type { Ports } from '../core/ports.js';
import { dynamoClientFrom, s3ClientFrom, type Env } from './aws-clients.js';
import { DynamoAcknowledgmentRepository } from './dynamo/acknowledgment-repository.js';
import { DynamoBatchRepository } from './dynamo/batch-repository.js';
import { DynamoClaimRepository } from './dynamo/claim-repository.js';
import { DynamoControlNumberAllocator } from './dynamo/control-numbers.js';
import { DynamoExceptionRepository } from './dynamo/exception-repository.js';
import { DynamoRemittanceRepository } from './dynamo/remittance-repository.js';
import { DynamoTenantRepository } from './dynamo/tenant-repository.js';
import { hmacKeyProvider, type HmacKeyProvider } from './hmac-key.js';
import { loadCodeSetsFromStore } from './s3/codeset-store.js';
import { S3ObjectStore } from './s3/object-store.js';

export interface Adapters extends Ports {
  /** The clients, for code that needs them directly (the local stack, tests). */
  clients: { dynamo: DynamoDBClient; s3: S3Client };
  hmacKey: HmacKeyProvider;
  /** The data bucket's `codesets/` artifacts, loaded on first use and kept (a failed load is retried next time). */
  codeSets: () => Promise<CodeSets>;
  /** Closes the clients' sockets (CLI and tests; a Lambda never needs it). */
  destroy(): void;
}

function required(env: Env, name: string): string {
  const value = env[name];
  if (!value) throw new Error(`environment variable ${name} is not set`);
  return value;
}

export function createAdapters(env: Env = process.env): Adapters {
  const table = { client: dynamoClientFrom(env), tableName: required(env, ENV.table) };
  const s3 = s3ClientFrom(env);
  const hmacKey = hmacKeyProvider(env);
  const objects = new S3ObjectStore(s3, required(env, ENV.bucket));
  let codeSets: Promise<CodeSets> | undefined;
  return {
    claims: new DynamoClaimRepository(table, hmacKey),
    batches: new DynamoBatchRepository(table),
    controlNumbers: new DynamoControlNumberAllocator(table),
    exceptions: new DynamoExceptionRepository(table),
    tenants: new DynamoTenantRepository(table),
    remittances: new DynamoRemittanceRepository(table, hmacKey),
    acknowledgments: new DynamoAcknowledgmentRepository(table),
    objects,
    codeSets: () =>
      (codeSets ??= loadCodeSetsFromStore(objects).catch((error: unknown) => {
        codeSets = undefined;
        throw error;
      })),
    clients: { dynamo: table.client, s3 },
    hmacKey,
    destroy() {
      table.client.destroy();
      s3.destroy();
    },
  };
}

export { AlreadyAcknowledgedError, AlreadyPostedError, BatchAlreadyOpenError, VersionConflictError } from '../core/ports.js';
