import { IncomingMessage, request } from 'http';

export interface ServerSentEvent {
  event: string;
  id: string | null;
  data: string;
}

export interface EventStream {
  status: number;
  contentType: string | undefined;
  received: ServerSentEvent[];
  /** Resolves with the first event (already received or still to come) that matches; rejects after the deadline. */
  next(match: (event: ServerSentEvent) => boolean, deadlineMs?: number): Promise<ServerSentEvent>;
  /** Resolves once the server ends the response; rejects after the deadline. */
  ended(deadlineMs?: number): Promise<void>;
  close(): void;
}

/**
 * A minimal text/event-stream reader over a real socket; resolves once the response headers arrived.
 * `onEvent` sees each event as it arrives.
 */
export function openEventStream(
  url: string,
  headers: Record<string, string> = {},
  onEvent: (event: ServerSentEvent) => void = () => undefined,
): Promise<EventStream> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { Accept: 'text/event-stream', ...headers } }, (response: IncomingMessage) => {
      const received: ServerSentEvent[] = [];
      const waiters = new Set<() => void>();
      let buffer = '';
      const serverEnded = new Promise<void>((done) => response.once('end', done));
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const event = parseEvent(buffer.slice(0, end));
          received.push(event);
          onEvent(event);
          buffer = buffer.slice(end + 2);
        }
        for (const wake of waiters) wake();
      });
      response.on('error', () => undefined);
      resolve({
        status: response.statusCode ?? 0,
        contentType: response.headers['content-type'],
        received,
        next: (match, deadlineMs = 10_000) =>
          new Promise((found, fail) => {
            const check = () => {
              const event = received.find(match);
              if (!event) return;
              clearTimeout(timer);
              waiters.delete(check);
              found(event);
            };
            const timer = setTimeout(() => {
              waiters.delete(check);
              fail(new Error(`no matching event within ${deadlineMs} ms; received ${JSON.stringify(received)}`));
            }, deadlineMs);
            waiters.add(check);
            check();
          }),
        ended: (deadlineMs = 10_000) =>
          new Promise((done, fail) => {
            const timer = setTimeout(() => fail(new Error(`the stream did not end within ${deadlineMs} ms`)), deadlineMs);
            void serverEnded.then(() => {
              clearTimeout(timer);
              done();
            });
          }),
        close: () => req.destroy(),
      });
    });
    req.on('error', reject);
    req.end();
  });
}

function parseEvent(block: string): ServerSentEvent {
  const event: ServerSentEvent = { event: 'message', id: null, data: '' };
  const data: string[] = [];
  for (const line of block.split('\n')) {
    const colon = line.indexOf(':');
    if (colon === 0) continue;
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event.event = value;
    if (field === 'id') event.id = value;
    if (field === 'data') data.push(value);
  }
  event.data = data.join('\n');
  return event;
}
