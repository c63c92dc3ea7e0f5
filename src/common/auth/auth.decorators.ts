import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '../../users/user.entity';
import { AuthUser } from './auth-user';

export const IS_PUBLIC = 'surgeline:public';
export const REQUIRED_ROLES = 'surgeline:roles';

/** No bearer token needed (login, enrollment, public figures, intake with its own signature). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Admin may always do what an incident manager may; list the roles that may call the handler. */
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);

export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): AuthUser => {
  return context.switchToHttp().getRequest<{ user: AuthUser }>().user;
});
