import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';

/** Shapes of the service's API, generated from its OpenAPI document (npm run build → src/api/schema.d.ts). */
export type Schemas = components['schemas'];

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Each of the service's messages (a 400 names one field per message). */
    readonly messages: string[] = [message],
  ) {
    super(message);
  }
}

const SESSION_PATH = '/api/v1/auth/session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
let csrfToken: string | null = null;
let onSessionRefused: () => void = () => undefined;

/** The session's CSRF token (it does not change during a session): sent on every write. */
export function useCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when the service answers 401 to any request: the session has ended. */
export function whenSessionRefused(callback: () => void): void {
  onSessionRefused = callback;
}

const session: Middleware = {
  onRequest({ request }) {
    if (!SAFE_METHODS.has(request.method) && csrfToken) request.headers.set('X-CSRF-Token', csrfToken);
    return request;
  },
  onResponse({ request, response }) {
    const readingSession = new URL(request.url).pathname === SESSION_PATH;
    if ((response.status === 401 || response.status === 403) && !readingSession) onSessionRefused();
    return response;
  },
};

/** The one API client: same origin, the session cookie sent by the browser, typed by the OpenAPI document. */
export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
api.use(session);

/** Nest's error body `{statusCode, message, error}`, message possibly a list, as a list of sentences. */
export function errorMessages(body: unknown, status: number): string[] {
  const message = (body as { message?: unknown } | null)?.message;
  if (Array.isArray(message) && message.length) return message.map(String);
  if (typeof message === 'string' && message) return [message];
  return [`The service answered ${status}.`];
}

/** The data of an openapi-fetch result, or an ApiError carrying the status and the service's message. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || !result.response.ok) {
    const messages = errorMessages(result.error, result.response.status);
    throw new ApiError(result.response.status, messages.join('; '), messages);
  }
  return result.data as T;
}
