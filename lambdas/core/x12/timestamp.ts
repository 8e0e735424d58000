/**
 * Date and time renderings the X12 writers need. Envelope and BHT times are
 * wall-clock times, so they are taken in a named time zone (the tenant's),
 * not in whatever zone the Lambda happens to run in.
 */
import { X12Error } from './errors.js';

export interface WallClock {
  /** CCYYMMDD */
  date: string;
  /** HHMM, 24-hour */
  time: string;
}

/** The wall-clock date and time of `instant` in `timeZone` (IANA name, e.g. "America/New_York"). */
export function wallClock(instant: Date, timeZone = 'UTC'): WallClock {
  if (Number.isNaN(instant.getTime())) throw new X12Error('INVALID_TIMESTAMP', 'the creation time is not a valid date');
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(instant);
  } catch {
    throw new X12Error('INVALID_TIME_ZONE', 'the time zone is not a known IANA time zone');
  }
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    date: `${part('year').padStart(4, '0')}${part('month')}${part('day')}`,
    time: `${part('hour')}${part('minute')}`,
  };
}

/** "2026-03-04" → "20260304" (D8). */
export function isoToD8(iso: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) throw new X12Error('INVALID_DATE', 'a date must be written YYYY-MM-DD');
  return iso.replaceAll('-', '');
}
