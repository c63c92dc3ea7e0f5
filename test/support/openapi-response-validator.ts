import Ajv2020, { ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { Response } from 'supertest';
import type { TestApp } from './test-app';

/** One response the service sent, as the e2e suite received it. */
export interface ReceivedResponse {
  method: string;
  /** The request's path without its query string, e.g. `/api/v1/incidents/5b1d…`. */
  path: string;
  status: number;
  contentType: string | undefined;
  body: unknown;
}

interface Operation {
  method: string;
  template: string;
  pattern: RegExp;
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

type OpenApiDocument = { paths: Record<string, Record<string, { responses?: Operation['responses'] }>> };

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];
const DOCUMENT_ID = 'surgeline-openapi.json';

/**
 * Checks real responses against the OpenAPI document: the operation must exist, document the status
 * and its content type, and the JSON body must match the schema (ajv, JSON Schema 2020-12 as in
 * OpenAPI 3.1, formats checked). Objects are closed while checking: a field the document does not
 * describe is a mismatch too, so the document cannot fall behind the DTOs.
 */
export class OpenApiResponseValidator {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false, logger: false });
  private readonly operations: Operation[];
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(document: OpenApiDocument) {
    addFormats(this.ajv);
    this.ajv.addSchema(closeObjects(structuredClone(document)) as object, DOCUMENT_ID);
    this.operations = Object.entries(document.paths).flatMap(([template, item]) =>
      Object.entries(item)
        .filter(([method]) => METHODS.includes(method))
        .map(([method, operation]) => ({ method: method.toUpperCase(), template, pattern: pathPattern(template), responses: operation.responses ?? {} })),
    );
  }

  /** Whether the path is one of the document's (the console, /status and /docs are not). */
  describesPath(path: string): boolean {
    return this.operations.some((operation) => operation.pattern.test(path));
  }

  /** What is wrong with the response; empty when the document describes it exactly. */
  violations(response: ReceivedResponse): string[] {
    const operation = this.operationOf(response);
    const label = `${response.method} ${response.path} → ${response.status}`;
    if (!operation) return [`${label}: no such operation in the document`];
    const documented = operation.responses[String(response.status)] ?? operation.responses.default;
    if (!documented) return [`${label}: status not documented for ${operation.method} ${operation.template}`];
    const content = documented.content ?? {};
    if (Object.keys(content).length === 0) {
      return response.body === undefined || response.body === '' || isEmptyObject(response.body) ? [] : [`${label}: a body where the document has none`];
    }
    const mediaType = response.contentType && Object.keys(content).find((type) => response.contentType?.startsWith(type));
    if (!mediaType) return [`${label}: content type ${response.contentType} not documented (${Object.keys(content).join(', ')})`];
    if (!mediaType.includes('json')) return [];
    const validate = this.validatorFor(operation, String(response.status) in operation.responses ? String(response.status) : 'default', mediaType);
    if (validate(response.body)) return [];
    return (validate.errors ?? []).map((error) => `${label}: ${error.instancePath || '(body)'} ${error.message} ${JSON.stringify(error.params)}`);
  }

  /** The operation a concrete path belongs to; a literal segment wins over a parameter (`/me/conversations` over `/me/{id}`). */
  private operationOf(response: ReceivedResponse): Operation | undefined {
    return this.operations
      .filter((operation) => operation.method === response.method && operation.pattern.test(response.path))
      .sort((a, b) => parameterCount(a.template) - parameterCount(b.template))[0];
  }

  private validatorFor(operation: Operation, status: string, mediaType: string): ValidateFunction {
    const pointer = ['paths', operation.template, operation.method.toLowerCase(), 'responses', status, 'content', mediaType, 'schema']
      .map((segment) => encodeURIComponent(segment.replace(/~/g, '~0').replace(/\//g, '~1')))
      .join('/');
    const key = `${DOCUMENT_ID}#/${pointer}`;
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.ajv.getSchema(key);
      if (!validate) throw new Error(`No schema at ${key}`);
      this.compiled.set(key, validate);
    }
    return validate;
  }
}

function pathPattern(template: string): RegExp {
  const escaped = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+');
  return new RegExp(`^${escaped}$`);
}

const parameterCount = (template: string) => (template.match(/\{/g) ?? []).length;
const isEmptyObject = (value: unknown) => typeof value === 'object' && value !== null && Object.keys(value).length === 0;

/** Every object schema that lists its properties and says nothing of others admits no others. */
function closeObjects(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(closeObjects);
  if (value === null || typeof value !== 'object') return value;
  const schema = Object.fromEntries(Object.entries(value).map(([key, child]) => [key, closeObjects(child)]));
  const isObjectSchema = typeof schema.properties === 'object' && (schema.type === 'object' || schema.type === undefined);
  if (isObjectSchema && !('additionalProperties' in schema) && !('allOf' in schema)) schema.additionalProperties = false;
  return schema;
}

/**
 * Makes `http()` record every response it receives (also those of the factories that use it), so
 * they can all be checked against the document once the spec is done.
 */
export function recordResponses(http: TestApp['http'], received: ReceivedResponse[]): TestApp['http'] {
  return () => {
    const client = http();
    for (const method of METHODS) {
      const send = (client as unknown as Record<string, (url: string) => ReturnType<typeof client.get>>)[method].bind(client);
      (client as unknown as Record<string, unknown>)[method] = (url: string) =>
        send(url).on('response', (response: Response & { req: { method: string; path: string } }) => {
          received.push({
            method: response.req.method,
            path: response.req.path.split('?')[0],
            status: response.status,
            contentType: response.headers['content-type'],
            body: response.type === 'application/json' ? response.body : response.text,
          });
        });
    }
    return client;
  };
}

/** The violations among the responses to the document's paths, one line each. */
export function undocumentedResponses(document: OpenApiDocument, received: ReceivedResponse[]): string[] {
  const validator = new OpenApiResponseValidator(document);
  return received.filter((response) => validator.describesPath(response.path)).flatMap((response) => validator.violations(response));
}
