import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Request } from 'express';
import { AuthenticatedRequest } from '../common/auth/auth-user';
import { IS_PUBLIC, REQUIRED_ROLES } from '../common/auth/auth.decorators';
import { forbidden } from '../common/errors/domain-error';
import { Role } from '../users/user.entity';
import { RequestAuthenticator } from './request-authenticator';

/** Global guard: every route needs a bearer token or a session cookie unless marked @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: RequestAuthenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<Request & Partial<AuthenticatedRequest>>();
    const { user, sessionId } = await this.authenticator.authenticate(request);
    request.user = user;
    request.sessionId = sessionId;

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (roles && !roleAllowed(user.role, roles)) {
      throw forbidden(`This action needs the role ${roles.join(' or ')}`);
    }
    return true;
  }
}

function roleAllowed(role: Role, allowed: Role[]): boolean {
  if (allowed.includes(role)) return true;
  return role === 'admin' && allowed.includes('incident_manager');
}
