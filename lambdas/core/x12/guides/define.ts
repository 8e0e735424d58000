/**
 * Helpers that turn compact guide notation into the expanded tables of
 * types.ts, so a guide reads like the guide's own segment tables:
 *
 *   seg('NM1', 'Billing Provider Name', 'R', 1, {
 *     q: ['85'],                 // qualifier codes (the base segment's qualifier element, NM101)
 *     use: 'RRRSSNNRRNNN',       // usage of NM101..NM112, one letter each
 *     codes: { 2: ['1', '2'], 8: ['XX'] },
 *   })
 *
 * `use` letters: R, S, N; a composite's letter is followed by its
 * components' letters in parentheses: 'RRNNR(RRR)RR'. Spaces are ignored.
 * Elements (and components) past the end of `use` are N (not used).
 * `codes` keys: element number (2) or "element-component" ('5-2').
 * `lengths` overrides the base min/max where the guide narrows them.
 *
 * These run once at module load; a mistake in a table (unknown segment,
 * bad notation) throws then, so a broken table fails every test at once.
 */
import { ALL_BASE_SEGMENTS as BASE_SEGMENTS, type ElementNotation } from './base-segments-more.js';
import type { DataType, GuideElement, GuideLoop, GuideNode, GuideSegment, Qualifier, SyntaxRule, Usage } from './types.js';

/** ">1" in the guide. */
export const MANY = Number.POSITIVE_INFINITY;

export interface SegmentOptions {
  /** Qualifier codes: the segment matches this entry only when its qualifier element holds one of them. */
  q?: readonly string[];
  /** Qualifier position when it is not the base segment's default. */
  qualifierAt?: readonly [number, number?];
  use?: string;
  codes?: Readonly<Record<string | number, readonly string[]>>;
  lengths?: Readonly<Record<string | number, readonly [number, number]>>;
  names?: Readonly<Record<string | number, string>>;
  /** Element numbers whose value follows the date/time format qualifier in the element before (DTP03). */
  datePeriod?: readonly number[];
  /** Elements that may repeat (repetition separator): element number -> max repeats. */
  repeats?: Readonly<Record<number, number>>;
}

export function seg(id: string, name: string, usage: Usage, max: number, options: SegmentOptions = {}): GuideSegment {
  const base = BASE_SEGMENTS[id];
  if (!base) throw new Error(`guide table: no base definition for segment ${id}`);
  const usages = parseUse(options.use ?? '', id);
  const qualifierAt = options.qualifierAt ?? base.qualifier;
  const codes: Record<string, readonly string[]> = {};
  for (const [key, list] of Object.entries(options.codes ?? {})) codes[key] = list;
  let qualifier: Qualifier | undefined;
  if (options.q) {
    if (!qualifierAt) throw new Error(`guide table: ${id} has qualifier codes but no qualifier position`);
    const [element, component] = qualifierAt;
    qualifier = component === undefined ? { element, codes: options.q } : { element, component, codes: options.q };
    codes[component === undefined ? String(element) : `${element}-${component}`] ??= options.q;
  }

  const elements = base.elements.map((notation, index): GuideElement => {
    const number = index + 1;
    const ref = `${id}${pad(number)}`;
    const use = usages[index];
    return buildElement(ref, String(number), notation, use?.usage ?? 'N', use?.components ?? [], codes, options, number);
  });

  const syntax = base.syntax?.map(parseSyntax);
  const segment: GuideSegment = { kind: 'segment', id, name, usage, max, elements, ...(qualifier ? { qualifier } : {}), ...(syntax ? { syntax } : {}) };
  return segment;
}

export interface LoopOptions {
  /** Element of the trigger that must number the repeats 1, 2, 3... (LX01). */
  sequence?: number;
  hierarchical?: boolean;
}

export function loop(id: string, name: string, usage: Usage, max: number, children: readonly GuideNode[], options: LoopOptions = {}): GuideLoop {
  if (children.length === 0 || children[0]?.kind !== 'segment') throw new Error(`guide table: loop ${id} must start with its trigger segment`);
  return { kind: 'loop', id, name, usage, max, children, ...options };
}

function buildElement(
  ref: string,
  key: string,
  notation: ElementNotation,
  usage: Usage,
  componentUsages: Usage[],
  codes: Record<string, readonly string[]>,
  options: SegmentOptions,
  number: number,
): GuideElement {
  const name = options.names?.[key];
  if (typeof notation !== 'string') {
    const components = notation.map((part, c) =>
      buildElement(`${ref}-${c + 1}`, `${key}-${c + 1}`, part, componentUsages[c] ?? 'N', [], codes, options, number),
    );
    const element: GuideElement = { ref, usage, type: 'AN', min: 0, max: 0, components, ...(name ? { name } : {}) };
    return element;
  }
  const [type, min, max] = parseNotation(notation);
  const length = options.lengths?.[key];
  const list = codes[key];
  const repeat = options.repeats?.[number];
  const datePeriod = !key.includes('-') && options.datePeriod?.includes(number);
  return {
    ref,
    usage,
    type,
    min: length ? length[0] : min,
    max: length ? length[1] : max,
    ...(name ? { name } : {}),
    ...(list ? { codes: list } : {}),
    ...(repeat && !key.includes('-') ? { repeat } : {}),
    ...(datePeriod ? { rule: 'date-period' as const } : {}),
  };
}

const TYPES = new Set<DataType>(['AN', 'ID', 'N0', 'N1', 'N2', 'N3', 'N4', 'R', 'DT', 'TM', 'B']);

function parseNotation(notation: string): [DataType, number, number] {
  const match = /^([A-Z0-9]+) (\d+)-(\d+)$/.exec(notation);
  const type = match?.[1] as DataType | undefined;
  if (!match || !type || !TYPES.has(type)) throw new Error(`guide table: bad element notation "${notation}"`);
  return [type, Number(match[2]), Number(match[3])];
}

interface ParsedUse {
  usage: Usage;
  components: Usage[];
}

function parseUse(use: string, id: string): ParsedUse[] {
  const out: ParsedUse[] = [];
  const text = use.replace(/\s+/g, '');
  let index = 0;
  while (index < text.length) {
    const letter = text[index++];
    if (letter !== 'R' && letter !== 'S' && letter !== 'N') throw new Error(`guide table: bad usage "${use}" for ${id}`);
    const parsed: ParsedUse = { usage: letter, components: [] };
    if (text[index] === '(') {
      const close = text.indexOf(')', index);
      if (close === -1) throw new Error(`guide table: unclosed composite usage in "${use}" for ${id}`);
      for (const c of text.slice(index + 1, close)) {
        if (c !== 'R' && c !== 'S' && c !== 'N') throw new Error(`guide table: bad usage "${use}" for ${id}`);
        parsed.components.push(c);
      }
      index = close + 1;
    }
    out.push(parsed);
  }
  return out;
}

function parseSyntax(note: string): SyntaxRule {
  const kind = note[0];
  const digits = note.slice(1);
  if ((kind !== 'P' && kind !== 'R' && kind !== 'E' && kind !== 'C' && kind !== 'L') || digits.length < 4 || digits.length % 2 !== 0) {
    throw new Error(`guide table: bad syntax note ${note}`);
  }
  const elements: number[] = [];
  for (let i = 0; i < digits.length; i += 2) elements.push(Number(digits.slice(i, i + 2)));
  return { kind, elements };
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
