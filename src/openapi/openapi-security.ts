import type { OpenAPIObject, OperationObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/** The browser session cookie as a security scheme (POST /auth/session sets it). */
export const SESSION_SECURITY_SCHEME = 'session';

/** Intake's own scheme: an HMAC of the raw body (api.md, "Intake"). */
export const INTAKE_SIGNATURE_SCHEME = 'intakeSignature';

/** /metrics asks for METRICS_TOKEN as a bearer token when that is set. */
export const METRICS_TOKEN_SCHEME = 'metricsToken';

/** Set by Public() on the operations the auth guard lets through without a token. */
export const PUBLIC_OPERATION_EXTENSION = 'x-surgeline-public';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export function operationsOf(document: OpenAPIObject): OperationObject[] {
  return Object.values(document.paths).flatMap((item) =>
    METHODS.map((method) => item[method]).filter((operation): operation is OperationObject => operation !== undefined),
  );
}

/**
 * Public operations declare `security: []`. @nestjs/swagger drops an empty security list from its
 * decorators' metadata, so Public() marks the operation with an extension and this replaces it.
 * An operation with a scheme of its own (intake's signature) keeps that scheme.
 */
export function declarePublicOperations(document: OpenAPIObject): void {
  for (const operation of operationsOf(document)) {
    const marked = operation as OperationObject & Record<string, unknown>;
    if (!(PUBLIC_OPERATION_EXTENSION in marked)) continue;
    delete marked[PUBLIC_OPERATION_EXTENSION];
    if (!operation.security?.length) operation.security = [];
  }
}
