import { NestFactory } from '@nestjs/core';
import { OpenAPIObject } from '@nestjs/swagger';
import { AppModule } from '../app.module';
import { useApiPrefix } from '../configure-app';
import { createOpenApiDocument } from './openapi-document';

/**
 * The OpenAPI document without Postgres or Redis: the application is created in preview mode, which
 * resolves the modules' metadata but instantiates no provider, so nothing connects anywhere.
 */
export async function buildOpenApiDocument(): Promise<OpenAPIObject> {
  const app = await NestFactory.create(AppModule, { preview: true, logger: false, abortOnError: false });
  useApiPrefix(app);
  const document = createOpenApiDocument(app);
  await app.close();
  return document;
}
