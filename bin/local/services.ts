/**
 * The local stand-ins for AWS that the CLI demo and the integration and
 * end-to-end tests run against: DynamoDB Local (a JVM) and fauxqs (S3 + SQS,
 * in this process, with S3 event notifications added), each on a free port.
 */
import { startDynamoDbLocal } from './dynamodb-local.js';
import { startFauxqsServer } from './fauxqs-server.js';
import type { S3NotificationBridge } from './s3-notifications.js';

export const LOCAL_REGION = 'us-east-1';
/** Neither emulator checks credentials; the SDK only needs some to sign with. */
export const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' } as const;

export interface LocalServices {
  region: string;
  dynamoEndpoint: string;
  /** fauxqs: S3 (use path-style addressing) and SQS. */
  awsEndpoint: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  /** S3 event notifications of the fauxqs buckets (configured by createLocalResources). */
  notifications: S3NotificationBridge;
  /** Process id of the DynamoDB Local JVM, to check it is gone after stop(). */
  dynamoPid: number;
  stop(): Promise<void>;
}

export async function startLocalServices(opts: { log?: (line: string) => void } = {}): Promise<LocalServices> {
  const log = opts.log;
  // Start both at once: the JVM start-up dominates, fauxqs is ready in milliseconds.
  const [dynamo, fauxqs] = await Promise.allSettled([
    startDynamoDbLocal(log ? { log } : {}),
    startFauxqsServer({ region: LOCAL_REGION, ...(log ? { log } : {}) }),
  ]);
  if (dynamo.status === 'rejected' || fauxqs.status === 'rejected') {
    if (dynamo.status === 'fulfilled') await dynamo.value.stop();
    if (fauxqs.status === 'fulfilled') await fauxqs.value.stop();
    throw dynamo.status === 'rejected' ? dynamo.reason : (fauxqs as PromiseRejectedResult).reason;
  }
  let stopping: Promise<void> | undefined;
  return {
    region: LOCAL_REGION,
    dynamoEndpoint: dynamo.value.endpoint,
    awsEndpoint: fauxqs.value.endpoint,
    credentials: { ...LOCAL_CREDENTIALS },
    notifications: fauxqs.value.notifications,
    dynamoPid: dynamo.value.pid,
    stop() {
      stopping ??= Promise.all([dynamo.value.stop(), fauxqs.value.stop()]).then(() => undefined);
      return stopping;
    },
  };
}
