import type { OpenAPIObject } from '@nestjs/swagger';

type SchemaLike = Record<string, unknown>;

/**
 * Turns the OpenAPI 3.0 document @nestjs/swagger writes into OpenAPI 3.1, whose schemas are JSON
 * Schema. Only `nullable` needs translating, and it is why: in 3.0 `nullable` has no effect beside
 * `allOf`/`$ref`, so a nullable reference (`incident: SurgeIncident | null`) rejected null in every
 * validator; in 3.1 null is a type of its own and a nullable reference is `oneOf [ref, null]`.
 */
export function convertToOpenApi31(document: OpenAPIObject): OpenAPIObject {
  const converted = convertNullable(document) as OpenAPIObject;
  return { ...converted, openapi: '3.1.0' };
}

function convertNullable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(convertNullable);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as SchemaLike).map(([key, child]) => [key, convertNullable(child)] as const);
  const schema = Object.fromEntries(entries) as SchemaLike;
  return schema.nullable === true ? nullableSchema(schema) : schema;
}

function nullableSchema({ nullable: _nullable, ...schema }: SchemaLike): SchemaLike {
  const reference = referenceOf(schema);
  if (reference) {
    const { allOf: _allOf, $ref: _ref, type: _type, ...annotations } = schema;
    return { ...annotations, oneOf: [reference, { type: 'null' }] };
  }
  if (typeof schema.type !== 'string') throw new Error(`A nullable schema needs a type or a reference: ${JSON.stringify(schema)}`);
  const enumWithNull = Array.isArray(schema.enum) ? { enum: [...(schema.enum as unknown[]), null] } : {};
  return { ...schema, ...enumWithNull, type: [schema.type, 'null'] };
}

/** `{ $ref }`, or the `allOf: [{ $ref }]` @nestjs/swagger wraps a reference in to annotate it. */
function referenceOf(schema: SchemaLike): SchemaLike | null {
  if (typeof schema.$ref === 'string') return { $ref: schema.$ref };
  const allOf = schema.allOf as SchemaLike[] | undefined;
  if (allOf?.length === 1 && typeof allOf[0].$ref === 'string') return allOf[0];
  return null;
}
