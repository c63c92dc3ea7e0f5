import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { Request } from 'express';
import { AuthUser } from '../common/auth/auth-user';
import { forbidden, unauthenticated } from '../common/errors/domain-error';
import { UsersRepository } from '../users/users.repository';
import { assertAccountUsable } from './account-status';
import { AuthLookup, AuthLookupCache } from './auth-lookup-cache';
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

interface SessionLookup extends AuthLookup {
  sessionId: string;
  csrfToken: string;
}

/**
 * The one check of credentials, for the global guard and for routes outside Nest (the Bull
 * dashboard): a bearer token when the request has an Authorization header, else the session cookie,
 * whose writes must carry the session's CSRF token. The account (and the session) is checked on
 * every request, so a suspension, an expiry or a log-out takes effect at once; AuthLookupCache
 * answers a repeated check from memory only when no such change can have been missed.
 */
@Injectable()
export class RequestAuthenticator {
  constructor(
    private readonly jwt: JwtService,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly cache: AuthLookupCache,
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
    const account = await this.cache.read(`account:${claims.sub}`, () => this.findAccount(claims.sub));
    if (!account) throw unauthenticated();
    assertAccountUsable(account.status);
    return { user: account.user, sessionId: null, csrfToken: null };
  }

  private async bySessionCookie(cookie: string, request: Pick<Request, 'headers' | 'method'>): Promise<Principal> {
    const tokenHash = hashToken(cookie);
    const session = await this.cache.read(`session:${tokenHash.toString('base64')}`, () => this.findSession(tokenHash));
    if (!session) throw unauthenticated('Session ended or unknown; log in again');
    assertAccountUsable(session.status);
    if (!isSafeMethod(request.method)) {
      const given = request.headers[CSRF_HEADER];
      if (typeof given !== 'string' || !sameSecret(given, session.csrfToken)) {
        throw forbidden(`Missing or wrong ${CSRF_HEADER} header: send the csrfToken of the session`);
      }
    }
    return { user: session.user, sessionId: session.sessionId, csrfToken: session.csrfToken };
  }

  private async findAccount(id: string): Promise<AuthLookup | null> {
    const account = await this.users.findCredentialsById(id);
    if (!account) return null;
    return { user: { id: account.id, email: account.email, role: account.role, kind: account.kind }, status: account.status };
  }

  private async findSession(tokenHash: Buffer): Promise<SessionLookup | null> {
    const session = await this.sessions.findOpen(tokenHash);
    if (!session) return null;
    const { sessionId, csrfToken, userId, email, role, kind, status, expiresAt } = session;
    return { user: { id: userId, email, role, kind }, status, sessionId, csrfToken, expiresAt };
  }
}
