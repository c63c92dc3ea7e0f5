import { signatureFor } from '../factories/intake';
import { ReceivedResponse } from './openapi-response-validator';

/** Every response an HttpClient of this spec file received; test/support/process-responses.ts checks them. */
const received: ReceivedResponse[] = [];

/** The responses received since the last call, emptied. */
export function takeProcessResponses(): ReceivedResponse[] {
  return received.splice(0, received.length);
}

export interface HttpResult<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** A keep-alive JSON client for application processes started outside the test process. */
export class HttpClient {
  constructor(
    readonly baseUrl: string,
    private readonly token?: string,
    private readonly headers: Record<string, string> = {},
  ) {}

  as(token: string): HttpClient {
    return new HttpClient(this.baseUrl, token, this.headers);
  }

  /** The same client sending these headers on every request too (a session cookie and its CSRF token). */
  with(headers: Record<string, string>): HttpClient {
    return new HttpClient(this.baseUrl, this.token, { ...this.headers, ...headers });
  }

  get<T = any>(path: string): Promise<HttpResult<T>> {
    return this.send('GET', path);
  }

  post<T = any>(path: string, body?: unknown): Promise<HttpResult<T>> {
    return this.send('POST', path, body);
  }

  put<T = any>(path: string, body?: unknown): Promise<HttpResult<T>> {
    return this.send('PUT', path, body);
  }

  patch<T = any>(path: string, body?: unknown): Promise<HttpResult<T>> {
    return this.send('PATCH', path, body);
  }

  delete<T = any>(path: string): Promise<HttpResult<T>> {
    return this.send('DELETE', path);
  }

  /** A plain-text resource such as `/metrics`. */
  async text(path: string): Promise<string> {
    const response = await fetch(`${this.baseUrl}${path}`);
    if (!response.ok) throw new Error(`GET ${path} answered ${response.status}`);
    return response.text();
  }

  /** POST /intake/messages signed with the test INTAKE_SECRET. */
  intake<T = any>(message: Record<string, unknown>): Promise<HttpResult<T>> {
    const raw = JSON.stringify(message);
    return this.send('POST', '/api/v1/intake/messages', raw, { 'X-Signature': signatureFor(raw) });
  }

  private async send<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<HttpResult<T>> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(this.token ? { Authorization: `Bearer ${this.token}` } : {}),
        ...this.headers,
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    const parsed = text ? JSON.parse(text) : undefined;
    received.push({ method, path: path.split('?')[0], status: response.status, contentType: response.headers.get('content-type') ?? undefined, body: parsed });
    return { status: response.status, body: parsed as T, headers: response.headers };
  }
}
