import { Pool, PoolClient } from 'pg';

/**
 * A pool on the bench database for seeding and reading figures. Dropping that database after a
 * Ctrl-C terminates its idle connections; their errors must not crash the cleanup that dropped it.
 */
export function benchPool(databaseUrl: string, max: number): Pool {
  const pool = new Pool({ connectionString: databaseUrl, max });
  pool.on('error', () => undefined);
  return pool;
}

/** Runs `work` in one transaction on a connection of the pool: all of it or none of it. */
export async function inTransaction<T>(db: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await db.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}
