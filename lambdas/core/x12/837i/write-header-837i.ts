/** The 837I header loops after BHT: 1000A submitter and 1000B receiver (same shape as the 837P's). */
import type { Receiver, TenantConfig } from '../../tenant/config.js';
import { type LoopContext, required } from '../837/write-segments.js';

export function writeSubmitter837I(ctx: LoopContext, tenant: TenantConfig): void {
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

export function writeReceiver837I(ctx: LoopContext, receiver: Receiver): void {
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
