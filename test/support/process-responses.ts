import { takeProcessResponses } from './http-client';
import { undocumentedResponses } from './openapi-response-validator';

/**
 * Specs that start the service as processes talk to it through HttpClient, outside startTestApp's
 * check: what they received must match the OpenAPI document too, or the spec file fails.
 */
afterAll(async () => {
  const received = takeProcessResponses();
  if (received.length === 0) return;
  // Imported only now: the application's modules read process.env when first loaded (see startTestApp).
  const { buildOpenApiDocument } = await import('../../src/openapi/build-openapi-document');
  const violations = undocumentedResponses((await buildOpenApiDocument()) as never, received);
  if (violations.length > 0) throw new Error(`Responses the OpenAPI document does not describe:\n${violations.join('\n')}`);
});
