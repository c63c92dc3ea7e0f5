import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { SESSION_COOKIE } from '../auth/sessions/session-cookie';
import { ApiErrorResponse } from './api-errors.decorator';
import { declarePublicOperations, INTAKE_SIGNATURE_SCHEME, METRICS_TOKEN_SCHEME, SESSION_SECURITY_SCHEME } from './openapi-security';
import { convertToOpenApi31 } from './nullable-to-openapi-31';

/** The service's OpenAPI document, built from the controllers' metadata: served at /docs and typed for the console. */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Surgeline')
    .setDescription('Crisis-surge routing for airline customer care')
    .setVersion('1')
    .setLicense('UNLICENSED', 'https://choosealicense.com/no-permission/')
    .addServer('/', 'this service')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'the accessToken of POST /api/v1/auth/login' })
    .addCookieAuth(
      SESSION_COOKIE,
      { type: 'apiKey', in: 'cookie', description: 'set by POST /api/v1/auth/session; writes also need the X-CSRF-Token header it returns' },
      SESSION_SECURITY_SCHEME,
    )
    .addApiKey(
      { type: 'apiKey', in: 'header', name: 'X-Signature', description: '`sha256=` and the hex HMAC-SHA256 of the raw request body with INTAKE_SECRET' },
      INTAKE_SIGNATURE_SCHEME,
    )
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'METRICS_TOKEN, when it is set' }, METRICS_TOKEN_SCHEME)
    // Whatever the operation: the body parsers, ahead of every route, refuse a body over their limit,
    // and the one exception filter answers 503 while Postgres is unreachable.
    .addGlobalResponse(ApiErrorResponse(413), ApiErrorResponse(503))
    .build();
  const document = SwaggerModule.createDocument(app, config);
  declarePublicOperations(document);
  return convertToOpenApi31(document);
}
