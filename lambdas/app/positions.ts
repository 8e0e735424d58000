/** How exception records name where in a file something is: "segment 42". */
import type { X12Error } from '../core/x12/errors.js';

export function positionText(position: number | undefined): string | undefined {
  return position === undefined ? undefined : `segment ${position}`;
}

export function x12ErrorPosition(error: X12Error): string | undefined {
  return positionText(error.position);
}
