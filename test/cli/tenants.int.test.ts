import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { dynamoClientFrom } from '../../lambdas/adapters/aws-clients.js';
import { DynamoTenantRepository } from '../../lambdas/adapters/dynamo/tenant-repository.js';
import { createLocalResources, type LocalResources } from '../../bin/local/resources.js';
import { ENV } from '../../lib/definitions.js';
import { useLocalStack } from '../support/local-stack.js';
import { runCli } from './io.js';

const stack = useLocalStack();
let resources: LocalResources;

beforeAll(async () => {
  resources = await createLocalResources(stack.services, [], { testEvents: false });
  for (const [name, value] of Object.entries(resources.env)) if (name.startsWith('AWS_')) process.env[name] = value;
});

describe('claimflow tenants put', () => {
  it('registers tenant configurations in the table', async () => {
    const result = await runCli(
      'tenants', 'put', 'examples/tenants/acme-billing.json', 'examples/tenants/bayside-rcm.json',
      '--table', resources.tableName, '--endpoint', stack.services.dynamoEndpoint,
    );
    expect(result.code).toBe(0);
    const repository = new DynamoTenantRepository({
      client: dynamoClientFrom({ ...resources.env, [ENV.dynamoEndpoint]: stack.services.dynamoEndpoint }),
      tableName: resources.tableName,
    });
    const stored = await repository.get('acme-billing');
    expect(stored?.receivers.map((r) => r.id)).toEqual(JSON.parse(readFileSync('examples/tenants/acme-billing.json', 'utf8')).receivers.map((r: { id: string }) => r.id));
    expect(await repository.get('bayside-rcm')).toBeDefined();
  });

  it('refuses an invalid configuration with exit 1, naming the field', async () => {
    const result = await runCli('tenants', 'put', 'test/cli/io.ts', '--table', resources.tableName, '--endpoint', stack.services.dynamoEndpoint);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('not valid JSON');
  });
});
