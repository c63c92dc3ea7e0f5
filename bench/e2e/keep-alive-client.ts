import { Agent, request } from 'http';

export interface JsonResponse<T = unknown> {
  status: number;
  body: T;
}

/**
 * A JSON client over a keep-alive socket pool, so the figures measure the service rather than TCP
 * handshakes. Requests beyond `maxSockets` wait in the pool; callers time from the call, so that
 * wait counts as latency.
 */
export class KeepAliveClient {
  private readonly agent: Agent;
  private readonly url: URL;

  constructor(
    readonly baseUrl: string,
    maxSockets: number,
  ) {
    this.url = new URL(baseUrl);
    this.agent = new Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
  }

  send<T = unknown>(method: string, path: string, options: { body?: string; headers?: Record<string, string> } = {}): Promise<JsonResponse<T>> {
    return new Promise((resolve, reject) => {
      const req = request(
        {
          agent: this.agent,
          host: this.url.hostname,
          port: this.url.port,
          method,
          path,
          headers: {
            ...(options.body === undefined ? {} : { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(options.body) }),
            ...options.headers,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let body: unknown = undefined;
            try {
              body = text ? JSON.parse(text) : undefined;
            } catch {
              body = text;
            }
            resolve({ status: res.statusCode ?? 0, body: body as T });
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      if (options.body !== undefined) req.write(options.body);
      req.end();
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
