import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { RECORD_RETENTION_DAYS } from '../retention.js';

export interface TableBackupProps {
  key: kms.IKey;
  table: dynamodb.ITable;
}

/**
 * AWS Backup for the claims table (HIPAA contingency plan, 164.308(a)(7)).
 * Point-in-time recovery covers the last 35 days; these backups are the copies
 * that survive a deleted table or a mistake found later than that.
 */
export class TableBackup extends Construct {
  readonly plan: backup.BackupPlan;

  constructor(scope: Construct, id: string, props: TableBackupProps) {
    super(scope, id);

    const vault = new backup.BackupVault(this, 'Vault', {
      encryptionKey: props.key,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // No cold-storage transitions: DynamoDB backups only support them with
    // AWS Backup's advanced DynamoDB features turned on for the account.
    this.plan = new backup.BackupPlan(this, 'Plan', {
      backupVault: vault,
      backupPlanRules: [
        new backup.BackupPlanRule({
          ruleName: 'Daily35Days',
          scheduleExpression: events.Schedule.cron({ hour: '5', minute: '0' }),
          deleteAfter: Duration.days(35),
        }),
        new backup.BackupPlanRule({
          ruleName: 'MonthlyForRecordRetention',
          scheduleExpression: events.Schedule.cron({ day: '1', hour: '5', minute: '0' }),
          deleteAfter: Duration.days(RECORD_RETENTION_DAYS),
        }),
      ],
    });
    this.plan.addSelection('ClaimsTable', { resources: [backup.BackupResource.fromDynamoDbTable(props.table)] });
  }
}
