import fc from 'fast-check';
import { Operation, Parameter, Schema } from './openapi-operations';

/**
 * fast-check arbitraries for requests that are wrong in the ways clients and attackers get them
 * wrong: right-typed strings carrying NUL, lone surrogates or only blanks; nulls, nested arrays and
 * deep nesting where objects or scalars belong; forged cursors; bodies that are not JSON at all.
 * Most fields stay plausible so that one bad value at a time gets past the others to the code behind.
 */

export interface MalformedRequest {
  method: string;
  /** Path with its parameters filled in, already percent-encoded, query string included. */
  url: string;
  contentType?: string;
  body?: string;
}

/** Known ids of each kind that exist in the database under test, so paths reach real rows. */
export interface KnownIds {
  uuids: string[];
}

const deepArray = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
const deepObject = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
const nested = (depth: number): unknown => (depth === 0 ? [] : [nested(depth - 1)]);

/** Text that is a string, as the schema wants, but one no database column or URI codec should see. */
export function nastyString(sample: string): fc.Arbitrary<string> {
  return fc.constantFrom(
    `${sample}\u0000`,
    `\u0000`,
    `${sample.slice(0, 1)}\u0000${sample.slice(1)}`,
    `\ud800${sample}`,
    `${sample}\udfff`,
    sample.replace('@', '\ud83d@'),
    sample.replace('@', '\u0000@'),
    '   ',
    '\t\n ',
    '\u00a0\u2003',
    '',
    `${sample}%00`,
    `${sample}'; --`,
    'x'.repeat(10_001),
    `\u202e${sample}`,
  );
}

/** Values of the wrong shape: what a broken client or a fuzzer sends where a field was expected. */
export const malformedValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    [],
    [[[]]],
    nested(50),
    [null],
    [{}],
    {},
    { length: 1 },
    JSON.parse('{"__proto__":{"polluted":true}}'),
    { constructor: { prototype: {} } },
    0,
    -1,
    1.5,
    1e21,
    2 ** 31,
    -(2 ** 31) - 1,
    Number.MAX_SAFE_INTEGER + 2,
    true,
    'true',
    '1',
    '',
    '\u0000',
    '\ud800',
  ),
  fc.jsonValue({ maxDepth: 3 }),
);

const isStringSchema = (schema: Schema) => !schema.enum && (schema.type === 'string' || schema.type === undefined) && !schema.properties && !schema.items;
const isObjectSchema = (schema: Schema) => schema.type === 'object' || schema.properties !== undefined;
const isArraySchema = (schema: Schema) => schema.type === 'array' || schema.items !== undefined;

/** A plausible value for the schema, chosen so that most such values would pass validation. */
function plausibleValue(schema: Schema, name: string, ids: KnownIds, depth = 0): fc.Arbitrary<unknown> {
  if (schema.enum && schema.enum.length > 0) return fc.constantFrom(...schema.enum);
  if (isArraySchema(schema)) return fc.array(plausibleValue(schema.items ?? {}, name, ids, depth + 1), { maxLength: 3 });
  if (isObjectSchema(schema)) return depth > 4 ? fc.constant({}) : plausibleObject(schema, ids, depth + 1);
  if (schema.type === 'integer') return fc.integer({ min: schema.minimum ?? 0, max: Math.min(schema.maximum ?? 1000, 2 ** 31 - 1) });
  if (schema.type === 'number') return fc.double({ min: schema.minimum ?? 0, max: schema.maximum ?? 1000, noNaN: true });
  if (schema.type === 'boolean') return fc.boolean();
  return plausibleString(schema, name, ids);
}

function plausibleString(schema: Schema, name: string, ids: KnownIds): fc.Arbitrary<string> {
  if (schema.format === 'uuid' || /Id$/.test(name)) return fc.constantFrom(...ids.uuids);
  if (/email/i.test(name)) return fc.uuid().map((id) => `fuzz-${id.slice(0, 8)}@airline.test`);
  if (schema.format === 'date-time' || /At$|^(from|to)$/.test(name)) {
    return fc.integer({ min: -7 * 24 * 60, max: 7 * 24 * 60 }).map((minutes) => new Date(Date.now() + minutes * 60_000).toISOString());
  }
  if (typeof schema.example === 'string') return fc.constant(schema.example);
  if (/password/i.test(name)) return fc.constant('correct-horse-battery');
  if (/^(code|language)$/.test(name)) return fc.constantFrom('en', 'nl', 'de');
  if (name === 'name') return fc.constantFrom('Sam Jansen', 'rebooking', 'Ash cloud');
  return fc.string({ minLength: 1, maxLength: 20 });
}

function plausibleObject(schema: Schema, ids: KnownIds, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const fields = Object.fromEntries(Object.entries(properties).map(([name, property]) => [name, plausibleValue(property, name, ids, depth)]));
  return fc.record(fields, { requiredKeys: (schema.required ?? []).filter((name) => name in fields) });
}

/**
 * A value that is wrong for the schema: a right-typed string that cannot be stored, the wrong shape
 * altogether, or (for objects and lists of them) a plausible structure with one fault inside.
 */
function faultyValue(schema: Schema, name: string, ids: KnownIds, depth: number): fc.Arbitrary<unknown> {
  const faults: fc.Arbitrary<unknown>[] = [malformedValue];
  if (isStringSchema(schema)) faults.push(plausibleString(schema, name, ids).chain(nastyString));
  if (depth < 4 && isObjectSchema(schema) && Object.keys(schema.properties ?? {}).length > 0) faults.push(objectWithOneFault(schema, ids, depth + 1));
  if (depth < 4 && isArraySchema(schema)) {
    const items = schema.items ?? {};
    faults.push(
      fc
        .tuple(fc.array(plausibleValue(items, name, ids, depth + 1), { maxLength: 2 }), faultyValue(items, name, ids, depth + 1))
        .map(([good, bad]) => [...good, bad]),
    );
  }
  return fc.oneof(...faults);
}

/** Plausible in every field but one, so the fault gets past the other fields' validation. */
function objectWithOneFault(schema: Schema, ids: KnownIds, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const names = Object.keys(schema.properties ?? {});
  if (names.length === 0) return fc.dictionary(fc.string({ maxLength: 8 }), malformedValue, { maxKeys: 3 });
  return fc.oneof(
    ...names.map((faulty) =>
      fc
        .tuple(plausibleObject(schema, ids, depth), faultyValue(schema.properties![faulty], faulty, ids, depth))
        .map(([object, value]) => ({ ...object, [faulty]: value })),
    ),
    fc.tuple(plausibleObject(schema, ids, depth), fc.constantFrom('extra', '__proto__', 'constructor')).map(([object, extra]) => ({ ...object, [extra]: 1 })),
  );
}

/** Bodies that are not what the endpoint parses: broken JSON, deep nesting, the wrong content type. */
const unparsableBody: fc.Arbitrary<{ contentType?: string; body: string }> = fc.oneof(
  fc.constantFrom(
    { contentType: 'application/json', body: '{' },
    { contentType: 'application/json', body: '{"a":' },
    { contentType: 'application/json', body: 'null' },
    { contentType: 'application/json', body: '"\\u0000"' },
    { contentType: 'application/json', body: '"\\ud800"' },
    { contentType: 'application/json', body: deepArray(20_000) },
    { contentType: 'application/json', body: deepObject(5_000) },
    { contentType: 'application/json', body: `{"a":"${'x'.repeat(3_000_000)}"}` },
    { contentType: 'application/json', body: '\u0000' },
    { contentType: 'text/plain', body: 'hello' },
    { contentType: 'text/csv', body: 'name,email\n\u0000,x' },
    { contentType: 'application/x-www-form-urlencoded', body: 'a[b][c]=1&a=2' },
    { contentType: undefined, body: '{}' },
  ),
  fc.jsonValue({ maxDepth: 4 }).map((value) => ({ contentType: 'application/json', body: JSON.stringify(value) ?? 'null' })),
);

/** A CSV roster for `text/csv` endpoints, its cells drawn plausible or nasty. */
function csvBody(): fc.Arbitrary<string> {
  const cell = (plausible: fc.Arbitrary<string>) => fc.oneof({ weight: 3, arbitrary: plausible }, { weight: 1, arbitrary: plausible.chain(nastyString) });
  const row = fc
    .tuple(
      cell(fc.constantFrom('Sam Jansen', 'Alex de Vries')),
      cell(fc.uuid().map((id) => `csv-${id.slice(0, 8)}@airline.test`)),
      cell(fc.constantFrom('staff', 'volunteer', 'robot')),
      cell(fc.constantFrom('en:5', 'nl:5;en:4', 'xx:9', '')),
      cell(fc.constantFrom('rebooking:3', '', 'Bad Skill:9')),
      cell(fc.constantFrom('3', '20', '0', 'many')),
    )
    .map((cells) => cells.map((value) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value)).join(','));
  return fc.array(row, { maxLength: 6 }).map((rows) => ['name,email,kind,languages,skills,maxConcurrent', ...rows].join('\n'));
}

function bodyOf(operation: Operation, ids: KnownIds): fc.Arbitrary<{ contentType?: string; body?: string }> {
  if (!operation.bodyType) return fc.oneof({ weight: 4, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: unparsableBody });
  if (operation.bodyType === 'text/csv') {
    return fc.oneof({ weight: 8, arbitrary: csvBody().map((body) => ({ contentType: 'text/csv', body })) }, { weight: 2, arbitrary: unparsableBody });
  }
  const schema = operation.bodySchema ?? {};
  const json = (value: unknown) => ({ contentType: 'application/json', body: JSON.stringify(value) });
  return fc.oneof(
    { weight: 1, arbitrary: plausibleObject(schema, ids, 0).map(json) },
    { weight: 7, arbitrary: objectWithOneFault(schema, ids, 0).map(json) },
    { weight: 2, arbitrary: unparsableBody },
  );
}

const encodedSurrogate = '%ED%A0%80';

/** Cursors no list ever issued: random JSON, the right shape with wrong values, or no base64 at all. */
export const forgedCursor: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'WyJ4IiwieSJd', // ["x","y"]
    'garbage',
    '',
    '%00',
    encodedSurrogate,
  ),
  fc
    .oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.tuple(
        fc.constantFrom('x', '2026-13-45T99:99:99.000000Z', '0000-01-01T00:00:00.000000Z', '2026-02-30T10:00:00.000Z', '99999999999999999999', '\u0000', '\ud800', 'Sam'),
        fc.constantFrom('y', '00000000-0000-0000-0000-000000000000', '99999999999999999999', '-1', '\u0000', '1'),
      ),
    )
    .map((value) => encodeURIComponent(Buffer.from(JSON.stringify(value) ?? 'null').toString('base64url'))),
);

const nastyQueryValue: fc.Arbitrary<string> = fc.constantFrom(
  '%00',
  encodedSurrogate,
  '%',
  '%F0%9F',
  '',
  '%20%20',
  'true',
  'null',
  '-1',
  '0',
  '99999999999999999999',
  '1e400',
  '2026-13-45T99:99:99Z',
  '0000-01-01T00:00:00Z',
  '275760-09-13T00:00:00Z',
  'x'.repeat(5_000),
);

/** A wrong value for one query parameter: nasty, forged, repeated, or nested. */
function faultyQuery(parameter: Parameter): fc.Arbitrary<string[]> {
  const key = encodeURIComponent(parameter.name);
  const value = parameter.name === 'cursor' ? fc.oneof({ weight: 3, arbitrary: forgedCursor }, { weight: 1, arbitrary: nastyQueryValue }) : nastyQueryValue;
  return fc.oneof(
    { weight: 6, arbitrary: value.map((v) => [`${key}=${v}`]) },
    { weight: 1, arbitrary: fc.tuple(value, value).map(([a, b]) => [`${key}=${a}`, `${key}=${b}`]) },
    { weight: 1, arbitrary: value.map((v) => [`${key}[]=${v}`, `${key}[x]=${v}`]) },
  );
}

function plausibleQuery(parameter: Parameter, ids: KnownIds): fc.Arbitrary<string[]> {
  if (parameter.name === 'cursor') return fc.constant([]);
  const pair = plausibleValue(parameter.schema, parameter.name, ids).map((value) => [`${encodeURIComponent(parameter.name)}=${encodeURIComponent(String(value))}`]);
  return parameter.required ? pair : fc.oneof(fc.constant<string[]>([]), pair);
}

/** Every parameter plausible (or left out) but at most one, and sometimes one the operation does not know. */
function queryString(operation: Operation, ids: KnownIds): fc.Arbitrary<string> {
  const params = operation.queryParams;
  const plausible = fc.tuple(...params.map((parameter) => plausibleQuery(parameter, ids)));
  const withFault = params.map((faulty, index) =>
    fc.tuple(plausible, faultyQuery(faulty)).map(([pairs, bad]) => pairs.map((pair, at) => (at === index ? bad : pair))),
  );
  const unknown = fc.tuple(plausible, fc.constantFrom(['unknown=1'], ['limit=0'], ['limit=501'])).map(([pairs, extra]) => [...pairs, extra]);
  return fc
    .oneof({ weight: 2, arbitrary: plausible }, ...withFault.map((arbitrary) => ({ weight: 6, arbitrary })), { weight: 1, arbitrary: unknown })
    .map((pairs) => pairs.flat().join('&'));
}

function pathValue(ids: KnownIds): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...ids.uuids) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '00000000-0000-0000-0000-000000000000',
        'ffffffff-ffff-ffff-ffff-ffffffffffff',
        'not-a-uuid',
        '%00',
        encodedSurrogate,
        '%F0%9F',
        '%',
        '1',
        '-1',
        '99999999999999999999',
        'x'.repeat(3_000),
        '%2e%2e',
        ids.uuids[0].toUpperCase(),
        `${ids.uuids[0]}%00`,
      ),
    },
  );
}

/** One request for the operation: a fault in its query or body, and now and then a malformed path. */
export function malformedRequest(operation: Operation, ids: KnownIds): fc.Arbitrary<MalformedRequest> {
  const path = fc
    .tuple(...operation.pathParams.map(() => pathValue(ids)))
    .map((values) => operation.pathParams.reduce((url, parameter, index) => url.replace(`{${parameter.name}}`, values[index]), operation.path));
  return fc.tuple(path, queryString(operation, ids), bodyOf(operation, ids)).map(([url, search, { contentType, body }]) => ({
    method: operation.method,
    url: search ? `${url}?${search}` : url,
    contentType: operation.method === 'GET' ? undefined : contentType,
    body: operation.method === 'GET' ? undefined : body,
  }));
}
