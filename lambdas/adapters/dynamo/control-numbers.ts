/**
 * ISA13/GS06 control numbers: one atomic counter per tenant, ISA sender and
 * ISA receiver (keys.scopedControlNumberCounter). A block of n numbers is one
 * `seq = seq + n` update, atomic in DynamoDB, so concurrent callers always get
 * disjoint blocks; the numbers sent are the block's sequence values folded
 * into 1..999,999,999 (ISA13 is nine digits), so they wrap to 1 after
 * 999,999,999 and a block may straddle the wrap.
 *
 * A scoped counter that does not exist yet starts where the tenant's old
 * per-tenant counter stopped (keys.controlNumberCounter): every receiver may
 * have been sent numbers up to there, and must never see one again.
 */
import { GetItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import type { ControlNumberAllocator, ControlNumberScope } from '../../core/ports.js';
import { keys, type ItemKey } from './keys.js';
import { fromAttributes, toAttributes, type TableRef } from './table.js';
import { isConditionalCheckFailed } from './transaction-errors.js';

export const MAX_CONTROL_NUMBER = 999_999_999;

/** Far more than an interchange needs (1 + one per group), far less than the wrap. */
export const MAX_BLOCK = 1000;

/** Sequence 1 -> 1, ..., 999,999,999 -> 999,999,999, 1,000,000,000 -> 1. */
export function controlNumberFromSequence(sequence: number): number {
  return ((sequence - 1) % MAX_CONTROL_NUMBER) + 1;
}

/** The numbers of the block that ends at sequence `last`, in order. */
export function blockEndingAt(last: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => controlNumberFromSequence(last - count + 1 + i));
}

export class DynamoControlNumberAllocator implements ControlNumberAllocator {
  constructor(private readonly table: TableRef) {}

  async allocate(scope: ControlNumberScope, count: number): Promise<number[]> {
    if (!Number.isInteger(count) || count < 1 || count > MAX_BLOCK) {
      throw new Error(`a control number block holds 1 to ${MAX_BLOCK} numbers`);
    }
    const key = keys.scopedControlNumberCounter(scope.tenantId, scope.sender, scope.receiver);
    let last: number;
    try {
      // The common case: the counter exists, one update.
      last = await this.add(key, count, 'SET seq = seq + :n', {}, 'attribute_exists(seq)');
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
      // First use of this scope: seed from the legacy counter. if_not_exists keeps it atomic
      // when two runs seed at once (the second simply adds to the first's value).
      const base = await this.legacySequence(scope.tenantId);
      last = await this.add(key, count, 'SET tenantId = :tenantId, isaSender = :sender, isaReceiver = :receiver, seq = if_not_exists(seq, :base) + :n', {
        ':tenantId': scope.tenantId,
        ':sender': scope.sender,
        ':receiver': scope.receiver,
        ':base': base,
      });
    }
    return blockEndingAt(last, count);
  }

  private async add(key: ItemKey, count: number, update: string, values: Record<string, unknown>, condition?: string): Promise<number> {
    const result = await this.table.client.send(
      new UpdateItemCommand({
        TableName: this.table.tableName,
        Key: toAttributes({ ...key }),
        UpdateExpression: update,
        ...(condition ? { ConditionExpression: condition } : {}),
        ExpressionAttributeValues: toAttributes({ ':n': count, ...values }),
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    const sequence = result.Attributes ? fromAttributes(result.Attributes).seq : undefined;
    if (typeof sequence !== 'number' || !Number.isSafeInteger(sequence) || sequence < count) {
      throw new Error('control number counter returned no valid sequence');
    }
    return sequence;
  }

  private async legacySequence(tenantId: string): Promise<number> {
    const result = await this.table.client.send(
      new GetItemCommand({ TableName: this.table.tableName, Key: toAttributes({ ...keys.controlNumberCounter(tenantId) }), ConsistentRead: true }),
    );
    const seq = result.Item ? fromAttributes(result.Item).seq : undefined;
    return typeof seq === 'number' && Number.isSafeInteger(seq) && seq > 0 ? seq : 0;
  }
}
