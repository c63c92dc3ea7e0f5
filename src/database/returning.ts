import { EntityManager } from 'typeorm';

/**
 * Runs an UPDATE or DELETE ... RETURNING and gives its rows. TypeORM's postgres driver answers
 * those commands with `[rows, affectedCount]` rather than the rows alone (INSERT and SELECT give rows).
 */
export async function modifyReturning<T>(manager: EntityManager, sql: string, parameters: unknown[]): Promise<T[]> {
  const [rows] = (await manager.query(sql, parameters)) as [T[], number];
  return rows;
}
