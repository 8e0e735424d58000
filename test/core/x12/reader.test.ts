import { describe, expect, it } from 'vitest';
import { X12Error } from '../../../lambdas/core/x12/errors.js';
import { parseX12, readX12 } from '../../../lambdas/core/x12/reader.js';
import { component, element } from '../../../lambdas/core/x12/segment.js';
import type { ParsedX12, X12Warning } from '../../../lambdas/core/x12/types.js';
import { group, interchange, isaSegment, STANDARD, type FixtureDelimiters } from './x12-fixtures.js';

const BODY = [
  'BHT*0019*00*B1*20240115*1200*CH',
  'NM1*41*2*SUBMITTER*****46*S1',
  'SV1*HC:99213:25*100*UN*1***1:2',
];

const DELIMITER_SETS: Array<[string, FixtureDelimiters]> = [
  ['standard * : ^ ~', STANDARD],
  ['pipe | ^ (00401) ~', { element: '|', component: '^', segment: '~' }],
  ['tilde elements ~ ^ with _ terminator', { element: '~', component: '^', segment: '_' }],
  ['caret ^ > | with newline terminator', { element: '^', component: '>', repetition: '|', segment: '\n' }],
  ['star * | with ~', { element: '*', component: '|', segment: '~' }],
  ['> + with newline terminator', { element: '>', component: '+', segment: '\n' }],
  ['control characters', { element: '\x1d', component: '\x1f', repetition: '\x1e', segment: '\x1c' }],
];

function ok(input: string | Uint8Array): ParsedX12 {
  const result = parseX12(input);
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.describe()}`);
  return result.value;
}

function fatal(input: string | Uint8Array): X12Error {
  const result = parseX12(input);
  if (result.ok) throw new Error('expected a fatal X12Error');
  return result.error;
}

function codes(warnings: X12Warning[]): string[] {
  return warnings.map((warning) => warning.code);
}

describe('parseX12 delimiters and layout', () => {
  for (const [name, delimiters] of DELIMITER_SETS) {
    for (const lineBreak of ['', '\n', '\r\n']) {
      for (const indent of ['', '   ']) {
        it(`reads ${name} (line break ${JSON.stringify(lineBreak)}, indent ${JSON.stringify(indent)})`, () => {
          const text = interchange(group([BODY]), { delimiters, lineBreak, indent });
          const parsed = ok(text);

          expect(parsed.warnings).toEqual([]);
          expect(parsed.interchanges).toHaveLength(1);
          const [ic] = parsed.interchanges;
          const expected = { element: delimiters.element, component: delimiters.component, segment: delimiters.segment };
          expect(ic?.delimiters).toEqual(delimiters.repetition ? { ...expected, repetition: delimiters.repetition } : expected);
          expect(ic?.version).toBe(delimiters.repetition ? '00501' : '00401');
          expect(ic?.controlNumber).toBe('000000001');

          const tx = ic?.groups[0]?.transactions[0];
          expect(tx?.type).toBe('837');
          expect(tx?.controlNumber).toBe('0001');
          expect(tx?.version).toBe('005010X222A1');
          expect(tx?.segments.map((segment) => segment.id)).toEqual(['BHT', 'NM1', 'SV1']);
          expect(tx?.segments.map((segment) => segment.position)).toEqual([4, 5, 6]);

          const sv1 = tx!.segments[2]!;
          expect(component(sv1, 1, 2, ic!.delimiters)).toBe('99213');
          expect(component(sv1, 1, 3, ic!.delimiters)).toBe('25');
          expect(element(sv1, 2)).toBe('100');
          expect(component(sv1, 7, 2, ic!.delimiters)).toBe('2');
          expect(ic?.iea?.position).toBe(9);
        });
      }
    }
  }

  it('strips a UTF-8 byte-order mark from a string and from bytes, and skips leading blank lines', () => {
    const text = interchange(group([BODY]), { lineBreak: '\r\n' });
    const bytes = new TextEncoder().encode(`\r\n\n  ${text}`);
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);
    for (const input of [`\uFEFF${text}`, withBom, `\n\n\t ${text}`]) {
      const parsed = ok(input);
      expect(parsed.warnings).toEqual([]);
      expect(parsed.interchanges[0]?.isa.elements[6]).toBe('SENDER'.padEnd(15));
    }
  });

  it('decodes bytes that are not UTF-8 as Latin-1 instead of failing', () => {
    const text = interchange(group([['NM1*IL*1*RENE*X']]));
    const bytes = Uint8Array.from(Array.from(text, (char) => char.charCodeAt(0)));
    // Put an e-acute (0xE9, invalid as UTF-8 on its own) into the last name.
    const at = text.indexOf('RENE') + 3;
    bytes[at] = 0xe9;
    const nm1 = ok(bytes).interchanges[0]?.groups[0]?.transactions[0]?.segments[0];
    expect(element(nm1!, 3)).toBe('REN\u00e9');
  });

  it('reads the last segment when it has no terminator', () => {
    const parsed = ok(interchange(group([BODY]), { finalTerminator: false }));
    expect(parsed.warnings).toEqual([]);
    expect(parsed.interchanges[0]?.iea?.elements).toEqual(['IEA', '1', '000000001']);
  });

  it('keeps trailing whitespace out of the last element and tolerates trailing blank lines', () => {
    const text = `${interchange(group([['REF*EI*123456789   ']]), { lineBreak: '\n' })}\n\n   \n`;
    const parsed = ok(text);
    expect(parsed.warnings).toEqual([]);
    expect(parsed.interchanges[0]?.groups[0]?.transactions[0]?.segments[0]?.elements).toEqual(['REF', 'EI', '123456789']);
  });

  it('finds ISA16 by counting separators when the ISA is not padded to 106 characters', () => {
    const text =
      'ISA*00* *00* *ZZ*123456789 *30*411674742 *060209*0826*U*00401*000000002*0*P*:~\n' +
      'GS*HC*S*R*20060209*0826*2*X*004010X098A1~ST*837*0001~BHT*0019~SE*3*0001~GE*1*2~IEA*1*000000002~';
    const parsed = ok(text);
    expect(parsed.warnings).toEqual([]);
    expect(parsed.interchanges[0]?.delimiters).toEqual({ element: '*', component: ':', segment: '~' });
    expect(parsed.interchanges[0]?.groups[0]?.transactions[0]?.version).toBe('004010X098A1');
  });

  it('takes the terminator from the start of the next line when ISA16 is followed by a line break', () => {
    const segments = [isaSegment({ element: '|', component: '^', segment: '~' }), 'GS|HC|S|R|20240115|1200|9|X|005010X222A1', 'ST|837|0001', 'BHT|0019', 'SE|3|0001', 'GE|1|9', 'IEA|1|000000001'];
    const parsed = ok(segments.join('\n~'));
    expect(parsed.warnings).toEqual([]);
    expect(parsed.interchanges[0]?.delimiters.segment).toBe('~');
    expect(parsed.interchanges[0]?.groups[0]?.transactions[0]?.segments[0]?.elements).toEqual(['BHT', '0019']);
  });

  it('rejoins segments of a file wrapped at a fixed width, and says so once', () => {
    const flat = interchange(group([BODY]));
    let wrapped = '';
    for (let at = 0; at < flat.length; at += 80) wrapped += `${flat.slice(at, at + 80)}\r\n`;
    const parsed = ok(wrapped);
    expect(parsed.warnings.map((w) => w.code)).toEqual(['X12-LINE-BREAK-IN-SEGMENT']);
    expect(parsed.interchanges[0]?.groups[0]?.transactions[0]?.segments.map((s) => s.elements.join('*'))).toEqual(BODY);
    expect(parsed.interchanges[0]?.iea?.elements).toEqual(['IEA', '1', '000000001']);
    expect(parsed.interchanges[0]?.isa.elements.join('*')).toBe(isaSegment(STANDARD));
    expect(parsed.interchanges[0]?.controlNumber).toBe('000000001');
  });

  it('treats ISA11 "U" as no repetition separator and splits repetitions only in 00501 files', () => {
    const v4010 = ok(interchange(group([BODY]), { delimiters: { element: '*', component: ':', segment: '~' } }));
    expect(v4010.interchanges[0]?.delimiters.repetition).toBeUndefined();
    const v5010 = ok(interchange(group([BODY])));
    expect(v5010.interchanges[0]?.delimiters.repetition).toBe('^');
  });
});

describe('parseX12 envelope structure', () => {
  it('reads several interchanges with their own delimiters, groups and transaction sets, numbering segments across the file', () => {
    const first = interchange([...group([BODY, BODY], { control: '1' }), ...group([BODY], { control: '2', type: '835', version: '005010X221A1' })]);
    const second = interchange(group([BODY], { control: '7' }), {
      delimiters: { element: '|', component: '>', segment: '\n' },
      control: '000000002',
    });
    const parsed = ok(`${first}\n${second}`);

    expect(parsed.warnings).toEqual([]);
    expect(parsed.interchanges.map((ic) => ic.controlNumber)).toEqual(['000000001', '000000002']);
    expect(parsed.interchanges.map((ic) => ic.delimiters.element)).toEqual(['*', '|']);
    const [a, b] = parsed.interchanges;
    expect(a?.groups.map((g) => [g.functionalId, g.controlNumber, g.transactions.length])).toEqual([
      ['HC', '1', 2],
      ['HP', '2', 1],
    ]);
    expect(a?.groups[1]?.transactions[0]?.type).toBe('835');
    // First interchange: ISA, GS, 2 x (ST + 3 + SE), GE, GS, ST + 3 + SE, GE, IEA = 21 segments.
    expect(a?.iea?.position).toBe(21);
    expect(b?.isa.position).toBe(22);
    expect(b?.groups[0]?.transactions[0]?.segments[2]?.elements[1]).toBe('HC>99213>25');
  });

  it('warns X12-SE-COUNT with the SE position when SE01 is not the count of ST..SE', () => {
    const body = group([BODY]).map((segment) => (segment.startsWith('SE*') ? 'SE*9*0001' : segment));
    const parsed = ok(interchange(body));
    expect(parsed.warnings).toEqual([
      { code: 'X12-SE-COUNT', message: 'SE01 is 9 but 5 segments from ST to SE were counted', position: 7, segmentId: 'SE' },
    ]);
    // The transaction is still fully read.
    expect(parsed.interchanges[0]?.groups[0]?.transactions[0]?.segments).toHaveLength(3);
  });

  it('warns when SE01 is not a number', () => {
    const body = group([BODY]).map((segment) => (segment.startsWith('SE*') ? 'SE*X*0001' : segment));
    expect(codes(ok(interchange(body)).warnings)).toEqual(['X12-SE-COUNT']);
  });

  it('warns X12-CONTROL-MISMATCH for SE02/ST02, GE02/GS06 and IEA02/ISA13, without quoting the values', () => {
    const body = group([BODY], { control: '55' }).map((segment) =>
      segment.startsWith('SE*') ? 'SE*5*0002' : segment.startsWith('GE*') ? 'GE*1*56' : segment,
    );
    const text = interchange(body).replace('IEA*1*000000001', 'IEA*1*000000099');
    const parsed = ok(text);
    expect(parsed.warnings.map((w) => [w.code, w.segmentId, w.position])).toEqual([
      ['X12-CONTROL-MISMATCH', 'SE', 7],
      ['X12-CONTROL-MISMATCH', 'GE', 8],
      ['X12-CONTROL-MISMATCH', 'IEA', 9],
    ]);
    for (const warning of parsed.warnings) expect(warning.message).not.toMatch(/0002|56|99/);
  });

  it('warns X12-GE-COUNT and X12-IEA-COUNT when the trailer counts are wrong', () => {
    const body = group([BODY, BODY]).map((segment) => (segment.startsWith('GE*') ? 'GE*1*1' : segment));
    const text = interchange(body).replace('IEA*1*', 'IEA*3*');
    const parsed = ok(text);
    expect(parsed.warnings.map((w) => [w.code, w.segmentId])).toEqual([
      ['X12-GE-COUNT', 'GE'],
      ['X12-IEA-COUNT', 'IEA'],
    ]);
  });

  it('closes unterminated envelopes with X12-MISSING-TRAILER warnings at the opening segments and keeps their content', () => {
    const text = interchange(group([BODY])).split('~').slice(0, 6).join('~'); // ISA GS ST BHT NM1 SV1, no trailers
    const parsed = ok(text);
    expect(parsed.warnings.map((w) => [w.code, w.segmentId, w.position])).toEqual([
      ['X12-MISSING-TRAILER', 'IEA', 1],
      ['X12-MISSING-TRAILER', 'GE', 2],
      ['X12-MISSING-TRAILER', 'SE', 3],
    ]);
    const tx = parsed.interchanges[0]?.groups[0]?.transactions[0];
    expect(tx?.segments.map((s) => s.id)).toEqual(['BHT', 'NM1', 'SV1']);
    expect(tx?.se).toBeUndefined();
  });

  it('reports a missing SE when the next ST starts, and still reads both transaction sets', () => {
    const body = group([BODY, BODY]);
    const withoutFirstSe = body.filter((segment, index) => !(segment.startsWith('SE*') && index < 6));
    const parsed = ok(interchange(withoutFirstSe));
    expect(parsed.warnings.map((w) => [w.code, w.segmentId, w.position])).toEqual([['X12-MISSING-TRAILER', 'SE', 3]]);
    expect(parsed.interchanges[0]?.groups[0]?.transactions.map((tx) => tx.segments.length)).toEqual([3, 3]);
  });

  it('reports segments outside the envelope once per run, with the first position', () => {
    const text = interchange([
      'NTE*OUTSIDE GROUP',
      ...group([BODY]),
      'BHT*0019*00*X',
      'NM1*41*2*X',
      'REF*EI*1',
    ]);
    const parsed = ok(text);
    expect(parsed.warnings).toEqual([
      { code: 'X12-SEGMENT-OUTSIDE-ENVELOPE', message: 'NTE segment found in the interchange (outside GS/GE); not kept', position: 2, segmentId: 'NTE' },
      {
        code: 'X12-SEGMENT-OUTSIDE-ENVELOPE',
        message: '3 segments starting with a BHT segment found in the interchange (outside GS/GE); not kept',
        position: 10,
        segmentId: 'BHT',
      },
    ]);
  });

  it('reports segments after the IEA', () => {
    const text = `${interchange(group([BODY]))}\nGS*HC*X~ST*837*1~`;
    const parsed = ok(text);
    expect(parsed.warnings.map((w) => [w.code, w.position])).toEqual([['X12-SEGMENT-OUTSIDE-ENVELOPE', 10]]);
    expect(parsed.interchanges).toHaveLength(1);
  });

  it('flags malformed segment ids without echoing them', () => {
    const parsed = ok(interchange(group([['Nd4*CITY', 'JOHN SMITH*X', 'BHT*0019']])));
    expect(parsed.warnings).toEqual([
      { code: 'X12-BAD-SEGMENT-ID', message: 'segment id is not 2-3 upper-case letters or digits starting with a letter', position: 4 },
      { code: 'X12-BAD-SEGMENT-ID', message: 'segment id is not 2-3 upper-case letters or digits starting with a letter', position: 5 },
    ]);
    expect(parsed.interchanges[0]?.groups[0]?.transactions[0]?.segments).toHaveLength(3);
  });

  it('skips empty segments (doubled terminators) without counting them', () => {
    const text = interchange(group([BODY])).replace('~ST*', '~~~ST*');
    const parsed = ok(text);
    expect(parsed.warnings).toEqual([]);
    expect(parsed.interchanges[0]?.groups[0]?.transactions[0]?.st.position).toBe(3);
  });

  it('does not keep a TA1 and says so', () => {
    const text = `${isaSegment(STANDARD)}~TA1*000000001*240115*1200*A*000~IEA*0*000000001~`;
    const parsed = ok(text);
    expect(parsed.warnings.map((w) => [w.code, w.segmentId])).toEqual([['X12-INTERCHANGE-SEGMENT-IGNORED', 'TA1']]);
    expect(parsed.interchanges[0]?.groups).toEqual([]);
  });
});

describe('parseX12 fatal errors', () => {
  const cases: Array<[string, string | Uint8Array, string, number | undefined]> = [
    ['empty string', '', 'X12-EMPTY', 1],
    ['only whitespace and a BOM', '\uFEFF \r\n\t ', 'X12-EMPTY', 1],
    ['empty bytes', new Uint8Array(), 'X12-EMPTY', 1],
    ['text without ISA', 'GS*HC*S*R~ST*837*1~', 'X12-NO-ISA', 1],
    ['JSON', '{"claimId":"A1"}', 'X12-NO-ISA', 1],
    ['binary bytes', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 1, 2, 3]), 'X12-BINARY', 1],
    ['an ISA cut short', 'ISA*00*          *00*          *ZZ*SENDER', 'X12-ISA-SHORT', 1],
    ['an ISA without ISA16', `${isaSegment(STANDARD).slice(0, -1)}`, 'X12-ISA-SHORT', 1],
    ['an ISA with a letter as element separator', 'ISAX00X', 'X12-NO-ISA', 1],
    ['an alphanumeric ISA16', `${isaSegment({ ...STANDARD, component: 'A' })}~`, 'X12-DELIMITERS', 1],
    ['ISA16 equal to the element separator', `${isaSegment({ ...STANDARD, component: '*' })}~`, 'X12-DELIMITERS', 1],
    ['nothing after ISA16', isaSegment(STANDARD), 'X12-DELIMITERS', 1],
    ['a letter right after ISA16', `${isaSegment(STANDARD)}GS*HC`, 'X12-DELIMITERS', 1],
  ];

  for (const [name, input, code, position] of cases) {
    it(`returns ${code} for ${name}`, () => {
      const error = fatal(input);
      expect(error).toBeInstanceOf(X12Error);
      expect(error.code).toBe(code);
      expect(error.position).toBe(position);
    });
  }

  it('reports a broken second ISA at its own position', () => {
    const text = `${interchange(group([BODY]))}ISA*00*short~`;
    const error = fatal(text);
    expect(error.code).toBe('X12-ISA-SHORT');
    expect(error.position).toBe(10);
    expect(error.segmentId).toBe('ISA');
  });

  it('rejects input that is neither a string nor bytes', () => {
    expect(fatal(42 as unknown as string).code).toBe('X12-INPUT');
    expect(fatal(null as unknown as string).code).toBe('X12-INPUT');
  });

  it('readX12 throws the same X12Error', () => {
    expect(() => readX12('hello')).toThrow(X12Error);
    try {
      readX12('hello');
    } catch (error) {
      expect((error as X12Error).code).toBe('X12-NO-ISA');
    }
    expect(readX12(interchange(group([BODY]))).interchanges).toHaveLength(1);
  });
});

describe('parseX12 performance', () => {
  it('reads a 50 MB interchange in linear time', { timeout: 180_000 }, () => {
    const claim = [
      'HL*2*1*22*0', 'SBR*P*18*GRP1******CI', 'NM1*IL*1*DOE*JANE****MI*M123456789', 'N3*1 MAIN ST', 'N4*AUSTIN*TX*78701',
      'DMG*D8*19800101*F', 'NM1*PR*2*ACME HEALTH*****PI*ACME1', 'CLM*C1*100***11:B:1*Y*A*Y*Y', 'HI*ABK:E119',
      'LX*1', 'SV1*HC:99213*100*UN*1***1', 'DTP*472*D8*20240110',
    ];
    const block = claim.join('~\n') + '~\n';
    const repeat = Math.ceil((50 * 1024 * 1024) / block.length);
    const parts: string[] = [];
    for (let i = 0; i < repeat; i++) parts.push(block);
    const body = parts.join('');
    const segmentsPerBlock = claim.length;
    const text =
      `${isaSegment(STANDARD)}~\nGS*HC*S*R*20240115*1200*1*X*005010X222A1~\nST*837*0001*005010X222A1~\n` +
      body +
      `SE*${repeat * segmentsPerBlock + 2}*0001~\nGE*1*1~\nIEA*1*000000001~\n`;
    expect(text.length).toBeGreaterThan(50 * 1024 * 1024);

    const started = performance.now();
    const parsed = ok(text);
    const elapsed = performance.now() - started;

    expect(parsed.warnings).toEqual([]);
    expect(parsed.interchanges[0]?.groups[0]?.transactions[0]?.segments).toHaveLength(repeat * segmentsPerBlock);
    // Generous for a 2-core CI machine; a quadratic reader takes minutes here.
    expect(elapsed).toBeLessThan(30_000);
  });
});
