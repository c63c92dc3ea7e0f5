import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { Request } from 'express';
import { AuthUser } from '../common/auth/auth-user';
import { forbidden, unauthenticated } from '../common/errors/domain-error';
import { UsersRepository } from '../users/users.repository';
import { assertAccountUsable } from './account-status';
import { CSRF_HEADER, isSafeMethod, sessionCookieOf } from './sessions/session-cookie';
import { hashToken, sameSecret } from './sessions/session-token';
import { SessionsRepository } from './sessions/sessions.repository';

/** Who made a request, and through which browser session when it came with the cookie. */
export interface Principal {
  user: AuthUser;
  sessionId: string | null;
  /** The session's CSRF token; null for a bearer token. */
  csrfToken: string | null;
}

interface AccessTokenClaims {
  sub: string;
}

/**
 * The one check of credentials, for the global guard and for routes outside Nest (the Bull
 * dashboard): a bearer token when the request has an Authorization header, else the session cookie,
 * whose writes must carry the session's CSRF token. The account is read on every request, so a
 * suspension or an expiry takes effect at once.
 */
@Injectable()
export class RequestAuthenticator {
  constructor(
    private readonly jwt: JwtService,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
  ) {}

  async authenticate(request: Pick<Request, 'headers' | 'method'>): Promise<Principal> {
    if (request.headers.authorization !== undefined) return this.byBearerToken(request.headers.authorization);
    const cookie = sessionCookieOf(request);
    if (cookie) return this.bySessionCookie(cookie, request);
    throw unauthenticated('Missing bearer token or session cookie');
  }

  private async byBearerToken(header: string): Promise<Principal> {
    const [scheme, token] = header.split(' ');
    if (scheme !== 'Bearer' || !token) throw unauthenticated('Missing bearer token');
    let claims: AccessTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims>(token);
    } catch {
      throw unauthenticated('Invalid or expired token');
    }
    const account = await this.users.findCredentialsById(claims.sub);
    if (!account) throw unauthenticated();
    assertAccountUsable(account.status);
    return { user: { id: account.id, email: account.email, role: account.role, kind: account.kind }, sessionId: null, csrfToken: null };
  }

  private async bySessionCookie(cookie: string, request: Pick<Request, 'headers' | 'method'>): Promise<Principal> {
    const session = await this.sessions.findOpen(hashToken(cookie));
    if (!session) throw unauthenticated('Session ended or unknown; log in again');
    assertAccountUsable(session.status);
    if (!isSafeMethod(request.method)) {
      const given = request.headers[CSRF_HEADER];
      if (typeof given !== 'string' || !sameSecret(given, session.csrfToken)) {
        throw forbidden(`Missing or wrong ${CSRF_HEADER} header: send the csrfToken of the session`);
      }
    }
    return {
      user: { id: session.userId, email: session.email, role: session.role, kind: session.kind },
      sessionId: session.sessionId,
      csrfToken: session.csrfToken,
    };
  }
}
