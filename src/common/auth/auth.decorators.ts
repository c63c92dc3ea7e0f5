import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiExtension } from '@nestjs/swagger';
import { ApiError, ApiErrors } from '../../openapi/api-errors.decorator';
import { PUBLIC_OPERATION_EXTENSION, SESSION_SECURITY_SCHEME } from '../../openapi/openapi-security';
import type { Role } from '../../users/user.entity';
import { AuthenticatedRequest, AuthUser } from './auth-user';

export const IS_PUBLIC = 'surgeline:public';
export const REQUIRED_ROLES = 'surgeline:roles';

/**
 * No bearer token needed (login, enrollment, public figures, intake with its own signature). The
 * extension becomes `security: []` in the OpenAPI document (see openapi-security.ts).
 */
export const Public = () => applyDecorators(SetMetadata(IS_PUBLIC, true), ApiExtension(PUBLIC_OPERATION_EXTENSION, true));

/**
 * The OpenAPI side of the auth guard for routes that are not @Public(): a bearer token or the
 * browser's session cookie, else 401; an account that is not active (or a cookie write without the
 * CSRF token) 403. On a controller or on a handler.
 */
export const ApiSignedIn = () =>
  applyDecorators(
    ApiBearerAuth(),
    ApiCookieAuth(SESSION_SECURITY_SCHEME),
    ApiErrors(401),
    ApiError(403, 'the account is not active, or a write with the session cookie lacks the X-CSRF-Token header'),
  );

/** Admin may always do what an incident manager may; list the roles that may call the handler (else 403). */
export const Roles = (...roles: Role[]) => applyDecorators(SetMetadata(REQUIRED_ROLES, roles), ApiError(403, `needs the role ${roles.join(' or ')}`));

export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): AuthUser => {
  return context.switchToHttp().getRequest<{ user: AuthUser }>().user;
});

/** The caller and the browser session it came with (sessionId null for a bearer token). */
export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): AuthenticatedRequest => {
  const { user, sessionId } = context.switchToHttp().getRequest<AuthenticatedRequest>();
  return { user, sessionId };
});
