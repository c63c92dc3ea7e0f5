import { INestApplication, RequestMethod } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { DomainErrorFilter } from './common/errors/domain-error.filter';
import { createValidationPipe } from './common/validation/validation.pipe';
import { timeHttpRequests } from './metrics/http-metrics';
import { serveStatusPage } from './stats/status-page';

export const API_PREFIX = 'api/v1';
const UNPREFIXED_ROUTES = ['health', 'metrics', 'status', 'admin/queues'];

/** Everything main.ts and the e2e tests must set up identically on a Nest application. */
export function configureApp(app: INestApplication): void {
  app.useLogger(app.get(Logger));
  // Ahead of every route: also times requests outside the API prefix and those matching no route.
  timeHttpRequests(app);
  serveStatusPage(app);
  app.setGlobalPrefix(API_PREFIX, {
    exclude: UNPREFIXED_ROUTES.map((path) => ({ path, method: RequestMethod.ALL })),
  });
  // POST /agents/import takes the roster as a text/csv body; JSON stays the default for the rest.
  (app as NestExpressApplication).useBodyParser('text', { type: 'text/csv', limit: '2mb' });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new DomainErrorFilter());
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Surgeline')
      .setDescription('Crisis-surge routing for airline customer care')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document);
}
