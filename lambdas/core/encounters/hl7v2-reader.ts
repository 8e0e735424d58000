/**
 * HL7 v2 (ER7) text → messages of positioned segments. Parsing of fields,
 * components, repetitions and subcomponents is @medplum/core's Hl7Message;
 * this file adds what intake needs around it: segment terminators \r, \n or
 * \r\n, batches (FHS/BHS/BTS/FTS envelopes, several MSH), escape sequences,
 * bounds-safe access (medplum indexes arrays directly) and positions written
 * "MSH#2 segment FT1[3] field 7" (message, segment occurrence, field).
 */
import { Hl7Message, type Hl7Segment } from '@medplum/core';
import type { EncounterProblem } from './types.js';

const BATCH_ENVELOPE = new Set(['FHS', 'FTS', 'BHS', 'BTS']);

export class SegmentView {
  constructor(
    private readonly segment: Hl7Segment,
    readonly name: string,
    /** 1-based occurrence of this segment name in its message. */
    readonly occurrence: number,
    /** 1-based message number in the file. */
    readonly message: number,
  ) {}

  /** "MSH#1 segment FT1[2] field 7". */
  where(field?: number): string {
    return `MSH#${this.message} segment ${this.name}[${this.occurrence}]${field !== undefined ? ` field ${field}` : ''}`;
  }

  /** The unescaped, trimmed value; '' when absent. Component is 1-based, repetition and subcomponent 0-based. */
  get(field: number, component = 1, repetition = 0, subcomponent?: number): string {
    const raw = this.raw(field)?.[repetition]?.[component - 1];
    if (raw === undefined) return '';
    const value = subcomponent === undefined ? raw : (raw.split(this.segment.context.subcomponentSeparator)[subcomponent] ?? '');
    return unescape(value, this.segment.context).trim();
  }

  /** Number of repetitions of a field (0 when empty). */
  repetitions(field: number): number {
    const reps = this.raw(field);
    if (!reps) return 0;
    return reps.some((r) => r.some((c) => c.trim() !== '')) ? reps.length : 0;
  }

  /** Number of components of one repetition. */
  components(field: number, repetition = 0): number {
    return this.raw(field)?.[repetition]?.length ?? 0;
  }

  /** Field numbers that hold something (MSH-1/MSH-2 excluded). */
  filledFields(): number[] {
    const out: number[] = [];
    for (let n = this.name === 'MSH' ? 3 : 1; n <= this.fieldCount(); n++) if (this.repetitions(n) > 0) out.push(n);
    return out;
  }

  private fieldCount(): number {
    return this.name === 'MSH' ? this.segment.fields.length : this.segment.fields.length - 1;
  }

  private raw(field: number): string[][] | undefined {
    if (field < 1 || field > this.fieldCount()) return undefined;
    try {
      return this.segment.getField(field)?.components;
    } catch {
      return undefined;
    }
  }
}

export interface Hl7v2Message {
  /** 1-based message number in the file. */
  number: number;
  segments: SegmentView[];
}

export interface Hl7v2File {
  messages: Hl7v2Message[];
  problems: EncounterProblem[];
  warnings: EncounterProblem[];
}

/** Splits a file (one message or a batch) into parsed messages; never throws. */
export function readHl7v2(text: string): Hl7v2File {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).map((l) => l.replace(/^\s+/, '')).filter((l) => l.trim() !== '');
  const problems: EncounterProblem[] = [];
  const warnings: EncounterProblem[] = [];
  const chunks: Array<{ number: number; lines: string[] }> = [];
  lines.forEach((line, i) => {
    const name = line.slice(0, 3);
    if (BATCH_ENVELOPE.has(name)) return;
    if (name === 'MSH') chunks.push({ number: chunks.length + 1, lines: [line] });
    else if (chunks.length > 0) chunks.at(-1)!.lines.push(line);
    else problems.push({ position: `line ${i + 1}`, message: 'segment before the first MSH: it belongs to no message' });
  });
  if (chunks.length === 0 && problems.length === 0) problems.push({ position: 'line 1', message: 'no MSH segment: not an HL7 v2 message' });

  const messages: Hl7v2Message[] = [];
  for (const chunk of chunks) {
    const msh = chunk.lines[0]!;
    const encoding = msh.slice(3, 8);
    if (!/^[^A-Za-z0-9\s]{5}$/.test(encoding) || new Set(encoding).size !== 5) {
      problems.push({ position: `MSH#${chunk.number} segment MSH[1] field 2`, message: 'MSH-1/MSH-2 must be the field separator and four distinct encoding characters (e.g. |^~\\&)' });
      continue;
    }
    let parsed: Hl7Message;
    try {
      parsed = Hl7Message.parse(chunk.lines.join('\r'));
    } catch {
      problems.push({ position: `MSH#${chunk.number}`, message: 'the message could not be parsed as HL7 v2' });
      continue;
    }
    const counts = new Map<string, number>();
    const segments: SegmentView[] = [];
    for (const segment of parsed.segments) {
      const name = segment.name;
      if (!/^[A-Z][A-Z0-9]{2}$/.test(name)) {
        warnings.push({ position: `MSH#${chunk.number} segment ${segments.length + 1}`, message: 'not an HL7 segment (no three-character segment name): ignored' });
        continue;
      }
      const occurrence = (counts.get(name) ?? 0) + 1;
      counts.set(name, occurrence);
      segments.push(new SegmentView(segment, name, occurrence, chunk.number));
    }
    messages.push({ number: chunk.number, segments });
  }
  return { messages, problems, warnings };
}

/** HL7 escape sequences (\F\ \S\ \T\ \R\ \E\ \Xhh\ \.br\ ...) → text; formatting commands are dropped. */
function unescape(value: string, ctx: Hl7Segment['context']): string {
  const esc = ctx.escapeCharacter;
  if (!esc || !value.includes(esc)) return value;
  const e = esc.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return value.replace(new RegExp(`${e}([^${e}]*)${e}`, 'g'), (_m, seq: string) => {
    switch (seq) {
      case 'F':
        return ctx.fieldSeparator;
      case 'S':
        return ctx.componentSeparator;
      case 'T':
        return ctx.subcomponentSeparator;
      case 'R':
        return ctx.repetitionSeparator;
      case 'E':
        return esc;
      case '.br':
        return ' ';
      default: {
        const hex = /^X([0-9A-Fa-f]{2})+$/.test(seq) ? seq.slice(1).match(/../g)! : undefined;
        return hex ? String.fromCharCode(...hex.map((h) => parseInt(h, 16))) : '';
      }
    }
  });
}
