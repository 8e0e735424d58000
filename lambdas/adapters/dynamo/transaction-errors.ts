/**
 * Reading why a TransactWriteItems call was cancelled. DynamoDB reports one
 * reason per action, in request order ("None" for actions that were fine), so
 * a repository can tell which of its conditions failed.
 */
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';

export type CancellationCode = 'None' | 'ConditionalCheckFailed' | 'TransactionConflict' | string;

/** The per-action reason codes, or undefined when the error is not a cancelled transaction. */
export function cancellationCodes(error: unknown): CancellationCode[] | undefined {
  if (!(error instanceof TransactionCanceledException) && (error as { name?: string } | null)?.name !== 'TransactionCanceledException') {
    return undefined;
  }
  const reasons = (error as TransactionCanceledException).CancellationReasons ?? [];
  return reasons.map((reason) => reason.Code ?? 'None');
}

/** The action at `index` failed its condition expression. */
export function conditionFailedAt(codes: CancellationCode[], index: number): boolean {
  return codes[index] === 'ConditionalCheckFailed';
}

/** Another transaction was changing one of the same items: retrying after a re-read is safe. */
export function raced(codes: CancellationCode[]): boolean {
  return codes.includes('TransactionConflict');
}

export function isConditionalCheckFailed(error: unknown): boolean {
  return (
    error instanceof ConditionalCheckFailedException ||
    (error as { name?: string } | null)?.name === 'ConditionalCheckFailedException'
  );
}
