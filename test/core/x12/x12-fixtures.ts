/**
 * Builds X12 text for tests from segments written with "*" elements and ":"
 * components, re-delimited to any delimiter set, so one hand-written
 * interchange can be checked in every delimiter variant.
 */
export interface FixtureDelimiters {
  element: string;
  component: string;
  /** ISA11; undefined writes the 00401 "U". */
  repetition?: string;
  segment: string;
}

export interface FixtureOptions {
  delimiters?: FixtureDelimiters;
  /** Written after every terminator: '', '\n' or '\r\n'. */
  lineBreak?: string;
  /** Leading whitespace before every segment after the ISA. */
  indent?: string;
  /** ISA13 (also written to IEA02). */
  control?: string;
  /** When false, the last segment (IEA) has no terminator. */
  finalTerminator?: boolean;
}

export const STANDARD: FixtureDelimiters = { element: '*', component: ':', repetition: '^', segment: '~' };

export function isaSegment(d: FixtureDelimiters, control = '000000001'): string {
  const fields = [
    'ISA', '00', ' '.repeat(10), '00', ' '.repeat(10),
    'ZZ', 'SENDER'.padEnd(15), 'ZZ', 'RECEIVER'.padEnd(15),
    '240115', '1200', d.repetition ?? 'U', d.repetition ? '00501' : '00401', control, '0', 'P', d.component,
  ];
  return fields.join(d.element);
}

/** Re-delimits a segment written with "*" and ":" (data must not contain the target delimiters). */
export function redelimit(segment: string, d: FixtureDelimiters): string {
  let out = '';
  for (const char of segment) out += char === '*' ? d.element : char === ':' ? d.component : char === '^' ? (d.repetition ?? '^') : char;
  return out;
}

/**
 * An interchange holding `body` (segments between ISA and IEA, written with
 * "*" and ":"), e.g. ['GS*...', 'ST*...', ..., 'SE*...', 'GE*...'].
 */
export function interchange(body: string[], options: FixtureOptions = {}): string {
  const d = options.delimiters ?? STANDARD;
  const control = options.control ?? '000000001';
  const groups = body.filter((segment) => segment.startsWith('GS*')).length;
  const segments = [isaSegment(d, control), ...body.map((segment) => redelimit(segment, d)), redelimit(`IEA*${groups}*${control}`, d)];
  const separator = d.segment + (options.lineBreak ?? '');
  const indent = options.indent ?? '';
  const text = segments.map((segment, index) => (index === 0 ? segment : indent + segment)).join(separator);
  return options.finalTerminator === false ? text : text + separator;
}

/** GS..GE around transaction sets, each given as its segments between ST and SE. */
export function group(transactions: string[][], options: { type?: string; version?: string; control?: string } = {}): string[] {
  const type = options.type ?? '837';
  const version = options.version ?? '005010X222A1';
  const control = options.control ?? '1';
  const out = [`GS*${type === '835' ? 'HP' : 'HC'}*SENDER*RECEIVER*20240115*1200*${control}*X*${version}`];
  transactions.forEach((body, index) => {
    const st = String(index + 1).padStart(4, '0');
    out.push(`ST*${type}*${st}*${version}`, ...body, `SE*${body.length + 2}*${st}`);
  });
  out.push(`GE*${transactions.length}*${control}`);
  return out;
}
