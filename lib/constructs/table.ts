import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { TABLE, type KeyAttr } from '../definitions.js';
import { useDefinitionLogicalId } from './logical-id.js';

export interface ClaimsTableProps {
  key: kms.IKey;
}

function attribute(attr: KeyAttr): dynamodb.Attribute {
  return { name: attr.name, type: attr.type === 'S' ? dynamodb.AttributeType.STRING : dynamodb.AttributeType.NUMBER };
}

/** The single claims table, with its keys, indexes and TTL taken from TABLE. */
export class ClaimsTable extends Construct {
  readonly table: dynamodb.Table;

  constructor(scope: Construct, id: string, props: ClaimsTableProps) {
    super(scope, id);

    this.table = new dynamodb.Table(this, TABLE.id, {
      partitionKey: attribute(TABLE.partitionKey),
      sortKey: attribute(TABLE.sortKey),
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: props.key,
      timeToLiveAttribute: TABLE.timeToLiveAttribute,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    for (const index of TABLE.globalSecondaryIndexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: attribute(index.partitionKey),
        sortKey: attribute(index.sortKey),
        projectionType: dynamodb.ProjectionType.ALL,
      });
    }

    useDefinitionLogicalId(this.table, TABLE.id);
  }
}
