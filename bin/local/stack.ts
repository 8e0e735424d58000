/**
 * Everything the CLI demo and end-to-end tests need in one call: the local
 * services, claimflow's resources for the given tenants, and SDK clients.
 */
import { localClients, type LocalClients } from './clients.js';
import { createLocalResources, type CreateLocalResourcesOptions, type LocalResources } from './resources.js';
import { startLocalServices, type LocalServices } from './services.js';

export interface LocalStack {
  services: LocalServices;
  resources: LocalResources;
  clients: LocalClients;
  stop(): Promise<void>;
}

export interface StartLocalStackOptions extends CreateLocalResourcesOptions {
  tenants: string[];
  log?: (line: string) => void;
}

export async function startLocalStack(opts: StartLocalStackOptions): Promise<LocalStack> {
  const services = await startLocalServices(opts.log ? { log: opts.log } : {});
  try {
    const resources = await createLocalResources(services, opts.tenants, opts.testEvents === undefined ? {} : { testEvents: opts.testEvents });
    const clients = localClients(services);
    return {
      services,
      resources,
      clients,
      async stop() {
        clients.destroy();
        await services.stop();
      },
    };
  } catch (error) {
    await services.stop();
    throw error;
  }
}
