/**
 * The secret that turns claim ids into key hashes (see dynamo/keys.ts).
 *
 * Locally the key comes from ENV.hmacKey; in AWS it is read once per cold start
 * from Secrets Manager (ENV.hmacSecretArn) and kept in memory. The key never
 * goes into logs or errors.
 */
import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { ENV } from '../../lib/definitions.js';
import { secretsClientFrom, type Env } from './aws-clients.js';

export type HmacKeyProvider = () => Promise<Uint8Array>;

/** Per secret ARN, for the life of the process (one Lambda execution environment). */
const cache = new Map<string, Promise<Uint8Array>>();

async function fetchSecret(client: SecretsManagerClient, secretArn: string): Promise<Uint8Array> {
  const result = await client.send(new GetSecretValueCommand({ SecretId: secretArn }));
  if (result.SecretString !== undefined && result.SecretString.length > 0) return Buffer.from(result.SecretString, 'utf8');
  if (result.SecretBinary !== undefined && result.SecretBinary.length > 0) return result.SecretBinary;
  throw new Error('HMAC secret has no value');
}

export function hmacKeyProvider(env: Env = process.env, client?: SecretsManagerClient): HmacKeyProvider {
  const localKey = env[ENV.hmacKey];
  if (localKey) {
    const key = Buffer.from(localKey, 'utf8');
    return async () => key;
  }
  const secretArn = env[ENV.hmacSecretArn];
  return () => {
    if (!secretArn) return Promise.reject(new Error(`neither ${ENV.hmacKey} nor ${ENV.hmacSecretArn} is set`));
    let pending = cache.get(secretArn);
    if (!pending) {
      pending = fetchSecret(client ?? secretsClientFrom(), secretArn);
      // A failed read must not stick for the whole cold start: drop it so the next call retries.
      pending.catch(() => cache.delete(secretArn));
      cache.set(secretArn, pending);
    }
    return pending;
  };
}
