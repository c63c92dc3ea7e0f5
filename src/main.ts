import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { existsSync } from 'node:fs';
import { AppLogger } from './app-logger';
import { AppModule } from './app.module';
import { configureApp } from './configure-app';
import { EnvironmentVariables, validateEnvironment } from './config/env.schema';
import { createDatabaseIfMissing, runMigrations } from './database/prepare-database';
import { shutDownGracefullyOnSignals } from './lifecycle/graceful-shutdown';
import { assertPortFree, portError, StartupError, waitForPostgres, waitForRedis } from './startup/startup-checks';

const KEEP_ALIVE_TIMEOUT_MS = 65_000;
const HOST = '0.0.0.0';

/** Before the application logger exists: plain lines on stderr. */
const say = (line: string) => process.stderr.write(`surgeline: ${line}\n`);

/**
 * Everything that can fail for a reason outside the code is checked before the application starts
 * its workers, each with a message naming the setting at fault: the port, then Postgres and Redis
 * (waited for up to STARTUP_WAIT_MS while they come up), then the database and its migrations.
 */
async function prepare(env: EnvironmentVariables): Promise<void> {
  await assertPortFree(env.PORT, HOST);
  const wait = { waitMs: env.STARTUP_WAIT_MS, log: say };
  // Outside production the database may be missing: reach the server through its own `postgres`.
  await waitForPostgres(env.DATABASE_URL, env.NODE_ENV === 'production' ? null : 'postgres', wait);
  await waitForRedis(env.REDIS_URL, wait);
  if (env.NODE_ENV !== 'production') await createDatabaseIfMissing(env.DATABASE_URL);
  await runMigrations(env.DATABASE_URL);
}

/** A `.env` in the working directory fills in what the environment does not set. */
const ENV_FILE = '.env';

async function bootstrap(): Promise<void> {
  if (existsSync(ENV_FILE)) process.loadEnvFile(ENV_FILE);
  const env = validateEnvironment(process.env);
  await prepare(env);

  const app = await NestFactory.create(AppModule, { bufferLogs: true, rawBody: true });
  configureApp(app);
  const server = await app.listen(env.PORT, HOST).catch((error: NodeJS.ErrnoException) => {
    throw portError(env.PORT, error);
  });
  // Longer than any client's or proxy's idle timeout, so the client, not us, closes idle keep-alive
  // sockets: otherwise a request can race the server's close and fail with "other side closed".
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1000;
  shutDownGracefullyOnSignals(app, server, say);
  const url = `http://localhost:${env.PORT}`;
  app.get(AppLogger).log(`Surgeline is listening on ${url}: the console at ${url}/, the API docs at ${url}/docs, live figures at ${url}/status`);
}

bootstrap().catch((error: unknown) => {
  const known = error instanceof StartupError || (error instanceof Error && /^(Invalid environment|Refusing to start)/.test(error.message));
  say(`cannot start: ${known ? (error as Error).message : error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
