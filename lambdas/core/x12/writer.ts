/**
 * The segment builder every X12 writer uses (837P now; 837I, 835, 999 later).
 *
 * It owns three guarantees so the transaction writers do not have to:
 * - no delimiter of the interchange (element, component, repetition, segment)
 *   ever appears inside a data value: values are sanitised on the way in;
 * - no trailing empty elements or components are written;
 * - segments are counted, so SE01/GE01/IEA01 come from what was written
 *   (see envelope.ts), never from a guess.
 */
import type { Delimiters } from './types.js';
import { X12Error } from './errors.js';

/** Delimiters with the repetition separator resolved (00501 always has one in ISA11). */
export type WriterDelimiters = Required<Delimiters>;

export const DEFAULT_DELIMITERS: Readonly<WriterDelimiters> = Object.freeze({
  element: '*',
  component: ':',
  repetition: '^',
  segment: '~',
});

/** One simple element, or one component of a composite. Undefined and '' are "not used". */
export type Component = string | undefined;

export interface Composite {
  readonly kind: 'composite';
  readonly components: readonly Component[];
}

export interface Repeated {
  readonly kind: 'repeated';
  readonly values: readonly (Component | Composite)[];
}

export type ElementValue = Component | Composite | Repeated;

/** A composite element: components joined with the component separator (e.g. SV101 HC:99213:25). */
export function composite(...components: Component[]): Composite {
  return { kind: 'composite', components };
}

/** A repeating element: occurrences joined with the repetition separator. */
export function repeated(...values: (Component | Composite)[]): Repeated {
  return { kind: 'repeated', values };
}

/** Upper-cases a name or address value; sanitising still happens when the segment is written. */
export function upper(value: string | undefined): string | undefined {
  return value === undefined ? undefined : value.toUpperCase();
}

/**
 * Checks and completes a delimiter set. Each must be one character, all four
 * distinct, and none a letter, digit, space, '.' or '-': those are part of
 * values the writers generate themselves (ISA padding, decimals, RD8 ranges)
 * and could not be sanitised away. All must be ASCII. The component and
 * repetition separators are also data (ISA16, ISA11), so they must be
 * printable. The element separator and the terminator may be control
 * characters (FS, GS, ...), which data never holds; but white space (tab,
 * CR, LF, VT, FF) is read as padding between segments, so only CR or LF may
 * serve, and only as the terminator.
 */
export function resolveDelimiters(partial: Partial<Delimiters> = {}): WriterDelimiters {
  const resolved: WriterDelimiters = {
    element: partial.element ?? DEFAULT_DELIMITERS.element,
    component: partial.component ?? DEFAULT_DELIMITERS.component,
    repetition: partial.repetition ?? DEFAULT_DELIMITERS.repetition,
    segment: partial.segment ?? DEFAULT_DELIMITERS.segment,
  };
  const values = Object.entries(resolved);
  for (const [name, value] of values) {
    if (value.length !== 1 || /[A-Za-z0-9 .-]/.test(value)) {
      throw new X12Error('INVALID_DELIMITER', `the ${name} delimiter must be one character other than a letter, digit, space, '.' or '-'`);
    }
    if (!/^[\u0021-\u007e]$/.test(value)) {
      // Control characters other than white space; CR and LF as the terminator only.
      const control = /^[\u0001-\u0008\u000e-\u001f\u007f]$/.test(value);
      const lineEnd = value === '\n' || value === '\r';
      const allowed = name === 'element' ? control : name === 'segment' ? control || lineEnd : false;
      if (!allowed) {
        const what = name === 'element' || name === 'segment' ? 'printable ASCII or a control character other than white space' : 'printable ASCII';
        throw new X12Error('INVALID_DELIMITER', `the ${name} delimiter must be ${what}${name === 'segment' ? ' (CR or LF excepted)' : ''}`);
      }
    }
  }
  if (new Set(values.map(([, value]) => value)).size !== values.length) {
    throw new X12Error('INVALID_DELIMITER', 'the element, component, repetition and segment delimiters must all differ');
  }
  return resolved;
}

function escapeForClass(char: string): string {
  return char.replace(/[\\\]^-]/g, '\\$&');
}

/**
 * A value in the characters an X12 interchange can carry, whatever its
 * delimiters:
 * - accents are removed (NFKD, combining marks dropped): X12's character sets are ASCII;
 * - control characters and line breaks become spaces, other non-ASCII is dropped;
 * - runs of spaces collapse and the value is trimmed (trailing spaces are not data).
 * NFKD and upper-casing can lengthen a value ("ß" → "SS", "ﬁ" → "FI"), so
 * length checks must be made on this form, not on the input.
 */
export function toX12Characters(value: string, options: { upper?: boolean } = {}): string {
  const cased = options.upper ? value.toUpperCase() : value;
  return cased
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/[^\u0020-\u007e]/g, '')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/**
 * What is left of a value under the worst delimiter set the writer accepts:
 * every character that may serve as a delimiter (anything but letters,
 * digits, space, '.' and '-') removed. A value that is long enough here is
 * long enough under any delimiters.
 */
export function delimiterProofCore(value: string, options: { upper?: boolean } = {}): string {
  return toX12Characters(value, options).replace(/[^A-Za-z0-9 .-]/g, '').replace(/ {2,}/g, ' ').trim();
}

/**
 * Makes a data value safe for the interchange: toX12Characters, then every
 * delimiter character removed (and spaces collapsed again).
 */
export function sanitise(value: string, delimiters: WriterDelimiters, options: { upper?: boolean } = {}): string {
  const stripDelimiters = new RegExp(
    `[${[delimiters.element, delimiters.component, delimiters.repetition, delimiters.segment].map(escapeForClass).join('')}]`,
    'g',
  );
  return toX12Characters(value, options).replace(stripDelimiters, '').replace(/ {2,}/g, ' ').trim();
}

export interface SegmentWriterOptions {
  delimiters?: Partial<Delimiters>;
  /**
   * Written after each segment terminator for readability ("\n" or "\r\n").
   * Off ('') by default: some receivers count line breaks as data, and the
   * terminator alone delimits segments. Ignored when the terminator itself is
   * a line break.
   */
  lineBreak?: '' | '\n' | '\r\n';
}

/**
 * Collects segments in order. `segment()` sanitises every value; `raw()` is
 * for the fixed-width ISA only and refuses (rather than alters) a value that
 * holds a delimiter.
 */
export class SegmentWriter {
  readonly delimiters: WriterDelimiters;
  private readonly lineBreak: string;
  private readonly lines: string[] = [];

  constructor(options: SegmentWriterOptions = {}) {
    this.delimiters = resolveDelimiters(options.delimiters);
    const lineBreak = options.lineBreak ?? '';
    this.lineBreak = this.delimiters.segment === '\n' || this.delimiters.segment === '\r' ? '' : lineBreak;
  }

  /** Segments written so far. */
  get count(): number {
    return this.lines.length;
  }

  /** 1-based position the next segment will have in the file (ISA is 1). */
  get nextPosition(): number {
    return this.lines.length + 1;
  }

  /** Sanitises a value the same way `segment()` will; lets callers check a required element is not emptied. */
  clean(value: string | undefined, options: { upper?: boolean } = {}): string {
    return value === undefined ? '' : sanitise(value, this.delimiters, options);
  }

  /** Writes one segment; returns its 1-based position. */
  segment(id: string, ...elements: ElementValue[]): number {
    assertSegmentId(id, this.nextPosition);
    const rendered = elements.map((element) => this.renderElement(element));
    while (rendered.length > 0 && rendered[rendered.length - 1] === '') rendered.pop();
    return this.push([id, ...rendered].join(this.delimiters.element));
  }

  /**
   * Writes elements exactly as given (no trimming, no dropping): the ISA's
   * fixed-width fields need their padding. A value holding a delimiter is an
   * error here because altering it would change the field width.
   */
  raw(id: string, elements: readonly string[], allowedAt: Readonly<Record<number, string>> = {}): number {
    assertSegmentId(id, this.nextPosition);
    const forbidden = [this.delimiters.element, this.delimiters.component, this.delimiters.repetition, this.delimiters.segment];
    elements.forEach((value, index) => {
      const allowed = allowedAt[index + 1];
      if (allowed !== undefined && value === allowed) return;
      if (forbidden.some((char) => value.includes(char))) {
        const ref = `${id}${String(index + 1).padStart(2, '0')}`;
        throw new X12Error('DELIMITER_IN_DATA', `${ref} contains a delimiter character`, this.nextPosition, id, ref);
      }
    });
    return this.push([id, ...elements].join(this.delimiters.element));
  }

  /** The interchange text: every segment followed by the terminator (and the optional line break). */
  toString(): string {
    return this.lines.map((line) => `${line}${this.delimiters.segment}${this.lineBreak}`).join('');
  }

  private push(line: string): number {
    this.lines.push(line);
    return this.lines.length;
  }

  private renderElement(element: ElementValue): string {
    if (element === undefined || typeof element === 'string') return this.clean(element);
    if (element.kind === 'composite') return this.renderComposite(element);
    const occurrences = element.values.map((value) =>
      value === undefined || typeof value === 'string' ? this.clean(value) : this.renderComposite(value),
    );
    while (occurrences.length > 0 && occurrences[occurrences.length - 1] === '') occurrences.pop();
    return occurrences.join(this.delimiters.repetition);
  }

  private renderComposite(value: Composite): string {
    const components = value.components.map((component) => this.clean(component));
    while (components.length > 0 && components[components.length - 1] === '') components.pop();
    return components.join(this.delimiters.component);
  }
}

function assertSegmentId(id: string, position: number): void {
  if (!/^[A-Z][A-Z0-9]{1,2}$/.test(id)) {
    throw new X12Error('INVALID_SEGMENT_ID', 'segment id must be 2-3 upper-case letters or digits starting with a letter', position);
  }
}
