/**
 * Reads the tenant configs the stack is built for: every `*.json` file in one
 * folder (cdk.json context `tenantsDir`), each validated with TenantConfig.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { TenantConfig } from '../lambdas/core/tenant/config.js';

export function loadTenantConfigs(dir: string): TenantConfig[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new Error(`tenant config folder ${dir} does not exist (set it with -c tenantsDir=<folder>)`);
  }
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort();

  const configs = files.map((name) => {
    const file = path.join(dir, name);
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      throw new Error(`${file}: not valid JSON`);
    }
    const parsed = TenantConfig.safeParse(json);
    if (!parsed.success) throw new Error(`${file}: not a valid tenant config:\n${z.prettifyError(parsed.error)}`);
    return { file, config: parsed.data };
  });

  const seen = new Map<string, string>();
  for (const { file, config } of configs) {
    const earlier = seen.get(config.tenantId);
    if (earlier !== undefined) throw new Error(`${file}: tenant ${config.tenantId} is already configured in ${earlier}`);
    seen.set(config.tenantId, file);
  }
  return configs.map((c) => c.config);
}
