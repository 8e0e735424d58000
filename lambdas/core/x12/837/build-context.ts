/**
 * What the claim builders share: delimiters, the taken-segment and location
 * records, and the warning sink.
 */
import { safeSegmentId } from '../segment.js';
import type { Delimiters, Segment, X12Warning } from '../types.js';
import type { PartyContext } from './entities.js';

export interface BuildContext extends PartyContext {
  tenantId: string;
  delimiters: Delimiters;
  warn: (warning: X12Warning) => void;
}

/** A warning at `segment`; the message names loops, segments and elements, never values. */
export function warnAt(ctx: Pick<BuildContext, 'warn'>, code: string, message: string, segment: Segment): void {
  const warning: X12Warning = { code, message, position: segment.position };
  const segmentId = safeSegmentId(segment.id);
  if (segmentId !== undefined) warning.segmentId = segmentId;
  ctx.warn(warning);
}
