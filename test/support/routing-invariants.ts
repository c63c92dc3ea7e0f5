import { Pool } from 'pg';

/** routing.md's invariants as SQL; each query returns the rows that break one. Empty means it holds. */
export const INVARIANT_VIOLATIONS = {
  '1: at most one open assignment per conversation': `
    SELECT conversation_id FROM assignments WHERE ended_at IS NULL GROUP BY conversation_id HAVING count(*) > 1`,
  '2: no agent holds more open conversations than maxConcurrent (and open_count is exact)': `
    SELECT a.user_id, a.open_count, a.max_concurrent, COALESCE(o.open, 0) AS open
      FROM agents a
      LEFT JOIN (SELECT agent_id, count(*)::int AS open FROM assignments WHERE ended_at IS NULL GROUP BY agent_id) o
        ON o.agent_id = a.user_id
     WHERE COALESCE(o.open, 0) > a.max_concurrent OR COALESCE(o.open, 0) <> a.open_count`,
  '3: every unresolved conversation is queued, or assigned with exactly that open assignment': `
    SELECT c.id, c.status
      FROM conversations c
      LEFT JOIN assignments a ON a.conversation_id = c.id AND a.ended_at IS NULL
     WHERE c.status NOT IN ('queued', 'assigned', 'resolved')
        OR (c.status = 'assigned') <> (a.id IS NOT NULL)
        OR (c.status = 'assigned' AND a.agent_id <> c.assigned_agent_id)`,
  '5: every assignment is explained by its stored routing decision': `
    SELECT a.id
      FROM assignments a LEFT JOIN routing_decisions d ON d.id = a.decision_id
     WHERE d.id IS NULL OR d.chosen_agent_id <> a.agent_id OR d.conversation_id <> a.conversation_id`,
} as const;

export async function invariantViolations(db: Pool): Promise<Record<string, unknown[]>> {
  const violations: Record<string, unknown[]> = {};
  for (const [name, sql] of Object.entries(INVARIANT_VIOLATIONS)) {
    const { rows } = await db.query(sql);
    if (rows.length > 0) violations[name] = rows.slice(0, 5);
  }
  return violations;
}

/**
 * Queued conversations that an on-duty agent with free capacity could take right now under the
 * requirements stored on the conversation (work conservation: must be empty shortly after any change).
 */
export const QUEUED_WHILE_AGENT_HAS_ROOM = `
  SELECT c.id
    FROM conversations c
   WHERE c.status = 'queued'
     AND EXISTS (
       SELECT 1 FROM agents a JOIN users u ON u.id = a.user_id
        WHERE u.status = 'active' AND a.presence = 'available' AND a.open_count < a.max_concurrent
          AND a.kind = ANY(c.req_agent_kinds)
          AND (a.kind = 'staff' OR EXISTS (SELECT 1 FROM incidents i WHERE i.id = a.incident_id AND i.surge_active))
          AND (c.req_languages IS NULL OR EXISTS (
                SELECT 1 FROM agent_languages l
                 WHERE l.agent_id = a.user_id AND l.code = ANY(c.req_languages) AND l.level >= c.req_min_language_level))
          AND NOT EXISTS (
                SELECT 1 FROM jsonb_to_recordset(c.req_skills) AS r(name text, "minLevel" int)
                 WHERE NOT EXISTS (
                   SELECT 1 FROM agent_skills s WHERE s.agent_id = a.user_id AND s.name = r.name AND s.level >= r."minLevel"))
          AND NOT EXISTS (SELECT 1 FROM conversation_exclusions x WHERE x.conversation_id = c.id AND x.agent_id = a.user_id))`;

export async function pollUntil<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  { timeoutMs, intervalMs = 200 }: { timeoutMs: number; intervalMs?: number },
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
    value = await read();
  }
  return value;
}
