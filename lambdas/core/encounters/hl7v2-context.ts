/**
 * What the DFT^P03 mappers share while building one claim draft: the
 * message's segments, the draft, where each canonical path was read from
 * (to place validation issues and scrubber findings), problems and warnings.
 */
import type { Hl7v2Message, SegmentView } from './hl7v2-reader.js';
import type { EncounterProblem } from './types.js';

export const NEEDS_CODING = 'needs coding';

export interface Hl7MapContext {
  message: Hl7v2Message;
  draft: Record<string, unknown>;
  /** Canonical path → "MSH#1 segment FT1[2] field 7". */
  sources: Map<string, string>;
  claimId?: string;
  problem(position: string, message: string): void;
  warn(position: string, message: string): void;
  all(name: string): SegmentView[];
  first(name: string): SegmentView | undefined;
  /** "MSH#1" */
  base: string;
}

export function createContext(message: Hl7v2Message): Hl7MapContext & { problems: EncounterProblem[]; warnings: EncounterProblem[] } {
  const problems: EncounterProblem[] = [];
  const warnings: EncounterProblem[] = [];
  const ctx = {
    message,
    draft: {} as Record<string, unknown>,
    sources: new Map<string, string>(),
    claimId: undefined as string | undefined,
    problems,
    warnings,
    problem(position: string, text: string) {
      problems.push({ position, claimId: ctx.claimId, message: text });
    },
    warn(position: string, text: string) {
      if (warnings.some((w) => w.position === position && w.message === text)) return;
      warnings.push({ position, claimId: ctx.claimId, message: text });
    },
    all: (name: string) => message.segments.filter((s) => s.name === name),
    first: (name: string) => message.segments.find((s) => s.name === name),
    base: `MSH#${message.number}`,
  };
  return ctx;
}

/** A coding system as read from the file, safe to name in a message (letters, digits, '-', at most 20). */
export function systemLabel(system: string): string {
  const s = system.replace(/[^A-Za-z0-9-]/g, '').slice(0, 20);
  return s ? `coded in ${s}` : 'no coding system';
}
