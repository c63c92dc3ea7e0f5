import { Client } from 'pg';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/surgeline_test';

/** Set by the global setup for this run (see global-setup.ts). */
export function templateDatabase(): string {
  const template = process.env.SURGELINE_TEST_TEMPLATE;
  if (!template) throw new Error('SURGELINE_TEST_TEMPLATE is not set: run e2e specs through jest (global setup)');
  return template;
}

/** Refuses to touch any database whose name does not say it is for tests. */
export function assertTestDatabase(name: string): void {
  if (!/test/.test(name)) throw new Error(`Refusing to use database "${name}": its name must contain "test"`);
}

export function databaseUrl(name: string): string {
  assertTestDatabase(name);
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withAdminClient<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: databaseUrl('postgres_test_admin').replace('/postgres_test_admin', '/postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Waits (briefly) for the database's own connections to finish closing before forcing the drop:
 * pg-pool's end() resolves before its sockets close, and terminating a closing connection surfaces
 * as an unhandled "terminating connection due to administrator command" in the process that owned it.
 */
export async function dropDatabase(client: Client, name: string): Promise<void> {
  assertTestDatabase(name);
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name]);
    if (rows[0].n === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}
