/**
 * DTP segments to canonical dates: which DTP01 qualifier fills which field,
 * for the 2300 claim (837P) and the 2400 line.
 */
import { element } from '../segment.js';
import type { Segment } from '../types.js';
import type { BuildContext } from './build-context.js';
import { compact } from './entities.js';
import { dateOrRange } from './values.js';

/** 2300 DTP qualifiers of the 837P -> ClaimDates field. */
export const CLAIM_DATE_QUALIFIERS: Readonly<Record<string, string>> = {
  '431': 'onset',
  '454': 'initialTreatment',
  '304': 'lastSeen',
  '453': 'acuteManifestation',
  '439': 'accident',
  '484': 'lastMenstrualPeriod',
  '455': 'lastXray',
  '435': 'admission',
  '096': 'discharge',
};

/** 2400 DTP qualifiers (besides 472) -> LineDates field. */
export const LINE_DATE_QUALIFIERS: Readonly<Record<string, string>> = {
  '471': 'prescription',
  '607': 'certificationRevision',
  '463': 'beginTherapy',
  '461': 'lastCertification',
  '304': 'lastSeen',
  '011': 'shipped',
  '455': 'lastXray',
  '454': 'initialTreatment',
};

/** Start date of a DTP (D8, or the first date of an RD8). */
export function dtpDate(dtp: Segment): string | undefined {
  return dateOrRange(element(dtp, 2), element(dtp, 3)).start;
}

/** The dates named in `qualifiers`, from the first DTP of each; undefined when there are none. */
export function datesOf(
  segments: readonly Segment[],
  qualifiers: Readonly<Record<string, string>>,
  ctx: BuildContext,
  path: string,
  loop: string,
): Record<string, string> | undefined {
  const out: Record<string, string | undefined> = {};
  for (const [qualifier, field] of Object.entries(qualifiers)) {
    const dtp = ctx.taken.first(segments, 'DTP', qualifier);
    if (!dtp) continue;
    ctx.locations.at(`${path}.${field}`, dtp, loop, 'DTP03');
    out[field] = dtpDate(dtp);
  }
  const dates = compact(out) as Record<string, string>;
  return Object.keys(dates).length > 0 ? dates : undefined;
}
