import { runMigrations } from '../../src/database/prepare-database';
import { assertTestDatabase, databaseUrl, dropDatabase, TEMPLATE_DATABASE, withAdminClient } from './test-database';

/** Builds one migrated template database; every e2e spec file clones it into a database of its own. */
export default async function globalSetup(): Promise<void> {
  process.env.TZ = 'UTC';
  assertTestDatabase(TEMPLATE_DATABASE);
  await withAdminClient(async (client) => {
    const stale = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1`,
      [`${TEMPLATE_DATABASE.replace(/_template$/, '')}_%`],
    );
    for (const { datname } of stale.rows) await dropDatabase(client, datname);
    await client.query(`CREATE DATABASE "${TEMPLATE_DATABASE}"`);
  });
  await runMigrations(databaseUrl(TEMPLATE_DATABASE));
}
