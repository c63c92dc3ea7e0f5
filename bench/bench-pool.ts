import { Pool } from 'pg';

/**
 * A pool on the bench database for seeding and reading figures. Dropping that database after a
 * Ctrl-C terminates its idle connections; their errors must not crash the cleanup that dropped it.
 */
export function benchPool(databaseUrl: string, max: number): Pool {
  const pool = new Pool({ connectionString: databaseUrl, max });
  pool.on('error', () => undefined);
  return pool;
}
