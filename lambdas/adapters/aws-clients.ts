/**
 * SDK clients built from the environment. With the local endpoints set
 * (bin/local) they talk to DynamoDB Local and fauxqs; otherwise they use the
 * default AWS configuration of the Lambda (region and role credentials).
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { ENV } from '../../lib/definitions.js';

export type Env = Record<string, string | undefined>;

/** Local emulators accept any credentials; these are used when the environment names none. */
const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };
const LOCAL_REGION = 'us-east-1';

/** Region and credentials for a local endpoint, read from `env` (which need not be process.env). */
function localConfig(env: Env) {
  const accessKeyId = env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
  return {
    region: env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? LOCAL_REGION,
    credentials:
      accessKeyId && secretAccessKey
        ? { accessKeyId, secretAccessKey, ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}) }
        : LOCAL_CREDENTIALS,
  };
}

export function dynamoClientFrom(env: Env = process.env): DynamoDBClient {
  const endpoint = env[ENV.dynamoEndpoint];
  if (endpoint) return new DynamoDBClient({ ...localConfig(env), endpoint });
  return new DynamoDBClient({});
}

export function s3ClientFrom(env: Env = process.env): S3Client {
  const endpoint = env[ENV.s3Endpoint];
  // Emulators cannot serve virtual-hosted bucket names on localhost: use path-style there.
  if (endpoint) return new S3Client({ ...localConfig(env), endpoint, forcePathStyle: true });
  return new S3Client({});
}

export function secretsClientFrom(): SecretsManagerClient {
  return new SecretsManagerClient({});
}
