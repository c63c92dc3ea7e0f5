/** The operations of the service's OpenAPI document, with their parameters and body schemas resolved. */

export interface Schema {
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  nullable?: boolean;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
  $ref?: string;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: Schema;
}

export interface Operation {
  id: string;
  method: string;
  /** The path template as documented, e.g. `/api/v1/conversations/{id}/transfer`. */
  path: string;
  pathParams: Parameter[];
  queryParams: Parameter[];
  /** `application/json`, `text/csv`, ... or undefined when the operation takes no body. */
  bodyType?: string;
  bodySchema?: Schema;
  /** Answers with Server-Sent Events: the request is judged on its status line only. */
  streams: boolean;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, RawOperation>>;
  components?: { schemas?: Record<string, Schema> };
}

interface RawOperation {
  operationId?: string;
  parameters?: (Parameter & { $ref?: string })[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, { content?: Record<string, unknown> }>;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

export function operationsOf(document: OpenApiDocument): Operation[] {
  const resolve = schemaResolver(document);
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, raw]) => {
        const parameters = (raw.parameters ?? []).map((parameter) => ({
          ...parameter,
          required: parameter.required ?? false,
          schema: resolve(parameter.schema ?? {}),
        }));
        const [bodyType, body] = Object.entries(raw.requestBody?.content ?? {})[0] ?? [];
        const responseTypes = Object.values(raw.responses ?? {}).flatMap((response) => Object.keys(response.content ?? {}));
        return {
          id: raw.operationId ?? `${method} ${path}`,
          method: method.toUpperCase(),
          path,
          pathParams: parameters.filter((parameter) => parameter.in === 'path'),
          queryParams: parameters.filter((parameter) => parameter.in === 'query'),
          bodyType,
          bodySchema: body?.schema ? resolve(body.schema) : undefined,
          streams: responseTypes.includes('text/event-stream') || path.endsWith('/stream'),
        };
      }),
  );
}

/** Inlines `$ref`s and merges `allOf`, stopping at a fixed depth so a recursive schema cannot loop. */
function schemaResolver(document: OpenApiDocument): (schema: Schema, depth?: number) => Schema {
  const components = document.components?.schemas ?? {};
  const resolve = (schema: Schema, depth = 0): Schema => {
    if (depth > 8) return {};
    if (schema.$ref) return resolve(components[schema.$ref.split('/').pop()!] ?? {}, depth + 1);
    if (schema.allOf) {
      return schema.allOf.map((part) => resolve(part, depth + 1)).reduce(
        (merged, part) => ({
          ...merged,
          ...part,
          properties: { ...merged.properties, ...part.properties },
          required: [...(merged.required ?? []), ...(part.required ?? [])],
        }),
        {} as Schema,
      );
    }
    return {
      ...schema,
      items: schema.items ? resolve(schema.items, depth + 1) : undefined,
      properties: schema.properties
        ? Object.fromEntries(Object.entries(schema.properties).map(([name, property]) => [name, resolve(property, depth + 1)]))
        : undefined,
    };
  };
  return resolve;
}
