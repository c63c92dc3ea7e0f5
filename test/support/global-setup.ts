import { randomBytes } from 'crypto';
import { runMigrations } from '../../src/database/prepare-database';
import { assertTestDatabase, databaseUrl, dropDatabase, TEST_DATABASE_URL, withAdminClient } from './test-database';

/**
 * Builds one migrated template database for this run; every e2e spec file clones it into a
 * database of its own. The name is unique per run so concurrent runs on one machine don't collide.
 */
export default async function globalSetup(): Promise<void> {
  process.env.TZ = 'UTC';
  const base = new URL(TEST_DATABASE_URL).pathname.slice(1);
  const template = `${base}_template_${randomBytes(4).toString('hex')}`;
  assertTestDatabase(template);
  await withAdminClient(async (client) => {
    // Leftovers of interrupted runs; only on CI, where no other run can be using them.
    if (process.env.CI) {
      const stale = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${base}_%`]);
      for (const { datname } of stale.rows) await dropDatabase(client, datname);
    }
    await client.query(`CREATE DATABASE "${template}"`);
  });
  await runMigrations(databaseUrl(template));
  process.env.SURGELINE_TEST_TEMPLATE = template;
}
