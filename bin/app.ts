/**
 * The CDK app (`cdk synth` / `cdk deploy`, see cdk.json). Env-agnostic and
 * lookup-free, so it synthesizes offline without an AWS account.
 *
 *   -c tenantsDir=<folder>   tenant config JSON files (default examples/tenants)
 *   -c stackName=<name>      CloudFormation stack name (default Claimflow)
 */
import path from 'node:path';
import { App, Annotations } from 'aws-cdk-lib';
import { ClaimflowStack } from '../lib/claimflow-stack.js';
import { applyComplianceChecks } from '../lib/compliance.js';
import { loadTenantConfigs } from './tenant-configs.js';

function stringContext(app: App, key: string, fallback?: string): string {
  const value: unknown = app.node.tryGetContext(key) ?? fallback;
  if (typeof value !== 'string' || value.length === 0) throw new Error(`context ${key} must be a non-empty string`);
  return value;
}

const app = new App();
const tenantsDir = path.resolve(stringContext(app, 'tenantsDir'));
const tenants = loadTenantConfigs(tenantsDir);

const stack = new ClaimflowStack(app, stringContext(app, 'stackName', 'Claimflow'), {
  description: 'claimflow: claim intake, X12 837 batching and 835 remittance posting',
  tenants,
});
if (tenants.length === 0) {
  Annotations.of(stack).addWarningV2('claimflow:no-tenants', `no tenant configs in ${tenantsDir}: no notifications or schedules`);
}

applyComplianceChecks(app);
