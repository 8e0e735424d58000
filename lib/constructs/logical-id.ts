import { CfnResource } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * Gives a construct's CloudFormation resource the logical id named in
 * lib/definitions.ts, so moving the construct in the tree never renames (and so
 * never replaces) a retained resource.
 */
export function useDefinitionLogicalId(construct: IConstruct, logicalId: string): void {
  const resource = construct.node.defaultChild;
  if (!(resource instanceof CfnResource)) {
    throw new Error(`${construct.node.path} has no CloudFormation resource to name ${logicalId}`);
  }
  resource.overrideLogicalId(logicalId);
}
