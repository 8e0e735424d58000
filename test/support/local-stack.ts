/**
 * For `*.int.test.ts` files: starts DynamoDB Local and fauxqs once for the
 * file (beforeAll) and stops them afterwards (afterAll).
 *
 *   const stack = useLocalStack({ tenants: ['acme'] });
 *   it('...', async () => { await stack.clients.s3.send(...); });
 *
 * With `tenants`, the claimflow resources (table, buckets, queues, S3
 * notifications for those tenants) are created too; with `setEnv` their
 * environment (ENV keys, region, credentials) is put into process.env for the
 * file and restored afterwards. The properties are getters: read them inside
 * hooks or tests, not at module load. S3 clients are path-style.
 */
import { afterAll, beforeAll } from 'vitest';
import { localClients, type LocalClients } from '../../bin/local/clients.js';
import { createLocalResources, type LocalResources } from '../../bin/local/resources.js';
import { startLocalServices, type LocalServices } from '../../bin/local/services.js';

export interface LocalStackHandle {
  readonly services: LocalServices;
  readonly clients: LocalClients;
  /** Only with the `tenants` option. */
  readonly resources: LocalResources;
}

export interface UseLocalStackOptions {
  /** Create the claimflow resources, with S3 notifications for these tenants. */
  tenants?: string[];
  /** Put resources.env into process.env while the file runs (needs `tenants`). */
  setEnv?: boolean;
  /** Send S3's s3:TestEvent to the queues when notifications are configured (default true, like S3). */
  testEvents?: boolean;
  /** Print service output (DynamoDB Local start-up lines) to the console. */
  verbose?: boolean;
}

function notStarted(what: string): never {
  throw new Error(`${what} is not available yet: use it inside beforeAll/it (and pass \`tenants\` for resources)`);
}

export function useLocalStack(opts: UseLocalStackOptions = {}): LocalStackHandle {
  let services: LocalServices | undefined;
  let clients: LocalClients | undefined;
  let resources: LocalResources | undefined;
  const savedEnv = new Map<string, string | undefined>();

  beforeAll(async () => {
    services = await startLocalServices(opts.verbose ? { log: (line) => console.log(line) } : {});
    clients = localClients(services);
    if (opts.tenants) {
      resources = await createLocalResources(services, opts.tenants, opts.testEvents === undefined ? {} : { testEvents: opts.testEvents });
      if (opts.setEnv) {
        for (const [key, value] of Object.entries(resources.env)) {
          savedEnv.set(key, process.env[key]);
          process.env[key] = value;
        }
      }
    }
  });

  afterAll(async () => {
    for (const [key, value] of savedEnv) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    clients?.destroy();
    await services?.stop();
  });

  return {
    get services() {
      return services ?? notStarted('local services');
    },
    get clients() {
      return clients ?? notStarted('local clients');
    },
    get resources() {
      return resources ?? notStarted('local resources');
    },
  };
}
