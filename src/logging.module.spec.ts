import type { IncomingMessage, ServerResponse } from 'node:http';
import { levelFor, requestIdFor } from './logging.module';

function exchange(requestId?: string): { request: IncomingMessage; response: ServerResponse & { headers: Record<string, unknown> } } {
  const headers: Record<string, unknown> = {};
  const response = { headers, setHeader: (name: string, value: unknown) => (headers[name] = value) };
  const request = { headers: requestId === undefined ? {} : { 'x-request-id': requestId } };
  return { request: request as unknown as IncomingMessage, response: response as unknown as ServerResponse & { headers: Record<string, unknown> } };
}

describe('request ids', () => {
  it("keep the caller's id and answer it", () => {
    const { request, response } = exchange('lb-7f3a:42');
    expect(requestIdFor(request, response)).toBe('lb-7f3a:42');
    expect(response.headers['X-Request-Id']).toBe('lb-7f3a:42');
  });

  it.each([undefined, '', 'x'.repeat(129), 'two\nlines', 'with space', '{"json":1}'])('replace an unusable id %j with a new one', (given) => {
    const { request, response } = exchange(given);
    const id = requestIdFor(request, response);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers['X-Request-Id']).toBe(id);
  });
});

describe('request log levels', () => {
  const answered = (statusCode: number) => ({ statusCode }) as ServerResponse;
  const request = {} as IncomingMessage;

  it.each([
    [200, 'info'],
    [304, 'info'],
    [400, 'warn'],
    [429, 'warn'],
    [500, 'error'],
    [503, 'error'],
  ])('%i is logged at %s', (status, level) => {
    expect(levelFor(request, answered(status))).toBe(level);
  });

  it('logs a failed request as an error whatever its status', () => {
    expect(levelFor(request, answered(200), new Error('socket hang up'))).toBe('error');
  });
});
