import { createHash } from 'node:crypto';
import { Pool, PoolClient } from 'pg';
import { EntityManager } from 'typeorm';
import { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

const statementNames = new Map<string, string>();

/** The same SQL text always gets the same name; two texts never share one. */
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) {
    name = `s_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    statementNames.set(text, name);
  }
  return name;
}

/**
 * Runs one of the statements on the hot paths (intake, routing, resolve, the auth guard) as a named
 * prepared statement: Postgres parses and plans it once per connection instead of on every call,
 * which cost about as much as executing these statements. Returns the rows (a data-modifying
 * statement's RETURNING rows), on the manager's transaction when it has one, else on the pool.
 */
export async function preparedQuery<T>(manager: EntityManager, text: string, values: unknown[] = []): Promise<T[]> {
  const runner = manager.queryRunner;
  const client: Pool | PoolClient = runner ? ((await runner.connect()) as PoolClient) : (manager.connection.driver as PostgresDriver).master;
  const result = await client.query<T & object>({ name: statementName(text), text, values });
  return result.rows;
}
