import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { randomBytes } from 'crypto';
import Redis from 'ioredis';
import { Pool } from 'pg';
import request from 'supertest';
import { configureApp } from '../../src/configure-app';
import { createOpenApiDocument } from '../../src/openapi/openapi-document';
import { ReceivedResponse, recordResponses, undocumentedResponses } from './openapi-response-validator';
import { databaseUrl, dropDatabase, templateDatabase, TEST_DATABASE_URL, withAdminClient } from './test-database';

export const TEST_ADMIN = { email: 'admin@surgeline.test', password: 'admin-password-test' };
export const TEST_INTAKE_SECRET = 'intake-secret-for-tests';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface TestApp {
  app: INestApplication;
  http: () => ReturnType<typeof request>;
  /** Direct access for asserting invariants in Postgres; never for arranging what the API can do. */
  db: Pool;
  /** Every response `http()` received; close() fails when the OpenAPI document does not describe one. */
  received: ReceivedResponse[];
  databaseName: string;
  bullPrefix: string;
  env: Record<string, string>;
  close: () => Promise<void>;
}

const SOURCE_DATABASE_IN_USE = '55006';

async function cloneTemplate(name: string): Promise<void> {
  await withAdminClient(async (client) => {
    for (let attempt = 1; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE "${name}" TEMPLATE "${templateDatabase()}"`);
        return;
      } catch (error) {
        if ((error as { code?: string }).code !== SOURCE_DATABASE_IN_USE || attempt > 20) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      }
    }
  });
}

export async function deleteRedisKeys(prefix: string): Promise<void> {
  const redis = new Redis(TEST_REDIS_URL);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

export interface TestEnvironment {
  env: Record<string, string>;
  databaseName: string;
  bullPrefix: string;
  /** Drops the database and deletes the Redis keys; call after every process using them stopped. */
  dispose: () => Promise<void>;
}

/** A fresh database cloned from the migrated template and a Bull prefix of its own. */
export async function provisionTestEnvironment(overrides: Record<string, string> = {}): Promise<TestEnvironment> {
  const suffix = randomBytes(5).toString('hex');
  const databaseName = `${new URL(TEST_DATABASE_URL).pathname.slice(1)}_${suffix}`;
  await cloneTemplate(databaseName);
  const bullPrefix = `surgeline-test-${suffix}`;
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl(databaseName),
    REDIS_URL: TEST_REDIS_URL,
    BULL_PREFIX: bullPrefix,
    ADMIN_EMAIL: TEST_ADMIN.email,
    ADMIN_PASSWORD: TEST_ADMIN.password,
    INTAKE_SECRET: TEST_INTAKE_SECRET,
    JWT_SECRET: 'jwt-secret-for-tests-only',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    // Specs log in, enroll and post intake from one address far faster than people do; the rate
    // limits have a spec of their own that sets them low.
    RATE_LIMIT_LOGIN_PER_EMAIL: '100000',
    RATE_LIMIT_LOGIN_PER_ADDRESS: '100000',
    RATE_LIMIT_ENROLL_PER_ADDRESS: '100000',
    RATE_LIMIT_INTAKE_PER_SECOND: '100000',
    ...overrides,
  };
  return {
    env,
    databaseName,
    bullPrefix,
    dispose: async () => {
      await withAdminClient((client) => dropDatabase(client, databaseName));
      await deleteRedisKeys(bullPrefix);
    },
  };
}

/** The real AppModule in this process, on a provisioned environment. */
export async function startTestApp(overrides: Record<string, string> = {}): Promise<TestApp> {
  const { env, databaseName, bullPrefix, dispose } = await provisionTestEnvironment(overrides);
  Object.assign(process.env, env);

  // Imported only now: ConfigModule.forRoot reads process.env when the module is first loaded.
  const { AppModule } = await import('../../src/app.module');
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
  const app = moduleRef.createNestApplication({ rawBody: true, bufferLogs: true });
  configureApp(app);
  await app.init();
  const db = new Pool({ connectionString: env.DATABASE_URL, max: 4 });
  const received: ReceivedResponse[] = [];

  return {
    app,
    http: recordResponses(() => request(app.getHttpServer()), received),
    db,
    received,
    databaseName,
    bullPrefix,
    env,
    close: async () => {
      const violations = undocumentedResponses(createOpenApiDocument(app) as never, received);
      await app.close();
      await db.end();
      await dispose();
      if (violations.length > 0) throw new Error(`Responses the OpenAPI document does not describe:\n${violations.join('\n')}`);
    },
  };
}
