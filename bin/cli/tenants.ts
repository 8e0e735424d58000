/**
 * `claimflow tenants put <tenant.json…> --table <name>`: registers tenant
 * configurations in a deployed stack's table (intake refuses objects of
 * tenants it does not know; build-batch reads submitter, receivers and
 * envelope ids from here). Uses the standard AWS credential chain.
 */
import { dynamoClientFrom } from '../../lambdas/adapters/aws-clients.js';
import { DynamoTenantRepository } from '../../lambdas/adapters/dynamo/tenant-repository.js';
import { ENV } from '../../lib/definitions.js';
import { loadTenant } from './files.js';

export async function tenantsPutCommand(
  files: string[],
  options: { table: string; endpoint?: string },
  stdout: NodeJS.WritableStream,
): Promise<void> {
  const configs = await Promise.all(files.map((file) => loadTenant(file)));
  const client = dynamoClientFrom({ ...process.env, ...(options.endpoint ? { [ENV.dynamoEndpoint]: options.endpoint } : {}) });
  try {
    const repository = new DynamoTenantRepository({ client, tableName: options.table });
    for (const config of configs) {
      await repository.put(config);
      stdout.write(`registered tenant ${config.tenantId} (${config.receivers.length} receivers) in ${options.table}\n`);
    }
  } finally {
    client.destroy();
  }
}
