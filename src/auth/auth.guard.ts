import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { Request } from 'express';
import { AuthUser } from '../common/auth/auth-user';
import { IS_PUBLIC, REQUIRED_ROLES } from '../common/auth/auth.decorators';
import { forbidden, unauthenticated } from '../common/errors/domain-error';
import { Role } from '../users/user.entity';
import { UsersRepository } from '../users/users.repository';
import { assertAccountUsable } from './account-status';

interface AccessTokenClaims {
  sub: string;
}

/**
 * Global guard: every route needs a valid bearer token unless marked @Public(), and the account
 * is re-read on each request so a suspension or a surge-end expiry takes effect at once.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly users: UsersRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    const claims = await this.verifiedClaims(request.headers.authorization);
    const account = await this.users.findCredentialsById(claims.sub);
    if (!account) throw unauthenticated();
    assertAccountUsable(account.status);
    request.user = { id: account.id, email: account.email, role: account.role, kind: account.kind };

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (roles && !roleAllowed(account.role, roles)) {
      throw forbidden(`This action needs the role ${roles.join(' or ')}`);
    }
    return true;
  }

  private async verifiedClaims(header: string | undefined): Promise<AccessTokenClaims> {
    const [scheme, token] = (header ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) throw unauthenticated('Missing bearer token');
    try {
      return await this.jwt.verifyAsync<AccessTokenClaims>(token);
    } catch {
      throw unauthenticated('Invalid or expired token');
    }
  }
}

function roleAllowed(role: Role, allowed: Role[]): boolean {
  if (allowed.includes(role)) return true;
  return role === 'admin' && allowed.includes('incident_manager');
}
