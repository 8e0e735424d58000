/**
 * The first step of every inbound object: which tenant owns it. A key outside
 * the tenant layout, or naming a tenant that is not registered, is recorded
 * as an exception under _system (retrying cannot fix it) and yields nothing.
 */
import type { TenantConfig } from '../core/tenant/config.js';
import { parseInboundKey, type InboundKind } from '../core/tenant/layout.js';
import { SYSTEM_TENANT, type AppDeps } from './deps.js';

export async function inboundTenant(deps: AppDeps, key: string, kind: InboundKind): Promise<TenantConfig | undefined> {
  const at = deps.clock().toISOString();
  const parsedKey = parseInboundKey(key);
  if ('error' in parsedKey || parsedKey.kind !== kind) {
    await deps.exceptions.record({
      tenantId: SYSTEM_TENANT,
      kind: 'bad-key',
      file: key,
      message: 'error' in parsedKey ? parsedKey.error : `the key is not under the inbound ${kind} prefix (expected .../inbound/${kind}/...)`,
      at,
    });
    return undefined;
  }
  const tenant = await deps.tenants.get(parsedKey.tenantId);
  if (!tenant) {
    await deps.exceptions.record({
      tenantId: SYSTEM_TENANT,
      kind: 'unknown-tenant',
      file: key,
      message: 'the key names a tenant that is not registered',
      detail: { tenantId: parsedKey.tenantId },
      at,
    });
  }
  return tenant;
}
