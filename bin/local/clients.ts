/**
 * AWS SDK v3 clients pointed at the local services. S3 must be path-style:
 * fauxqs listens on 127.0.0.1, where virtual-hosted bucket names cannot resolve.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
import type { LocalServices } from './services.js';

export interface LocalClients {
  dynamo: DynamoDBClient;
  s3: S3Client;
  sqs: SQSClient;
  destroy(): void;
}

type Endpoints = Pick<LocalServices, 'region' | 'dynamoEndpoint' | 'awsEndpoint' | 'credentials'>;

export function localDynamoClient(services: Endpoints): DynamoDBClient {
  return new DynamoDBClient({ region: services.region, endpoint: services.dynamoEndpoint, credentials: services.credentials });
}

export function localS3Client(services: Endpoints): S3Client {
  return new S3Client({
    region: services.region,
    endpoint: services.awsEndpoint,
    credentials: services.credentials,
    forcePathStyle: true,
  });
}

export function localSqsClient(services: Endpoints): SQSClient {
  return new SQSClient({ region: services.region, endpoint: services.awsEndpoint, credentials: services.credentials });
}

export function localClients(services: Endpoints): LocalClients {
  const dynamo = localDynamoClient(services);
  const s3 = localS3Client(services);
  const sqs = localSqsClient(services);
  return {
    dynamo,
    s3,
    sqs,
    destroy() {
      dynamo.destroy();
      s3.destroy();
      sqs.destroy();
    },
  };
}
