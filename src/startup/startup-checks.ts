import Redis from 'ioredis';
import { createServer } from 'net';
import { Client } from 'pg';

/** A start-up failure the operator can act on: one line that names the setting at fault. */
export class StartupError extends Error {}

const RETRY_EVERY_MS = 1000;
const ATTEMPT_TIMEOUT_MS = 3000;

/** host:port of a URL, never its credentials. */
export function describeUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || (parsed.protocol.startsWith('redis') ? '6379' : '5432')}`;
}

function reasonOf(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  return code && !String(message).includes(code) ? `${code}: ${message}` : String(message ?? error);
}

/** SQLSTATEs that waiting will not cure: a wrong password or role, a database that does not exist. */
const PERMANENT_SQLSTATES: Record<string, string> = {
  '28P01': 'password authentication failed',
  '28000': 'authorization rejected',
  '3D000': 'database does not exist',
};

interface WaitOptions {
  waitMs: number;
  log: (line: string) => void;
}

/**
 * Retries `attempt` every second until it succeeds or `waitMs` has passed, saying once what it waits
 * for. A failure `permanent` recognises ends the wait at once.
 */
async function waitFor(
  what: string,
  attempt: () => Promise<void>,
  fail: (reason: string) => StartupError,
  { waitMs, log }: WaitOptions,
  permanent: (error: unknown) => string | null = () => null,
): Promise<void> {
  const deadline = Date.now() + waitMs;
  let announced = false;
  for (;;) {
    try {
      await attempt();
      if (announced) log(`${what} is up`);
      return;
    } catch (error) {
      const fatal = permanent(error);
      if (fatal) throw fail(fatal);
      if (Date.now() + RETRY_EVERY_MS > deadline) throw fail(`${reasonOf(error)} (waited ${Math.round(waitMs / 1000)} s)`);
      if (!announced) log(`waiting up to ${Math.round(waitMs / 1000)} s for ${what}: ${reasonOf(error)}`);
      announced = true;
      await new Promise((resolve) => setTimeout(resolve, RETRY_EVERY_MS));
    }
  }
}

/** Waits for the Postgres server of DATABASE_URL; `database` is where to connect (the server's own `postgres` while ours may be missing). */
export async function waitForPostgres(databaseUrl: string, database: string | null, options: WaitOptions): Promise<void> {
  const url = new URL(databaseUrl);
  if (database) url.pathname = `/${database}`;
  await waitFor(
    `Postgres at ${describeUrl(databaseUrl)} (DATABASE_URL)`,
    async () => {
      const client = new Client({ connectionString: url.toString(), connectionTimeoutMillis: ATTEMPT_TIMEOUT_MS });
      client.on('error', () => undefined);
      try {
        await client.connect();
        await client.query('SELECT 1');
      } finally {
        await client.end().catch(() => undefined);
      }
    },
    (reason) => new StartupError(`DATABASE_URL: Postgres at ${describeUrl(databaseUrl)} unreachable: ${reason}`),
    options,
    (error) => PERMANENT_SQLSTATES[(error as { code?: string }).code ?? ''] ?? null,
  );
}

export async function waitForRedis(redisUrl: string, options: WaitOptions): Promise<void> {
  await waitFor(
    `Redis at ${describeUrl(redisUrl)} (REDIS_URL)`,
    async () => {
      const redis = new Redis(redisUrl, {
        lazyConnect: true,
        connectTimeout: ATTEMPT_TIMEOUT_MS,
        maxRetriesPerRequest: 0,
        enableOfflineQueue: false,
        retryStrategy: () => null,
      });
      // connect() rejects with only "Connection is closed."; the socket's error says why.
      let socketError: Error | undefined;
      redis.on('error', (error: Error) => (socketError ??= error));
      try {
        await redis.connect();
        await redis.ping();
      } catch (error) {
        throw socketError ?? error;
      } finally {
        redis.disconnect();
      }
    },
    (reason) => new StartupError(`REDIS_URL: Redis at ${describeUrl(redisUrl)} unreachable: ${reason}`),
    options,
    (error) => (/NOAUTH|WRONGPASS|invalid password/i.test(String((error as Error).message)) ? reasonOf(error) : null),
  );
}

/**
 * Refuses a port another process listens on before any worker starts; listen() would otherwise
 * fail only after the Bull workers and timers of this process were running.
 */
export async function assertPortFree(port: number, host: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) => reject(portError(port, error)));
    server.listen(port, host, () => server.close(() => resolve()));
  });
}

export function portError(port: number, error: NodeJS.ErrnoException): Error {
  if (error.code === 'EADDRINUSE') return new StartupError(`PORT: ${port} is already in use by another process`);
  if (error.code === 'EACCES') return new StartupError(`PORT: ${port} may not be opened by this user`);
  return error;
}
