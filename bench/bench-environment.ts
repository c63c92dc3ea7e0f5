import { randomBytes } from 'crypto';
import Redis from 'ioredis';
import { Client } from 'pg';
import { createDatabaseIfMissing, runMigrations } from '../src/database/prepare-database';

/** A fresh database and a Bull prefix for one run; both are removed when the run ends, also on failure. */
export interface BenchEnvironment {
  databaseUrl: string;
  databaseName: string;
  redisUrl: string;
  bullPrefix: string;
  /** Secrets the bench gives the service so it can sign intake and mint agent tokens itself. */
  intakeSecret: string;
  jwtSecret: string;
  dispose: () => Promise<void>;
}

const BASE_DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/surgeline_bench';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Refuses any database whose name does not say it is a bench database: dropping it is routine here. */
export function assertBenchDatabase(name: string): void {
  if (!/bench/.test(name)) throw new Error(`Refusing to use database "${name}": its name must contain "bench"`);
}

function withDatabase(baseUrl: string, name: string): string {
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropBenchDatabase(databaseUrl: string): Promise<void> {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  assertBenchDatabase(name);
  const client = new Client({ connectionString: withDatabase(databaseUrl, 'postgres') });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name.replace(/"/g, '""')}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

export async function deleteKeys(redisUrl: string, prefix: string): Promise<number> {
  const redis = new Redis(redisUrl);
  let deleted = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length > 0) deleted += await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return deleted;
}

export async function createBenchEnvironment(): Promise<BenchEnvironment> {
  const suffix = randomBytes(4).toString('hex');
  const baseName = decodeURIComponent(new URL(BASE_DATABASE_URL).pathname.slice(1));
  const databaseName = `${baseName}_${suffix}`;
  assertBenchDatabase(databaseName);
  const databaseUrl = withDatabase(BASE_DATABASE_URL, databaseName);
  const bullPrefix = `surgeline-bench-${suffix}`;
  await createDatabaseIfMissing(databaseUrl);
  try {
    await runMigrations(databaseUrl);
  } catch (error) {
    await dropBenchDatabase(databaseUrl);
    throw error;
  }
  return {
    databaseUrl,
    databaseName,
    redisUrl: REDIS_URL,
    bullPrefix,
    intakeSecret: randomBytes(16).toString('hex'),
    jwtSecret: randomBytes(24).toString('hex'),
    dispose: async () => {
      await dropBenchDatabase(databaseUrl);
      await deleteKeys(REDIS_URL, bullPrefix);
    },
  };
}

/** The service's environment for this run; LOG_LEVEL warn keeps logging out of the figures. */
export function serviceEnv(env: BenchEnvironment, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'development',
    DATABASE_URL: env.databaseUrl,
    REDIS_URL: env.redisUrl,
    BULL_PREFIX: env.bullPrefix,
    INTAKE_SECRET: env.intakeSecret,
    JWT_SECRET: env.jwtSecret,
    ADMIN_EMAIL: 'admin@surgeline.bench',
    ADMIN_PASSWORD: 'admin-password-bench',
    LOG_LEVEL: 'warn',
    // Every simulated agent and the driver share one address: the limits must not bind, only cost.
    RATE_LIMIT_LOGIN_PER_ADDRESS: '1000000',
    RATE_LIMIT_INTAKE_PER_SECOND: '1000000',
    ...overrides,
  };
}
