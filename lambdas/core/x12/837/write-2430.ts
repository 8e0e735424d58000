/**
 * 2430 line adjudication information, for the 837P and the 837I: SVD, CAS
 * (one per group code), DTP*573 and AMT*EAF, one loop per adjudication of
 * the line, after the line's 2420 loops.
 *
 * SVD03 is the procedure as the other payer adjudicated it; SVD04 (837I
 * only, required there) is the adjudicated revenue code, the line's own
 * SV201 unless the adjudication names another.
 */
import type { LineAdjudication, ServiceLine } from '../../claim/model.js';
import { toCents, toX12Amount } from '../../money.js';
import { isoToD8 } from '../timestamp.js';
import { composite, upper } from '../writer.js';
import type { CobKind } from './check-cob.js';
import { writeAdjustments } from './write-2320.js';
import { type LoopContext, required, toX12Decimal } from './write-segments.js';

export function writeLineAdjudications(ctx: LoopContext, line: ServiceLine, kind: CobKind): void {
  for (const adjudication of line.adjudications ?? []) writeLineAdjudication(ctx, line, adjudication, kind);
}

function writeLineAdjudication(ctx: LoopContext, line: ServiceLine, adjudication: LineAdjudication, kind: CobKind): void {
  const procedure = adjudication.procedure;
  ctx.w.segment(
    'SVD',
    required(ctx, adjudication.payerId, { loop: '2430', segmentId: 'SVD', element: 'SVD01', min: 2, max: 80 }),
    toX12Amount(toCents(adjudication.paid)),
    procedure ? composite(procedure.qualifier, procedure.code, ...pad(procedure.modifiers, procedure.description), upper(procedure.description)) : undefined,
    kind === 'institutional' ? (adjudication.revenueCode ?? line.revenueCode) : undefined,
    toX12Decimal(adjudication.units),
    adjudication.bundledLineNumber !== undefined ? String(adjudication.bundledLineNumber) : undefined,
  );
  writeAdjustments(ctx, adjudication.adjustments);
  ctx.w.segment('DTP', '573', 'D8', isoToD8(adjudication.adjudicationDate));
  if (adjudication.remainingPatientLiability !== undefined) {
    ctx.w.segment('AMT', 'EAF', toX12Amount(toCents(adjudication.remainingPatientLiability)));
  }
}

/** SVD03-3..6 are the four modifier positions: a description (SVD03-7) needs the empty ones kept. */
function pad(modifiers: readonly string[], description: string | undefined): Array<string | undefined> {
  if (description === undefined) return [...modifiers];
  return [0, 1, 2, 3].map((index) => modifiers[index]);
}
