/**
 * RFC 4180 CSV tokenizer: quoted fields, doubled quotes inside them, CR, LF
 * or CRLF line ends (also inside quotes), a leading BOM. Each record keeps the
 * 1-based line it starts on, so problems can say "line 12" even when an
 * earlier field spans several lines. Never throws: a quote left open at the
 * end of the file is reported, not fatal.
 */

export interface CsvRecord {
  /** 1-based line the record starts on. */
  line: number;
  fields: string[];
}

export interface CsvTokens {
  records: CsvRecord[];
  /** Structural trouble (an unterminated quote, text after a closing quote), with the line. */
  errors: Array<{ line: number; message: string }>;
}

export function tokenizeCsv(input: string): CsvTokens {
  const text = input.replace(/^\uFEFF/, '');
  const records: CsvRecord[] = [];
  const errors: CsvTokens['errors'] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let quoteOpenedAt = 0;
  let afterQuote = false;

  const endField = () => {
    fields.push(field);
    field = '';
    afterQuote = false;
  };
  const endRecord = () => {
    endField();
    // Blank lines (a single empty field) carry no data: skip them.
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: recordLine, fields });
    fields = [];
  };

  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
          afterQuote = true;
        }
      } else {
        if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
        field += c;
      }
      continue;
    }
    if (c === ',') {
      endField();
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else if (c === '"' && field === '' && !afterQuote) {
      quoted = true;
      quoteOpenedAt = line;
    } else {
      if (afterQuote) {
        errors.push({ line, message: 'text after a closing quote (a quote inside a field must be doubled)' });
        afterQuote = false;
      }
      field += c;
    }
  }
  if (quoted) errors.push({ line: quoteOpenedAt, message: 'a quoted field is not closed before the end of the file' });
  if (field !== '' || fields.length > 0) endRecord();
  return { records, errors };
}
