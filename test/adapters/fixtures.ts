/** Synthetic claims and a local-stack adapter set for the adapter integration tests. */
import { ScanCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll } from 'vitest';
import { createAdapters, type Adapters } from '../../lambdas/adapters/index.js';
import { Claim } from '../../lambdas/core/claim/model.js';
import type { ClaimRecord } from '../../lambdas/core/ports.js';
import { createLocalResources } from '../../bin/local/resources.js';
import { useLocalStack } from '../support/local-stack.js';

export const MEMBER_ID = 'MBR778899001';

export function sampleClaim(tenantId: string, claimId: string): Claim {
  return Claim.parse({
    tenantId,
    claimId,
    placeOfService: '11',
    billingProvider: {
      entity: 'organization',
      lastOrOrganizationName: 'Synthetic Clinic',
      npi: '1234567893',
      tin: '123456789',
      address: { line1: '1 Main St', city: 'Springfield', state: 'IL', postalCode: '627010001' },
    },
    subscriber: {
      memberId: MEMBER_ID,
      name: { last: 'Doe', first: 'Jane' },
      birthDate: '1980-02-03',
      sex: 'F',
      address: { line1: '2 Elm St', city: 'Springfield', state: 'IL', postalCode: '62702' },
    },
    payer: { name: 'Synthetic Payer', payerId: 'PAYER01' },
    diagnoses: [{ code: 'E11.9' }],
    serviceLines: [{ procedureCode: '99213', units: 1, charge: '125.00', serviceDate: '2026-01-15', diagnosisPointers: [1] }],
  });
}

export type IntakeRecord = Omit<ClaimRecord, 'version' | 'createdAt' | 'updatedAt'>;

export function intakeRecord(tenantId: string, claimId: string, overrides: Partial<IntakeRecord> = {}): IntakeRecord {
  return {
    tenantId,
    claimId,
    status: 'ready',
    claim: sampleClaim(tenantId, claimId),
    receiverId: 'clearinghouse',
    findings: [],
    source: { file: `tenants/${tenantId}/inbound/encounters/visit.json`, etag: 'etag-1', format: 'json', position: 0 },
    ...overrides,
  };
}

/** Starts DynamoDB Local and fauxqs once for the test file and builds the adapters from the local env. */
export function useAdapters(tenantIds: string[]) {
  const stack = useLocalStack();
  let adapters: Adapters | undefined;
  let env: Record<string, string> | undefined;
  beforeAll(async () => {
    const resources = await createLocalResources(stack.services, tenantIds, { testEvents: false });
    env = resources.env;
    adapters = createAdapters(env);
  });
  afterAll(() => adapters?.destroy());
  return {
    get adapters(): Adapters {
      if (!adapters) throw new Error('adapters are built in beforeAll');
      return adapters;
    },
    get env(): Record<string, string> {
      if (!env) throw new Error('env is built in beforeAll');
      return env;
    },
    get stack() {
      return stack;
    },
  };
}

/** Every item of the table, following LastEvaluatedKey. */
export async function scanTable(adapters: Adapters, tableName: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, AttributeValue> | undefined;
  do {
    const page = await adapters.clients.dynamo.send(new ScanCommand({ TableName: tableName, ExclusiveStartKey: startKey }));
    for (const item of page.Items ?? []) items.push(unmarshall(item));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}

export const KEY_NAMES = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk'] as const;
