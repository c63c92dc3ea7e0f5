import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { configureApp } from './configure-app';
import { validateEnvironment } from './config/env.schema';
import { createDatabaseIfMissing, runMigrations } from './database/prepare-database';

async function bootstrap(): Promise<void> {
  const env = validateEnvironment(process.env);
  if (env.NODE_ENV !== 'production') await createDatabaseIfMissing(env.DATABASE_URL);
  await runMigrations(env.DATABASE_URL);

  const app = await NestFactory.create(AppModule, { bufferLogs: true, rawBody: true });
  configureApp(app);
  await app.listen(env.PORT, '0.0.0.0');
}

void bootstrap();
