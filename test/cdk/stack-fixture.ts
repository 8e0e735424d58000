/**
 * Builds the claimflow stack the way `cdk synth` does (same cdk.json context
 * and feature flags), for a small in-test tenant list. Synthesis bundles the
 * three functions with esbuild, so each test file builds it once.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, CfnElement, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { ClaimflowStack } from '../../lib/claimflow-stack.js';
import { applyComplianceChecks } from '../../lib/compliance.js';
import type { TenantSchedule } from '../../lib/constructs/schedules.js';

const CDK_JSON = fileURLToPath(new URL('../../cdk.json', import.meta.url));

export const TEST_TENANTS: TenantSchedule[] = [
  { tenantId: 'acme-clinic', schedule: { expression: 'cron(0 18 ? * MON-FRI *)', timezone: 'America/New_York' } },
  // Its own report schedule (the other tenant takes DEFAULT_REPORT_SCHEDULE).
  {
    tenantId: 'globex-rcm',
    schedule: { expression: 'rate(6 hours)', timezone: 'America/Los_Angeles' },
    reportSchedule: { expression: 'cron(30 5 ? * MON-FRI *)' },
  },
];

export function cdkJsonContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(CDK_JSON, 'utf8')) as { context?: Record<string, unknown> };
  return cdkJson.context ?? {};
}

export interface AppOptions {
  /** Skip esbuild (for tests that only need the construct tree, or expect a throw). */
  bundle?: boolean;
  /** Run the cdk-nag packs as bin/app.ts does. */
  nag?: boolean;
}

const outdirs: string[] = [];

/** Removes the cloud assemblies (bundles included) of every App this file made. */
export function removeAssemblies(): void {
  for (const dir of outdirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export function newApp(options: AppOptions = {}): App {
  const outdir = mkdtempSync(path.join(tmpdir(), 'claimflow-cdk-test-'));
  outdirs.push(outdir);
  const context: Record<string, unknown> = {
    ...cdkJsonContext(),
    // As under the CLI: the template records where each asset was staged.
    'aws:cdk:enable-asset-metadata': true,
  };
  if (options.bundle === false) context['aws:cdk:bundling-stacks'] = [];
  const app = new App({ context, outdir });
  if (options.nag) applyComplianceChecks(app);
  return app;
}

export interface BuiltStack {
  app: App;
  stack: ClaimflowStack;
  template: Template;
}

export function buildStack(tenants: readonly TenantSchedule[] = TEST_TENANTS, options: AppOptions = {}): BuiltStack {
  const app = newApp(options);
  const stack = new ClaimflowStack(app, 'ClaimflowTest', { tenants });
  return { app, stack, template: Template.fromStack(stack) };
}

/** The logical id of a CloudFormation resource, or of an L2 construct's resource. */
export function logicalId(construct: IConstruct): string {
  const resource = construct instanceof CfnElement ? construct : construct.node.defaultChild;
  if (!(resource instanceof CfnElement)) throw new Error(`${construct.node.path} has no CloudFormation resource`);
  // resolve(), not getLogicalId(): it honours overrideLogicalId (the definition ids).
  return Stack.of(construct).resolve(resource.logicalId) as string;
}

export const getAttArn = (id: string) => ({ 'Fn::GetAtt': [id, 'Arn'] });
export const ref = (id: string) => ({ Ref: id });
