import { Aspects, type IAspect } from 'aws-cdk-lib';
import { AwsSolutionsChecks, HIPAASecurityChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';

/** The cdk-nag rule packs claimflow must pass (errors fail `cdk synth`). */
export function complianceChecks(): IAspect[] {
  return [new AwsSolutionsChecks({ verbose: true }), new HIPAASecurityChecks({ verbose: true })];
}

export function applyComplianceChecks(scope: IConstruct): void {
  for (const check of complianceChecks()) Aspects.of(scope).add(check);
}
