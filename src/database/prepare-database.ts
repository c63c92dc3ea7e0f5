import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from './data-source-options';

const MIGRATION_LOCK_KEY = 7_310_042;
const DUPLICATE_DATABASE = '42P04';
const UNIQUE_VIOLATION = '23505';
const TEMPLATE_IN_USE = '55006';

function databaseName(databaseUrl: string): string {
  return decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
}

/**
 * Creates the database when it does not exist yet (development and test only). Processes started
 * together race here: the loser's CREATE fails with 42P04, or with a unique violation on
 * pg_database_datname_index when both passed Postgres's own check at once. Either way it exists.
 */
export async function createDatabaseIfMissing(databaseUrl: string, template?: string): Promise<void> {
  const name = databaseName(databaseUrl);
  const adminUrl = new URL(databaseUrl);
  adminUrl.pathname = '/postgres';
  const client = new Client({ connectionString: adminUrl.toString() });
  await client.connect();
  try {
    const from = template ? ` TEMPLATE "${template.replace(/"/g, '""')}"` : '';
    for (let attempt = 1; ; attempt++) {
      const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (existing.rowCount !== 0) return;
      try {
        await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"${from}`);
        return;
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (code === DUPLICATE_DATABASE || code === UNIQUE_VIOLATION) return;
        // The template is being copied or used by someone else for a moment.
        if (code !== TEMPLATE_IN_USE || attempt >= 10) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      }
    }
  } finally {
    await client.end();
  }
}

/**
 * Runs pending migrations. Several processes may start at once, so they queue on an advisory
 * lock and each one after the first finds nothing left to run.
 */
export async function runMigrations(databaseUrl: string): Promise<void> {
  const dataSource = new DataSource(buildDataSourceOptions(databaseUrl));
  await dataSource.initialize();
  const runner = dataSource.createQueryRunner();
  try {
    await runner.connect();
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await dataSource.runMigrations({ transaction: 'each' });
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
  } finally {
    await runner.release();
    await dataSource.destroy();
  }
}
