import { isEmail, isISO6391 } from 'class-validator';
import { invalidInput } from '../../common/errors/domain-error';
import { AGENT_KINDS, AgentKind } from '../agent.entity';
import { SKILL_NAME_PATTERN } from '../dto/agent-profile.dto';
import { unsafeTextReason } from '../../common/validation/unsafe-input';
import { readCsvRecords } from './csv-records';

/**
 * Turns a roster CSV into validated rows, each with the line it came from. Pure: no I/O.
 * The rules mirror the JSON API (POST /users, PATCH /agents/:id) so a row is accepted exactly
 * when the same values would be accepted as JSON.
 */

export const REQUIRED_COLUMNS = ['name', 'email', 'kind', 'languages', 'skills', 'maxConcurrent'] as const;
export const OPTIONAL_COLUMNS = ['password'] as const;
type Column = (typeof REQUIRED_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number];

export interface AgentImportRow {
  name: string;
  email: string;
  kind: AgentKind;
  languages: { code: string; level: number }[];
  skills: { name: string; level: number }[];
  /** null when the cell is empty: the default for a new agent, unchanged for an existing one. */
  maxConcurrent: number | null;
  /** null when the column is absent or the cell empty. */
  password: string | null;
}

export type ParsedRow = { line: number; row: AgentImportRow } | { line: number; error: string };

/** Rows are applied one transaction each within the request (~10 ms a row); larger rosters go in several files. */
export const MAX_ROWS = 2000;
const MAX_LANGUAGES = 30;
const MAX_SKILLS = 50;
const MAX_TEXT = 200;
const MIN_PASSWORD = 10;

/** Throws invalid_input when the text is not a roster CSV at all; row problems become row errors. */
export function parseAgentCsv(text: string): ParsedRow[] {
  const [header, ...records] = readCsvRecords(text);
  if (!header) throw invalidInput('the CSV body is empty');
  if ('error' in header) throw invalidInput(`line ${header.line} (header): ${header.error}`);
  const columns = readHeader(header.line, header.fields);
  if (records.length > MAX_ROWS) throw invalidInput(`the file has ${records.length} rows; at most ${MAX_ROWS} per import, split it`);
  const firstLineOf = new Map<string, number>();
  return records.map((record): ParsedRow => {
    if ('error' in record) return record;
    if (record.fields.length !== columns.length) {
      return { line: record.line, error: `expected ${columns.length} fields as in the header, found ${record.fields.length}` };
    }
    const cells = new Map(columns.map((column, index) => [column, record.fields[index].trim()]));
    const unsafe = unsafeCells(cells);
    if (unsafe.length > 0) return { line: record.line, error: unsafe.join('; ') };
    const parsed = parseRow(cells);
    if ('errors' in parsed) return { line: record.line, error: parsed.errors.join('; ') };
    const key = parsed.email.toLowerCase();
    const firstLine = firstLineOf.get(key);
    if (firstLine !== undefined) {
      return { line: record.line, error: `email: ${parsed.email} already appears on line ${firstLine}; list each person once` };
    }
    firstLineOf.set(key, record.line);
    return { line: record.line, row: parsed };
  });
}

/** The same characters the JSON API refuses (unsafe-input.ts), named by column; the value is not echoed. */
function unsafeCells(cells: Map<Column, string>): string[] {
  return [...cells].flatMap(([column, value]) => {
    const reason = unsafeTextReason(value);
    return reason ? [`${column}: ${reason}`] : [];
  });
}

function readHeader(line: number, fields: string[]): Column[] {
  const known: readonly string[] = [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS];
  const columns = fields.map((field) => {
    const name = field.trim();
    const column = known.find((candidate) => candidate.toLowerCase() === name.toLowerCase());
    if (!column) {
      throw invalidInput(`line ${line} (header): unknown column "${name}"; expected ${REQUIRED_COLUMNS.join(',')} (and optionally password)`);
    }
    return column as Column;
  });
  const repeated = columns.find((column, index) => columns.indexOf(column) !== index);
  if (repeated) throw invalidInput(`line ${line} (header): column ${repeated} appears twice`);
  const missing = REQUIRED_COLUMNS.filter((column) => !columns.includes(column));
  if (missing.length > 0) throw invalidInput(`line ${line} (header): missing column ${missing.join(', ')}`);
  return columns;
}

/** A field that failed validation; its message starts with the field's name. */
class Invalid {
  constructor(readonly message: string) {}
}

type Parsed<T> = T | Invalid;

function parseRow(cells: Map<Column, string>): AgentImportRow | { errors: string[] } {
  const fields = {
    name: parseName(cells.get('name')!),
    email: parseEmail(cells.get('email')!),
    kind: parseKind(cells.get('kind')!),
    languages: parseLanguages(cells.get('languages')!),
    skills: parseSkills(cells.get('skills')!),
    maxConcurrent: parseMaxConcurrent(cells.get('maxConcurrent')!),
    password: parsePassword(cells.get('password') ?? ''),
  };
  const errors = Object.values(fields).flatMap((value) => (value instanceof Invalid ? [value.message] : []));
  if (fields.kind === 'volunteer' && Array.isArray(fields.languages) && fields.languages.length === 0) {
    errors.push('languages: a volunteer needs at least one language');
  }
  return errors.length === 0 && allValid(fields) ? fields : { errors };
}

function allValid<T extends object>(fields: T): fields is { [K in keyof T]: Exclude<T[K], Invalid> } {
  return Object.values(fields).every((value) => !(value instanceof Invalid));
}

function parseName(value: string): Parsed<string> {
  if (value === '') return new Invalid('name: must not be empty');
  if (value.length > MAX_TEXT) return new Invalid(`name: must be at most ${MAX_TEXT} characters`);
  return value;
}

function parseEmail(value: string): Parsed<string> {
  if (value === '') return new Invalid('email: must not be empty');
  if (value.length > MAX_TEXT || !isEmail(value)) return new Invalid(`email: "${value.slice(0, MAX_TEXT)}" is not an email address`);
  return value;
}

function parseKind(value: string): Parsed<AgentKind> {
  const kind = AGENT_KINDS.find((candidate) => candidate === value.toLowerCase());
  return kind ?? new Invalid(`kind: must be ${AGENT_KINDS.join(' or ')}, not "${value}"`);
}

function parseMaxConcurrent(value: string): Parsed<number | null> {
  if (value === '') return null;
  const number = /^\d{1,2}$/.test(value) ? Number(value) : NaN;
  if (!(number >= 1 && number <= 20)) return new Invalid(`maxConcurrent: must be an integer from 1 to 20, not "${value}"`);
  return number;
}

/** Never echoes the value: passwords stay out of responses and logs. */
function parsePassword(value: string): Parsed<string | null> {
  if (value === '') return null;
  if (value.length < MIN_PASSWORD) return new Invalid(`password: must be at least ${MIN_PASSWORD} characters`);
  if (value.length > MAX_TEXT) return new Invalid(`password: must be at most ${MAX_TEXT} characters`);
  return value;
}

function parseLanguages(value: string): Parsed<AgentImportRow['languages']> {
  const pairs = parseLevelList('languages', value, {
    max: MAX_LANGUAGES,
    example: 'nl:5',
    checkKey: (code) => (isISO6391(code) ? null : `"${code}" is not an ISO 639-1 language code`),
  });
  return pairs instanceof Invalid ? pairs : pairs.map(([code, level]) => ({ code, level }));
}

function parseSkills(value: string): Parsed<AgentImportRow['skills']> {
  const pairs = parseLevelList('skills', value, {
    max: MAX_SKILLS,
    example: 'rebooking:3',
    checkKey: (name) => (SKILL_NAME_PATTERN.test(name) ? null : `"${name}" must be lower-case [a-z0-9_-], 1 to 40 characters`),
  });
  return pairs instanceof Invalid ? pairs : pairs.map(([name, level]) => ({ name, level }));
}

/** `nl:5;en:4` → [['nl', 5], ['en', 4]]; an empty cell is an empty list, a trailing `;` is fine. */
function parseLevelList(
  field: string,
  value: string,
  rules: { max: number; example: string; checkKey: (key: string) => string | null },
): Parsed<[string, number][]> {
  const entries = value.split(';').map((entry) => entry.trim()).filter((entry) => entry !== '');
  if (entries.length > rules.max) return new Invalid(`${field}: at most ${rules.max} entries`);
  const pairs: [string, number][] = [];
  for (const entry of entries) {
    const match = /^([^:]*):\s*(\S*)$/.exec(entry);
    if (!match) return new Invalid(`${field}: "${entry}" must look like ${rules.example}`);
    const key = match[1].trim();
    const keyError = rules.checkKey(key);
    if (keyError) return new Invalid(`${field}: ${keyError}`);
    if (!/^[1-5]$/.test(match[2])) return new Invalid(`${field}: the level of "${key}" must be an integer from 1 to 5`);
    if (pairs.some(([seen]) => seen === key)) return new Invalid(`${field}: "${key}" appears twice`);
    pairs.push([key, Number(match[2])]);
  }
  return pairs;
}
