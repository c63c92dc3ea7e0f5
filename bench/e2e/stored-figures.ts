import Bull from 'bull';
import { Pool } from 'pg';
import { ROUTING_QUEUE } from '../../src/routing/routing.queue';
import { inTransaction } from '../bench-pool';
import { StoredPhaseFigures } from './figures';
import { handlePattern } from './intake-load';

/** Figures read from the timestamps the service stored; the service's clock is the only clock involved. */

export async function queuedCount(db: Pool): Promise<number> {
  const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM conversations WHERE status = 'queued'`);
  return rows[0].n;
}

/** Waits until nothing is queued (or the timeout); returns how long it took and what was left. */
export async function settleQueue(db: Pool, timeoutMs: number): Promise<{ seconds: number; leftQueued: number; endedAtMs: number }> {
  const started = Date.now();
  let queued = await queuedCount(db);
  while (queued > 0 && Date.now() - started < timeoutMs) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    queued = await queuedCount(db);
  }
  const endedAtMs = Date.now();
  return { seconds: (endedAtMs - started) / 1000, leftQueued: queued, endedAtMs };
}

export async function assignmentsBetween(db: Pool, fromMs: number, toMs: number): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM assignments WHERE assigned_at >= to_timestamp($1::float8 / 1000) AND assigned_at < to_timestamp($2::float8 / 1000)`,
    [fromMs, toMs],
  );
  return rows[0].n;
}

/**
 * intake→assigned per conversation: from received_at (set by the service when the request reached
 * it) to the first assignment's assigned_at (the claim transaction's start).
 */
export async function storedPhaseFigures(db: Pool, tag: string, window: { startedAtMs: number; endedAtMs: number }): Promise<StoredPhaseFigures> {
  const { rows } = await db.query<{ id: string; ms: number; at_ms: number }>(
    `SELECT c.id, extract(epoch FROM first.assigned_at - c.received_at)::float8 * 1000 AS ms,
            extract(epoch FROM first.assigned_at)::float8 * 1000 AS at_ms
       FROM conversations c
       CROSS JOIN LATERAL (SELECT min(a.assigned_at) AS assigned_at FROM assignments a WHERE a.conversation_id = c.id) first
      WHERE c.handle LIKE $1 AND first.assigned_at IS NOT NULL`,
    [handlePattern(tag)],
  );
  return {
    assignmentsDuringPhase: await assignmentsBetween(db, window.startedAtMs, window.endedAtMs),
    intakeToAssignedMs: new Map(rows.map((row) => [row.id, Number(row.ms)])),
    lastAssignedAtMs: rows.length === 0 ? null : Math.max(...rows.map((row) => Number(row.at_ms))),
  };
}

/** Between runs: no conversations, no load on any agent, so each process count starts from the same state. */
export async function resetWork(db: Pool): Promise<void> {
  await db.query(`TRUNCATE conversations, events CASCADE`);
  await db.query(`UPDATE agents SET open_count = 0, last_assigned_at = NULL`);
  await db.query(`VACUUM ANALYZE agents`);
}

/**
 * A phase whose backlog did not drain would leave its work to the next phase and blur that
 * phase's figures: its conversations are removed (agents' loads reset with them, in one
 * transaction) and its waiting routing jobs dropped, so the next phase starts from an empty queue.
 * Jobs already running find their conversation gone and skip it.
 */
export async function purgeBacklog(db: Pool, redis: { url: string; prefix: string }): Promise<void> {
  const queue = new Bull(ROUTING_QUEUE, redis.url, { prefix: redis.prefix });
  try {
    await queue.empty();
  } finally {
    await queue.close();
  }
  await inTransaction(db, async (client) => {
    await client.query('TRUNCATE conversations CASCADE');
    await client.query('UPDATE agents SET open_count = 0');
  });
}
