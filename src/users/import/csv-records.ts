/**
 * A small RFC 4180 reader: comma-separated, `"` quoting with `""` for a quote, CRLF, LF or CR
 * line ends, a leading BOM ignored, blank lines skipped. Each record carries the physical line it
 * starts on (1-based), so a field with an embedded line break does not shift later line numbers.
 * A malformed record becomes an error on its line; reading resumes on the next line.
 */
export type CsvRecord = { line: number; fields: string[] } | { line: number; error: string };

interface Cursor {
  text: string;
  pos: number;
  line: number;
}

const BOM = '\uFEFF';

export function readCsvRecords(input: string): CsvRecord[] {
  const cursor: Cursor = { text: input.startsWith(BOM) ? input.slice(1) : input, pos: 0, line: 1 };
  const records: CsvRecord[] = [];
  while (cursor.pos < cursor.text.length) {
    const line = cursor.line;
    const result = readRecord(cursor);
    if (typeof result === 'string') {
      records.push({ line, error: result });
      skipRestOfLine(cursor);
    } else if (!isBlank(result)) {
      records.push({ line, fields: result });
    }
  }
  return records;
}

function isBlank(fields: string[]): boolean {
  return fields.length === 1 && fields[0].trim() === '';
}

/** Reads one record and consumes its line end; returns the error message when it is malformed. */
function readRecord(cursor: Cursor): string[] | string {
  const fields: string[] = [];
  for (;;) {
    const field = cursor.text[cursor.pos] === '"' ? readQuoted(cursor) : readUnquoted(cursor);
    if (typeof field !== 'string') return field.error;
    fields.push(field);
    if (cursor.pos >= cursor.text.length) return fields;
    if (cursor.text[cursor.pos] === ',') {
      cursor.pos++;
      continue;
    }
    consumeLineEnd(cursor);
    return fields;
  }
}

function readUnquoted(cursor: Cursor): string | { error: string } {
  const { text } = cursor;
  const start = cursor.pos;
  while (cursor.pos < text.length && !isFieldEnd(text[cursor.pos])) cursor.pos++;
  const value = text.slice(start, cursor.pos);
  if (value.includes('"')) {
    return { error: 'a quote inside an unquoted field: quote the whole field and double the inner quotes' };
  }
  return value;
}

function readQuoted(cursor: Cursor): string | { error: string } {
  const { text } = cursor;
  const openedOn = cursor.line;
  let value = '';
  cursor.pos++;
  for (;;) {
    if (cursor.pos >= text.length) return { error: `the quoted field opened on line ${openedOn} is never closed` };
    const char = text[cursor.pos];
    if (char === '"' && text[cursor.pos + 1] === '"') {
      value += '"';
      cursor.pos += 2;
    } else if (char === '"') {
      cursor.pos++;
      break;
    } else {
      if (char === '\n' || (char === '\r' && text[cursor.pos + 1] !== '\n')) cursor.line++;
      value += char;
      cursor.pos++;
    }
  }
  while (text[cursor.pos] === ' ' || text[cursor.pos] === '\t') cursor.pos++;
  if (cursor.pos < text.length && !isFieldEnd(text[cursor.pos])) {
    return { error: 'unexpected text after a closing quote' };
  }
  return value;
}

function isFieldEnd(char: string): boolean {
  return char === ',' || char === '\n' || char === '\r';
}

function consumeLineEnd(cursor: Cursor): void {
  if (cursor.text[cursor.pos] === '\r') cursor.pos++;
  if (cursor.text[cursor.pos] === '\n') cursor.pos++;
  cursor.line++;
}

function skipRestOfLine(cursor: Cursor): void {
  const { text } = cursor;
  while (cursor.pos < text.length && text[cursor.pos] !== '\n' && text[cursor.pos] !== '\r') cursor.pos++;
  if (cursor.pos < text.length) consumeLineEnd(cursor);
}
