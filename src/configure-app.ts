import { INestApplication, RequestMethod } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { AppLogger } from './app-logger';
import { DomainErrorFilter } from './common/errors/domain-error.filter';
import { AppConfigService } from './config/app-config.service';
import { serveConsole } from './console/serve-console';
import { securityHeaders } from './console/security-headers';
import { createValidationPipe } from './common/validation/validation.pipe';
import { closeConnectionsWhileDraining } from './lifecycle/graceful-shutdown';
import { timeHttpRequests } from './metrics/http-metrics';
import { createOpenApiDocument } from './openapi/openapi-document';
import { serveStatusPage } from './stats/status-page';

export const API_PREFIX = 'api/v1';
const UNPREFIXED_ROUTES = ['health', 'metrics', 'status', 'admin/queues'];

/** Everything main.ts and the e2e tests must set up identically on a Nest application. */
export function configureApp(app: INestApplication): void {
  app.useLogger(app.get(AppLogger));
  // Ahead of every route: also times requests outside the API prefix and those matching no route.
  timeHttpRequests(app);
  closeConnectionsWhileDraining(app);
  securityHeaders(app);
  serveStatusPage(app);
  serveConsole(app);
  useApiPrefix(app);
  // POST /agents/import takes the roster as a text/csv body; JSON stays the default for the rest.
  (app as NestExpressApplication).useBodyParser('text', { type: 'text/csv', limit: '2mb' });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new DomainErrorFilter());
  allowCorsFrom(app, app.get(AppConfigService).get('CORS_ORIGINS'));

  SwaggerModule.setup('docs', app, createOpenApiDocument(app));
}

/** The API under /api/v1, the operational routes beside it: also what the OpenAPI document is built with. */
export function useApiPrefix(app: INestApplication): void {
  app.setGlobalPrefix(API_PREFIX, {
    exclude: UNPREFIXED_ROUTES.map((path) => ({ path, method: RequestMethod.ALL })),
  });
}

/**
 * Browsers on these origins may call the API with the session cookie; no other origin may (the
 * public live figures answer `*` by themselves).
 */
function allowCorsFrom(app: INestApplication, origins: string[]): void {
  app.enableCors({ origin: origins.length > 0 ? origins : false, credentials: true, exposedHeaders: ['X-Request-Id', 'Retry-After'] });
}
