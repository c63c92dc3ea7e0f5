import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'fs';
import { dirname, resolve } from 'path';
import { buildOpenApiDocument } from './build-openapi-document';

/**
 * Writes the OpenAPI document to the path given (default web/openapi.json), built without Postgres
 * or Redis. The console's API types are generated from this file, and `npm run lint:openapi` lints it.
 */
async function main(): Promise<void> {
  const target = resolve(process.argv[2] ?? 'web/openapi.json');
  const document = await buildOpenApiDocument();
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, `${JSON.stringify(document, null, 2)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
