import { spawnSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { OpenAPIObject, OperationObject, ResponseObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { buildOpenApiDocument } from './build-openapi-document';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

interface DocumentedOperation {
  label: string;
  path: string;
  operation: OperationObject;
}

function operationsOf(document: OpenAPIObject): DocumentedOperation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => ({ label: `${method.toUpperCase()} ${path}`, path, operation: item[method]! })),
  );
}

const statuses = (operation: OperationObject) => Object.keys(operation.responses);
const isPublic = (operation: OperationObject) => operation.security?.length === 0;

/** Every schema object in the document with the JSON path leading to it. */
function* schemaObjects(value: unknown, path = '#'): Generator<[string, Record<string, unknown>]> {
  if (value === null || typeof value !== 'object') return;
  if (!Array.isArray(value)) yield [path, value as Record<string, unknown>];
  for (const [key, child] of Object.entries(value)) yield* schemaObjects(child, `${path}/${key}`);
}

describe('The OpenAPI document', () => {
  let document: OpenAPIObject;
  let operations: DocumentedOperation[];

  beforeAll(async () => {
    document = await buildOpenApiDocument();
    operations = operationsOf(document);
  });

  it('lints without an error under @redocly/cli (recommended rules)', () => {
    const directory = mkdtempSync(join(tmpdir(), 'surgeline-openapi-'));
    try {
      const file = join(directory, 'openapi.json');
      writeFileSync(file, JSON.stringify(document));
      const lint = spawnSync(join(__dirname, '../../node_modules/.bin/redocly'), ['lint', file, '--format=json'], { encoding: 'utf8' });
      const report = JSON.parse(lint.stdout.slice(lint.stdout.indexOf('{'))) as { totals: { errors: number }; problems: { message: string }[] };
      expect(report.problems.filter((problem) => (problem as { severity?: string }).severity === 'error')).toEqual([]);
      expect(report.totals.errors).toBe(0);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  }, 60_000);

  it('names every operation with a unique verb-like id and summarises it', () => {
    const ids = operations.map(({ operation }) => operation.operationId);
    expect(ids.filter((id) => !/^[a-z]+[A-Z][A-Za-z]*$/.test(id ?? ''))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(operations.filter(({ operation }) => !operation.summary).map(({ label }) => label)).toEqual([]);
  });

  it('declares security: [] on public operations and 401 and 403 on the others', () => {
    const signedIn = operations.filter(({ operation }) => !isPublic(operation) && operation.security?.some((requirement) => 'bearer' in requirement || 'session' in requirement));
    expect(operations.filter(({ operation }) => operation.security === undefined).map(({ label }) => label)).toEqual([]);
    expect(signedIn.filter(({ operation }) => !statuses(operation).includes('401') || !statuses(operation).includes('403')).map(({ label }) => label)).toEqual([]);
    expect(operations.filter(({ operation }) => isPublic(operation)).map(({ label }) => label)).toEqual(
      expect.arrayContaining(['POST /api/v1/auth/login', 'POST /api/v1/volunteers/enroll', 'GET /api/v1/stats/live', 'GET /health']),
    );
  });

  it('documents 400 where there is input and 404 where an id is in the path', () => {
    const takesInput = ({ operation }: DocumentedOperation) =>
      operation.requestBody !== undefined || (operation.parameters ?? []).some((parameter) => 'in' in parameter && (parameter.in === 'query' || parameter.in === 'path'));
    expect(operations.filter(takesInput).filter(({ operation }) => !statuses(operation).includes('400')).map(({ label }) => label)).toEqual([]);
    expect(operations.filter(({ path }) => /\{id\}/.test(path)).filter(({ operation }) => !statuses(operation).includes('404')).map(({ label }) => label)).toEqual([]);
  });

  it('describes every error with the one error schema, 429 and 503 with Retry-After', () => {
    const errors = operations.flatMap(({ label, operation }) =>
      Object.entries(operation.responses as Record<string, ResponseObject>)
        .filter(([status]) => Number(status) >= 400 && label !== 'GET /health')
        .map(([status, response]) => ({ where: `${label} ${status}`, status, response })),
    );
    expect(errors.filter(({ response }) => response.content?.['application/json']?.schema?.['$ref' as never] !== '#/components/schemas/ErrorResponseDto').map(({ where }) => where)).toEqual([]);
    expect(errors.filter(({ status, response }) => ['429', '503'].includes(status) && !response.headers?.['Retry-After']).map(({ where }) => where)).toEqual([]);
  });

  it('types nullable values as OpenAPI 3.1 does, and every timestamp as date-time', () => {
    expect(document.openapi).toBe('3.1.0');
    const found = [...schemaObjects(document)];
    expect(found.filter(([, schema]) => 'nullable' in schema && typeof schema.nullable === 'boolean').map(([path]) => path)).toEqual([]);
    const timestamps = found.flatMap(([path, schema]) =>
      Object.entries((schema.properties ?? {}) as Record<string, Record<string, unknown>>)
        .filter(([name]) => /At$/.test(name))
        .map(([name, property]) => ({ where: `${path}/${name}`, property })),
    );
    expect(timestamps.length).toBeGreaterThan(20);
    expect(timestamps.filter(({ property }) => property.format !== 'date-time').map(({ where }) => where)).toEqual([]);
  });
});
