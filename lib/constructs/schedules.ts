import { Aws } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { TenantConfig } from '../../lambdas/core/tenant/config.js';
import { DEFAULT_REPORT_SCHEDULE } from '../definitions.js';

/** The one schedule group holding every tenant's build-batch and report schedules. */
export const SCHEDULE_GROUP_NAME = 'claimflow';

/** What the stack needs of a tenant config: who, and when its batches and its report run. */
export type TenantSchedule = Pick<TenantConfig, 'tenantId' | 'schedule'> & Partial<Pick<TenantConfig, 'reportSchedule'>>;

/**
 * Scheduler retries a failed invocation with back-off for at most this long,
 * then writes the event to the DLQ. One hour keeps a late retry well clear of
 * the next run of a daily schedule.
 */
export const SCHEDULE_RETRY = { maximumRetryAttempts: 5, maximumEventAgeInSeconds: 3600 } as const;

/** build-batch's input for one tenant: the handler reads nothing else from the event. */
export function scheduleInput(tenantId: string): string {
  return JSON.stringify({ tenantId });
}

/** `build-batch-<tenantId>`: at most 52 characters, within Scheduler's 64. */
export function scheduleName(tenantId: string): string {
  return `build-batch-${tenantId}`;
}

/** `report-<tenantId>`: at most 47 characters. */
export function reportScheduleName(tenantId: string): string {
  return `report-${tenantId}`;
}

/** The tenant's report schedule: its own `reportSchedule`, else DEFAULT_REPORT_SCHEDULE; the time zone defaults to the batch schedule's. */
export function reportScheduleOf(tenant: TenantSchedule): { expression: string; timezone: string } {
  return {
    expression: tenant.reportSchedule?.expression ?? DEFAULT_REPORT_SCHEDULE.expression,
    timezone: tenant.reportSchedule?.timezone ?? tenant.schedule.timezone,
  };
}

export interface SchedulesProps {
  tenants: readonly TenantSchedule[];
  /** build-batch. */
  target: lambda.IFunction;
  /** The report function. */
  reportTarget: lambda.IFunction;
  deadLetterQueue: sqs.IQueue;
  /** The CMK the dead-letter queue is encrypted with. */
  key: kms.IKey;
}

/**
 * EventBridge Scheduler: per configured tenant, one schedule invoking
 * build-batch and one invoking report, each target with its own role.
 */
export class Schedules extends Construct {
  readonly group: scheduler.CfnScheduleGroup;
  /** May invoke build-batch only. */
  readonly role: iam.Role;
  /** May invoke report only. */
  readonly reportRole: iam.Role;

  constructor(scope: Construct, id: string, props: SchedulesProps) {
    super(scope, id);

    this.group = new scheduler.CfnScheduleGroup(this, 'Group', { name: SCHEDULE_GROUP_NAME });

    // Only schedules of this account's claimflow group may assume the role
    // (confused-deputy guard), and it may only invoke build-batch and write
    // to the DLQ.
    this.role = this.invokeRole('InvokeRole', 'build-batch', props.target, props, `${scheduleName('')}*`);
    this.reportRole = this.invokeRole('ReportInvokeRole', 'report', props.reportTarget, props, `${reportScheduleName('')}*`);

    for (const tenant of props.tenants) {
      const schedule = new scheduler.CfnSchedule(this, `Tenant-${tenant.tenantId}`, {
        name: scheduleName(tenant.tenantId),
        groupName: this.group.ref,
        description: `claimflow build-batch for tenant ${tenant.tenantId}`,
        scheduleExpression: tenant.schedule.expression,
        scheduleExpressionTimezone: tenant.schedule.timezone,
        flexibleTimeWindow: { mode: 'OFF' },
        state: 'ENABLED',
        target: {
          arn: props.target.functionArn,
          roleArn: this.role.roleArn,
          input: scheduleInput(tenant.tenantId),
          retryPolicy: { ...SCHEDULE_RETRY },
          deadLetterConfig: { arn: props.deadLetterQueue.queueArn },
        },
      });
      // Scheduler checks the role when the schedule is created: its policy must exist first.
      schedule.node.addDependency(this.role);

      const report = reportScheduleOf(tenant);
      const reportSchedule = new scheduler.CfnSchedule(this, `Report-${tenant.tenantId}`, {
        name: reportScheduleName(tenant.tenantId),
        groupName: this.group.ref,
        description: `claimflow report for tenant ${tenant.tenantId}`,
        scheduleExpression: report.expression,
        scheduleExpressionTimezone: report.timezone,
        flexibleTimeWindow: { mode: 'OFF' },
        state: 'ENABLED',
        target: {
          arn: props.reportTarget.functionArn,
          roleArn: this.reportRole.roleArn,
          input: scheduleInput(tenant.tenantId),
          retryPolicy: { ...SCHEDULE_RETRY },
          deadLetterConfig: { arn: props.deadLetterQueue.queueArn },
        },
      });
      reportSchedule.node.addDependency(this.reportRole);
    }
  }

  /**
   * A role only schedules of this account's claimflow group whose names match
   * `namePattern` may assume (confused-deputy guard), allowed to invoke one
   * function and to write to the DLQ.
   */
  private invokeRole(id: string, what: string, target: lambda.IFunction, props: SchedulesProps, namePattern: string): iam.Role {
    const role = new iam.Role(this, id, {
      description: `EventBridge Scheduler: invoke claimflow ${what}`,
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', {
        conditions: {
          StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID },
          ArnLike: {
            'aws:SourceArn': `arn:${Aws.PARTITION}:scheduler:${Aws.REGION}:${Aws.ACCOUNT_ID}:schedule/${SCHEDULE_GROUP_NAME}/${namePattern}`,
          },
        },
      }),
    });
    role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [target.functionArn] }));
    // Scheduler delivers dead-letter events with the schedule's role, which
    // also needs the CMK the queue is encrypted with.
    role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: [props.deadLetterQueue.queueArn] }));
    props.key.grant(role, 'kms:GenerateDataKey', 'kms:Decrypt');
    return role;
  }
}
