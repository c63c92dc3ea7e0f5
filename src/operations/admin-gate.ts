import { Injectable } from '@nestjs/common';
import { parse } from 'cookie';
import type { CookieOptions, NextFunction, Request, RequestHandler, Response } from 'express';
import { Principal, RequestAuthenticator } from '../auth/request-authenticator';
import { CSRF_HEADER } from '../auth/sessions/session-cookie';
import { DomainError } from '../common/errors/domain-error';
import { AppConfigService } from '../config/app-config.service';

interface Refusal {
  statusCode: 401 | 403;
  message: string;
}

const ERROR_NAMES = { 401: 'Unauthorized', 403: 'Forbidden' } as const;

/**
 * The dashboard's page cannot be told to send X-CSRF-Token; its HTTP client (axios) sends the value of
 * an `XSRF-TOKEN` cookie as `X-XSRF-TOKEN` on its own-origin requests. So a session gets its CSRF token
 * in that cookie, readable by scripts but only on the dashboard's pages, and the dashboard's writes may
 * carry it under that name. It is still the session's token, checked like any other: another site can
 * neither read the cookie nor, the session cookie being SameSite=Strict, make the browser send the session.
 */
export const DASHBOARD_CSRF_COOKIE = 'XSRF-TOKEN';
const DASHBOARD_CSRF_HEADER = 'x-xsrf-token';

/**
 * Express middleware mounted in front of the Bull dashboard, which lives outside Nest's guards:
 * the same credentials as the AuthGuard (bearer token or session cookie, whose writes need the
 * session's CSRF token), admin only.
 */
@Injectable()
export class AdminGate {
  constructor(
    private readonly authenticator: RequestAuthenticator,
    private readonly config: AppConfigService,
  ) {}

  /** `route`: where the dashboard is mounted, the only path its CSRF cookie is sent to. */
  middleware(route: string): RequestHandler {
    return (request: Request, response: Response, next: NextFunction) => {
      this.admit(request)
        .then((admitted) => {
          if ('statusCode' in admitted) {
            response.status(admitted.statusCode).json({ ...admitted, error: ERROR_NAMES[admitted.statusCode] });
            return;
          }
          const { csrfToken } = admitted;
          if (csrfToken && dashboardCsrfCookieOf(request) !== csrfToken) {
            response.cookie(DASHBOARD_CSRF_COOKIE, csrfToken, this.csrfCookieOptions(route));
          }
          next();
        })
        .catch(next);
    };
  }

  async admit(request: Pick<Request, 'headers' | 'method'>): Promise<Principal | Refusal> {
    try {
      const principal = await this.authenticator.authenticate(withDashboardCsrfHeader(request));
      if (principal.user.role !== 'admin') return { statusCode: 403, message: 'This action needs the role admin' };
      return principal;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return { statusCode: error.code === 'unauthenticated' ? 401 : 403, message: error.message };
    }
  }

  private csrfCookieOptions(route: string): CookieOptions {
    return { httpOnly: false, sameSite: 'strict', secure: this.config.isProduction, path: route };
  }
}

function dashboardCsrfCookieOf(request: Pick<Request, 'headers'>): string | undefined {
  const header = request.headers.cookie;
  return header ? parse(header)[DASHBOARD_CSRF_COOKIE] : undefined;
}

/** The CSRF token under either name; X-CSRF-Token wins when both are sent. */
function withDashboardCsrfHeader(request: Pick<Request, 'headers' | 'method'>): Pick<Request, 'headers' | 'method'> {
  const given = request.headers[CSRF_HEADER] ?? request.headers[DASHBOARD_CSRF_HEADER];
  return { method: request.method, headers: { ...request.headers, [CSRF_HEADER]: given } };
}
