/**
 * How long claimflow keeps its operational records, in one place so the log
 * groups, the access-log bucket and the backups cannot disagree.
 *
 * Six years: HIPAA (45 CFR 164.316(b)(2)(i)) requires documentation of the
 * security activities it mandates (activity review, audit controls under
 * 164.308(a)(1)(ii)(D) and 164.312(b)) to be kept six years, and the Lambda logs
 * and S3 server access logs are that record of who processed which claim file
 * and when. The logs carry no PHI (ids and codes only, never names, member ids
 * or birth dates) and are encrypted with the CMK, so the long retention adds
 * cost, not exposure. Shorten it here if an organisational policy allows.
 */
import { RetentionDays } from 'aws-cdk-lib/aws-logs';

/** CloudWatch Logs accepts only fixed values; SIX_YEARS is 2192 days. */
export const LOG_RETENTION: RetentionDays = RetentionDays.SIX_YEARS;

/** The same period in days, for S3 lifecycle rules and backup retention. */
export const RECORD_RETENTION_DAYS: number = LOG_RETENTION;
