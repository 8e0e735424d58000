/**
 * The 837 header loops after BHT, the same in the 837P and the 837I:
 * 1000A submitter (NM1*41, PER) and 1000B receiver (NM1*40).
 */
import type { Receiver, TenantConfig } from '../../tenant/config.js';
import { type LoopContext, required } from './write-segments.js';

export function writeSubmitter(ctx: LoopContext, tenant: TenantConfig): void {
  const { submitter } = tenant;
  const where = (segmentId: string, element: string, min: number, max: number) => ({ loop: '1000A', segmentId, element, min, max });
  ctx.w.segment(
    'NM1',
    '41',
    '2',
    required(ctx, submitter.name, where('NM1', 'NM103', 1, 60), { upper: true }),
    undefined,
    undefined,
    undefined,
    undefined,
    '46',
    required(ctx, submitter.identifier, where('NM1', 'NM109', 2, 80)),
  );
  ctx.w.segment('PER', 'IC', required(ctx, submitter.contactName, where('PER', 'PER02', 1, 60), { upper: true }), 'TE', submitter.phone);
}

export function writeReceiver(ctx: LoopContext, receiver: Receiver): void {
  const where = (element: string, min: number, max: number) => ({ loop: '1000B', segmentId: 'NM1', element, min, max });
  ctx.w.segment(
    'NM1',
    '40',
    '2',
    required(ctx, receiver.name, where('NM103', 1, 60), { upper: true }),
    undefined,
    undefined,
    undefined,
    undefined,
    '46',
    required(ctx, receiver.identifier, where('NM109', 2, 80)),
  );
}
