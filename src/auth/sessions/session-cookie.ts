import { parse } from 'cookie';
import type { CookieOptions, Request } from 'express';

export const SESSION_COOKIE = 'surgeline_session';
export const CSRF_HEADER = 'x-csrf-token';

/** Reading does not change anything, so those methods need no CSRF token (RFC 9110 safe methods). */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isSafeMethod(method: string): boolean {
  return SAFE_METHODS.has(method.toUpperCase());
}

export function sessionCookieOf(request: Pick<Request, 'headers'>): string | undefined {
  const header = request.headers.cookie;
  return header ? parse(header)[SESSION_COOKIE] : undefined;
}

/** HttpOnly: scripts never read it; SameSite=Strict: other sites' pages never send it; Secure in production. */
export function sessionCookieOptions(secure: boolean, maxAgeSeconds?: number): CookieOptions {
  return {
    httpOnly: true,
    sameSite: 'strict',
    secure,
    path: '/',
    ...(maxAgeSeconds === undefined ? {} : { maxAge: maxAgeSeconds * 1000 }),
  };
}
