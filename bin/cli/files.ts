import { readFile } from 'node:fs/promises';
import { TenantConfig } from '../../lambdas/core/tenant/config.js';
import { formatPath } from '../../lambdas/core/encounters/native-json.js';
import { CliInputError, CliUsageError } from './errors.js';
import { DEMO_TENANT } from './demo-tenant.js';

export async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliUsageError(`${file}: no such file`);
    throw new CliInputError(file, [`cannot read file (${code ?? 'error'})`]);
  }
}

export async function loadTenant(file: string | undefined): Promise<TenantConfig> {
  if (!file) return DEMO_TENANT;
  const text = await readText(file);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new CliInputError(file, ['not valid JSON']);
  }
  const parsed = TenantConfig.safeParse(json);
  if (!parsed.success) {
    throw new CliInputError(
      file,
      parsed.error.issues.map((issue) => `${formatPath(issue.path) || 'tenant'}: ${issue.message}`),
    );
  }
  return parsed.data;
}
