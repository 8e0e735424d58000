/**
 * ISA13/GS06 interchange control numbers: one atomic counter per tenant.
 * `ADD` is atomic in DynamoDB, so concurrent callers always get distinct
 * sequence values; the number sent is the sequence folded into 1..999,999,999
 * (ISA13 is nine digits).
 */
import { UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import type { ControlNumberAllocator } from '../../core/ports.js';
import { keys } from './keys.js';
import { fromAttributes, toAttributes, type TableRef } from './table.js';

export const MAX_CONTROL_NUMBER = 999_999_999;

/** Sequence 1 -> 1, ..., 999,999,999 -> 999,999,999, 1,000,000,000 -> 1. */
export function controlNumberFromSequence(sequence: number): number {
  return ((sequence - 1) % MAX_CONTROL_NUMBER) + 1;
}

export class DynamoControlNumberAllocator implements ControlNumberAllocator {
  constructor(private readonly table: TableRef) {}

  async next(tenantId: string): Promise<number> {
    const result = await this.table.client.send(
      new UpdateItemCommand({
        TableName: this.table.tableName,
        Key: toAttributes({ ...keys.controlNumberCounter(tenantId) }),
        UpdateExpression: 'SET tenantId = :tenantId ADD seq :one',
        ExpressionAttributeValues: toAttributes({ ':one': 1, ':tenantId': tenantId }),
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    const sequence = result.Attributes ? fromAttributes(result.Attributes).seq : undefined;
    if (typeof sequence !== 'number' || !Number.isSafeInteger(sequence) || sequence < 1) {
      throw new Error('control number counter returned no valid sequence');
    }
    return controlNumberFromSequence(sequence);
  }
}
