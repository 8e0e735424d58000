/**
 * The object-key layout of the data bucket. Everything a tenant owns lives
 * under `tenants/<tenantId>/`; this module is the one place that knows it.
 */
import { TenantId } from '../claim/model.js';

export const TENANTS_ROOT = 'tenants/';

export const layout = {
  tenantRoot: (tenantId: string) => `${TENANTS_ROOT}${tenantId}/`,
  inboundEncounters: (tenantId: string) => `${TENANTS_ROOT}${tenantId}/inbound/encounters/`,
  inbound835: (tenantId: string) => `${TENANTS_ROOT}${tenantId}/inbound/835/`,
  /** 999 implementation acknowledgments of our 837 batches. */
  inbound999: (tenantId: string) => `${TENANTS_ROOT}${tenantId}/inbound/999/`,
  /** 277CA claim acknowledgments of the claims in our 837 batches. */
  inbound277ca: (tenantId: string) => `${TENANTS_ROOT}${tenantId}/inbound/277ca/`,
  outbound837: (tenantId: string) => `${TENANTS_ROOT}${tenantId}/outbound/837/`,
  reports: (tenantId: string) => `${TENANTS_ROOT}${tenantId}/reports/`,
  /** Tenant-independent reference data (code sets), read by every tenant's Lambdas. */
  codesets: 'codesets/',
} as const;

export type InboundKind = 'encounters' | '835' | '999' | '277ca';

export interface ParsedKey {
  tenantId: string;
  kind: InboundKind;
  /** The part after the kind's prefix, e.g. "2026/11/visit-001.json". */
  name: string;
}

/**
 * Reads the tenant and the inbound kind from an object key. Returns a reason
 * instead of throwing, so callers can record an exception for the object.
 */
export function parseInboundKey(key: string): ParsedKey | { error: string } {
  const match = /^tenants\/([^/]+)\/inbound\/(encounters|835|999|277ca)\/(.+)$/.exec(key);
  if (!match) return { error: 'key is not under tenants/<tenantId>/inbound/<encounters|835|999|277ca>/' };
  const [, tenantId = '', kind = '', name = ''] = match;
  if (!TenantId.safeParse(tenantId).success) return { error: 'tenant id in the key is not a valid tenant id' };
  return { tenantId, kind: kind as InboundKind, name };
}
