import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { configureApp } from './configure-app';
import { validateEnvironment } from './config/env.schema';
import { createDatabaseIfMissing, runMigrations } from './database/prepare-database';

const KEEP_ALIVE_TIMEOUT_MS = 65_000;

async function bootstrap(): Promise<void> {
  const env = validateEnvironment(process.env);
  if (env.NODE_ENV !== 'production') await createDatabaseIfMissing(env.DATABASE_URL);
  await runMigrations(env.DATABASE_URL);

  const app = await NestFactory.create(AppModule, { bufferLogs: true, rawBody: true });
  configureApp(app);
  const server = await app.listen(env.PORT, '0.0.0.0');
  // Longer than any client's or proxy's idle timeout, so the client, not us, closes idle keep-alive
  // sockets: otherwise a request can race the server's close and fail with "other side closed".
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1000;
}

void bootstrap();
