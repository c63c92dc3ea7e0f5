import { DomainError } from '../../common/errors/domain-error';
import { AgentImportRow, parseAgentCsv, ParsedRow } from './agent-csv.parser';
import { readCsvRecords } from './csv-records';

const HEADER = 'name,email,kind,languages,skills,maxConcurrent';

const row = (overrides: Partial<AgentImportRow> = {}): AgentImportRow => ({
  name: 'Sam Jansen',
  email: 'sam@airline.test',
  kind: 'staff',
  languages: [{ code: 'nl', level: 5 }],
  skills: [],
  maxConcurrent: null,
  password: null,
  ...overrides,
});

describe('readCsvRecords', () => {
  it.each<[string, string, ReturnType<typeof readCsvRecords>]>([
    ['plain fields', 'a,b,c', [{ line: 1, fields: ['a', 'b', 'c'] }]],
    ['empty fields', 'a,,', [{ line: 1, fields: ['a', '', ''] }]],
    ['a quoted comma', '"Jansen, Sam",x', [{ line: 1, fields: ['Jansen, Sam', 'x'] }]],
    ['doubled quotes', '"Sam ""the man"" Jansen",x', [{ line: 1, fields: ['Sam "the man" Jansen', 'x'] }]],
    ['an empty quoted field', '"",x', [{ line: 1, fields: ['', 'x'] }]],
    ['spaces after a closing quote', '"a"  ,b', [{ line: 1, fields: ['a', 'b'] }]],
    ['LF line ends', 'a\nb\n', [{ line: 1, fields: ['a'] }, { line: 2, fields: ['b'] }]],
    ['CRLF line ends', 'a,b\r\nc,d\r\n', [{ line: 1, fields: ['a', 'b'] }, { line: 2, fields: ['c', 'd'] }]],
    ['CR line ends', 'a\rb', [{ line: 1, fields: ['a'] }, { line: 2, fields: ['b'] }]],
    ['a BOM', '\uFEFFname,email', [{ line: 1, fields: ['name', 'email'] }]],
    ['blank lines, counted but skipped', 'a\n\n  \r\nb', [{ line: 1, fields: ['a'] }, { line: 4, fields: ['b'] }]],
    [
      'a line break inside quotes keeps later line numbers right',
      'a,"two\r\nlines"\nb',
      [{ line: 1, fields: ['a', 'two\r\nlines'] }, { line: 3, fields: ['b'] }],
    ],
    [
      'a stray quote in an unquoted field',
      'ok\nSam "S" J,x\nnext',
      [
        { line: 1, fields: ['ok'] },
        { line: 2, error: 'a quote inside an unquoted field: quote the whole field and double the inner quotes' },
        { line: 3, fields: ['next'] },
      ],
    ],
    [
      'text after a closing quote',
      '"a"b,c\nnext',
      [{ line: 1, error: 'unexpected text after a closing quote' }, { line: 2, fields: ['next'] }],
    ],
    [
      'a quote never closed',
      'ok\n"open,x\nmore',
      [{ line: 1, fields: ['ok'] }, { line: 2, error: 'the quoted field opened on line 2 is never closed' }],
    ],
    ['nothing', '', []],
  ])('reads %s', (_case, text, expected) => {
    expect(readCsvRecords(text)).toEqual(expected);
  });
});

describe('parseAgentCsv', () => {
  const parse = (...lines: string[]) => parseAgentCsv([HEADER, ...lines].join('\n'));

  it.each<[string, string, AgentImportRow]>([
    ['a minimal staff row', 'Sam Jansen,sam@airline.test,staff,nl:5,,', row()],
    [
      'several languages and skills',
      'Sam Jansen,sam@airline.test,staff,nl:5;en:4,rebooking:3;refunds:2,5',
      row({
        languages: [{ code: 'nl', level: 5 }, { code: 'en', level: 4 }],
        skills: [{ name: 'rebooking', level: 3 }, { name: 'refunds', level: 2 }],
        maxConcurrent: 5,
      }),
    ],
    ['a quoted name with a comma', '"Jansen, Sam",sam@airline.test,staff,nl:5,,', row({ name: 'Jansen, Sam' })],
    ['a volunteer', 'Sam Jansen,sam@airline.test,volunteer,nl:5,,', row({ kind: 'volunteer' })],
    ['kind in capitals', 'Sam Jansen,sam@airline.test,Staff,nl:5,,', row()],
    ['spaces around cells and entries', ' Sam Jansen , sam@airline.test ,staff, nl:5 ; , ,', row()],
    ['a staff agent without languages', 'Sam Jansen,sam@airline.test,staff,,,', row({ languages: [] })],
    ['maxConcurrent 1', 'Sam Jansen,sam@airline.test,staff,nl:5,,1', row({ maxConcurrent: 1 })],
    ['maxConcurrent 20', 'Sam Jansen,sam@airline.test,staff,nl:5,,20', row({ maxConcurrent: 20 })],
  ])('accepts %s', (_case, line, expected) => {
    expect(parse(line)).toEqual([{ line: 2, row: expected }]);
  });

  it.each<[string, string, string]>([
    ['an empty name', ',sam@airline.test,staff,nl:5,,', 'name: must not be empty'],
    ['a long name', `${'x'.repeat(201)},sam@airline.test,staff,nl:5,,`, 'name: must be at most 200 characters'],
    ['a bad email', 'Sam,not-an-email,staff,nl:5,,', 'email: "not-an-email" is not an email address'],
    ['an empty email', 'Sam,,staff,nl:5,,', 'email: must not be empty'],
    ['an unknown kind', 'Sam,sam@airline.test,pilot,nl:5,,', 'kind: must be staff or volunteer, not "pilot"'],
    ['a made-up language', 'Sam,sam@airline.test,staff,xx:5,,', 'languages: "xx" is not an ISO 639-1 language code'],
    ['a capitalised language', 'Sam,sam@airline.test,staff,NL:5,,', 'languages: "NL" is not an ISO 639-1 language code'],
    ['a language level 6', 'Sam,sam@airline.test,staff,nl:6,,', 'languages: the level of "nl" must be an integer from 1 to 5'],
    ['a language level 0', 'Sam,sam@airline.test,staff,nl:0,,', 'languages: the level of "nl" must be an integer from 1 to 5'],
    ['a language without level', 'Sam,sam@airline.test,staff,nl,,', 'languages: "nl" must look like nl:5'],
    ['a repeated language', 'Sam,sam@airline.test,staff,nl:5;nl:3,,', 'languages: "nl" appears twice'],
    ['a volunteer without languages', 'Sam,sam@airline.test,volunteer,,,', 'languages: a volunteer needs at least one language'],
    ['a bad skill name', 'Sam,sam@airline.test,staff,nl:5,Rebooking!:3,', 'skills: "Rebooking!" must be lower-case [a-z0-9_-], 1 to 40 characters'],
    ['a skill level 2.5', 'Sam,sam@airline.test,staff,nl:5,refunds:2.5,', 'skills: the level of "refunds" must be an integer from 1 to 5'],
    ['a repeated skill', 'Sam,sam@airline.test,staff,nl:5,refunds:2;refunds:3,', 'skills: "refunds" appears twice'],
    ['maxConcurrent 0', 'Sam,sam@airline.test,staff,nl:5,,0', 'maxConcurrent: must be an integer from 1 to 20, not "0"'],
    ['maxConcurrent 21', 'Sam,sam@airline.test,staff,nl:5,,21', 'maxConcurrent: must be an integer from 1 to 20, not "21"'],
    ['maxConcurrent 2.5', 'Sam,sam@airline.test,staff,nl:5,,2.5', 'maxConcurrent: must be an integer from 1 to 20, not "2.5"'],
    ['too few fields', 'Sam,sam@airline.test,staff', 'expected 6 fields as in the header, found 3'],
    ['too many fields', 'Sam,Jansen,sam@airline.test,staff,nl:5,,', 'expected 6 fields as in the header, found 7'],
    ['a NUL in a name', 'Sam\u0000,sam@airline.test,staff,nl:5,,', 'name: must not contain a NUL character'],
    ['a NUL in a skill', 'Sam,sam@airline.test,staff,nl:5,refunds\u0000:2,', 'skills: must not contain a NUL character'],
    ['a lone surrogate in an email', 'Sam,s\ud800am@airline.test,staff,nl:5,,', 'email: must not contain an unpaired UTF-16 surrogate'],
    ['a whitespace-only name', '   ,sam@airline.test,staff,nl:5,,', 'name: must not be empty'],
    [
      'two bad fields',
      'Sam,nope,staff,xx:1,,',
      'email: "nope" is not an email address; languages: "xx" is not an ISO 639-1 language code',
    ],
  ])('reports %s on its line', (_case, line, message) => {
    expect(parse(line)).toEqual([{ line: 2, error: message }]);
  });

  it('numbers lines as in the file (header = 1) across blank lines, CRLF and a BOM', () => {
    const text = `\uFEFF${HEADER}\r\n\r\nAna,ana@airline.test,staff,es:5,,\r\nBad,bad,staff,,,\r\n\r\nBo,bo@airline.test,staff,sv:5,,\r\n`;
    expect(parseAgentCsv(text).map((parsed) => [parsed.line, 'row' in parsed])).toEqual([
      [3, true],
      [4, false],
      [6, true],
    ]);
  });

  it('accepts an optional password column and never echoes the value', () => {
    const text = `${HEADER},password\nSam Jansen,sam@airline.test,staff,nl:5,,,long-enough-secret\nKim,kim@airline.test,staff,nl:5,,,short`;
    const parsed = parseAgentCsv(text);
    expect(parsed[0]).toEqual({ line: 2, row: row({ password: 'long-enough-secret' }) });
    expect(parsed[1]).toEqual({ line: 3, error: 'password: must be at least 10 characters' });
    expect(JSON.stringify(parsed[1])).not.toContain('short');
  });

  it('accepts the columns in any order and in any case', () => {
    const text = 'EMAIL,name,maxconcurrent,kind,skills,languages\nsam@airline.test,Sam Jansen,4,staff,,nl:5';
    expect(parseAgentCsv(text)).toEqual([{ line: 2, row: row({ maxConcurrent: 4 }) }]);
  });

  it('reports a repeated email (in any case) on the later line and keeps the first', () => {
    const parsed = parse('Sam,sam@airline.test,staff,nl:5,,', 'Bad,bad,staff,,,', 'Sam J,SAM@airline.test,staff,nl:4,,');
    expect(parsed[0]).toMatchObject({ line: 2, row: { name: 'Sam' } });
    expect(parsed[2]).toEqual({ line: 4, error: 'email: SAM@airline.test already appears on line 2; list each person once' });
  });

  it('takes the largest file allowed', () => {
    const rows = Array.from({ length: 2000 }, (_, index) => `P${index},p${index}@airline.test,staff,en:5,,`);
    expect(parseAgentCsv([HEADER, ...rows].join('\n'))).toHaveLength(2000);
  });

  it('returns no rows for a header alone', () => {
    expect(parseAgentCsv(`${HEADER}\r\n`)).toEqual([]);
  });

  it.each<[string, string, string]>([
    ['an empty body', '', 'the CSV body is empty'],
    ['a body of blank lines', '\uFEFF\r\n \n', 'the CSV body is empty'],
    ['JSON', '{"name":"Sam","email":"sam@airline.test"}', 'line 1 (header): a quote inside an unquoted field'],
    ['an unknown column', `${HEADER},team`, 'line 1 (header): unknown column "team"'],
    ['a missing column', 'name,email,kind,languages', 'line 1 (header): missing column skills, maxConcurrent'],
    ['a repeated column', `${HEADER},email`, 'line 1 (header): column email appears twice'],
    [
      'more rows than one import takes',
      [HEADER, ...Array.from({ length: 2001 }, (_, index) => `P${index},p${index}@airline.test,staff,en:5,,`)].join('\n'),
      'the file has 2001 rows; at most 2000 per import, split it',
    ],
  ])('refuses %s as a whole', (_case, text, message) => {
    const attempt = () => parseAgentCsv(text);
    expect(attempt).toThrow(DomainError);
    expect(attempt).toThrow(message);
  });

  it('keeps every good row when others fail', () => {
    const parsed: ParsedRow[] = parse(
      'Ana,ana@airline.test,staff,es:5,,',
      'Bad,bad,staff,,,',
      '"Jansen, Sam",sam@airline.test,volunteer,nl:5;en:4,rebooking:3,2',
    );
    expect(parsed.filter((entry) => 'row' in entry).map((entry) => entry.line)).toEqual([2, 4]);
  });
});
